/**
 * [MS-DCOM] operations: one record per request and per response of IObjectExporter, IActivation,
 * IRemoteSCMActivator, IRemUnknown and IRemUnknown2, each with its NDR codec ({@code decode(NdrReader)} reads the
 * whole stub and checks nothing follows; {@code encode()} writes NDR20 little-endian).
 * <ul>
 * <li>{@link org.jwmi.dcom.ops.DcomInterfaces}: syntax ids and opnums; {@link org.jwmi.dcom.ops.DcomStatus}: the
 * HRESULTs and error_status_t values DCOM uses.</li>
 * <li>IObjectExporter: {@link org.jwmi.dcom.ops.ResolveOxidRequest} (also ResolveOxid2),
 * {@link org.jwmi.dcom.ops.ResolveOxidResponse}, {@link org.jwmi.dcom.ops.ResolveOxid2Response},
 * {@link org.jwmi.dcom.ops.SimplePingRequest}, {@link org.jwmi.dcom.ops.ComplexPingRequest},
 * {@link org.jwmi.dcom.ops.ComplexPingResponse}, {@link org.jwmi.dcom.ops.EmptyRequest} (ServerAlive,
 * ServerAlive2), {@link org.jwmi.dcom.ops.StatusResponse} (SimplePing, ServerAlive),
 * {@link org.jwmi.dcom.ops.ServerAlive2Response}.</li>
 * <li>IActivation: {@link org.jwmi.dcom.ops.RemoteActivationRequest},
 * {@link org.jwmi.dcom.ops.RemoteActivationResponse}.</li>
 * <li>IRemoteSCMActivator: {@link org.jwmi.dcom.ops.RemoteGetClassObjectRequest},
 * {@link org.jwmi.dcom.ops.RemoteCreateInstanceRequest}, {@link org.jwmi.dcom.ops.ScmActivationResponse} (both).</li>
 * <li>IRemUnknown/IRemUnknown2 (ORPC, ORPCTHIS/ORPCTHAT included):
 * {@link org.jwmi.dcom.ops.RemQueryInterfaceRequest}, {@link org.jwmi.dcom.ops.RemQueryInterfaceResponse},
 * {@link org.jwmi.dcom.ops.RemAddRefRequest}, {@link org.jwmi.dcom.ops.RemAddRefResponse},
 * {@link org.jwmi.dcom.ops.RemReleaseRequest}, {@link org.jwmi.dcom.ops.OrpcStatusResponse} (RemRelease),
 * {@link org.jwmi.dcom.ops.RemQueryInterface2Request}, {@link org.jwmi.dcom.ops.RemQueryInterface2Response}.</li>
 * </ul>
 * Decoders fail only with {@link org.jwmi.wire.ProtocolException}.
 */
package org.jwmi.dcom.ops;
