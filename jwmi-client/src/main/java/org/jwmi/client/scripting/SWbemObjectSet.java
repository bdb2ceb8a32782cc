package org.jwmi.client.scripting;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.WbemStatus;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemException;

/**
 * SWbemObjectSet: the objects of a query or enumeration, fetched from the server as they are iterated. Without
 * wbemFlagForwardOnly the objects are kept once fetched, so the set can be iterated again and {@link #count()},
 * {@link #itemIndex} and {@link #item} work (they fetch the rest); with it, the set can be iterated once and keeps
 * nothing, as on Windows. Each object gets a copy of the set's {@link #security()}, whose levels also govern the
 * fetches. Close it (or exhaust a stream over it and close that) to release the server's enumerator.
 */
public final class SWbemObjectSet implements Iterable<SWbemObject>, AutoCloseable {
    private final Connection connection;
    private final SWbemSecurity security;
    private final WbemEnumerator enumerator;
    private final boolean forwardOnly;
    private final List<SWbemObject> fetched = new ArrayList<>();
    private boolean exhausted;
    private boolean iterated;

    SWbemObjectSet(Connection connection, SWbemSecurity security, WbemEnumerator enumerator, boolean forwardOnly) {
        this.connection = connection;
        this.security = security;
        this.enumerator = enumerator;
        this.forwardOnly = forwardOnly;
        connection.opened(this);
    }

    /** Security_. */
    public SWbemSecurity security() {
        return security;
    }

    /** The COM-level enumerator underneath (batch size, timeout). */
    public WbemEnumerator wbemEnumerator() {
        return enumerator;
    }

    /** The next object from the server, or null at the end; the caller holds the lock. */
    private SWbemObject fetch() {
        if (exhausted) {
            return null;
        }
        enumerator.setBlanket(security.applyTo(connection.base));
        if (!enumerator.hasNext()) {
            exhausted = true;
            close();
            return null;
        }
        WbemClassObject o = enumerator.nextObject();
        SWbemObject s = new SWbemObject(connection, security.copy(), o, false);
        if (!forwardOnly) {
            fetched.add(s);
        }
        return s;
    }

    @Override
    public Iterator<SWbemObject> iterator() {
        synchronized (this) {
            if (forwardOnly && iterated) {
                throw new WbemException(WbemStatus.WBEM_E_INVALID_OPERATION, "this object set is forward-only"
                        + " (wbemFlagForwardOnly): it can be iterated once; query without that flag to iterate again");
            }
            iterated = true;
        }
        return new Iterator<>() {
            private int index;
            private SWbemObject next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                synchronized (SWbemObjectSet.this) {
                    if (!forwardOnly && index < fetched.size()) {
                        next = fetched.get(index);
                    } else {
                        next = fetch();
                    }
                }
                if (next != null) {
                    index++;
                }
                return next != null;
            }

            @Override
            public SWbemObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SWbemObject o = next;
                next = null;
                return o;
            }
        };
    }

    /** The objects as a stream (closing the stream closes the set). */
    public Stream<SWbemObject> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED
                | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Count: fetches every object. Not for a forward-only set. */
    public int count() {
        return all("Count").size();
    }

    /** ItemIndex: the object at {@code index} (from 0). Not for a forward-only set. */
    public SWbemObject itemIndex(int index) {
        List<SWbemObject> all = all("ItemIndex");
        if (index < 0 || index >= all.size()) {
            throw new WbemException(WbemStatus.WBEM_E_NOT_FOUND, "index " + index + " is outside the " + all.size()
                    + " objects of the set");
        }
        return all.get(index);
    }

    /** Item: the object whose path (or relative path) is {@code path}. Not for a forward-only set. */
    public SWbemObject item(String path) {
        CimObjectPath wanted = CimObjectPath.parse(path);
        for (SWbemObject o : all("Item")) {
            WbemClassObject w = o.wbemClassObject();
            String candidate = wanted.namespace() != null ? w.path() : w.relPath();
            if (candidate != null && CimObjectPath.parse(candidate).equals(wanted)) {
                return o;
            }
        }
        throw new WbemException(WbemStatus.WBEM_E_NOT_FOUND, "no object " + path + " in the set");
    }

    private synchronized List<SWbemObject> all(String what) {
        if (forwardOnly) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_OPERATION, what + " is not available on a forward-only"
                    + " object set (wbemFlagForwardOnly): iterate it instead, or query without that flag");
        }
        while (fetch() != null) {
            // fetch the rest
        }
        return List.copyOf(fetched);
    }

    /**
     * Releases the server's enumerator (done already when the set has been read to its end; objects fetched stay
     * available). Closing the services object closes its sets too. Idempotent.
     */
    @Override
    public void close() {
        enumerator.close();
        connection.released(this);
    }
}
