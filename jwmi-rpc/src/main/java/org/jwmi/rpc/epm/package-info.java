/**
 * The endpoint mapper, interface {@code ept} e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0 ([C706] Appendix O as
 * amended by [MS-RPCE] 2.2.1.2), server and client.
 *
 * <ul>
 *   <li>{@link org.jwmi.rpc.epm.ProtocolTower}, {@link org.jwmi.rpc.epm.TowerFloor} - the [C706] Appendix L tower
 *       encoding (not NDR; bounds-checked, at most six floors).</li>
 *   <li>{@link org.jwmi.rpc.epm.Twr}, {@link org.jwmi.rpc.epm.EptEntry}, {@link org.jwmi.rpc.epm.RpcIfId} - the
 *       IDL types; one request and one response record per operation ({@code EptLookupRequest} ...) with NDR20
 *       codecs over jwmi-ndr. The IDL's {@code [ptr]} pointers are read as unique pointers: no operation of this
 *       interface aliases two pointers, and reading aliases would let one referent stand for values of different
 *       types.</li>
 *   <li>{@link org.jwmi.rpc.epm.EndpointRegistry} - the map the server owner fills;
 *       {@link org.jwmi.rpc.epm.EpmService} - the {@link org.jwmi.rpc.server.RpcService} answering from it.</li>
 *   <li>{@link org.jwmi.rpc.epm.EpmClient} - ept_lookup (all pages) and ept_map over an
 *       {@link org.jwmi.rpc.client.RpcBinding}.</li>
 *   <li>{@link org.jwmi.rpc.epm.EptCodec}, {@link org.jwmi.rpc.epm.StubCaller},
 *       {@link org.jwmi.rpc.epm.ErrorStatusException} - shared with {@link org.jwmi.rpc.mgmt}.</li>
 * </ul>
 */
package org.jwmi.rpc.epm;
