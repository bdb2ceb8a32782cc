package org.jwmi.server.provider.linux;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.MethodProvider;
import org.jwmi.server.provider.ProviderRegistry;
import org.jwmi.server.security.AccountDirectory;

/**
 * The Linux providers of {@code root\cimv2}, for wiring. The {@code registerAll} methods register instance
 * providers only; method providers come from {@link #methodProviders} and are registered separately.
 */
public final class LinuxProviders {

    private LinuxProviders() {
    }

    /** One provider per supported class, all reading {@code host}. */
    public static List<InstanceProvider> all(LinuxHost host) {
        return List.of(new ProcessProvider(host), new OperatingSystemProvider(host),
                new ComputerSystemProvider(host), new EnvironmentProvider(host), new LogicalDiskProvider(host),
                new ProcessorProvider(host), new ServiceProvider(host), new NetworkAdapterProvider(host),
                new NetworkAdapterConfigurationProvider(host));
    }

    /** {@link #all(LinuxHost)} plus Win32_UserAccount and Win32_Group over {@code accounts}. */
    public static List<InstanceProvider> all(LinuxHost host, AccountDirectory accounts) {
        List<InstanceProvider> l = new ArrayList<>(all(host));
        l.add(new UserAccountProvider(accounts));
        l.add(new GroupProvider(accounts));
        return List.copyOf(l);
    }

    /** The method providers (Win32_Process); GetOwnerSid answers 8 without an account directory. */
    public static List<MethodProvider> methodProviders(LinuxHost host) {
        return List.of(new ProcessMethodProvider(host));
    }

    /** The method providers, GetOwnerSid looking owners up in {@code accounts}. */
    public static List<MethodProvider> methodProviders(LinuxHost host, AccountDirectory accounts) {
        return List.of(new ProcessMethodProvider(host, accounts));
    }

    /** Registers {@link #all(LinuxHost, AccountDirectory)} in {@code registry}. */
    public static ProviderRegistry registerAll(ProviderRegistry registry, LinuxHost host, AccountDirectory accounts) {
        all(host, accounts).forEach(registry::register);
        return registry;
    }

    /** Registers {@link #all(LinuxHost)} in {@code registry}. */
    public static ProviderRegistry registerAll(ProviderRegistry registry, LinuxHost host) {
        all(host).forEach(registry::register);
        return registry;
    }
}
