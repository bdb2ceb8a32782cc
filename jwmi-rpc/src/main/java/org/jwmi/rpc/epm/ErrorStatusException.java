package org.jwmi.rpc.epm;

import org.jwmi.rpc.RpcStatus;

/**
 * An endpoint mapper or management operation completed but reported a failure in its error_status parameter
 * ([MS-RPCE] 2.2.1.2.3), as opposed to a fault PDU ({@link org.jwmi.rpc.RpcFaultException}).
 */
public class ErrorStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final int status;

    public ErrorStatusException(String operation, int status) {
        super(operation + " returned " + describe(status));
        this.operation = operation;
        this.status = status;
    }

    /** The IDL name of the operation, e.g. {@code ept_map}. */
    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    /** A status with its name where known: the DCE ept_s_* values, else {@link RpcStatus#describe(int)}. */
    public static String describe(int status) {
        if (status == Epm.EPT_S_NOT_REGISTERED) {
            return "ept_s_not_registered (0x16c9a0d6)";
        }
        if (status == Epm.EPT_S_CANT_PERFORM_OP_DCE) {
            return "ept_s_cant_perform_op (0x16c9a0cd)";
        }
        if (status == 0x6D3) {
            return "RPC_S_UNKNOWN_AUTHN_SERVICE (0x000006d3)";
        }
        if (status == 0x7A) {
            return "ERROR_INSUFFICIENT_BUFFER (0x0000007a)";
        }
        return RpcStatus.describe(status);
    }
}
