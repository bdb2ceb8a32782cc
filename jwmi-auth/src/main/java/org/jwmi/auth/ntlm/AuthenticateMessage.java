package org.jwmi.auth.ntlm;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;

import org.jwmi.wire.Hex;
import org.jwmi.wire.WireReader;

/**
 * [MS-NLMP] 2.2.1.3 AUTHENTICATE_MESSAGE: the client's responses to the challenge, its names and the encrypted
 * session key.
 *
 * <pre>
 * Signature (8) | MessageType = 3 (4) | LmChallengeResponseFields (8) | NtChallengeResponseFields (8)
 * | DomainNameFields (8) | UserNameFields (8) | WorkstationFields (8) | EncryptedRandomSessionKeyFields (8)
 * | NegotiateFlags (4) | Version (8) | MIC (16) | Payload
 * </pre>
 *
 * Version and MIC are optional on the wire (older clients omit them); the decoder tells from the smallest payload
 * offset whether they are there, as Windows does.
 *
 * @param lmChallengeResponse       LmChallengeResponse (LMv2_RESPONSE, Z(24), Z(1) or empty)
 * @param ntChallengeResponse       NtChallengeResponse (NTLMv2_RESPONSE, a 24-byte NTLM_RESPONSE, or empty)
 * @param domainName                DomainName in the negotiated character set
 * @param userName                  UserName in the negotiated character set
 * @param workstation               Workstation in the negotiated character set
 * @param encryptedRandomSessionKey EncryptedRandomSessionKey; empty unless NTLMSSP_NEGOTIATE_KEY_EXCH
 * @param negotiateFlags            NegotiateFlags
 * @param version                   Version, or {@code null} when absent or not negotiated
 * @param mic                       MIC (16 bytes), or {@code null} when the field is absent
 */
