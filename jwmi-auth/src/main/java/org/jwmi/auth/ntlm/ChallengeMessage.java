package org.jwmi.auth.ntlm;

import java.util.Arrays;

import org.jwmi.wire.Hex;
import org.jwmi.wire.WireReader;

/**
 * [MS-NLMP] 2.2.1.2 CHALLENGE_MESSAGE: the server's answer, carrying the 8-byte ServerChallenge and the
 * TargetInfo AV_PAIRs the client folds into its NTLMv2 response.
 *
 * <pre>
 * Signature (8) | MessageType = 2 (4) | TargetNameFields (8) | NegotiateFlags (4) | ServerChallenge (8)
 * | Reserved (8) | TargetInfoFields (8) | Version (8, only with NTLMSSP_NEGOTIATE_VERSION) | Payload
 * </pre>
 *
 * @param targetName      TargetName in the negotiated character set
 * @param negotiateFlags  NegotiateFlags
 * @param serverChallenge ServerChallenge (8 bytes)
 * @param targetInfo      TargetInfo; {@link AvPairs#empty()} when TargetInfoLen is 0
 * @param version         Version, or {@code null} when absent
 */
public record ChallengeMessage(String targetName, NegotiateFlags negotiateFlags, byte[] serverChallenge,
                               AvPairs targetInfo, NtlmVersion version) {

    private static final int FIXED = 48;

    public ChallengeMessage {
        targetName = targetName == null ? "" : targetName;
        if (serverChallenge.length != 8) {
            throw new IllegalArgumentException("ServerChallenge has 8 bytes");
        }
        serverChallenge = serverChallenge.clone();
    }

    @Override
    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }

    /** Decodes a CHALLENGE_MESSAGE, checking every payload reference against the message. */
    public static ChallengeMessage decode(byte[] msg) {
        WireReader r = new WireReader(msg);
        String path = "CHALLENGE_MESSAGE";
        r.enter(path);
        MessageCodec.header(r, MessageCodec.NT_LM_CHALLENGE);
        MessageCodec.Ref targetName = MessageCodec.Ref.read(r, "TargetNameFields");
        NegotiateFlags flags = new NegotiateFlags(r.i32());
        r.enter("ServerChallenge");
        byte[] challenge = r.bytes(8);
        r.exit();
        r.skip(8); // Reserved
        MessageCodec.Ref targetInfo = MessageCodec.Ref.read(r, "TargetInfoFields");
        // TargetInfo is ignored when its flag is clear. TargetName is read whenever it is there: the spec's own
        // example (4.2.4.3) carries one without NTLMSSP_REQUEST_TARGET.
        if (!flags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_TARGET_INFO)) {
            targetInfo = MessageCodec.Ref.absent("TargetInfoFields");
        }
        long payload = MessageCodec.payloadStart(msg, targetName, targetInfo);
        NtlmVersion version = null;
        int headerEnd = FIXED;
        if (flags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION) && payload >= FIXED + NtlmVersion.SIZE) {
            version = NtlmVersion.decode(r);
            headerEnd += NtlmVersion.SIZE;
        }
        String name = targetName.string(msg, headerEnd, path, MessageCodec.charset(flags));
        byte[] info = targetInfo.resolve(msg, headerEnd, path, false);
        AvPairs pairs = AvPairs.empty();
        if (info.length > 0) {
            WireReader ir = new WireReader(info);
            ir.enter(path + ".TargetInfo");
            pairs = AvPairs.decode(ir);
        }
        r.exit();
        return new ChallengeMessage(name, flags, challenge, pairs, version);
    }

    /**
     * Encodes the message: TargetName then TargetInfo in the payload. TargetInfo (with its MsvAvEOL) is written
     * when NTLMSSP_NEGOTIATE_TARGET_INFO is set, Version when {@code version} is not null.
     */
    public byte[] encode() {
        MessageCodec.Builder b = new MessageCodec.Builder();
        b.fixed().bytes(MessageCodec.SIGNATURE).i32(MessageCodec.NT_LM_CHALLENGE);
        b.ref(targetName.getBytes(MessageCodec.charset(negotiateFlags)));
        b.fixed().i32(negotiateFlags.value()).bytes(serverChallenge).zeros(8);
        b.ref(negotiateFlags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_TARGET_INFO) ? targetInfo.encode() : new byte[0]);
        if (version != null) {
            version.encode(b.fixed());
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChallengeMessage m && m.targetName.equals(targetName)
                && m.negotiateFlags.equals(negotiateFlags) && Arrays.equals(m.serverChallenge, serverChallenge)
                && m.targetInfo.equals(targetInfo) && java.util.Objects.equals(m.version, version);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(targetName, negotiateFlags, Arrays.hashCode(serverChallenge), targetInfo, version);
    }

    @Override
    public String toString() {
        return "CHALLENGE_MESSAGE[targetName=" + targetName + ", flags=" + negotiateFlags + ", serverChallenge="
                + Hex.encode(serverChallenge) + ", targetInfo=" + targetInfo + ", version=" + version + "]";
    }
}
