package org.jwmi.dcom.client;

import java.util.Locale;

/**
 * [MS-RPCE] 2.2.1.1.9 Impersonation Level: what the server may do with the client's identity. The level never
 * appears in an RPC message; it is handed to the security provider when the security context is created (NTLM
 * carries only "identify" as a negotiate flag; Kerberos decides delegation with it). The numeric values are those
 * of the Windows RPC_C_IMP_LEVEL_* constants.
 */
public enum ImpersonationLevel {
    /** RPC_C_IMP_LEVEL_DEFAULT: take the process default, else {@link #IMPERSONATE}. */
    DEFAULT(0),
    /** RPC_C_IMP_LEVEL_ANONYMOUS: the client is anonymous to the server. */
    ANONYMOUS(1),
    /** RPC_C_IMP_LEVEL_IDENTIFY: the server may learn the identity but not act as it. */
    IDENTIFY(2),
    /** RPC_C_IMP_LEVEL_IMPERSONATE: the server may act as the client on its own machine (what WMI needs). */
    IMPERSONATE(3),
    /** RPC_C_IMP_LEVEL_DELEGATE: the server may act as the client on other machines too. */
    DELEGATE(4);

    private final int value;

    ImpersonationLevel(int value) {
        this.value = value;
    }

    /** The RPC_C_IMP_LEVEL_* value. */
    public int value() {
        return value;
    }

    /** The name WMI scripting uses ({@code impersonate}). */
    public String scriptName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImpersonationLevel fromValue(int v) {
        for (ImpersonationLevel l : values()) {
            if (l.value == v) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown impersonation level " + v
                + " (use 0 default, 1 anonymous, 2 identify, 3 impersonate or 4 delegate)");
    }

    /** Parses the script name, the constant name or the number, case-insensitively. */
    public static ImpersonationLevel parse(String s) {
        for (ImpersonationLevel l : values()) {
            if (l.name().equalsIgnoreCase(s) || ("RPC_C_IMP_LEVEL_" + l.name()).equalsIgnoreCase(s)
                    || Integer.toString(l.value).equals(s)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown impersonation level '" + s
                + "' (use anonymous, identify, impersonate or delegate)");
    }

    /** The higher of the two, {@link #DEFAULT} counting as lowest. */
    ImpersonationLevel atLeast(ImpersonationLevel floor) {
        return value >= floor.value ? this : floor;
    }
}
