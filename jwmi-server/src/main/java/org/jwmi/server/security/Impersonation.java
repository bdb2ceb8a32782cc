package org.jwmi.server.security;

/**
 * The impersonation level a caller granted the server ([MS-RPCE] 2.2.1.1.9 / RPC_C_IMP_LEVEL_*): what a provider
 * acting on the caller's behalf may do. NTLM carries only Identify (NTLMSSP_NEGOTIATE_IDENTIFY) or, without that
 * flag, Impersonate; Delegate needs Kerberos.
 */
public enum Impersonation {
    /** The server may not learn who the caller is; WMI refuses such callers. */
    ANONYMOUS,
    /** The server may check the caller's identity, but not act as the caller. */
    IDENTIFY,
    /** The server may act as the caller on this machine (the normal level for WMI). */
    IMPERSONATE,
    /** The server may act as the caller towards other machines too. */
    DELEGATE;

    /** True if providers may act as the caller (Impersonate or Delegate). */
    public boolean mayActAsCaller() {
        return this == IMPERSONATE || this == DELEGATE;
    }
}
