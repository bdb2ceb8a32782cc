package org.jwmi.rpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jwmi.auth.AuthLevel;
import org.jwmi.rpc.BindRejectedException;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.RpcTransportException;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.pdu.Bind;
import org.jwmi.rpc.pdu.BindAck;
import org.jwmi.rpc.pdu.BindNak;
import org.jwmi.rpc.pdu.BindTimeFeatures;
import org.jwmi.rpc.pdu.Fault;
import org.jwmi.rpc.pdu.FrameReader;
import org.jwmi.rpc.pdu.PResult;
import org.jwmi.rpc.pdu.PackedDrep;
import org.jwmi.rpc.pdu.Pdu;
import org.jwmi.rpc.pdu.PfcFlag;
import org.jwmi.rpc.pdu.PfcFlags;
import org.jwmi.rpc.pdu.RejectReason;
import org.jwmi.rpc.pdu.Request;
import org.jwmi.rpc.pdu.Response;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcServer;
import org.jwmi.rpc.server.RpcService;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The client against scripted servers: what it sends, and how it reports what comes back. */
class RpcConnectionTest {

    /** A one-connection server that answers each received PDU with the PDUs a script returns. */
    static final class ScriptedServer implements AutoCloseable {
        final ServerSocket ss;
        final List<Pdu> received = new ArrayList<>();
        final Thread thread;

