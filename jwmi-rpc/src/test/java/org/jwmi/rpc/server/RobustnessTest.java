package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jwmi.auth.AuthLevel;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.pdu.AlterContext;
import org.jwmi.rpc.pdu.AuthVerifier;
import org.jwmi.rpc.pdu.Bind;
import org.jwmi.rpc.pdu.BindTimeFeatures;
import org.jwmi.rpc.pdu.CoCancel;
import org.jwmi.rpc.pdu.Orphaned;
import org.jwmi.rpc.pdu.PContElem;
import org.jwmi.rpc.pdu.PackedDrep;
import org.jwmi.rpc.pdu.PfcFlags;
import org.jwmi.rpc.pdu.Request;
import org.jwmi.rpc.pdu.RpcAuth3;
import org.jwmi.rpc.pdu.SecTrailer;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * More than a thousand malformed, truncated and oversized PDUs over real sockets: random bytes and structured
 * mutations of valid PDUs. The server must answer or close each connection promptly, never fail internally, keep
 * serving a well-behaved client, and leave no connection thread behind.
 */
class RobustnessTest {
    private static final int CASES = 1200;

    private final Random rnd = new Random(0x5eed);

    private static PContElem echoCtx(int id) {
        return new PContElem(id, EchoService.SYNTAX, List.of(SyntaxId.NDR20));
    }

    private byte[] validBind() {
        return new Bind(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 5840, 5840, 0,
                List.of(echoCtx(0), new PContElem(1, EchoService.SYNTAX, List.of(BindTimeFeatures.syntax(3)))),
                Optional.empty()).encode();
    }

    private byte[] template() {
        AuthVerifier ntlmNegotiate = new AuthVerifier(SecTrailer.of(10, 6, 0, 0), new byte[40]);
        AuthVerifier sig = new AuthVerifier(SecTrailer.of(10, 6, 4, 0), new byte[16]);
        return switch (rnd.nextInt(8)) {
            case 0 -> validBind();
            case 1 -> new Bind(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 5840, 5840, 0, List.of(echoCtx(0)),
                    Optional.of(ntlmNegotiate)).encode();
            case 2 -> new AlterContext(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 2, 5840, 5840, 0,
                    List.of(echoCtx(3)), Optional.of(ntlmNegotiate)).encode();
            case 3 -> new Request(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 2, 12, 0, 0, Optional.empty(),
                    new byte[12], Optional.of(sig)).encode();
            case 4 -> new Request(PfcFlags.of(org.jwmi.rpc.pdu.PfcFlag.FIRST_FRAG), PackedDrep.BIG_ENDIAN, 2, -1, 0, 1,
                    Optional.empty(), EchoService.le32(100), Optional.empty()).encode();
            case 5 -> new RpcAuth3(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 0,
                    new AuthVerifier(SecTrailer.of(10, 6, 0, 0), new byte[100])).encode();
            case 6 -> CoCancel.of(2).encode();
            default -> Orphaned.of(2).encode();
        };
    }

    private static void putU16(byte[] b, int at, int v) {
        if (at + 1 < b.length) {
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >>> 8);
        }
    }

    /** One malformed input and whether to bind properly first. */
    private record Case(String kind, boolean bindFirst, byte[] bytes) {
    }

    private Case next(int i) {
        boolean bindFirst = rnd.nextBoolean();
        byte[] t = template();
        switch (i % 12) {
            case 0: {
                byte[] b = new byte[rnd.nextInt(300)];
                rnd.nextBytes(b);
                if (b.length > 0 && rnd.nextBoolean()) {
                    b[0] = 5;
                }
                return new Case("random", bindFirst, b);
            }
            case 1:
                return new Case("truncated", bindFirst, Arrays.copyOf(t, rnd.nextInt(t.length)));
            case 2:
                putU16(t, 8, rnd.nextInt(0x10000));
                return new Case("frag_length", bindFirst, t);
            case 3:
                putU16(t, 10, t.length + rnd.nextInt(0x10000 - t.length));
                return new Case("auth_length>frag", bindFirst, t);
            case 4:
                t[2] = (byte) (20 + rnd.nextInt(236));
                return new Case("ptype", bindFirst, t);
            case 5:
                t[rnd.nextInt(2)] = (byte) rnd.nextInt(256);
                return new Case("version", bindFirst, t);
            case 6: {
                byte[] b = validBind();
                b[24] = (byte) 0xff;
                if (rnd.nextBoolean()) {
                    b[30] = (byte) 0xff;
                }
                return new Case("many contexts", false, b);
            }
            case 7: {
                byte[] b = new Request(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 2, -1, 0, 0, Optional.empty(),
                        new byte[rnd.nextInt(100)], Optional.empty()).encode();
                return new Case("huge alloc_hint", true, b);
            }
            case 8: {
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                    t[rnd.nextInt(t.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return new Case("flips", bindFirst, t);
            }
            case 9: {
                if (t.length > 26) {
                    int trailer = t.length - 8 - 16;
                    t[Math.max(16, Math.min(t.length - 1, trailer + 2))] = (byte) rnd.nextInt(256);
                }
                return new Case("auth_pad_length", bindFirst, t);
            }
            case 10: {
                t[4] = (byte) rnd.nextInt(256);
                t[5] = (byte) rnd.nextInt(256);
                return new Case("drep", bindFirst, t);
            }
            default: {
                byte[] two = Arrays.copyOf(t, t.length * 2);
                System.arraycopy(t, 0, two, t.length, t.length);
                putU16(two, 8, 0xffff);
                return new Case("oversized", bindFirst, two);
            }
        }
    }

    private static void drain(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // discard replies until the server closes
        }
    }

    @Test
    void malformedPdusNeitherBreakNorLeak() throws Exception {
        EchoService echo = new EchoService();
        String prefix = Fixtures.prefix();
        RpcServer server = Fixtures.server(b -> b.register(echo).readTimeout(Duration.ofSeconds(2)).threadNamePrefix(prefix));
        List<String> slow = new ArrayList<>();
        try {
            for (int i = 0; i < CASES; i++) {
                Case c = next(i);
                long t0 = System.nanoTime();
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    s.setSoTimeout(5000);
                    s.setTcpNoDelay(true);
                    if (c.bindFirst) {
                        s.getOutputStream().write(validBind());
                    }
                    s.getOutputStream().write(c.bytes);
                    s.getOutputStream().flush();
                    s.shutdownOutput();
                    drain(s);
                } catch (IOException e) {
                    // a reset is a fine way to end a hostile connection
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > 1000) {
                    slow.add(c.kind + " " + ms + " ms");
                }
            }
            assertThat(slow).as("connections the server did not end promptly").isEmpty();
            assertThat(server.internalErrors.get()).as("internal errors").isZero();
            Fixtures.await(() -> server.activeConnections() == 0, "all hostile connections to end");

            try (RpcConnection good = Fixtures.connect(server)) {
                RpcBinding b = good.bind(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_PRIVACY));
                assertThat(b.call(0, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
            }
        } finally {
            server.close();
        }
        assertThat(server.activeConnections()).isZero();
        assertThat(Fixtures.threadsNamed(prefix)).as("threads left behind").isEmpty();
    }
}
