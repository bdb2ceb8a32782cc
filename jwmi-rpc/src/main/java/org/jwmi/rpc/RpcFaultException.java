package org.jwmi.rpc;

/**
 * A call answered with a fault PDU ([C706] 12.6.4.7), on either side: a service throws it to make the server send
 * a fault with {@link #status()}; the client runtime throws it when a fault arrives. The message carries the
 * status name and hex code.
 */
public class RpcFaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final boolean didNotExecute;

    public RpcFaultException(int status, String detail) {
        this(status, false, detail);
    }

    public RpcFaultException(int status, boolean didNotExecute, String detail) {
        super(RpcStatus.describe(status) + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.status = status;
        this.didNotExecute = didNotExecute;
    }

    public int status() {
        return status;
    }

    /** Whether PFC_DID_NOT_EXECUTE was (to be) set: the call certainly did not run. */
    public boolean didNotExecute() {
        return didNotExecute;
    }
}
