/**
 * Providers for the Win32 classes of {@code root\cimv2} on Linux, reading {@code /proc}, {@code /sys} and
 * {@code /etc} directly through {@link org.jwmi.server.provider.linux.LinuxHost} (whose root directory is
 * injectable). A Windows property without a Linux counterpart is NULL, never invented; each class's Javadoc
 * gives its mapping.
 * <ul>
 *   <li>{@link org.jwmi.server.provider.linux.ProcessProvider} — Win32_Process from {@code /proc/<pid>}.</li>
 *   <li>{@link org.jwmi.server.provider.linux.OperatingSystemProvider} — Win32_OperatingSystem.</li>
 *   <li>{@link org.jwmi.server.provider.linux.ComputerSystemProvider} — Win32_ComputerSystem.</li>
 *   <li>{@link org.jwmi.server.provider.linux.EnvironmentProvider} — Win32_Environment from
 *       {@code /etc/environment}.</li>
 *   <li>{@link org.jwmi.server.provider.linux.LogicalDiskProvider} — Win32_LogicalDisk from {@code /proc/mounts}.</li>
 *   <li>{@link org.jwmi.server.provider.linux.NetworkAdapterProvider},
 *       {@link org.jwmi.server.provider.linux.NetworkAdapterConfigurationProvider} — Win32_NetworkAdapter and
 *       Win32_NetworkAdapterConfiguration from {@code /sys/class/net}, {@code /proc/net} and resolv.conf
 *       ({@code NetInterfaces}, {@code NetTables} decode them).</li>
 *   <li>{@link org.jwmi.server.provider.linux.ProcessMethodProvider} — Win32_Process GetOwner, GetOwnerSid and
 *       Terminate.</li>
 *   <li>{@link org.jwmi.server.provider.linux.UserAccountProvider}, {@link org.jwmi.server.provider.linux.GroupProvider}
 *       — Win32_UserAccount and Win32_Group over the server's {@code AccountDirectory}.</li>
 *   <li>{@link org.jwmi.server.provider.linux.LinuxProviders} — all of the above, for registration.</li>
 * </ul>
 */
package org.jwmi.server.provider.linux;
