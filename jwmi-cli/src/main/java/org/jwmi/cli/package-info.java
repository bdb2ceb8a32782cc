/**
 * The {@code jwmi} command line, the one place where implementations are wired together: {@link org.jwmi.cli.Jwmi}
 * (entry point), {@code user} (the {@link org.jwmi.cli.FileAccountStore} of NT hashes), {@code serve} (the RPC
 * server with the endpoint mapper and management interface, NTLM against the account store), {@code demo} (our
 * client against our server on loopback) and {@code wmio decode} (an encoded WMI object as MOF-like text or JSON).
 */
package org.jwmi.cli;
