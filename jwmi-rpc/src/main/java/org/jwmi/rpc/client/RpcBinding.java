package org.jwmi.rpc.client;

import java.util.Optional;
import java.util.UUID;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.rpc.RpcTransportException;
import org.jwmi.rpc.SyntaxId;

/**
 * A presentation context negotiated on an {@link RpcConnection} ([MS-RPCE] 3.3.1.5.6) together with the security
 * context its calls use (if any). Calls on bindings of the same connection are serialised.
 */
public final class RpcBinding {
    private final RpcConnection connection;
    private final SyntaxId syntax;
    private final int contextId;
    private final RpcConnection.ClientAuth auth;

    RpcBinding(RpcConnection connection, SyntaxId syntax, int contextId, RpcConnection.ClientAuth auth) {
        this.connection = connection;
        this.syntax = syntax;
        this.contextId = contextId;
        this.auth = auth;
    }

    /**
     * Calls {@code opnum} with an NDR20 little-endian stub and returns the response stub, which is little-endian
     * NDR20 as well. Large stubs are fragmented to the negotiated size; the reply is reassembled up to
     * Limits.maxBodySize. A server that answers in big-endian NDR (allowed by [C706] 12.6.3.1, never done by
     * Windows) makes this method fail; {@link #callForReply(int, byte[])} returns such replies with their byte order.
     *
     * @throws org.jwmi.rpc.RpcFaultException             the server answered with a fault
     * @throws org.jwmi.auth.AuthenticationException      the logon was refused, or a verifier did not check
     * @throws org.jwmi.rpc.RpcTransportException         I/O error, timeout or malformed reply (connection closed), or
     *                                                    a big-endian reply (connection kept)
     */
    public byte[] call(int opnum, byte[] stub) {
        return littleEndianStub(opnum, connection.call(this, opnum, stub, Optional.empty()));
    }

    /** As {@link #call(int, byte[])}, with the object UUID (PFC_OBJECT_UUID; DCOM puts the IPID here). */
    public byte[] call(int opnum, byte[] stub, Optional<UUID> object) {
        return littleEndianStub(opnum, connection.call(this, opnum, stub, object));
    }

    /**
     * Calls {@code opnum} with an NDR20 little-endian stub and returns the response stub together with the data
     * representation the server declared for it, whatever its byte order. Errors as for {@link #call(int, byte[])},
     * except that a big-endian reply is returned.
     */
    public RpcReply callForReply(int opnum, byte[] stub) {
        return connection.call(this, opnum, stub, Optional.empty());
    }

    /** As {@link #callForReply(int, byte[])}, with the object UUID (PFC_OBJECT_UUID). */
    public RpcReply callForReply(int opnum, byte[] stub, Optional<UUID> object) {
        return connection.call(this, opnum, stub, object);
    }

    private byte[] littleEndianStub(int opnum, RpcReply reply) {
        if (!reply.littleEndian()) {
            throw new RpcTransportException("the server at " + connection.remoteAddress() + " answered opnum " + opnum
                    + " of " + syntax + " in big-endian NDR (data representation " + reply.drep()
                    + "), which call() does not convert; use callForReply() and decode in the byte order it reports");
        }
        return reply.stub();
    }

    /** A new presentation context for {@code iface} on the same connection and security context. */
    public RpcBinding alterContext(SyntaxId iface) {
        return connection.alterContext(iface, this);
    }

    public SyntaxId syntax() {
        return syntax;
    }

    /** The p_cont_id of this presentation context. */
    public int contextId() {
        return contextId;
    }

    public RpcConnection connection() {
        return connection;
    }

    public AuthLevel authLevel() {
        return auth == null ? AuthLevel.NONE : auth.level;
    }

    /** The RPC auth_type, 0 without security. */
    public int authType() {
        return auth == null ? 0 : auth.authType();
    }

    /** The auth_context_id of the security context, -1 without security. */
    public int authContextId() {
        return auth == null ? -1 : auth.contextId;
    }

    /** Whether the last leg was sent in rpc_auth_3 (odd-leg mechanisms such as NTLM). */
    public boolean usedAuth3() {
        return auth != null && auth.usedAuth3;
    }

    /** The peer as the mechanism reports it, if it does on the client side. */
    public Optional<PeerIdentity> peer() {
        if (auth == null || !auth.context.isEstablished()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(auth.context.peer());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    RpcConnection.ClientAuth auth() {
        return auth;
    }

    @Override
    public String toString() {
        return "RpcBinding[" + syntax + ", p_cont_id=" + contextId + ", " + authLevel().scriptName()
                + (auth == null ? "" : ", auth_type=" + authType() + ", auth_context_id=" + auth.contextId) + "]";
    }
}
