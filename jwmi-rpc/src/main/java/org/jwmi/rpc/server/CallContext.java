package org.jwmi.rpc.server;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.rpc.SyntaxId;

/**
 * What a service knows about the call it is executing.
 *
 * @param server        the server executing the call (for services that describe the server itself)
 * @param connectionId  a number unique to the connection within this server
 * @param assocGroupId  the association group of the connection
 * @param local         the address the client connected to
 * @param remote        the client's address
 * @param abstractSyntax the interface of the presentation context the request used
 * @param object        the object UUID of a PFC_OBJECT_UUID request (DCOM: the IPID)
 * @param authLevel     the level of the security context the request used ({@code NONE} if none)
 * @param authType      the RPC auth_type of that context (0 if none)
 * @param peer          the authenticated client, if any
 * @param littleEndian  the byte order of the request stub (from its data representation label)
 * @param callId        the call_id of the request
 */
public record CallContext(ServerView server, long connectionId, int assocGroupId, InetSocketAddress local,
                          InetSocketAddress remote, SyntaxId abstractSyntax, Optional<UUID> object, AuthLevel authLevel,
                          int authType, Optional<PeerIdentity> peer, boolean littleEndian, int callId) {
}
