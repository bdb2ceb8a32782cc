package org.jwmi.dcom.server;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The classes a {@link DcomServer} can activate: CLSID to factory ([MS-DCOM] 3.1.2.1 CLSID table). Thread-safe. */
public final class ClassRegistry {

    private final ConcurrentMap<UUID, ComClassFactory> classes = new ConcurrentHashMap<>();

    /** Registers (or replaces) the factory of {@code clsid}. */
    public ClassRegistry register(UUID clsid, ComClassFactory factory) {
        classes.put(Objects.requireNonNull(clsid, "clsid"), Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /** Removes {@code clsid}; existing objects stay exported. */
    public void unregister(UUID clsid) {
        classes.remove(clsid);
    }

    public Optional<ComClassFactory> find(UUID clsid) {
        return Optional.ofNullable(classes.get(clsid));
    }

    public Set<UUID> clsids() {
        return Set.copyOf(classes.keySet());
    }
}
