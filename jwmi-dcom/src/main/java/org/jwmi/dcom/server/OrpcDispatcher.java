package org.jwmi.dcom.server;

/**
 * The server side of one COM interface of an object: executes an ORPC call ([MS-DCOM] 3.1.1.5.4) whose ORPCTHIS
 * the exporter has already decoded and checked.
 *
 * <p>Throw {@link org.jwmi.rpc.RpcFaultException} to answer with a fault (nca_s_op_rng_error for an unknown opnum),
 * {@link ComException} for a fault whose status is the HRESULT, {@link org.jwmi.wire.ProtocolException} when the
 * stub does not decode (answered with RPC_X_BAD_STUB_DATA). A failure HRESULT of the method itself belongs in the
 * reply body.
 */
@FunctionalInterface
public interface OrpcDispatcher {

    OrpcReply invoke(OrpcCall call);
}
