package org.jwmi.dcom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.rpc.client.RpcConnection;
import org.junit.jupiter.api.Test;

/**
 * A server that answers activation with damaged replies: the client fails with a {@link DcomException} (or, when
 * the damage is harmless, succeeds) and never with anything else; it stays usable afterwards.
 */
class MalformedReplyTest {

    @Test
    void damagedActivationRepliesRaiseOnlyDcomException() {
        Random random = new Random(0x5eed);
        try (FakeDcomServer server = new FakeDcomServer();
             DcomClient dcom = server.client().connector((host, port, cfg) -> {
                 if (!host.startsWith("127.")) {
                     throw new IOException("test connector: only loopback");
                 }
                 return RpcConnection.connect(host, port, cfg);
             }).build()) {
            int failures = 0;
            for (int i = 0; i < 150; i++) {
                int mode = i % 3;
                server.scmReply = b -> damage(b, mode, random);
                try {
                    dcom.createInstance("127.0.0.1", FakeDcomServer.CLSID, FakeDcomServer.ITEST).close();
                } catch (DcomException e) {
                    failures++;
                    assertThat(e.getMessage()).startsWith(DcomStatus.describe(e.hresult()));
                }
            }
            assertThat(failures).as("most damage is detected").isGreaterThan(100);
            server.scmReply = b -> b;
            dcom.createInstance("127.0.0.1", FakeDcomServer.CLSID, FakeDcomServer.ITEST).release();
        }
    }

    @Test
    void aReplyWithoutActivationPropertiesIsBadStubData() {
        try (FakeDcomServer server = new FakeDcomServer(); DcomClient dcom = server.client().build()) {
            server.scmReply = b -> new org.jwmi.dcom.ops.ScmActivationResponse(org.jwmi.dcom.wire.OrpcThat.EMPTY, null,
                    0).encode();
            assertThatThrownBy(() -> dcom.createInstance("127.0.0.1", FakeDcomServer.CLSID, FakeDcomServer.ITEST))
                    .isInstanceOfSatisfying(DcomException.class, e -> assertThat(e.hresult())
                            .isEqualTo(DcomStatus.RPC_X_BAD_STUB_DATA.value()))
                    .hasMessageContaining("without ActivationPropertiesOut");
        }
    }

    /** Truncates, flips bytes, or overwrites a run with noise (the first 8 bytes, ORPCTHAT, are left alone). */
    private static byte[] damage(byte[] b, int mode, Random random) {
        byte[] c = b.clone();
        switch (mode) {
            case 0 -> {
                return Arrays.copyOf(c, 8 + random.nextInt(c.length - 8));
            }
            case 1 -> {
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    int at = 8 + random.nextInt(c.length - 8);
                    c[at] ^= (byte) (1 << random.nextInt(8));
                }
                return c;
            }
            default -> {
                int at = 8 + random.nextInt(c.length - 8);
                int n = Math.min(c.length - at, 1 + random.nextInt(16));
                byte[] noise = new byte[n];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, c, at, n);
                return c;
            }
        }
    }

    @Test
    void theDamageHelperDamages() {
        byte[] b = new byte[64];
        List<byte[]> outs = List.of(damage(b, 0, new Random(1)), damage(b, 1, new Random(1)),
                damage(b, 2, new Random(2)));
        assertThat(outs).allMatch(o -> !Arrays.equals(o, b));
    }
}
