package org.jwmi.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.SecurityContext;
import org.jwmi.wire.ProtocolException;

/** Decoders under arbitrary and mutated input: they either decode or raise ProtocolException, nothing else. */
class NtlmDecoderPropertiesTest {

    private static final List<Function<byte[], ?>> DECODERS = List.of(NegotiateMessage::decode,
            ChallengeMessage::decode, AuthenticateMessage::decode, AvPairs::decode, NtlmV2Response::decode);

    private static final byte[][] VALID = {
            NtlmTestSupport.vector("4.2.4.3-CHALLENGE_MESSAGE"),
            NtlmTestSupport.vector("4.2.4.3-AUTHENTICATE_MESSAGE"),
            NtlmTestSupport.vector("4.2.2.3-AUTHENTICATE_MESSAGE"),
            NtlmTestSupport.handshake(AuthLevel.PKT_PRIVACY).negotiate(),
            NtlmTestSupport.handshake(AuthLevel.PKT_PRIVACY).challenge(),
            NtlmTestSupport.handshake(AuthLevel.PKT_PRIVACY).authenticate(),
    };

    private static void decodeAll(byte[] input) {
        for (Function<byte[], ?> d : DECODERS) {
            try {
                d.apply(input);
            } catch (ProtocolException expected) {
                assertThat(expected.kind()).isNotNull();
            }
        }
    }

    @Property(tries = 2000)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll @Size(max = 300) byte[] input) {
        decodeAll(input);
    }

    /** Arbitrary bodies behind a valid Signature and MessageType, so the decoders get past the header. */
    @Property(tries = 2000)
    void arbitraryBodiesRaiseOnlyProtocolException(@ForAll @IntRange(min = 1, max = 3) int type,
                                                   @ForAll @Size(max = 200) byte[] body) {
        byte[] msg = new byte[12 + body.length];
        System.arraycopy(MessageCodec.SIGNATURE, 0, msg, 0, 8);
        msg[8] = (byte) type;
        System.arraycopy(body, 0, msg, 12, body.length);
        decodeAll(msg);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Combinators.combine(Arbitraries.integers().between(0, VALID.length - 1),
                Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.integers().between(0, 255).list().ofMinSize(6).ofMaxSize(6),
                Arbitraries.integers().between(-1, 300)).as((which, positions, values, cut) -> {
                    byte[] m = VALID[which].clone();
                    for (int i = 0; i < positions.size(); i++) {
                        m[positions.get(i) % m.length] = (byte) (int) values.get(i);
                    }
                    if (cut >= 0 && cut < m.length) {
                        m = java.util.Arrays.copyOf(m, cut);
                    }
                    return m;
                });
    }

    @Property(tries = 3000)
    void mutatedMessagesRaiseOnlyProtocolException(@ForAll("mutated") byte[] input) {
        decodeAll(input);
    }

    /**
     * Every byte of the AUTHENTICATE_MESSAGE is covered by the MIC or the NTLMv2 proof, so the server refuses any
     * change, and only ever with AuthenticationException.
     */
    @Property(tries = 300)
    void serverRefusesEveryAlteredAuthenticateMessage(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                                      @ForAll @IntRange(min = 1, max = 255) int xor) {
        SecurityContext client = NtlmTestSupport.PROVIDER.newClientContext(NtlmTestSupport.alice(),
                NtlmTestSupport.clientOptions(AuthLevel.PKT_PRIVACY));
        SecurityContext server = NtlmTestSupport.PROVIDER.newServerContext(NtlmTestSupport.serverOptions());
        byte[] auth = client.step(server.step(client.step(null)));
        auth[position % auth.length] ^= (byte) xor;
        assertThatThrownBy(() -> server.step(auth)).isInstanceOf(AuthenticationException.class);
    }

    @Property(tries = 500)
    void serverContextTurnsGarbageIntoAuthenticationException(@ForAll("mutated") byte[] input) {
        SecurityContext server = NtlmTestSupport.PROVIDER.newServerContext(NtlmTestSupport.serverOptions());
        try {
            server.step(input);
        } catch (AuthenticationException expected) {
            assertThat(expected.status()).isNotZero();
        }
    }

    /**
     * Any (Len, BufferOffset) in any payload reference of the spec's AUTHENTICATE_MESSAGE either resolves inside
     * the message, after the fixed header, or fails with RANGE, BUFSIZE or BAD_VALUE naming that reference.
     */
    @Property(tries = 3000)
    void arbitraryPayloadReferences(@ForAll @IntRange(min = 0, max = 5) int ref,
                                    @ForAll @IntRange(min = 0, max = 0xffff) int len, @ForAll int offset) {
        byte[] msg = NtlmTestSupport.vector("4.2.4.3-AUTHENTICATE_MESSAGE");
        int at = 12 + 8 * ref;
        msg[at] = (byte) len;
        msg[at + 1] = (byte) (len >>> 8);
        for (int i = 0; i < 4; i++) {
            msg[at + 4 + i] = (byte) (offset >>> (8 * i));
        }
        long off = Integer.toUnsignedLong(offset);
        String[] names = {"LmChallengeResponseFields", "NtChallengeResponseFields", "DomainNameFields",
                "UserNameFields", "WorkstationFields", "EncryptedRandomSessionKeyFields"};
        try {
            AuthenticateMessage m = AuthenticateMessage.decode(msg);
            if (len > 0) {
                assertThat(off).isGreaterThanOrEqualTo(64);
                assertThat(off + len).isLessThanOrEqualTo(msg.length);
            }
            assertThat(m.userName()).isNotNull();
        } catch (ProtocolException e) {
            assertThat(e.kind()).isIn(ProtocolException.Kind.RANGE, ProtocolException.Kind.BUFSIZE,
                    ProtocolException.Kind.BAD_VALUE);
            assertThat(e.path()).endsWith(names[ref]);
        }
    }

    @Property(tries = 300)
    void negotiateRoundTrips(@ForAll int flags, @ForAll @Size(max = 20) byte[] rawName) {
        String name = new String(rawName, java.nio.charset.StandardCharsets.ISO_8859_1);
        NegotiateFlags f = new NegotiateFlags(flags | NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED.mask()
                | NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED.mask());
        NtlmVersion v = f.has(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION) ? NtlmVersion.DEFAULT : null;
        NegotiateMessage m = new NegotiateMessage(f, name, name + "x", v);
        assertThat(NegotiateMessage.decode(m.encode())).isEqualTo(m);
    }
}
