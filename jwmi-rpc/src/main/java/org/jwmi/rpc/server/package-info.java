/**
 * The server runtime: TCP listener, per-connection protocol machine, presentation contexts, security contexts,
 * fragmentation, and dispatch to registered {@link org.jwmi.rpc.server.RpcService}s.
 */
package org.jwmi.rpc.server;
