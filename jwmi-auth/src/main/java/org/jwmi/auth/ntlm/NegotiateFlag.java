package org.jwmi.auth.ntlm;

/**
 * [MS-NLMP] 2.2.2.5 NEGOTIATE: one bit of the NegotiateFlags field, named as in the spec. The letter in each
 * description is the spec's bit label; bit A is the least significant bit of the little-endian field.
 */
public enum NegotiateFlag {
    /** A: Unicode character set. */
    NTLMSSP_NEGOTIATE_UNICODE(0x00000001),
    /** B: OEM character set. */
    NTLM_NEGOTIATE_OEM(0x00000002),
    /** C: the CHALLENGE_MESSAGE carries a TargetName. */
    NTLMSSP_REQUEST_TARGET(0x00000004),
    /** D: session key negotiation for message signatures. */
    NTLMSSP_NEGOTIATE_SIGN(0x00000010),
    /** E: session key negotiation for message confidentiality. */
    NTLMSSP_NEGOTIATE_SEAL(0x00000020),
    /** F: connectionless authentication. */
    NTLMSSP_NEGOTIATE_DATAGRAM(0x00000040),
    /** G: LAN Manager session key computation. */
    NTLMSSP_NEGOTIATE_LM_KEY(0x00000080),
    /** H: NTLM v1 session security. */
    NTLMSSP_NEGOTIATE_NTLM(0x00000200),
    /** J: the connection should be anonymous. */
    NTLMSSP_NEGOTIATE_ANONYMOUS(0x00000800),
    /** K: the NEGOTIATE_MESSAGE carries a domain name. */
    NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED(0x00001000),
    /** L: the NEGOTIATE_MESSAGE carries a workstation name. */
    NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED(0x00002000),
    /** M: a session key is generated regardless of SIGN and SEAL. */
    NTLMSSP_NEGOTIATE_ALWAYS_SIGN(0x00008000),
    /** N: TargetName is a domain name. */
    NTLMSSP_TARGET_TYPE_DOMAIN(0x00010000),
    /** O: TargetName is a server name. */
    NTLMSSP_TARGET_TYPE_SERVER(0x00020000),
    /** P: extended session security (NTLM2 session security). */
    NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY(0x00080000),
    /** Q: identify-level token. */
    NTLMSSP_NEGOTIATE_IDENTIFY(0x00100000),
    /** R: use the LMOWF for the session key. */
    NTLMSSP_REQUEST_NON_NT_SESSION_KEY(0x00400000),
    /** S: the CHALLENGE_MESSAGE carries TargetInfo. */
    NTLMSSP_NEGOTIATE_TARGET_INFO(0x00800000),
    /** T: the messages carry a VERSION. */
    NTLMSSP_NEGOTIATE_VERSION(0x02000000),
    /** U: 128-bit session key. */
    NTLMSSP_NEGOTIATE_128(0x20000000),
    /** V: explicit key exchange (EncryptedRandomSessionKey). */
    NTLMSSP_NEGOTIATE_KEY_EXCH(0x40000000),
    /** W: 56-bit encryption. */
    NTLMSSP_NEGOTIATE_56(0x80000000);

    private final int mask;

    NegotiateFlag(int mask) {
        this.mask = mask;
    }

    /** The bit in the NegotiateFlags field. */
    public int mask() {
        return mask;
    }
}
