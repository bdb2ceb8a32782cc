/**
 * The persistent CIM repository ([MS-WMI] 3.1.1.1): namespaces, classes and static instances in SQLite.
 *
 * <ul>
 *   <li>{@link org.jwmi.server.repository.CimRepository} — open/seed, PutClass/PutInstance/DeleteClass/
 *       DeleteInstance/GetObject, streaming class and instance enumeration, {@code QuerySource} for WQL and
 *       {@code ClassResolver} for the MOF compiler.</li>
 *   <li>{@code KeyText} — the normalized key text that indexes instances.</li>
 *   <li>Resources {@code org/jwmi/server/schema/system.mof} (system classes, loaded into every namespace) and
 *       {@code cimv2.mof} (CIM and Win32 classes of {@code root\cimv2}).</li>
 * </ul>
 */
package org.jwmi.server.repository;
