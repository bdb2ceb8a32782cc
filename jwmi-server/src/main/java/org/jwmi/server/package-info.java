/** winmgmt: namespaces, the CIM repository, providers, namespace security and the WMI service. */
package org.jwmi.server;
