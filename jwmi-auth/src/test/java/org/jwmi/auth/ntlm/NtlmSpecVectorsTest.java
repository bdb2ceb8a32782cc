package org.jwmi.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwmi.auth.ntlm.NtlmTestSupport.vector;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecBuffer;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.ServerOptions;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.Test;

/** [MS-NLMP] 4.2 Cryptographic Values for Validation, byte for byte. */
class NtlmSpecVectorsTest {

    private static final char[] PASSWD = "Password".toCharArray();
    private static final Instant TIME_ZERO = Instant.parse("1601-01-01T00:00:00Z");

    private static final byte[] SERVER_CHALLENGE = vector("4.2.1-ServerChallenge");
    private static final byte[] CLIENT_CHALLENGE = vector("4.2.1-ClientChallenge");
    private static final byte[] RANDOM_SESSION_KEY = vector("4.2.1-RandomSessionKey");

    /** The 4.2.4 target info: MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server". */
    private static AvPairs serverName() {
        return new AvPairs(List.of(AvPair.text(AvId.MsvAvNbDomainName, "Domain"),
                AvPair.text(AvId.MsvAvNbComputerName, "Server")));
    }

    @Test
    void commonValuesAreWhatTheSpecSays() {
        assertThat(vector("4.2.1-Time")).containsExactly(new byte[8]);
        assertThat(NtlmCrypto.fileTime(TIME_ZERO)).isZero();
        assertThat(NtlmCrypto.fileTime(Instant.EPOCH)).isEqualTo(116_444_736_000_000_000L);
    }

    @Test
    void ntowfV1AndMd4() {
        byte[] nt = NtlmHashes.ntOwfV1(PASSWD);
        assertThat(nt).containsExactly(vector("4.2.2.1.2-NTOWFv1"));
        assertThat(NtlmHashes.md4(nt)).containsExactly(vector("4.2.2.1.3-SessionBaseKey"));
    }

    @Test
    void ntowfV2() {
        assertThat(NtlmHashes.ntOwfV2(PASSWD, "User", "Domain")).containsExactly(vector("4.2.4.1.1-NTOWFv2"));
        assertThat(NtlmHashes.ntOwfV2(vector("4.2.2.1.2-NTOWFv1"), "user", "Domain"))
                .as("the user name is upper-cased").containsExactly(vector("4.2.4.1.1-NTOWFv2"));
        assertThat(NtlmHashes.ntOwfV2(PASSWD, "User", "DOMAIN"))
                .as("the domain is not upper-cased").isNotEqualTo(vector("4.2.4.1.1-NTOWFv2"));
    }

    @Test
    void tempIsTheClientChallengeBlob() {
        byte[] temp = NtlmV2ClientChallenge.of(0, CLIENT_CHALLENGE, serverName()).temp();
        assertThat(temp).containsExactly(vector("4.2.4.1.3-temp"));
    }

    @Test
    void ntlmV2ResponsesAndKeys() {
        byte[] key = vector("4.2.4.1.1-NTOWFv2");
        byte[] temp = vector("4.2.4.1.3-temp");
        byte[] proof = NtlmCrypto.ntProofStr(key, SERVER_CHALLENGE, temp);
        assertThat(proof).containsExactly(vector("4.2.4.2.2-NTProofStr"));
        assertThat(NtlmCrypto.lmV2Response(key, SERVER_CHALLENGE, CLIENT_CHALLENGE))
                .containsExactly(vector("4.2.4.2.1-LMv2Response"));
        byte[] sessionBaseKey = NtlmCrypto.sessionBaseKey(key, proof);
        assertThat(sessionBaseKey).containsExactly(vector("4.2.4.1.2-SessionBaseKey"));
        assertThat(NtlmCrypto.rc4k(sessionBaseKey, RANDOM_SESSION_KEY))
                .containsExactly(vector("4.2.4.2.3-EncryptedSessionKey"));
        assertThat(NtlmCrypto.rc4k(sessionBaseKey, vector("4.2.4.2.3-EncryptedSessionKey")))
                .containsExactly(RANDOM_SESSION_KEY);
    }

