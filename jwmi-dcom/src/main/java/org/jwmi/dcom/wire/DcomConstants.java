package org.jwmi.dcom.wire;

/** Constants of [MS-DCOM] 2.2 that are not identifiers: signatures, IDL range constants, protocol ids. */
public final class DcomConstants {
    /** [MS-DCOM] 2.2.18 OBJREF.signature ("MEOW"). */
    public static final int OBJREF_SIGNATURE = 0x574f454d;
    /** [MS-DCOM] 2.2.18.7 OBJREF_EXTENDED Signature1 and Signature2. */
    public static final int OBJREF_EXTENDED_SIGNATURE = 0x4e535956;
    /** [MS-DCOM] 2.2.28.1 maximum number of interfaces sent or returned. */
    public static final int MAX_REQUESTED_INTERFACES = 0x8000;
    /** [MS-DCOM] 2.2.28.1 maximum value of cRequestedProtseqs. */
    public static final int MAX_REQUESTED_PROTSEQS = 0x8000;
    /** [MS-DCOM] 2.2.28.1 minimum value of CustomHeader.cIfs. */
    public static final int MIN_ACTPROP_LIMIT = 1;
    /** [MS-DCOM] 2.2.28.1 maximum value of CustomHeader.cIfs. */
    public static final int MAX_ACTPROP_LIMIT = 10;
    /** MSHCTX_DIFFERENTMACHINE: the CustomHeader.destCtx Windows clients send ([MS-DCOM] note 22). */
    public static final int MSHCTX_DIFFERENTMACHINE = 2;

    /** [C706] Appendix I protocol sequence identifier of ncacn_ip_tcp (STRINGBINDING.wTowerId). */
    public static final int NCACN_IP_TCP = 0x07;
    /** Protocol sequence identifier of ncadg_ip_udp. */
    public static final int NCADG_IP_UDP = 0x08;
    /** Protocol sequence identifier of ncacn_np. */
    public static final int NCACN_NP = 0x0f;
    /** Protocol sequence identifier of ncacn_http. */
    public static final int NCACN_HTTP = 0x1f;

    /** [MS-RPCE] 2.2.1.1.7 security provider: none (never sent inside a SECURITYBINDING, see there). */
    public static final int RPC_C_AUTHN_NONE = 0x00;
    /** [MS-RPCE] 2.2.1.1.7 SPNEGO. */
    public static final int RPC_C_AUTHN_GSS_NEGOTIATE = 0x09;
    /** [MS-RPCE] 2.2.1.1.7 NTLM. */
    public static final int RPC_C_AUTHN_WINNT = 0x0a;
    /** [MS-RPCE] 2.2.1.1.7 TLS. */
    public static final int RPC_C_AUTHN_GSS_SCHANNEL = 0x0e;
    /** [MS-RPCE] 2.2.1.1.7 Kerberos. */
    public static final int RPC_C_AUTHN_GSS_KERBEROS = 0x10;
    /** [MS-RPCE] 2.2.1.1.7 Netlogon. */
    public static final int RPC_C_AUTHN_NETLOGON = 0x44;

    private DcomConstants() {
    }
}
