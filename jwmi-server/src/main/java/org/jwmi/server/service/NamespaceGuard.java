package org.jwmi.server.service;

import org.jwmi.server.security.CallerToken;

/**
 * What the WMI service asks of namespace security before it executes a call: whether the caller holds the rights
 * an operation needs ([MS-WMI] 5.2), and whether the namespace requires encryption ([MS-WMI] 2.2.30.3).
 */
public interface NamespaceGuard {

    /** WBEM_ENABLE: read (GetObject, enumerations, queries). */
    int WBEM_ENABLE = 0x1;
    /** WBEM_METHOD_EXECUTE: ExecMethod. */
    int WBEM_METHOD_EXECUTE = 0x2;
    /** WBEM_FULL_WRITE_REP: write classes and static instances, including system classes. */
    int WBEM_FULL_WRITE_REP = 0x4;
    /** WBEM_PARTIAL_WRITE_REP: write static instances and non-system classes. */
    int WBEM_PARTIAL_WRITE_REP = 0x8;
    /** WBEM_WRITE_PROVIDER: write instances served by providers. */
    int WBEM_WRITE_PROVIDER = 0x10;
    /** WBEM_REMOTE_ENABLE: any access from another computer (every call over DCOM). */
    int WBEM_REMOTE_ENABLE = 0x20;

    /**
     * Throws {@code CimException(WBEM_E_ACCESS_DENIED)} unless {@code caller} holds every right of
     * {@code desiredRights} on {@code namespace}; the message names what is missing.
     */
    void check(CallerToken caller, String namespace, int desiredRights);

    /** True if calls into {@code namespace} need RPC_C_AUTHN_LEVEL_PKT_PRIVACY. */
    boolean requiresEncryption(String namespace);
}
