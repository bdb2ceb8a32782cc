package org.jwmi.dcom.client;

import java.util.Locale;
import java.util.Map;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.rpc.RpcStatus;

/**
 * The HRESULT and status values a DCOM client meets ([MS-ERREF] 2.1 and 2.2), with their names, so every error a
 * user sees reads as name + hex.
 */
public final class HResults {
    public static final int S_OK = 0;
    public static final int S_FALSE = 1;
    public static final int CO_S_NOTALLINTERFACES = 0x00080012;
    public static final int E_NOTIMPL = 0x80004001;
    public static final int E_NOINTERFACE = 0x80004002;
    public static final int E_POINTER = 0x80004003;
    public static final int E_ABORT = 0x80004004;
    public static final int E_FAIL = 0x80004005;
    public static final int E_UNEXPECTED = 0x8000FFFF;
    public static final int E_ACCESSDENIED = 0x80070005;
    public static final int E_OUTOFMEMORY = 0x8007000E;
    public static final int E_INVALIDARG = 0x80070057;
    public static final int CO_E_BAD_SERVER_NAME = 0x80004014;
    public static final int CO_E_NOT_SUPPORTED = 0x80004021;
    public static final int CO_E_RUNAS_LOGON_FAILURE = 0x8000401A;
    public static final int CO_E_LAUNCH_PERMSSION_DENIED = 0x8000401B;
    public static final int CO_E_REMOTE_COMMUNICATION_FAILURE = 0x8000401D;
    public static final int CLASS_E_NOAGGREGATION = 0x80040110;
    public static final int REGDB_E_CLASSNOTREG = 0x80040154;
    public static final int REGDB_E_IIDNOTREG = 0x80040155;
    public static final int CO_E_CLASSSTRING = 0x800401F3;
    public static final int CO_E_OBJNOTREG = 0x800401FB;
    public static final int RPC_E_CALL_REJECTED = 0x80010001;
    public static final int RPC_E_SERVER_DIED = 0x80010007;
    public static final int RPC_E_INVALID_DATA = 0x8001000F;
    public static final int RPC_E_SYS_CALL_FAILED = 0x80010100;
    public static final int RPC_E_SERVERFAULT = 0x80010105;
    public static final int RPC_E_INVALIDMETHOD = 0x80010107;
    public static final int RPC_E_DISCONNECTED = 0x80010108;
    public static final int RPC_E_VERSION_MISMATCH = 0x80010110;
    public static final int RPC_E_INVALID_HEADER = 0x80010111;
    public static final int RPC_E_INVALID_IPID = 0x80010113;
    public static final int RPC_E_NO_GOOD_SECURITY_PACKAGES = 0x8001011A;
    public static final int RPC_E_ACCESS_DENIED = 0x8001011B;
    public static final int RPC_E_INVALID_OBJREF = 0x8001011D;
    public static final int RPC_E_TIMEOUT = 0x8001011F;
    public static final int CO_E_SERVER_EXEC_FAILURE = 0x80080005;
    /** Win32 status of the object resolver ([MS-ERREF] 2.2). */
    public static final int OR_INVALID_OXID = 0x00000776;
    public static final int OR_INVALID_OID = 0x00000777;
    public static final int OR_INVALID_SET = 0x00000778;
    /** HRESULT_FROM_WIN32(RPC_S_SERVER_UNAVAILABLE): no endpoint of the server answered. */
    public static final int RPC_S_SERVER_UNAVAILABLE = 0x800706BA;
    /** HRESULT_FROM_WIN32(RPC_S_CALL_FAILED): the connection broke during a call. */
    public static final int RPC_S_CALL_FAILED = 0x800706BE;
    /** HRESULT_FROM_WIN32(RPC_S_CALL_FAILED_DNE): the call was refused before it ran. */
    public static final int RPC_S_CALL_FAILED_DNE = 0x800706BF;
    /** HRESULT_FROM_WIN32(RPC_X_BAD_STUB_DATA): a reply could not be decoded. */
    public static final int RPC_X_BAD_STUB_DATA = 0x800706F7;
    /** SEC_E_LOGON_DENIED: the server refused the credentials. */
    public static final int SEC_E_LOGON_DENIED = 0x8009030C;
    /** SEC_E_MESSAGE_ALTERED: a signature or seal did not verify. */
    public static final int SEC_E_MESSAGE_ALTERED = 0x8009030F;
    /** SEC_E_INVALID_TOKEN. */
    public static final int SEC_E_INVALID_TOKEN = 0x80090308;
    /** SEC_E_UNSUPPORTED_FUNCTION: the server does not accept the security provider. */
    public static final int SEC_E_UNSUPPORTED_FUNCTION = 0x80090302;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(S_OK, "S_OK"), Map.entry(S_FALSE, "S_FALSE"),
            Map.entry(CO_S_NOTALLINTERFACES, "CO_S_NOTALLINTERFACES"),
            Map.entry(E_NOTIMPL, "E_NOTIMPL"), Map.entry(E_NOINTERFACE, "E_NOINTERFACE"),
            Map.entry(E_POINTER, "E_POINTER"), Map.entry(E_ABORT, "E_ABORT"), Map.entry(E_FAIL, "E_FAIL"),
            Map.entry(E_UNEXPECTED, "E_UNEXPECTED"), Map.entry(E_ACCESSDENIED, "E_ACCESSDENIED"),
            Map.entry(E_OUTOFMEMORY, "E_OUTOFMEMORY"), Map.entry(E_INVALIDARG, "E_INVALIDARG"),
            Map.entry(CO_E_BAD_SERVER_NAME, "CO_E_BAD_SERVER_NAME"),
            Map.entry(CO_E_NOT_SUPPORTED, "CO_E_NOT_SUPPORTED"),
            Map.entry(CO_E_RUNAS_LOGON_FAILURE, "CO_E_RUNAS_LOGON_FAILURE"),
            Map.entry(CO_E_LAUNCH_PERMSSION_DENIED, "CO_E_LAUNCH_PERMSSION_DENIED"),
            Map.entry(CO_E_REMOTE_COMMUNICATION_FAILURE, "CO_E_REMOTE_COMMUNICATION_FAILURE"),
            Map.entry(CLASS_E_NOAGGREGATION, "CLASS_E_NOAGGREGATION"),
            Map.entry(REGDB_E_CLASSNOTREG, "REGDB_E_CLASSNOTREG"), Map.entry(REGDB_E_IIDNOTREG, "REGDB_E_IIDNOTREG"),
            Map.entry(CO_E_CLASSSTRING, "CO_E_CLASSSTRING"), Map.entry(CO_E_OBJNOTREG, "CO_E_OBJNOTREG"),
            Map.entry(RPC_E_CALL_REJECTED, "RPC_E_CALL_REJECTED"), Map.entry(RPC_E_SERVER_DIED, "RPC_E_SERVER_DIED"),
            Map.entry(RPC_E_INVALID_DATA, "RPC_E_INVALID_DATA"),
            Map.entry(RPC_E_SYS_CALL_FAILED, "RPC_E_SYS_CALL_FAILED"),
            Map.entry(RPC_E_SERVERFAULT, "RPC_E_SERVERFAULT"), Map.entry(RPC_E_INVALIDMETHOD, "RPC_E_INVALIDMETHOD"),
            Map.entry(RPC_E_DISCONNECTED, "RPC_E_DISCONNECTED"),
            Map.entry(RPC_E_VERSION_MISMATCH, "RPC_E_VERSION_MISMATCH"),
            Map.entry(RPC_E_INVALID_HEADER, "RPC_E_INVALID_HEADER"),
            Map.entry(RPC_E_INVALID_IPID, "RPC_E_INVALID_IPID"),
            Map.entry(RPC_E_NO_GOOD_SECURITY_PACKAGES, "RPC_E_NO_GOOD_SECURITY_PACKAGES"),
            Map.entry(RPC_E_ACCESS_DENIED, "RPC_E_ACCESS_DENIED"),
            Map.entry(RPC_E_INVALID_OBJREF, "RPC_E_INVALID_OBJREF"), Map.entry(RPC_E_TIMEOUT, "RPC_E_TIMEOUT"),
            Map.entry(CO_E_SERVER_EXEC_FAILURE, "CO_E_SERVER_EXEC_FAILURE"),
            Map.entry(OR_INVALID_OXID, "OR_INVALID_OXID"), Map.entry(OR_INVALID_OID, "OR_INVALID_OID"),
            Map.entry(OR_INVALID_SET, "OR_INVALID_SET"),
            Map.entry(RPC_S_SERVER_UNAVAILABLE, "RPC_S_SERVER_UNAVAILABLE"),
            Map.entry(RPC_S_CALL_FAILED, "RPC_S_CALL_FAILED"), Map.entry(RPC_S_CALL_FAILED_DNE, "RPC_S_CALL_FAILED_DNE"),
            Map.entry(RPC_X_BAD_STUB_DATA, "RPC_X_BAD_STUB_DATA"), Map.entry(SEC_E_LOGON_DENIED, "SEC_E_LOGON_DENIED"),
            Map.entry(SEC_E_MESSAGE_ALTERED, "SEC_E_MESSAGE_ALTERED"), Map.entry(SEC_E_INVALID_TOKEN, "SEC_E_INVALID_TOKEN"),
            Map.entry(SEC_E_UNSUPPORTED_FUNCTION, "SEC_E_UNSUPPORTED_FUNCTION"));

    private HResults() {
    }

    /** The name of {@code value}, or {@code null} if it has none here, in {@link DcomStatus} or in {@link RpcStatus}. */
    public static String name(int value) {
        String n = NAMES.get(value);
        if (n != null) {
            return n;
        }
        DcomStatus d = DcomStatus.of(value);
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
        String hex = String.format("0x%08x", value);
        String n = name(value);
        return n == null ? "HRESULT " + hex : n + " (" + hex + ")";
    }

    /** Whether {@code value} is a failure HRESULT (severity bit set). */
    public static boolean failed(int value) {
        return value < 0;
    }
}