        ScriptedServer(Function<Pdu, List<byte[]>> script) throws IOException {
            ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try (Socket s = ss.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] f;
                    while ((f = FrameReader.read(in, 65535, () -> { })) != null) {
                        Pdu p = Pdu.decode(f);
                        synchronized (received) {
                            received.add(p);
                        }
                        List<byte[]> reply = script.apply(p);
                        if (reply == null) {
                            return;
                        }
                        for (byte[] r : reply) {
                            out.write(r);
                        }
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // client went away
                }
            }, "scripted-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return ss.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            ss.close();
            thread.join(2000);
        }
    }

    static byte[] ack(Pdu bind, List<PResult> results) {
        return new BindAck(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, bind.callId(), 4280, 4280, 0x77, "135",
                results, Optional.empty()).encode();
    }

    static byte[] response(int callId, byte[] stub) {
        return new Response(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, callId, stub.length, 0, 0, 0, stub,
                Optional.empty()).encode();
    }

    static final ClientConfig FAST = ClientConfig.defaults().withReadTimeout(Duration.ofMillis(400));

    @Test
    void bindOffersNdr20AndFeatureNegotiationAndReportsWhatWasNegotiated() throws Exception {
        try (ScriptedServer s = new ScriptedServer(p -> p instanceof Bind b
                ? List.of(ack(b, List.of(PResult.accept(SyntaxId.NDR20), PResult.negotiateAck(1))))
                : List.of(response(p.callId(), new byte[] {7})));
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), FAST)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            Bind sent = (Bind) s.received.get(0);
            assertThat(sent.maxXmitFrag()).isEqualTo(5840);
            assertThat(sent.contexts()).hasSize(2);
            assertThat(sent.contexts().get(0).transferSyntaxes()).containsExactly(SyntaxId.NDR20);
            assertThat(BindTimeFeatures.bitmask(sent.contexts().get(1).transferSyntaxes().get(0))).isEqualTo(3);
            assertThat(sent.pfcFlags().has(PfcFlag.CONC_MPX)).isFalse();
            Negotiated n = c.negotiated();
            assertThat(n.maxXmitFrag()).isEqualTo(4280);
            assertThat(n.maxRecvFrag()).isEqualTo(4280);
            assertThat(n.assocGroupId()).isEqualTo(0x77);
            assertThat(n.secondaryAddress()).isEqualTo("135");
            assertThat(n.featureBits()).isEqualTo(1);
            assertThat(n.securityContextMultiplexing()).isTrue();
            assertThat(n.toString()).contains("max_xmit_frag=4280").contains("SecurityContextMultiplexing");
            assertThat(b.call(5, new byte[] {1}, Optional.of(java.util.UUID.randomUUID()))).containsExactly(7);
            Request r = (Request) s.received.get(1);
            assertThat(r.opnum()).isEqualTo(5);
            assertThat(r.pfcFlags().has(PfcFlag.OBJECT_UUID)).isTrue();
            assertThat(r.callId()).isGreaterThan(sent.callId());
        }
    }

    @Test
    void bindNakBecomesBindRejectedException() throws Exception {
        try (ScriptedServer s = new ScriptedServer(p -> List.of(BindNak.of(p.callId(),
                RejectReason.PROTOCOL_VERSION_NOT_SUPPORTED).encode()));
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), FAST)) {
            assertThatThrownBy(() -> c.bind(EchoService.SYNTAX, SecuritySpec.none()))
                    .isInstanceOfSatisfying(BindRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(4);
                        assertThat(e.reasonName()).isEqualTo("protocol_version_not_supported");
                    });
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void rejectedTransferSyntaxIsReported() throws Exception {
        try (ScriptedServer s = new ScriptedServer(p -> List.of(ack(p,
                List.of(PResult.reject(PResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED)))));
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), FAST.withFeatureNegotiation(false))) {
            assertThatThrownBy(() -> c.bind(EchoService.SYNTAX, SecuritySpec.none()))
                    .isInstanceOfSatisfying(RpcFaultException.class,
                            f -> assertThat(f.status()).isEqualTo(RpcStatus.RPC_S_UNSUPPORTED_TRANS_SYN.value()))
                    .hasMessageContaining("proposed_transfer_syntaxes_not_supported");
            assertThat(((Bind) s.received.get(0)).contexts()).hasSize(1);
        }
    }

    @Test
    void replyForAnotherCallIdBreaksTheConnection() throws Exception {
        try (ScriptedServer s = new ScriptedServer(p -> p instanceof Bind
                ? List.of(ack(p, List.of(PResult.accept(SyntaxId.NDR20))))
                : List.of(response(p.callId() + 1, new byte[0])));
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), FAST)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            assertThatThrownBy(() -> b.call(0, new byte[0])).isInstanceOf(RpcTransportException.class)
                    .hasMessageContaining("reply for call_id");
            assertThat(c.isOpen()).isFalse();
            assertThatThrownBy(() -> b.call(0, new byte[0])).isInstanceOf(RpcTransportException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void faultsCarryTheStatusAndASilentServerTimesOut() throws Exception {
        try (ScriptedServer s = new ScriptedServer(p -> {
            if (p instanceof Bind) {
                return List.of(ack(p, List.of(PResult.accept(SyntaxId.NDR20))));
            }
            Request r = (Request) p;
            if (r.opnum() == 1) {
                return List.of(Fault.of(p.callId(), 0, 0x80070005, false).encode());
            }
            if (r.opnum() == 2) {
                return List.of(new byte[] {5, 0, 2, 3, 0x10, 0, 0, 0, 17, 0, 0, 0, (byte) p.callId(), 0, 0, 0, 0});
            }
            return List.of();
        });
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), FAST)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            assertThatThrownBy(() -> b.call(1, new byte[0])).isInstanceOfSatisfying(RpcFaultException.class,
                    f -> assertThat(f.status()).isEqualTo(0x80070005)).hasMessageContaining("E_ACCESSDENIED (0x80070005)")
                    .hasMessageContaining("opnum 1");
            assertThat(c.isOpen()).isTrue();
            assertThatThrownBy(() -> b.call(2, new byte[0])).isInstanceOf(RpcTransportException.class)
                    .hasMessageContaining("malformed PDU");
        }
        try (ScriptedServer s = new ScriptedServer(p -> p instanceof Bind
                ? List.of(ack(p, List.of(PResult.accept(SyntaxId.NDR20)))) : List.of());
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), FAST)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> b.call(0, new byte[0])).isInstanceOf(RpcTransportException.class)
                    .hasMessageContaining("within 400 ms (readTimeout)");
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(300L, 3000L);
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void slowServiceAgainstRealServer() {
        RpcService slow = new RpcService() {
            @Override
            public SyntaxId syntax() {
                return EchoService.SYNTAX;
            }

            @Override
            public String name() {
                return "slow";
            }

            @Override
            public byte[] invoke(CallContext call, int opnum, byte[] stub) {
                try {
                    Thread.sleep(opnum);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return stub;
            }
        };
        try (RpcServer server = Fixtures.server(b -> b.register(slow));
             RpcConnection c = Fixtures.connect(server, FAST)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_PRIVACY));
            assertThat(b.call(10, new byte[] {1})).containsExactly(1);
            assertThatThrownBy(() -> b.call(700, new byte[] {2})).isInstanceOf(RpcTransportException.class);
            assertThat(c.isOpen()).isFalse();
        }
    }
}
