package org.jwmi.dcom.ops;

import java.util.Locale;

/**
 * Status codes the DCOM interfaces return: HRESULTs ([MS-ERREF] 2.1) in ORPC and activation results, and the
 * error_status_t values of the object resolver ([MS-DCOM] 3.1.2.5.1, [MS-ERREF] 2.2). The raw int is what goes on
 * the wire; {@link #describe(int)} gives name and hex for any value.
 */
public enum DcomStatus {
    S_OK(0x00000000),
    S_FALSE(0x00000001),
    E_NOTIMPL(0x80004001),
    E_NOINTERFACE(0x80004002),
    E_POINTER(0x80004003),
    E_FAIL(0x80004005),
    E_UNEXPECTED(0x8000FFFF),
    E_ACCESSDENIED(0x80070005),
    E_OUTOFMEMORY(0x8007000E),
    E_INVALIDARG(0x80070057),
    CLASS_E_NOAGGREGATION(0x80040110),
    CLASS_E_CLASSNOTAVAILABLE(0x80040111),
    REGDB_E_CLASSNOTREG(0x80040154),
    CO_E_OBJNOTREG(0x800401FB),
    CO_E_OBJNOTCONNECTED(0x800401FD),
    CO_E_RUNAS_LOGON_FAILURE(0x8000401A),
    RPC_E_DISCONNECTED(0x80010108),
    RPC_E_VERSION_MISMATCH(0x80010110),
    RPC_E_INVALID_HEADER(0x80010111),
    RPC_E_INVALID_IPID(0x80010113),
    RPC_E_INVALID_OBJECT(0x80010114),
    RPC_E_INVALID_OBJREF(0x8001011D),
    RPC_E_ACCESS_DENIED(0x8001011B),
    /** error_status_t: the object resolver does not know the OXID. */
    OR_INVALID_OXID(0x00000776),
    /** error_status_t: an OID in a ping request is unknown. */
    OR_INVALID_OID(0x00000777),
    /** error_status_t: the ping set is unknown. */
    OR_INVALID_SET(0x00000778),
    /** error_status_t: ERROR_ACCESS_DENIED. */
    ERROR_ACCESS_DENIED(0x00000005),
    /** error_status_t: ERROR_OUTOFMEMORY. */
    ERROR_OUTOFMEMORY(0x0000000E),
    /** error_status_t: RPC_S_INVALID_ARG. */
    RPC_S_INVALID_ARG(0x00000057);

    private final int value;

    DcomStatus(int value) {
        this.value = value;
    }

    /** The raw value as sent. */
    public int value() {
        return value;
    }

    /** Whether an HRESULT denotes failure (severity bit set). */
    public static boolean failed(int hresult) {
        return hresult < 0;
    }

    /** The constant with this value, or {@code null}. */
    public static DcomStatus of(int value) {
        for (DcomStatus s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return null;
    }

    /** "NAME (0xXXXXXXXX)", or just the hex for a value not in this enum. */
    public static String describe(int value) {
        DcomStatus s = of(value);
        String hex = String.format(Locale.ROOT, "0x%08X", value);
        return s == null ? hex : s.name() + " (" + hex + ")";
    }
}
