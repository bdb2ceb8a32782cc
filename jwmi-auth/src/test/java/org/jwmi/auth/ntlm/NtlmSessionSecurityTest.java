package org.jwmi.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jwmi.auth.ntlm.NtlmTestSupport.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.SecBuffer;
import org.jwmi.auth.SecurityContext;
import org.junit.jupiter.api.Test;

/** [MS-NLMP] 3.4 per-message protection between established contexts, as the RPC runtime uses it. */
class NtlmSessionSecurityTest {

    /** A PDU-shaped message: header (signed), body (sealed or signed), trailer (signed) in one array. */
    private record Pdu(byte[] bytes, int headerLen, int bodyLen, int trailerLen) {

        static Pdu random(Random rnd) {
            int h = 16;
            int b = rnd.nextInt(300);
            int t = 8;
            byte[] bytes = new byte[h + b + t];
            rnd.nextBytes(bytes);
            return new Pdu(bytes, h, b, t);
        }

        List<SecBuffer> buffers(boolean sealBody) {
            return List.of(SecBuffer.signOnly(bytes, 0, headerLen),
                    new SecBuffer(bytes, headerLen, bodyLen, sealBody),
                    SecBuffer.signOnly(bytes, headerLen + bodyLen, trailerLen));
        }

        Pdu copy() {
            return new Pdu(bytes.clone(), headerLen, bodyLen, trailerLen);
        }
    }

    private static AuthenticationException failure(Runnable r) {
        try {
            r.run();
        } catch (AuthenticationException e) {
            return e;
        }
        throw new AssertionError("no AuthenticationException");
    }

