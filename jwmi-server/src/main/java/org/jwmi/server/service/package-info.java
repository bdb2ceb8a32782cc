/**
 * The WMI service over DCOM ([MS-WMI] 3.1): what a client reaches after activating CLSID_WbemLevel1Login.
 * <ul>
 *   <li>{@link org.jwmi.server.service.WmiService}: registers the login class with a DCOM server, admits every call
 *       (encryption requirement, the caller's {@link org.jwmi.server.security.CallerToken}, namespace rights through
 *       a {@link org.jwmi.server.service.NamespaceGuard}), runs asynchronous operations and bounds open
 *       enumerators.</li>
 *   <li>The DCOM objects, one per MS-WMI object: {@code LoginObject} (IWbemLevel1Login, IWbemLoginClientID,
 *       IWbemLoginHelper), {@code ServicesObject} (IWbemServices), {@code EnumObject} (IEnumWbemClassObject,
 *       IWbemFetchSmartEnum, IWbemWCOSmartEnum), {@code CallResultObject} (IWbemCallResult); {@code Wire} holds
 *       what their dispatchers share.</li>
 *   <li>{@link org.jwmi.server.service.Cimom}: the object manager in CIM terms (no protocol): namespaces, classes
 *       from the repository, instances from providers or the repository, WQL with key and provider lookups.</li>
 *   <li>{@link org.jwmi.server.service.SinkConnector} and {@link org.jwmi.server.service.DcomSinkConnector}: calling
 *       a client's IWbemObjectSink back; {@link org.jwmi.server.service.TokenSource}: how callers' tokens are
 *       built.</li>
 * </ul>
 */
package org.jwmi.server.service;
