/**
 * WMI monikers ("Constructing a Moniker String"): {@link org.jwmi.client.moniker.Moniker} parses
 * {@code winmgmts:{impersonationLevel=impersonate,(Debug,!Shutdown)}[locale=ms_409]!\\server\root\cimv2:Class.Key="v"}
 * into its parts and enforces the page's rules; {@link org.jwmi.client.moniker.WbemPrivilege} is WbemPrivilegeEnum
 * with its scripting short names; {@link org.jwmi.client.moniker.MonikerException} says what is wrong and where.
 * No I/O here: {@code org.jwmi.client.scripting.Wmi#getObject} binds a moniker to a connection.
 */
package org.jwmi.client.moniker;
