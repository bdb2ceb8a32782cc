/**
 * [MS-WMI] 2.2.4 and 2.2.13: the OBJREF_CUSTOM payloads of IWbemClassObject (an MS-WMIO EncodingUnit) and
 * IWbemContext (IWbemContextBuffer), as {@code CustomObjRefCodec}s for jwmi-dcom.
 */
package org.jwmi.wmi.marshal;
