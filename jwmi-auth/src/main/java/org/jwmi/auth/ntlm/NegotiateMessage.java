package org.jwmi.auth.ntlm;

import java.nio.charset.StandardCharsets;

import org.jwmi.wire.WireReader;

/**
 * [MS-NLMP] 2.2.1.1 NEGOTIATE_MESSAGE: the client's first token, offering its options.
 *
 * <pre>
 * Signature (8) | MessageType = 1 (4) | NegotiateFlags (4) | DomainNameFields (8) | WorkstationFields (8)
 * | Version (8, only with NTLMSSP_NEGOTIATE_VERSION) | Payload
 * </pre>
 *
 * @param negotiateFlags  NegotiateFlags
 * @param domainName      DomainName (OEM), empty unless NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED
 * @param workstationName WorkstationName (OEM), empty unless NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED
 * @param version         Version, or {@code null} when absent
 */
public record NegotiateMessage(NegotiateFlags negotiateFlags, String domainName, String workstationName,
                               NtlmVersion version) {

    private static final int FIXED = 32;

    public NegotiateMessage {
        domainName = domainName == null ? "" : domainName;
        workstationName = workstationName == null ? "" : workstationName;
    }

    /** Decodes a NEGOTIATE_MESSAGE, checking every payload reference against the message. */
    public static NegotiateMessage decode(byte[] msg) {
        WireReader r = new WireReader(msg);
        r.enter("NEGOTIATE_MESSAGE");
        MessageCodec.header(r, MessageCodec.NT_LM_NEGOTIATE);
        NegotiateFlags flags = new NegotiateFlags(r.i32());
        MessageCodec.Ref domain = MessageCodec.Ref.read(r, "DomainNameFields");
        MessageCodec.Ref workstation = MessageCodec.Ref.read(r, "WorkstationFields");
        boolean hasDomain = flags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED);
        boolean hasWorkstation = flags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED);
        long payload = MessageCodec.payloadStart(msg, hasDomain ? domain : MessageCodec.Ref.absent(""),
                hasWorkstation ? workstation : MessageCodec.Ref.absent(""));
        NtlmVersion version = null;
        int headerEnd = FIXED;
        if (flags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION) && payload >= FIXED + NtlmVersion.SIZE) {
            version = NtlmVersion.decode(r);
            headerEnd += NtlmVersion.SIZE;
        }
        String path = "NEGOTIATE_MESSAGE";
        String d = hasDomain ? domain.string(msg, headerEnd, path, StandardCharsets.ISO_8859_1) : "";
        String w = hasWorkstation ? workstation.string(msg, headerEnd, path, StandardCharsets.ISO_8859_1) : "";
        r.exit();
        return new NegotiateMessage(flags, d, w, version);
    }

    /**
     * Encodes the message. DomainName and WorkstationName are written only when their OEM_*_SUPPLIED flag is
     * set; the Version field when {@code version} is not null.
     */
    public byte[] encode() {
        MessageCodec.Builder b = new MessageCodec.Builder();
        b.fixed().bytes(MessageCodec.SIGNATURE).i32(MessageCodec.NT_LM_NEGOTIATE).i32(negotiateFlags.value());
        b.ref(negotiateFlags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED)
                ? domainName.getBytes(StandardCharsets.ISO_8859_1) : new byte[0]);
        b.ref(negotiateFlags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED)
                ? workstationName.getBytes(StandardCharsets.ISO_8859_1) : new byte[0]);
        if (version != null) {
            version.encode(b.fixed());
        }
        return b.build();
    }
}
