/**
 * The WMI scripting API (wbemdisp's SWbem* objects) in Java idiom, over the COM-style API of {@code org.jwmi.client}:
 * <ul>
 * <li>{@link org.jwmi.client.scripting.Wmi}: {@code getObject(moniker)}, VBScript's GetObject("winmgmts:..."), with a
 * process-wide locator and default credentials (monikers carry no password).</li>
 * <li>{@link org.jwmi.client.scripting.SWbemLocator}: ConnectServer, monikers, Security_, the default credentials and
 * the address of "this computer".</li>
 * <li>{@link org.jwmi.client.scripting.SWbemServices} (ExecQuery, InstancesOf, SubclassesOf, AssociatorsOf,
 * ReferencesTo, Get, ExecMethod, Delete), {@link org.jwmi.client.scripting.SWbemObjectSet} (Iterable, Stream, Count,
 * ItemIndex, Item), {@link org.jwmi.client.scripting.SWbemObject} (Properties_, Methods_, Path_, Put_, Delete_,
 * ExecMethod_, GetObjectText_, SpawnInstance_), {@link org.jwmi.client.scripting.SWbemObjectPath},
 * {@link org.jwmi.client.scripting.SWbemProperty}, {@link org.jwmi.client.scripting.SWbemMethod}.</li>
 * <li>{@link org.jwmi.client.scripting.SWbemSecurity} with {@link org.jwmi.client.scripting.SWbemPrivilegeSet}: copied
 * from each object to the objects it creates, applied as the proxy blanket of each call.</li>
 * <li>{@link org.jwmi.client.scripting.SWbemRefresher}: reserved, not implemented.</li>
 * <li>Internal: {@code Connection} (one IWbemServices proxy shared by a services object and its descendants).</li>
 * </ul>
 * Methods are named after the SDK's without the trailing underscore ({@code Put_} is {@link
 * org.jwmi.client.scripting.SWbemObject#put()}); errors are {@link org.jwmi.client.WbemException}s.
 */
package org.jwmi.client.scripting;
