package org.jwmi.cli;

import org.jwmi.auth.AuthenticationException;
import org.jwmi.client.WbemException;
import org.jwmi.client.WbemStage;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.DcomException;
import org.jwmi.dcom.ops.DcomStatus;

/** The exit codes of the {@code jwmi} client commands, as their help pages list them. */
final class ExitCodes {
    static final int OK = 0;
    /** The operation failed (the message gives the WMI status and what to change). */
    static final int FAILED = 1;
    /** Bad usage: unknown option, malformed argument, unsupported authority. */
    static final int USAGE = 2;
    /** The server could not be reached, or a stage timed out. */
    static final int UNREACHABLE = 3;
    /** Authentication failed or access was denied (including a too-low authentication level). */
    static final int DENIED = 4;
    /** The object, class or namespace does not exist. */
    static final int NOT_FOUND = 5;

    /** The exit-code section of every client command's help. */
    static final String HEADING = "%nExit codes:%n";
    static final String L0 = "0:success";
    static final String L1 = "1:the WMI operation failed (the message names the status and what to change)";
    static final String L2 = "2:bad usage (unknown option, malformed argument, unsupported authority)";
    static final String L3 = "3:the server could not be reached, or a stage timed out";
    static final String L4 = "4:authentication failed or access denied (e.g. the namespace requires --level pktPrivacy)";
    static final String L5 = "5:the object, class or namespace does not exist";

    private ExitCodes() {
    }

    static int of(Throwable t) {
        if (t instanceof WbemException w) {
            if (w.stage().orElse(null) == WbemStage.CONNECT) {
                return UNREACHABLE;
            }
            return ofStatus(w.hresult());
        }
        if (t instanceof DcomException d) {
            return ofStatus(d.hresult());
        }
        if (t instanceof AuthenticationException) {
            return DENIED;
        }
        return FAILED;
    }

    static int ofStatus(int hr) {
        WbemStatus s = WbemStatus.fromCode(hr);
        if (s != null) {
            return switch (s) {
                case WBEM_E_ACCESS_DENIED, WBEM_E_ENCRYPTED_CONNECTION_REQUIRED, WBEM_E_PRIVILEGE_NOT_HELD -> DENIED;
                case WBEM_E_NOT_FOUND, WBEM_E_INVALID_CLASS, WBEM_E_INVALID_NAMESPACE -> NOT_FOUND;
                case WBEM_E_TIMED_OUT, WBEM_E_TRANSPORT_FAILURE, WBEM_E_CONNECTION_FAILED -> UNREACHABLE;
                case WBEM_E_INVALID_PARAMETER, WBEM_E_NOT_SUPPORTED -> USAGE;
                default -> FAILED;
            };
        }
        DcomStatus d = DcomStatus.of(hr);
        if (d == null) {
            return FAILED;
        }
        return switch (d) {
            case E_ACCESSDENIED, ERROR_ACCESS_DENIED, RPC_E_ACCESS_DENIED, SEC_E_LOGON_DENIED,
                    CO_E_LAUNCH_PERMSSION_DENIED -> DENIED;
            case RPC_S_SERVER_UNAVAILABLE, RPC_E_TIMEOUT, RPC_S_CALL_FAILED, RPC_S_CALL_FAILED_DNE -> UNREACHABLE;
            default -> FAILED;
        };
    }
}
