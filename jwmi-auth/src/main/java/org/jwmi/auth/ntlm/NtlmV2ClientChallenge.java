package org.jwmi.auth.ntlm;

import java.util.Arrays;
import java.util.Objects;

import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-NLMP] 2.2.2.7 NTLMv2_CLIENT_CHALLENGE: the blob the NTLMv2 proof is computed over (the {@code temp} of
 * 3.3.2 without its trailing Z(4)).
 *
 * <pre>
 * RespType = 1 (1) | HiRespType = 1 (1) | Reserved1 (2) | Reserved2 (4) | TimeStamp (8) | ChallengeFromClient (8)
 * | Reserved3 (4) | AvPairs (variable, ends with MsvAvEOL)
 * </pre>
 *
 * @param respType            RespType
 * @param hiRespType          HiRespType
 * @param timeStamp           TimeStamp (FILETIME: 100 ns ticks since 1601-01-01 UTC)
 * @param challengeFromClient ChallengeFromClient (8 bytes)
 * @param avPairs             AvPairs
 */
public record NtlmV2ClientChallenge(int respType, int hiRespType, long timeStamp, byte[] challengeFromClient,
                                    AvPairs avPairs) {

    /** The fixed part before AvPairs. */
    static final int FIXED = 28;

    public NtlmV2ClientChallenge {
        if (challengeFromClient.length != 8) {
            throw new IllegalArgumentException("ChallengeFromClient has 8 bytes");
        }
        challengeFromClient = challengeFromClient.clone();
    }

    /** A version-1 blob. */
    public static NtlmV2ClientChallenge of(long timeStamp, byte[] challengeFromClient, AvPairs avPairs) {
        return new NtlmV2ClientChallenge(1, 1, timeStamp, challengeFromClient, avPairs);
    }

    @Override
    public byte[] challengeFromClient() {
        return challengeFromClient.clone();
    }

    /**
     * Decodes the structure; what follows MsvAvEOL (the Z(4) of {@code temp}, padding) is ignored.
     */
    public static NtlmV2ClientChallenge decode(WireReader r) {
        r.enter("NTLMv2_CLIENT_CHALLENGE");
        r.enter("RespType");
        int respType = r.u8();
        if (respType != 1) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "RespType " + respType + ", only 1 is defined");
        }
        r.exit();
        int hiRespType = r.u8();
        r.skip(6); // Reserved1, Reserved2
        long timeStamp = r.i64();
        byte[] challenge = r.bytes(8);
        r.skip(4); // Reserved3
        r.enter("AvPairs");
        AvPairs pairs = AvPairs.decode(r);
        r.exit();
        r.exit();
        return new NtlmV2ClientChallenge(respType, hiRespType, timeStamp, challenge, pairs);
    }

    /** {@code temp} of [MS-NLMP] 3.3.2: this structure followed by Z(4). */
    public byte[] temp() {
        WireWriter w = new WireWriter(FIXED + 128);
        w.u8(respType).u8(hiRespType).zeros(6).i64(timeStamp).bytes(challengeFromClient).zeros(4);
        avPairs.encode(w);
        w.zeros(4);
        return w.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmV2ClientChallenge c && c.respType == respType && c.hiRespType == hiRespType
                && c.timeStamp == timeStamp && Arrays.equals(c.challengeFromClient, challengeFromClient)
                && c.avPairs.equals(avPairs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(respType, hiRespType, timeStamp, Arrays.hashCode(challengeFromClient), avPairs);
    }

    @Override
    public String toString() {
        return "NTLMv2_CLIENT_CHALLENGE[time=" + timeStamp + ", challenge=" + Hex.encode(challengeFromClient)
                + ", avPairs=" + avPairs + "]";
    }
}
