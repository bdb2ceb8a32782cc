/**
 * [MS-WMI]: the protocol both ends share.
 * <ul>
 *   <li>{@link org.jwmi.wmi.WmiIds} CLSIDs and IIDs (1.9), {@link org.jwmi.wmi.WmiOpnums} opnums per interface
 *       (3.1.4), {@link org.jwmi.wmi.WbemFlags} and {@link org.jwmi.wmi.WbemConstants} the 2.2 enumerations;
 *       WBEMSTATUS is {@code org.jwmi.cim.WbemStatus}.</li>
 *   <li>{@code org.jwmi.wmi.marshal}: IWbemClassObject (2.2.4) and IWbemContext (2.2.13) custom marshaling,
 *       registered into DCOM's CustomUnmarshalerRegistry by {@code WmiMarshalers.register}.</li>
 *   <li>{@code org.jwmi.wmi.ops}: one record per request and response with its NDR codec (ORPCTHIS/ORPCTHAT
 *       included).</li>
 * </ul>
 */
package org.jwmi.wmi;
