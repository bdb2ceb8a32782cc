/** [MS-WMI]: the IWbem* requests and responses, WBEMSTATUS, flags, IWbemContext; the IWbemClassObject marshaler. */
package org.jwmi.wmi;
