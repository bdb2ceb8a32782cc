/** [MS-WMIO] object encoding and the [MS-WMI] 2.2.14 ObjectArray packing. */
package org.jwmi.wmio;