public record AuthenticateMessage(byte[] lmChallengeResponse, byte[] ntChallengeResponse, String domainName,
                                  String userName, String workstation, byte[] encryptedRandomSessionKey,
                                  NegotiateFlags negotiateFlags, NtlmVersion version, byte[] mic) {

    private static final int FIXED = 64;
    /** Where the MIC field starts when present. */
    public static final int MIC_OFFSET = FIXED + NtlmVersion.SIZE;
    /** Size of the MIC field. */
    public static final int MIC_SIZE = 16;

    public AuthenticateMessage {
        lmChallengeResponse = lmChallengeResponse.clone();
        ntChallengeResponse = ntChallengeResponse.clone();
        domainName = domainName == null ? "" : domainName;
        userName = userName == null ? "" : userName;
        workstation = workstation == null ? "" : workstation;
        encryptedRandomSessionKey = encryptedRandomSessionKey.clone();
        if (mic != null) {
            if (mic.length != MIC_SIZE) {
                throw new IllegalArgumentException("the MIC has 16 bytes");
            }
            mic = mic.clone();
        }
    }

    @Override
    public byte[] lmChallengeResponse() {
        return lmChallengeResponse.clone();
    }

    @Override
    public byte[] ntChallengeResponse() {
        return ntChallengeResponse.clone();
    }

    @Override
    public byte[] encryptedRandomSessionKey() {
        return encryptedRandomSessionKey.clone();
    }

    @Override
    public byte[] mic() {
        return mic == null ? null : mic.clone();
    }

    /** A copy with another MIC (or {@code null} to drop the field). */
    public AuthenticateMessage withMic(byte[] newMic) {
        return new AuthenticateMessage(lmChallengeResponse, ntChallengeResponse, domainName, userName, workstation,
                encryptedRandomSessionKey, negotiateFlags, version, newMic);
    }

    /** Decodes an AUTHENTICATE_MESSAGE, checking every payload reference against the message. */
    public static AuthenticateMessage decode(byte[] msg) {
        WireReader r = new WireReader(msg);
        String path = "AUTHENTICATE_MESSAGE";
        r.enter(path);
        MessageCodec.header(r, MessageCodec.NT_LM_AUTHENTICATE);
        MessageCodec.Ref lm = MessageCodec.Ref.read(r, "LmChallengeResponseFields");
        MessageCodec.Ref nt = MessageCodec.Ref.read(r, "NtChallengeResponseFields");
        MessageCodec.Ref domain = MessageCodec.Ref.read(r, "DomainNameFields");
        MessageCodec.Ref user = MessageCodec.Ref.read(r, "UserNameFields");
        MessageCodec.Ref workstation = MessageCodec.Ref.read(r, "WorkstationFields");
        MessageCodec.Ref key = MessageCodec.Ref.read(r, "EncryptedRandomSessionKeyFields");
        r.enter("NegotiateFlags");
        NegotiateFlags flags = new NegotiateFlags(r.i32());
        r.exit();
        if (!flags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH)) {
            key = MessageCodec.Ref.absent("EncryptedRandomSessionKeyFields");
        }
        long payload = MessageCodec.payloadStart(msg, lm, nt, domain, user, workstation, key);
        int headerEnd = FIXED;
        NtlmVersion version = null;
        byte[] mic = null;
        if (payload >= FIXED + NtlmVersion.SIZE) {
            NtlmVersion v = NtlmVersion.decode(r);
            version = flags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION) ? v : null;
            headerEnd += NtlmVersion.SIZE;
            if (payload >= MIC_OFFSET + MIC_SIZE) {
                r.enter("MIC");
                mic = r.bytes(MIC_SIZE);
                r.exit();
                headerEnd += MIC_SIZE;
            }
        }
        Charset cs = MessageCodec.charset(flags);
        AuthenticateMessage m = new AuthenticateMessage(
                lm.resolve(msg, headerEnd, path, false),
                nt.resolve(msg, headerEnd, path, false),
                domain.string(msg, headerEnd, path, cs),
                user.string(msg, headerEnd, path, cs),
                workstation.string(msg, headerEnd, path, cs),
                key.resolve(msg, headerEnd, path, false),
                flags, version, mic);
        r.exit();
        return m;
    }

    /**
     * Encodes the message with the payload in the order Windows uses: DomainName, UserName, Workstation,
     * LmChallengeResponse, NtChallengeResponse, EncryptedRandomSessionKey. The Version field is written when
     * {@code version} or {@code mic} is present (zero when only the MIC is), the MIC field when {@code mic} is.
     */
    public byte[] encode() {
        Charset cs = MessageCodec.charset(negotiateFlags);
        MessageCodec.Builder b = new MessageCodec.Builder();
        b.fixed().bytes(MessageCodec.SIGNATURE).i32(MessageCodec.NT_LM_AUTHENTICATE);
        int lm = b.slot();
        int nt = b.slot();
        int domain = b.slot();
        int user = b.slot();
        int ws = b.slot();
        int key = b.slot();
        b.fixed().i32(negotiateFlags.value());
        if (version != null) {
            version.encode(b.fixed());
        } else if (mic != null) {
            b.fixed().zeros(NtlmVersion.SIZE);
        }
        if (mic != null) {
            b.fixed().bytes(mic);
        }
        b.put(domain, domainName.getBytes(cs)).put(user, userName.getBytes(cs)).put(ws, workstation.getBytes(cs))
                .put(lm, lmChallengeResponse).put(nt, ntChallengeResponse).put(key, encryptedRandomSessionKey);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticateMessage m && Arrays.equals(m.lmChallengeResponse, lmChallengeResponse)
                && Arrays.equals(m.ntChallengeResponse, ntChallengeResponse) && m.domainName.equals(domainName)
                && m.userName.equals(userName) && m.workstation.equals(workstation)
                && Arrays.equals(m.encryptedRandomSessionKey, encryptedRandomSessionKey)
                && m.negotiateFlags.equals(negotiateFlags) && Objects.equals(m.version, version)
                && Arrays.equals(m.mic, mic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ntChallengeResponse), domainName, userName, workstation, negotiateFlags);
    }

    /** Names and sizes only: the responses and the key are not shown. */
    @Override
    public String toString() {
        return "AUTHENTICATE_MESSAGE[user=" + (domainName.isEmpty() ? "" : domainName + "\\") + userName
                + ", workstation=" + workstation + ", flags=" + negotiateFlags + ", lm=" + lmChallengeResponse.length
                + " bytes, nt=" + ntChallengeResponse.length + " bytes, key=" + encryptedRandomSessionKey.length
                + " bytes, version=" + version + ", mic=" + (mic == null ? "absent" : Hex.encode(mic)) + "]";
    }
}
