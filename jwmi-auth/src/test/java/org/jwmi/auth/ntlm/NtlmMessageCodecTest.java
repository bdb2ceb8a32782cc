package org.jwmi.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jwmi.auth.ntlm.NtlmTestSupport.vector;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** Codec behaviour on the wire: layouts, flags that survive, and table-driven malformed messages. */
class NtlmMessageCodecTest {

    private static void assertFails(Function<byte[], ?> decoder, byte[] msg, Kind kind, String pathPart) {
        assertThatThrownBy(() -> decoder.apply(msg))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.path() + " " + e.getMessage()).contains(pathPart);
                });
    }

    private static byte[] patchU16(byte[] msg, int at, int v) {
        byte[] m = msg.clone();
        m[at] = (byte) v;
        m[at + 1] = (byte) (v >>> 8);
        return m;
    }

    private static byte[] patchU32(byte[] msg, int at, long v) {
        byte[] m = patchU16(msg, at, (int) v);
        return patchU16(m, at + 2, (int) (v >>> 16));
    }

    @Test
    void negotiateLayoutAndUnknownFlagBits() {
        NegotiateFlags flags = new NegotiateFlags(0x0c000001 | NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION.mask()
                | NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED.mask());
        assertThat(flags.unknownBits()).isEqualTo(0x0c000000);
        assertThat(flags.toString()).contains("NTLMSSP_NEGOTIATE_UNICODE", "+0x0c000000");
        byte[] bytes = new NegotiateMessage(flags, "", "WS1", NtlmVersion.DEFAULT).encode();
        assertThat(bytes).hasSize(40 + 3);
        assertThat(Arrays.copyOfRange(bytes, 24, 32)).as("WorkstationFields")
                .containsExactly(3, 0, 3, 0, 40, 0, 0, 0);
        NegotiateMessage back = NegotiateMessage.decode(bytes);
        assertThat(back.negotiateFlags()).isEqualTo(flags);
        assertThat(back.workstationName()).isEqualTo("WS1");
        assertThat(back.version()).isEqualTo(NtlmVersion.DEFAULT);
        assertThat(back.encode()).containsExactly(bytes);
    }

    @Test
    void negotiateWithoutVersionIs32Bytes() {
        byte[] bytes = new NegotiateMessage(NegotiateFlags.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE), "", "", null)
                .encode();
        assertThat(bytes).hasSize(32);
        assertThat(NegotiateMessage.decode(bytes).version()).isNull();
    }

    @Test
    void negotiateIgnoresReferencesWhoseFlagIsClear() {
        byte[] bytes = new NegotiateMessage(NegotiateFlags.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE), "", "", null)
                .encode();
        byte[] garbage = patchU32(patchU16(bytes, 16, 500), 20, 0xfffffff0L);
        assertThat(NegotiateMessage.decode(garbage).domainName()).isEmpty();
        byte[] supplied = patchU32(garbage, 12, NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE.mask()
                | NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED.mask());
        assertFails(NegotiateMessage::decode, supplied, Kind.BUFSIZE, "DomainNameFields");
    }

    @Test
    void authenticateRoundTripsWithAndWithoutMic() {
        NegotiateFlags f = new NegotiateFlags(0xe2888235 | 0x00040000);
        AuthenticateMessage m = new AuthenticateMessage(new byte[24], new byte[60], "Dom", "usér", "WS",
                new byte[16], f, NtlmVersion.DEFAULT, new byte[16]);
        byte[] bytes = m.encode();
        assertThat(readU32(bytes, 24)).as("NtChallengeResponseBufferOffset").isEqualTo(88 + 6 + 8 + 4 + 24);
        assertThat(readU32(bytes, 32)).as("DomainNameBufferOffset, after Version and MIC").isEqualTo(88);
        AuthenticateMessage back = AuthenticateMessage.decode(bytes);
        assertThat(back).isEqualTo(m);
        assertThat(back.negotiateFlags().unknownBits()).isEqualTo(0x00040000);
        assertThat(back.userName()).isEqualTo("usér");

        AuthenticateMessage noVersion = new AuthenticateMessage(new byte[0], new byte[60], "", "u", "", new byte[0],
                NegotiateFlags.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE), null, null);
        byte[] short64 = noVersion.encode();
        assertThat(readU32(short64, 32)).as("DomainNameBufferOffset").isEqualTo(64);
        AuthenticateMessage b2 = AuthenticateMessage.decode(short64);
        assertThat(b2.mic()).isNull();
        assertThat(b2.version()).isNull();
        assertThat(b2).isEqualTo(noVersion);
    }

    @Test
    void oemStringsWhenUnicodeIsNotNegotiated() {
        AuthenticateMessage m = new AuthenticateMessage(new byte[0], new byte[0], "D", "user", "W", new byte[0],
                NegotiateFlags.of(NegotiateFlag.NTLM_NEGOTIATE_OEM), null, null);
        byte[] bytes = m.encode();
        assertThat(new String(bytes, 64 + 1, 4, StandardCharsets.ISO_8859_1)).isEqualTo("user");
        assertThat(AuthenticateMessage.decode(bytes).userName()).isEqualTo("user");
    }

    @Test
    void headerProblems() {
        byte[] auth = vector("4.2.4.3-AUTHENTICATE_MESSAGE");
        byte[] badSig = auth.clone();
        badSig[3] = 'X';
        assertFails(AuthenticateMessage::decode, badSig, Kind.BAD_VALUE, "not an NTLMSSP message");
        assertFails(ChallengeMessage::decode, auth, Kind.BAD_VALUE, "MessageType 3 where 2");
        assertFails(AuthenticateMessage::decode, Arrays.copyOf(auth, 40), Kind.BUFSIZE, "AUTHENTICATE_MESSAGE");
        assertFails(AuthenticateMessage::decode, new byte[0], Kind.BUFSIZE, "Signature");
    }

    @Test
    void payloadReferencesAreBoundsChecked() {
        byte[] auth = vector("4.2.4.3-AUTHENTICATE_MESSAGE");
        // NtChallengeResponseFields at 20: Len(2) MaxLen(2) Offset(4)
        assertFails(AuthenticateMessage::decode, patchU32(auth, 24, 8), Kind.RANGE, "NtChallengeResponseFields");
        assertFails(AuthenticateMessage::decode, patchU32(auth, 24, 60), Kind.RANGE, "fixed header");
        assertFails(AuthenticateMessage::decode, patchU32(auth, 24, auth.length - 10), Kind.BUFSIZE,
                "NtChallengeResponseFields");
        assertFails(AuthenticateMessage::decode, patchU32(auth, 24, 0xffffffffL), Kind.BUFSIZE, "past the end");
        assertFails(AuthenticateMessage::decode, patchU16(auth, 20, 0xffff), Kind.BUFSIZE, "Len 65535");
        // UserNameFields at 36: odd length for UTF-16
        assertFails(AuthenticateMessage::decode, patchU16(auth, 36, 7), Kind.BAD_VALUE, "UserNameFields");
        // EncryptedRandomSessionKeyFields at 52 with KEY_EXCH set
        assertFails(AuthenticateMessage::decode, patchU32(auth, 56, 0x10000), Kind.BUFSIZE,
                "EncryptedRandomSessionKeyFields");

        byte[] chal = vector("4.2.4.3-CHALLENGE_MESSAGE");
        // TargetInfoFields at 40 pointing into Version
        assertFails(ChallengeMessage::decode, patchU32(chal, 44, 40), Kind.RANGE, "TargetInfoFields");
        assertFails(ChallengeMessage::decode, patchU16(chal, 40, 0x25), Kind.BUFSIZE, "TargetInfoFields");
    }

    @Test
    void avPairProblems() {
        byte[] chal = vector("4.2.4.3-CHALLENGE_MESSAGE");
        // TargetInfo cut before MsvAvEOL
        assertFails(ChallengeMessage::decode, patchU16(Arrays.copyOf(chal, chal.length - 4), 40, 0x20), Kind.BUFSIZE,
                "AV_PAIR[2]");
        assertFails(AvPairs::decode, pairs(0, 2, 0, 0), Kind.BAD_VALUE, "MsvAvEOL with AvLen 2");
        assertFails(AvPairs::decode, pairs(6, 3, 1, 2, 3, 0, 0, 0, 0), Kind.BAD_VALUE, "MsvAvFlags with AvLen 3");
        assertFails(AvPairs::decode, pairs(1, 3, 'a', 'b', 'c', 0, 0, 0, 0), Kind.BAD_VALUE, "MsvAvNbComputerName");
        assertFails(AvPairs::decode, pairs(7, 8, 0, 0, 0, 0, 0, 0, 0, 0, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                Kind.BAD_VALUE, "duplicate MsvAvTimestamp");
        assertFails(AvPairs::decode, pairs(0x99, 0x10, 1, 2), Kind.BUFSIZE, "AV_PAIR[0]");
        AvPairs unknown = AvPairs.decode(pairs(0x99, 2, 1, 2, 0, 0, 0, 0));
        assertThat(unknown.pairs()).containsExactly(new AvPair(0x99, new byte[] {1, 2}));
        assertThat(unknown.encode()).containsExactly(pairs(0x99, 2, 1, 2, 0, 0));
    }

    @Test
    void ntlmV2ResponseProblems() {
        byte[] temp = vector("4.2.4.1.3-temp");
        byte[] nt = NtlmSpecVectorsTest.concat(new byte[16], temp);
        assertThat(NtlmV2Response.decode(nt).clientChallenge().challengeFromClient())
                .containsExactly(vector("4.2.1-ClientChallenge"));
        byte[] badType = nt.clone();
        badType[16] = 2;
        assertFails(NtlmV2Response::decode, badType, Kind.BAD_VALUE, "RespType 2");
        assertFails(NtlmV2Response::decode, Arrays.copyOf(nt, 40), Kind.BUFSIZE, "at least 48");
        assertFails(NtlmV2Response::decode, Arrays.copyOf(nt, 16 + 28 + 6), Kind.BUFSIZE, "AvPairs");
    }

    /** AV_PAIRs written compactly as (id, len, value bytes...)*, each number one byte. */
    private static byte[] pairs(int... raw) {
        byte[] b = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            b[i] = (byte) raw[i];
        }
        return expandPairs(b);
    }

    /** Turns (id, len, v0..vlen-1)* written as single bytes into the real AV_PAIR layout. */
    private static byte[] expandPairs(byte[] compact) {
        WireWriter w = new WireWriter();
        int i = 0;
        while (i < compact.length) {
            int id = compact[i++] & 0xff;
            int len = i < compact.length ? compact[i++] & 0xff : 0;
            w.u16(id).u16(len);
            int n = Math.min(len, compact.length - i);
            if (id == 0) {
                n = 0;
            }
            w.bytes(Arrays.copyOfRange(compact, i, i + n));
            i += n;
        }
        return w.toByteArray();
    }

    private static long readU32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    @Test
    void listsArePairsInOrder() {
        AvPairs p = new AvPairs(List.of(AvPair.text(AvId.MsvAvNbComputerName, "S"), AvPair.u32(AvId.MsvAvFlags, 2)));
        assertThat(p.with(AvPair.u32(AvId.MsvAvFlags, 6)).flags()).hasValue(6);
        assertThat(p.with(AvPair.text(AvId.MsvAvTargetName, "x")).pairs()).hasSize(3);
        assertThat(p.encode()).containsExactly(1, 0, 2, 0, 'S', 0, 6, 0, 4, 0, 2, 0, 0, 0, 0, 0, 0, 0);
    }
}
