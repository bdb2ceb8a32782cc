package org.jwmi.dcom.client;

import org.jwmi.dcom.wire.BitFlag;

/**
 * EOLE_AUTHENTICATION_CAPABILITIES (the EOAC_* flags of CoInitializeSecurity and CoSetProxyBlanket). A
 * {@link SecurityBlanket} keeps the raw value so unknown bits survive; this enum is its {@code EnumSet} view.
 * The DCOM client carries them for the layers above and acts on none yet ({@link #EOAC_DEFAULT} aside: take the
 * process default's capabilities).
 */
public enum Capability implements BitFlag {
    /** Ask the server to prove its identity (needs a mechanism that can, e.g. Kerberos). */
    EOAC_MUTUAL_AUTH(0x1),
    /** Use private reference counts ([MS-DCOM] 3.2.4.4.1), so other clients cannot release ours. */
    EOAC_SECURE_REFS(0x2),
    /** The security descriptor argument is an IAccessControl. */
    EOAC_ACCESS_CONTROL(0x4),
    /** The security descriptor argument is an AppID. */
    EOAC_APPID(0x8),
    /** Static cloaking: the thread token at the time the proxy was set up. */
    EOAC_STATIC_CLOAKING(0x20),
    /** Dynamic cloaking: the current thread token on every call. */
    EOAC_DYNAMIC_CLOAKING(0x40),
    /** Accept any authority for the server principal. */
    EOAC_ANY_AUTHORITY(0x80),
    /** Full security information on the server's context. */
    EOAC_MAKE_FULLSIC(0x100),
    /** Take the capabilities from the process default. */
    EOAC_DEFAULT(0x800),
    /** Refuse calls whose server context lacks full security information. */
    EOAC_REQUIRE_FULLSIC(0x200),
    /** Impersonate automatically on incoming calls. */
    EOAC_AUTO_IMPERSONATE(0x400),
    /** Do not activate servers configured to run as the activating user. */
    EOAC_DISABLE_AAA(0x1000),
    /** Refuse custom-marshaled interface pointers. */
    EOAC_NO_CUSTOM_MARSHAL(0x2000);

    /** EOAC_NONE. */
    public static final int NONE = 0;

    private final int value;

    Capability(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
