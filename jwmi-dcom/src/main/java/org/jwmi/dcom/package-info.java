/** [MS-DCOM]: OBJREF, ORPC, activation, OXID resolver, exporter, ping GC, proxies and security blankets. */
package org.jwmi.dcom;