    @Test
    void challengeMessageDecodesAndReencodesByteForByte() {
        byte[] bytes = vector("4.2.4.3-CHALLENGE_MESSAGE");
        ChallengeMessage m = ChallengeMessage.decode(bytes);
        assertThat(m.negotiateFlags().value()).isEqualTo(0xe28a8233);
        assertThat(bytesLe(m.negotiateFlags().value())).containsExactly(vector("4.2.4-ChallengeFlags"));
        assertThat(m.negotiateFlags().set()).contains(NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH,
                NegotiateFlag.NTLMSSP_NEGOTIATE_56, NegotiateFlag.NTLMSSP_NEGOTIATE_128,
                NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION, NegotiateFlag.NTLMSSP_NEGOTIATE_TARGET_INFO,
                NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, NegotiateFlag.NTLMSSP_TARGET_TYPE_SERVER,
                NegotiateFlag.NTLMSSP_NEGOTIATE_ALWAYS_SIGN, NegotiateFlag.NTLMSSP_NEGOTIATE_NTLM,
                NegotiateFlag.NTLMSSP_NEGOTIATE_SEAL, NegotiateFlag.NTLMSSP_NEGOTIATE_SIGN,
                NegotiateFlag.NTLM_NEGOTIATE_OEM, NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE);
        assertThat(m.negotiateFlags().unknownBits()).isZero();
        assertThat(m.targetName()).isEqualTo("Server");
        assertThat(m.serverChallenge()).containsExactly(SERVER_CHALLENGE);
        assertThat(m.targetInfo()).isEqualTo(serverName());
        assertThat(m.version()).isEqualTo(new NtlmVersion(6, 0, 6000, 15));
        assertThat(m.encode()).containsExactly(bytes);
    }

    @Test
    void authenticateMessageDecodesAndIsRebuiltFromComputedValues() {
        byte[] bytes = vector("4.2.4.3-AUTHENTICATE_MESSAGE");
        AuthenticateMessage m = AuthenticateMessage.decode(bytes);
        assertThat(m.domainName()).isEqualTo("Domain");
        assertThat(m.userName()).isEqualTo("User");
        assertThat(m.workstation()).isEqualTo("COMPUTER");
        assertThat(m.mic()).as("this example predates the MIC").isNull();
        assertThat(m.version()).isEqualTo(new NtlmVersion(5, 1, 2600, 15));
        assertThat(m.negotiateFlags().value()).isEqualTo(0xe2888235);

        byte[] key = NtlmHashes.ntOwfV2(PASSWD, "User", "Domain");
        byte[] temp = NtlmV2ClientChallenge.of(0, CLIENT_CHALLENGE, serverName()).temp();
        byte[] proof = NtlmCrypto.ntProofStr(key, SERVER_CHALLENGE, temp);
        byte[] nt = concat(proof, temp);
        byte[] lm = NtlmCrypto.lmV2Response(key, SERVER_CHALLENGE, CLIENT_CHALLENGE);
        byte[] encryptedKey = NtlmCrypto.rc4k(NtlmCrypto.sessionBaseKey(key, proof), RANDOM_SESSION_KEY);
        AuthenticateMessage built = new AuthenticateMessage(lm, nt, "Domain", "User", "COMPUTER", encryptedKey,
                new NegotiateFlags(0xe2888235), new NtlmVersion(5, 1, 2600, 15), null);
        assertThat(built).isEqualTo(m);
        assertThat(built.encode()).containsExactly(bytes);

        NtlmV2Response r = NtlmV2Response.decode(m.ntChallengeResponse());
        assertThat(r.response()).containsExactly(vector("4.2.4.2.2-NTProofStr"));
        assertThat(r.blob()).containsExactly(vector("4.2.4.1.3-temp"));
        assertThat(r.clientChallenge().avPairs()).isEqualTo(serverName());
    }

