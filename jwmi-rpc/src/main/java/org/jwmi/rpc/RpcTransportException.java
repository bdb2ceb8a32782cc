package org.jwmi.rpc;

/**
 * The connection failed underneath a call: an I/O error, a timeout, the peer closing the connection, or a PDU
 * from the peer that breaks the protocol. The connection is closed when this is thrown.
 */
public class RpcTransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RpcTransportException(String message) {
        super(message);
    }

    public RpcTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