    @Test
    void signAndVerifyBothWaysOverManyMessages() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_INTEGRITY);
        Random rnd = new Random(7);
        for (int i = 0; i < 300; i++) {
            boolean fromClient = rnd.nextBoolean();
            SecurityContext sender = fromClient ? p.client() : p.server();
            SecurityContext receiver = fromClient ? p.server() : p.client();
            Pdu pdu = Pdu.random(rnd);
            byte[] before = pdu.bytes().clone();
            byte[] sig = sender.sign(pdu.buffers(false));
            assertThat(sig).hasSize(16);
            assertThat(Arrays.copyOf(sig, 4)).containsExactly(1, 0, 0, 0);
            assertThat(pdu.bytes()).as("signing leaves the message alone").containsExactly(before);
            receiver.verify(pdu.buffers(false), sig);
        }
    }

    @Test
    void sealAndUnsealBothWaysOverManyMessages() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_PRIVACY);
        Random rnd = new Random(8);
        for (int i = 0; i < 300; i++) {
            boolean fromClient = i % 3 != 0;
            SecurityContext sender = fromClient ? p.client() : p.server();
            SecurityContext receiver = fromClient ? p.server() : p.client();
            Pdu pdu = Pdu.random(rnd);
            byte[] plain = pdu.bytes().clone();
            byte[] sig = sender.seal(pdu.buffers(true));
            assertThat(Arrays.copyOfRange(pdu.bytes(), 0, pdu.headerLen())).as("header stays clear")
                    .containsExactly(Arrays.copyOfRange(plain, 0, pdu.headerLen()));
            if (pdu.bodyLen() > 8) {
                assertThat(Arrays.copyOfRange(pdu.bytes(), pdu.headerLen(), pdu.headerLen() + pdu.bodyLen()))
                        .as("body is encrypted")
                        .isNotEqualTo(Arrays.copyOfRange(plain, pdu.headerLen(), pdu.headerLen() + pdu.bodyLen()));
            }
            receiver.unseal(pdu.buffers(true), sig);
            assertThat(pdu.bytes()).containsExactly(plain);
        }
    }

    @Test
    void severalSealBuffersAreEncryptedInOrderAsOneStream() {
        NtlmTestSupport.Pair a = handshake(AuthLevel.PKT_PRIVACY);
        NtlmTestSupport.Pair b = handshake(AuthLevel.PKT_PRIVACY);
        // same randomness on both handshakes gives the same keys
        assertThat(a.client().sessionKey()).containsExactly(b.client().sessionKey());
        byte[] split = new byte[100];
        new Random(9).nextBytes(split);
        byte[] whole = split.clone();
        byte[] sigSplit = a.client().seal(List.of(SecBuffer.sealed(split, 0, 30), SecBuffer.signOnly(split, 30, 10),
                SecBuffer.sealed(split, 40, 60)));
        byte[] sigWhole = b.client().seal(List.of(SecBuffer.sealed(whole, 0, 30), SecBuffer.sealed(whole, 30, 0),
                SecBuffer.signOnly(whole, 30, 10), SecBuffer.sealed(whole, 40, 60)));
        assertThat(sigSplit).containsExactly(sigWhole);
        assertThat(split).containsExactly(whole);
        a.server().unseal(List.of(SecBuffer.sealed(split, 0, 30), SecBuffer.signOnly(split, 30, 10),
                SecBuffer.sealed(split, 40, 60)), sigSplit);
    }

    @Test
    void signatureCoversTheConcatenationOfAllBuffers() {
        NtlmTestSupport.Pair a = handshake(AuthLevel.PKT_INTEGRITY);
        NtlmTestSupport.Pair b = handshake(AuthLevel.PKT_INTEGRITY);
        byte[] m = new byte[64];
        new Random(10).nextBytes(m);
        byte[] original = m.clone();
        byte[] s1 = a.client().sign(List.of(SecBuffer.signOnly(m, 0, 20), SecBuffer.sealed(m, 20, 44)));
        byte[] s2 = b.client().sign(List.of(SecBuffer.signOnly(m, 0, 64)));
        assertThat(s1).containsExactly(s2);
        assertThat(m).as("sign never encrypts, even buffers marked seal").containsExactly(original);
        a.server().verify(List.of(SecBuffer.signOnly(m, 0, 64)), s1);
    }

    @Test
    void sequenceNumbersCountPerDirection() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_INTEGRITY);
        byte[] m = {1, 2, 3};
        List<SecBuffer> buf = List.of(SecBuffer.signOnly(m, 0, 3));
        for (int i = 0; i < 3; i++) {
            byte[] sig = p.client().sign(buf);
            assertThat(sig[12]).isEqualTo((byte) i);
            p.server().verify(buf, sig);
        }
        byte[] fromServer = p.server().sign(buf);
        assertThat(fromServer[12]).as("the server's own counter").isZero();
        p.client().verify(buf, fromServer);
    }

    @Test
    void replayedMessageIsRefused() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_INTEGRITY);
        Pdu pdu = Pdu.random(new Random(11));
        byte[] sig = p.client().sign(pdu.buffers(false));
        p.server().verify(pdu.buffers(false), sig);
        AuthenticationException e = failure(() -> p.server().verify(pdu.buffers(false), sig));
        assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_OUT_OF_SEQUENCE);
        assertThat(e.getMessage()).contains("sequence number 0, expected 1");
    }

    @Test
    void reorderedMessagesAreRefused() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_PRIVACY);
        Pdu first = Pdu.random(new Random(12));
        Pdu second = Pdu.random(new Random(13));
        byte[] sig1 = p.client().seal(first.buffers(true));
        byte[] sig2 = p.client().seal(second.buffers(true));
        AuthenticationException e = failure(() -> p.server().unseal(second.buffers(true), sig2));
        assertThat(e.status()).isEqualTo(AuthenticationException.SEC_E_OUT_OF_SEQUENCE);
        assertThat(failure(() -> p.server().unseal(first.buffers(true), sig1)).getMessage())
                .as("the receive stream stays broken").contains("out of step");
    }

    @Test
    void reflectedMessageIsRefused() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_INTEGRITY);
        Pdu pdu = Pdu.random(new Random(14));
        byte[] sig = p.client().sign(pdu.buffers(false));
        assertThat(failure(() -> p.client().verify(pdu.buffers(false), sig)).status())
                .isEqualTo(AuthenticationException.SEC_E_MESSAGE_ALTERED);
    }

    @Test
    void flippedBitAnywhereIsRefused() {
        Random rnd = new Random(15);
        for (String where : List.of("header", "body", "trailer", "checksum", "version")) {
            for (boolean seal : new boolean[] {false, true}) {
                NtlmTestSupport.Pair p = handshake(seal ? AuthLevel.PKT_PRIVACY : AuthLevel.PKT_INTEGRITY);
                // a few good messages first so the keystream is mid-flight
                for (int i = 0; i < 3; i++) {
                    Pdu ok = Pdu.random(rnd);
                    byte[] s = seal ? p.server().seal(ok.buffers(true)) : p.server().sign(ok.buffers(false));
                    if (seal) {
                        p.client().unseal(ok.buffers(true), s);
                    } else {
                        p.client().verify(ok.buffers(false), s);
                    }
                }
                Pdu pdu = Pdu.random(rnd);
                while (pdu.bodyLen() == 0) {
                    pdu = Pdu.random(rnd);
                }
                byte[] sig = seal ? p.server().seal(pdu.buffers(true)) : p.server().sign(pdu.buffers(false));
                int bit = 1 << rnd.nextInt(8);
                switch (where) {
                    case "header" -> pdu.bytes()[rnd.nextInt(pdu.headerLen())] ^= bit;
                    case "body" -> pdu.bytes()[pdu.headerLen() + rnd.nextInt(pdu.bodyLen())] ^= bit;
                    case "trailer" -> pdu.bytes()[pdu.bytes().length - 1 - rnd.nextInt(pdu.trailerLen())] ^= bit;
                    case "checksum" -> sig[4 + rnd.nextInt(8)] ^= bit;
                    default -> sig[0] ^= bit;
                }
                Pdu received = pdu;
                AuthenticationException e = failure(() -> {
                    if (seal) {
                        p.client().unseal(received.buffers(true), sig);
                    } else {
                        p.client().verify(received.buffers(false), sig);
                    }
                });
                assertThat(e.status()).as(where + (seal ? " sealed" : " signed"))
                        .isEqualTo(AuthenticationException.SEC_E_MESSAGE_ALTERED);
            }
        }
    }

    @Test
    void malformedSignatureIsInvalidToken() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_INTEGRITY);
        byte[] m = {1};
        List<SecBuffer> buf = List.of(SecBuffer.signOnly(m, 0, 1));
        assertThat(failure(() -> p.server().verify(buf, new byte[15])).status())
                .isEqualTo(AuthenticationException.SEC_E_INVALID_TOKEN);
        // a malformed token does not consume the stream: the genuine message still verifies
        p.server().verify(buf, p.client().sign(buf));
    }

    @Test
    void largeMessagesRoundTrip() {
        NtlmTestSupport.Pair p = handshake(AuthLevel.PKT_PRIVACY);
        List<byte[]> plain = new ArrayList<>();
        List<byte[]> sealed = new ArrayList<>();
        List<byte[]> sigs = new ArrayList<>();
        Random rnd = new Random(16);
        for (int i = 0; i < 5; i++) {
            byte[] m = new byte[64 * 1024 + i];
            rnd.nextBytes(m);
            plain.add(m.clone());
            sigs.add(p.server().seal(List.of(SecBuffer.signOnly(m, 0, 24), SecBuffer.sealed(m, 24, m.length - 24))));
            sealed.add(m);
        }
        for (int i = 0; i < 5; i++) {
            byte[] m = sealed.get(i);
            p.client().unseal(List.of(SecBuffer.signOnly(m, 0, 24), SecBuffer.sealed(m, 24, m.length - 24)), sigs.get(i));
            assertThat(m).containsExactly(plain.get(i));
        }
    }
}
