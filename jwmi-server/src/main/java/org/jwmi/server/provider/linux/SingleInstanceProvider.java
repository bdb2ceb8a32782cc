package org.jwmi.server.provider.linux;

import java.util.Optional;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;

/**
 * A class with exactly one instance per host, keyed by {@code Name} (Win32_OperatingSystem,
 * Win32_ComputerSystem): enumeration yields it, and a get answers it only when the key names it (ignoring case).
 */
abstract class SingleInstanceProvider implements InstanceProvider {

    /** Builds the host's instance of {@code cls}. */
    abstract CimInstance build(ProviderContext ctx, CimClass cls);

    @Override
    public final Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        return Stream.of(build(ctx, cls));
    }

    @Override
    public final Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        String name = Props.keyText(path, "Name");
        if (name == null) {
            return Optional.empty();
        }
        CimInstance instance = build(ctx, cls);
        return name.equalsIgnoreCase(instance.value("Name").asString()) ? Optional.of(instance) : Optional.empty();
    }
}
