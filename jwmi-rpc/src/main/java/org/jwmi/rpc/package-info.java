/**
 * MS-RPCE connection-oriented RPC over TCP.
 * <ul>
 *   <li>This package: what every layer above shares: {@link org.jwmi.rpc.SyntaxId} (interface UUID and version),
 *       {@link org.jwmi.rpc.RpcStatus} (nca_s_* and RPC_S_* codes with their names), and the failures
 *       {@link org.jwmi.rpc.RpcFaultException}, {@link org.jwmi.rpc.BindRejectedException},
 *       {@link org.jwmi.rpc.RpcTransportException}.</li>
 *   <li>{@code pdu}: the PDUs as data with their codecs; {@code client} and {@code server}: the two runtimes
 *       (connections, fragmentation, security contexts, limits); {@code epm} and {@code mgmt}: the endpoint mapper
 *       and the management interface.</li>
 * </ul>
 */
package org.jwmi.rpc;