    @Test
    void signingAndSealingKeys() {
        NegotiateFlags flags = new NegotiateFlags(0xe2888235);
        assertThat(NtlmCrypto.sealKey(flags, RANDOM_SESSION_KEY, true)).containsExactly(vector("4.2.4.4-ClientSealKey"));
        assertThat(NtlmCrypto.signKey(RANDOM_SESSION_KEY, true)).containsExactly(vector("4.2.4.4-ClientSignKey"));
        byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(vector("4.2.4.4-ClientSignKey"), new byte[4],
                vector("4.2.4.4-Plaintext")), 8);
        assertThat(checksum).containsExactly(vector("4.2.4.4-Checksum"));
    }

    @Test
    void gssWrapExSealsAndSignsLikeTheSpec() {
        NtlmSessionSecurity client = new NtlmSessionSecurity(new NegotiateFlags(0xe2888235), RANDOM_SESSION_KEY, true);
        byte[] data = vector("4.2.4.4-Plaintext");
        byte[] signature = client.seal(List.of(SecBuffer.sealed(data, 0, data.length)));
        assertThat(data).containsExactly(vector("4.2.4.4-SealedData"));
        assertThat(signature).containsExactly(vector("4.2.4.4-Signature"));

        NtlmSessionSecurity server = new NtlmSessionSecurity(new NegotiateFlags(0xe2888235), RANDOM_SESSION_KEY, false);
        server.unseal(List.of(SecBuffer.sealed(data, 0, data.length)), signature);
        assertThat(new String(data, StandardCharsets.UTF_16LE)).isEqualTo("Plaintext");
    }

    /**
     * The server context accepts the spec's AUTHENTICATE_MESSAGE when its challenge is the spec's, recovers the
     * RandomSessionKey, and unseals the 4.2.4.4 message.
     */
    @Test
    void serverContextVerifiesTheSpecExchange() {
        ServerOptions so = new ServerOptions(new NtlmTestSupport.Accounts("Domain").add("User", "Password"),
                "Domain", "Server", "", "", false, Clock.fixed(TIME_ZERO, ZoneOffset.UTC),
                new NtlmTestSupport.ScriptedRandom(0, SERVER_CHALLENGE));
        SecurityContext server = NtlmTestSupport.PROVIDER.newServerContext(so);
        byte[] negotiate = new NegotiateMessage(new NegotiateFlags(0xe2888235 | 0x00800000), "", "", null).encode();
        ChallengeMessage ours = ChallengeMessage.decode(server.step(negotiate));
        assertThat(ours.serverChallenge()).containsExactly(SERVER_CHALLENGE);

        assertThat(server.step(vector("4.2.4.3-AUTHENTICATE_MESSAGE"))).isNull();
        assertThat(server.isEstablished()).isTrue();
        assertThat(server.sessionKey()).containsExactly(RANDOM_SESSION_KEY);
        assertThat(server.peer().qualifiedName()).isEqualTo("Domain\\User");
        assertThat(server.peer().workstation()).isEqualTo("COMPUTER");

        byte[] data = vector("4.2.4.4-SealedData");
        server.unseal(List.of(SecBuffer.sealed(data, 0, data.length)), vector("4.2.4.4-Signature"));
        assertThat(data).containsExactly(vector("4.2.4.4-Plaintext"));
    }

    /** The client context answers the spec's CHALLENGE_MESSAGE (no timestamp) with the spec's LMv2 response. */
    @Test
    void clientContextAnswersTheSpecChallenge() {
        ClientOptions co = new ClientOptions(AuthLevel.PKT_PRIVACY, "COMPUTER", "",
                Clock.fixed(TIME_ZERO, ZoneOffset.UTC),
                new NtlmTestSupport.ScriptedRandom(0, CLIENT_CHALLENGE, RANDOM_SESSION_KEY));
        SecurityContext client = NtlmTestSupport.PROVIDER.newClientContext(
                Credentials.ofPassword("Domain", "User", PASSWD), co);
        client.step(null);
        AuthenticateMessage auth = AuthenticateMessage.decode(client.step(vector("4.2.4.3-CHALLENGE_MESSAGE")));
        assertThat(auth.lmChallengeResponse()).containsExactly(vector("4.2.4.2.1-LMv2Response"));
        NtlmV2Response r = NtlmV2Response.decode(auth.ntChallengeResponse());
        assertThat(r.clientChallenge().timeStamp()).isZero();
        assertThat(r.clientChallenge().challengeFromClient()).containsExactly(CLIENT_CHALLENGE);
        assertThat(r.clientChallenge().avPairs().pairs()).startsWith(serverName().pairs().toArray(new AvPair[0]));
        byte[] key = vector("4.2.4.1.1-NTOWFv2");
        assertThat(r.response()).containsExactly(NtlmCrypto.ntProofStr(key, SERVER_CHALLENGE, r.blob()));
        assertThat(client.sessionKey()).containsExactly(RANDOM_SESSION_KEY);

        byte[] data = vector("4.2.4.4-Plaintext");
        byte[] signature = client.seal(List.of(SecBuffer.sealed(data, 0, data.length)));
        assertThat(data).containsExactly(vector("4.2.4.4-SealedData"));
        assertThat(signature).containsExactly(vector("4.2.4.4-Signature"));
        assertThat(Hex.encode(signature)).isEqualTo("010000007fb38ec5c55d497600000000");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytesLe(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
