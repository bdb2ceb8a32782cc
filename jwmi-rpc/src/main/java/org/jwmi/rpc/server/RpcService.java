package org.jwmi.rpc.server;

import org.jwmi.rpc.SyntaxId;

/**
 * One RPC interface served by an {@link RpcServer}: its abstract syntax and an opnum dispatcher. The runtime has
 * already checked the presentation context, the authentication level and every signature before it calls
 * {@link #invoke}; the service only decodes the stub, does the work and encodes the reply.
 */
public interface RpcService {

    /** The interface UUID and version this service implements. */
    SyntaxId syntax();

    /** A short name for logs ({@code epm}, {@code mgmt}). */
    String name();

    /**
     * Executes one call.
     *
     * @param call  who is calling, how, and on which object
     * @param opnum the operation number from the request
     * @param stub  the reassembled (and, at pktPrivacy, decrypted) request stub, in the byte order of
     *              {@link CallContext#littleEndian()}
     * @return the response stub, NDR20 little-endian
     * @throws org.jwmi.rpc.RpcFaultException to answer with a fault (e.g. nca_s_op_rng_error for an unknown opnum,
     *                                        RPC_X_BAD_STUB_DATA when the stub does not decode)
     */
    byte[] invoke(CallContext call, int opnum, byte[] stub);
}
