/**
 * [MS-DCOM] 3.2 client: activation, OXID resolution, proxies with per-proxy security blankets, reference counting
 * and pinging.
 * <ul>
 * <li>{@link org.jwmi.dcom.client.DcomClient}: the runtime of one application (CoInitializeSecurity's default
 * {@link org.jwmi.dcom.client.SecurityBlanket}, the security providers, the OXID and resolver tables, the connection
 * pool, the ping thread); {@code createInstance} is CoCreateInstanceEx, {@code unmarshal} turns an OBJREF into a
 * proxy.</li>
 * <li>{@link org.jwmi.dcom.client.ComProxy}: (IPID, IID, blanket, connection); ORPC calls with ORPCTHIS/ORPCTHAT,
 * QueryInterface, release; {@link org.jwmi.dcom.client.OrpcReply}, {@link org.jwmi.dcom.client.QiResult}.</li>
 * <li>{@link org.jwmi.dcom.client.SecurityBlanket}, {@link org.jwmi.dcom.client.ImpersonationLevel},
 * {@link org.jwmi.dcom.client.Capability}: the blanket; {@code SecurityResolver} applies Windows' defaults per call
 * kind; {@code EffectiveSecurity} is the result.</li>
 * <li>{@link org.jwmi.dcom.client.DcomException}: failures as HRESULT name + hex
 * ({@link org.jwmi.dcom.ops.DcomStatus}) with what to change.</li>
 * <li>Internals: {@code ConnectionPool} (per endpoint and effective security), {@code OxidEntry} (OXID table),
 * {@code Pinger} (resolver and SETID tables), {@code Calls} (error translation), {@code Endpoint}.</li>
 * </ul>
 * Security mechanisms are reached only through the {@link org.jwmi.auth.SecurityProvider} SPI, keyed by
 * RPC_C_AUTHN_* value.
 */
package org.jwmi.dcom.client;
