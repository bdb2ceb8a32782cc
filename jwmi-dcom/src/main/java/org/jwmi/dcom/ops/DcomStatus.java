package org.jwmi.dcom.ops;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jwmi.rpc.RpcStatus;

/**
 * [MS-ERREF] 2.1.1 HRESULT Values and 2.2 Win32 Error Codes that DCOM meets: HRESULTs in ORPC and activation
 * results, the error_status_t values of the object resolver ([MS-DCOM] 3.1.2.5.1), and the failures the client
 * reports for the RPC and security layers beneath it. Names are the spec's, spelling included. The raw int is what
 * goes on the wire; {@link #describe(int)} gives name and hex for any value.
 */
public enum DcomStatus {
    S_OK(0x00000000),
    S_FALSE(0x00000001),
    CO_S_NOTALLINTERFACES(0x00080012),
    E_NOTIMPL(0x80004001),
    E_NOINTERFACE(0x80004002),
    E_POINTER(0x80004003),
    E_ABORT(0x80004004),
    E_FAIL(0x80004005),
    E_UNEXPECTED(0x8000FFFF),
    E_ACCESSDENIED(0x80070005),
    E_OUTOFMEMORY(0x8007000E),
    E_INVALIDARG(0x80070057),
    CO_E_BAD_SERVER_NAME(0x80004014),
    CO_E_NOT_SUPPORTED(0x80004021),
    CO_E_RUNAS_LOGON_FAILURE(0x8000401A),
    /** Spelled so in [MS-ERREF] 2.1.1 and the Windows SDK. */
    CO_E_LAUNCH_PERMSSION_DENIED(0x8000401B),
    CO_E_REMOTE_COMMUNICATION_FAILURE(0x8000401D),
    CLASS_E_NOAGGREGATION(0x80040110),
    CLASS_E_CLASSNOTAVAILABLE(0x80040111),
    REGDB_E_CLASSNOTREG(0x80040154),
    REGDB_E_IIDNOTREG(0x80040155),
    CO_E_CLASSSTRING(0x800401F3),
    CO_E_OBJNOTREG(0x800401FB),
    CO_E_OBJNOTCONNECTED(0x800401FD),
    CO_E_SERVER_EXEC_FAILURE(0x80080005),
    RPC_E_CALL_REJECTED(0x80010001),
    RPC_E_SERVER_DIED(0x80010007),
    RPC_E_INVALID_DATA(0x8001000F),
    RPC_E_SYS_CALL_FAILED(0x80010100),
    RPC_E_SERVERFAULT(0x80010105),
    RPC_E_INVALIDMETHOD(0x80010107),
    RPC_E_DISCONNECTED(0x80010108),
    RPC_E_VERSION_MISMATCH(0x80010110),
    RPC_E_INVALID_HEADER(0x80010111),
    RPC_E_INVALID_IPID(0x80010113),
    RPC_E_INVALID_OBJECT(0x80010114),
    RPC_E_NO_GOOD_SECURITY_PACKAGES(0x8001011A),
    RPC_E_ACCESS_DENIED(0x8001011B),
    RPC_E_INVALID_OBJREF(0x8001011D),
    RPC_E_TIMEOUT(0x8001011F),
    /** HRESULT_FROM_WIN32 ([MS-ERREF] 2.1.2) of RPC_S_SERVER_UNAVAILABLE: no endpoint of the server answered. */
    RPC_S_SERVER_UNAVAILABLE(0x800706BA),
    /** HRESULT_FROM_WIN32 of RPC_S_CALL_FAILED: the connection broke during a call. */
    RPC_S_CALL_FAILED(0x800706BE),
    /** HRESULT_FROM_WIN32 of RPC_S_CALL_FAILED_DNE: the call was refused before it ran. */
    RPC_S_CALL_FAILED_DNE(0x800706BF),
    /** HRESULT_FROM_WIN32 of RPC_X_BAD_STUB_DATA: a reply could not be decoded. */
    RPC_X_BAD_STUB_DATA(0x800706F7),
    /** The server does not accept the security provider. */
    SEC_E_UNSUPPORTED_FUNCTION(0x80090302),
    SEC_E_INVALID_TOKEN(0x80090308),
    /** The server refused the credentials. */
    SEC_E_LOGON_DENIED(0x8009030C),
    /** A signature or seal did not verify. */
    SEC_E_MESSAGE_ALTERED(0x8009030F),
    /** error_status_t: the object resolver does not know the OXID. */
    OR_INVALID_OXID(0x00000776),
    /** error_status_t: an OID in a ping request is unknown. */
    OR_INVALID_OID(0x00000777),
    /** error_status_t: the ping set is unknown. */
    OR_INVALID_SET(0x00000778),
    /** error_status_t. */
    ERROR_ACCESS_DENIED(0x00000005),
    /** error_status_t. */
    ERROR_OUTOFMEMORY(0x0000000E),
    /** error_status_t (the SDK's RPC_S_INVALID_ARG is this value). */
    ERROR_INVALID_PARAMETER(0x00000057);

    private static final Map<Integer, DcomStatus> BY_VALUE = new HashMap<>();

    static {
        for (DcomStatus s : values()) {
            if (BY_VALUE.putIfAbsent(s.value, s) != null) {
                throw new IllegalStateException("two names for " + String.format("0x%08x", s.value));
            }
        }
    }

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
        return BY_VALUE.get(value);
    }

    /**
     * The name of {@code value}: this enum's, else the RPC status name ({@link RpcStatus}, nca_s_* in the lower case
     * of [C706]) that a fault may carry; {@code null} if it has neither.
     */
    public static String nameOf(int value) {
        DcomStatus d = of(value);
        if (d != null) {
            return d.name();
        }
        RpcStatus s = RpcStatus.of(value);
        if (s == null) {
            return null;
        }
        return s.name().startsWith("NCA_S_") ? s.name().toLowerCase(Locale.ROOT) : s.name();
    }

    /** {@code E_ACCESSDENIED (0x80070005)}; a value without a name shows as {@code HRESULT 0x...}. */
    public static String describe(int value) {
        String hex = String.format(Locale.ROOT, "0x%08x", value);
        String n = nameOf(value);
        return n == null ? "HRESULT " + hex : n + " (" + hex + ")";
    }
}
