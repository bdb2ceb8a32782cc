package org.jwmi.dcom.wire;

import java.util.Objects;

/**
 * [MS-DCOM] 2.2.19.4 SECURITYBINDING: a security provider and a service principal name.
 *
 * <p>RPC_C_AUTHN_NONE (0) cannot be carried: its two bytes are the array terminator, so a receiver cannot tell
 * them apart (Windows, Samba and Wireshark all stop at the first zero).
 *
 * @param wAuthnSvc  [MS-RPCE] 2.2.1.1.7 security provider, 1..65535 (see {@link DcomConstants})
 * @param reserved   the Reserved field, 0xFFFF when sent, ignored on receipt
 * @param aPrincName the SPN without its terminator; empty for "no SPN"; must not contain U+0000
 */
public record SecurityBinding(int wAuthnSvc, int reserved, String aPrincName) {
    /** What Reserved is set to when sent. */
    public static final int RESERVED = 0xffff;

    public SecurityBinding {
        if (wAuthnSvc <= 0 || wAuthnSvc > 0xffff) {
            throw new IllegalArgumentException("wAuthnSvc must be 1..65535, got " + wAuthnSvc);
        }
        if ((reserved & ~0xffff) != 0) {
            throw new IllegalArgumentException("Reserved is an unsigned short: " + reserved);
        }
        Objects.requireNonNull(aPrincName, "aPrincName");
        if (aPrincName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("aPrincName must not contain U+0000");
        }
    }

    /** A binding with Reserved = 0xFFFF. */
    public SecurityBinding(int wAuthnSvc, String aPrincName) {
        this(wAuthnSvc, RESERVED, aPrincName);
    }

    /** Number of unsigned shorts this binding takes in a DUALSTRINGARRAY. */
    int units() {
        return 2 + aPrincName.length() + 1;
    }
}
