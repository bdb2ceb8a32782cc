package org.jwmi.server.provider;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;

/**
 * Supplies the instances of one dynamic class. Implementations are thread-safe; every call is independent.
 */
public interface InstanceProvider {

    /** The class whose instances this provider supplies. */
    CimName className();

    /**
     * The current instances of {@code cls}, produced lazily as the stream is consumed. Callers close the stream
     * (try-with-resources) if they do not consume it to the end. Objects that disappear while the stream runs are
     * skipped, not reported as errors.
     *
     * @param cls the complete class definition the instances are built on
     */
    Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls);

    /**
     * The instance named by {@code path}, read directly from its source (not found by enumerating everything).
     *
     * @param path an instance path of {@code cls}; key names are matched case-insensitively
     * @return empty if no such instance exists (or the path does not name one)
     */
    Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path);

    /**
     * The instances whose properties may equal {@code equalities}, found without enumerating everything (a query's
     * {@code WHERE ProcessId = 42} when the key is another property). Empty when the provider cannot narrow the
     * search that way; the caller then enumerates. The result may hold instances that do not match: the caller
     * applies the whole WHERE clause to it.
     *
     * @param equalities property (as the query names it) to the value it is compared with by {@code =}
     */
    default Optional<Stream<CimInstance>> lookup(ProviderContext ctx, CimClass cls, Map<CimName, CimValue> equalities) {
        return Optional.empty();
    }
}
