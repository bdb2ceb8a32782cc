package org.jwmi.cim.wql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.WbemStatus;

/**
 * A {@link QuerySource} over classes and instances held in memory. Built with {@link #addClass} and
 * {@link #addInstance}, then read-only: fill it from one thread, then share it.
 */
public final class InMemoryQuerySource implements QuerySource {
    private final Map<CimName, CimClass> classes = new LinkedHashMap<>();
    private final Map<CimName, List<CimInstance>> instances = new LinkedHashMap<>();

    /** Adds {@code c}; its superclass (if any) must have been added first (WBEM_E_INVALID_SUPERCLASS). */
    public InMemoryQuerySource addClass(CimClass c) {
        if (!c.derivation().isEmpty() && !classes.containsKey(c.derivation().get(0))) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_SUPERCLASS,
                    "superclass " + c.derivation().get(0) + " of " + c.name() + " is unknown");
        }
        if (classes.putIfAbsent(c.name(), c) != null) {
            throw new CimException(WbemStatus.WBEM_E_ALREADY_EXISTS, "class " + c.name() + " exists");
        }
        return this;
    }

    /** Adds {@code i}; its class must have been added (WBEM_E_INVALID_CLASS). */
    public InMemoryQuerySource addInstance(CimInstance i) {
        if (!classes.containsKey(i.className())) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_CLASS, "class " + i.className() + " is unknown");
        }
        instances.computeIfAbsent(i.className(), k -> new ArrayList<>()).add(i);
        return this;
    }

    @Override
    public Optional<CimClass> getClass(CimName name) {
        return Optional.ofNullable(classes.get(name));
    }

    @Override
    public Stream<CimClass> classes() {
        return classes.values().stream();
    }

    @Override
    public Stream<CimInstance> instances(CimName className) {
        return classes.values().stream().filter(c -> c.isA(className))
                .flatMap(c -> instances.getOrDefault(c.name(), List.of()).stream());
    }
}
