/**
 * The WMI client library: the COM-style API, built on jwmi-wmi's request and response records and jwmi-dcom's
 * client runtime. The scripting API (SWbemLocator, monikers) lives in {@code org.jwmi.client.scripting} and
 * {@code org.jwmi.client.moniker} on top of it.
 * <ul>
 * <li>{@link org.jwmi.client.WbemLocator}: IWbemLocator; one DCOM runtime (default blanket = CoInitializeSecurity,
 * NTLM, pooled connections, {@link org.jwmi.client.WbemTimeouts}); {@code connectServer} / {@code connect(...).open()}
 * activate CLSID_WbemLevel1Login, probe the exporter, NTLMLogin and set the blanket on IWbemServices.</li>
 * <li>{@link org.jwmi.client.WbemServices}: IWbemServices, every operation synchronous and {@code ...Semisync}
 * ({@link org.jwmi.client.WbemCallResult}); enumerations return {@link org.jwmi.client.WbemEnumerator}
 * (Iterator, Stream, batches, IWbemWCOSmartEnum when offered).</li>
 * <li>Asynchronous calls: the {@code ...Async} methods of {@link org.jwmi.client.WbemServices} and
 * {@link org.jwmi.client.WbemEnumerator#nextAsync} deliver to a {@link org.jwmi.client.WbemObjectSink} that the
 * server calls back; {@code Callbacks} is the locator's callback endpoint (a DCOM object exporter with its OXID
 * resolver on one port, started on first use), see pitfall 7 of the specs' README.</li>
 * <li>{@link org.jwmi.client.WbemClassObject} (IWbemClassObject over an immutable {@code CimObject}),
 * {@link org.jwmi.client.WbemContext} (IWbemContext).</li>
 * <li>{@link org.jwmi.client.WbemException}: HRESULT, name, {@link org.jwmi.client.WbemStage}, what to change.</li>
 * <li>Internals: {@code WbemProxy} (blanket, release, typed calls), {@code Stages} (per-stage deadlines on a
 * bounded pool), {@code Session}, {@code Identity} and {@code NetworkResource} (ConnectServer's arguments).</li>
 * </ul>
 * Not yet: IWbemRefresher, ExecNotificationQueryAsync.
 */
package org.jwmi.client;
