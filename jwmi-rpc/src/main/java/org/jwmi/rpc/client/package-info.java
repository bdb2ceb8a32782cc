/**
 * The client runtime: {@link org.jwmi.rpc.client.RpcConnection} (one TCP connection, bind / alter_context, security
 * legs, fragmentation, call_id matching, timeouts) and {@link org.jwmi.rpc.client.RpcBinding} (a negotiated
 * presentation context with its security context, on which calls are made); {@link org.jwmi.rpc.client.RpcReply} (a
 * response stub with the byte order the server declared for it).
 */
package org.jwmi.rpc.client;
