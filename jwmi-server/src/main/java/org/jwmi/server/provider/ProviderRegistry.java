package org.jwmi.server.provider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimName;
import org.jwmi.cim.WbemStatus;

/**
 * Providers by class name (case-insensitive). One instance provider and one method provider per class;
 * registering a second one for the same class fails. Thread-safe.
 */
public final class ProviderRegistry {

    private final Map<CimName, InstanceProvider> instanceProviders = new ConcurrentHashMap<>();
    private final Map<CimName, MethodProvider> methodProviders = new ConcurrentHashMap<>();

    /** Registers {@code p} for {@link InstanceProvider#className()}; fails with WBEM_E_ALREADY_EXISTS if taken. */
    public ProviderRegistry register(InstanceProvider p) {
        if (instanceProviders.putIfAbsent(p.className(), p) != null) {
            throw new CimException(WbemStatus.WBEM_E_ALREADY_EXISTS,
                    "an instance provider is already registered for " + p.className());
        }
        return this;
    }

    /** Registers {@code p} for {@link MethodProvider#className()}; fails with WBEM_E_ALREADY_EXISTS if taken. */
    public ProviderRegistry register(MethodProvider p) {
        if (methodProviders.putIfAbsent(p.className(), p) != null) {
            throw new CimException(WbemStatus.WBEM_E_ALREADY_EXISTS,
                    "a method provider is already registered for " + p.className());
        }
        return this;
    }

    /** The instance provider of exactly {@code className} (no inheritance lookup). */
    public Optional<InstanceProvider> instanceProvider(CimName className) {
        return Optional.ofNullable(instanceProviders.get(className));
    }

    /** The method provider of exactly {@code className} (no inheritance lookup). */
    public Optional<MethodProvider> methodProvider(CimName className) {
        return Optional.ofNullable(methodProviders.get(className));
    }
}
