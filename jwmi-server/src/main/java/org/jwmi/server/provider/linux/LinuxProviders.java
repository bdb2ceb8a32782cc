package org.jwmi.server.provider.linux;

import java.util.List;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderRegistry;

/** The Linux instance providers of {@code root\cimv2}, for wiring. */
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

    /** Registers {@link #all(LinuxHost)} in {@code registry}. */
    public static ProviderRegistry registerAll(ProviderRegistry registry, LinuxHost host) {
        all(host).forEach(registry::register);
        return registry;
    }
}
