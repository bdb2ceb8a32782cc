package org.jwmi.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A table of mechanisms keyed by RPC auth_type ([MS-RPCE] 3.1.3.1.1 Table of Security Providers). */
public final class SecurityProviders {
    private final Map<Integer, SecurityProvider> byType = new ConcurrentHashMap<>();

    public SecurityProviders register(SecurityProvider p) {
        byType.put(p.authType(), p);
        return this;
    }

    public Optional<SecurityProvider> get(int authType) {
        return Optional.ofNullable(byType.get(authType));
    }

    public boolean isEmpty() {
        return byType.isEmpty();
    }
}
