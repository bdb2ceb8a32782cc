/** CIM model, object paths, WQL and MOF: no bytes, no I/O. */
package org.jwmi.cim;
