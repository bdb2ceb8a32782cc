package org.jwmi.rpc.epm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;

/**
 * The server side of ept_lookup_handle_t ([MS-RPCE] 2.2.1.2.11): the results an ept_lookup or ept_map still owes
 * a client, keyed by the context handle it was given. A handle is scoped to the association group that received
 * it ([MS-RPCE] 3.3.1.4.1). The table is bounded: when full, the least recently used cursor is dropped, so clients
 * that never call ept_lookup_handle_free (impacket's hept_map is one) cannot exhaust memory.
 */
final class LookupHandles {

    enum Kind { LOOKUP, MAP }

    /** One page of results and the handle to fetch the rest with (NULL when nothing is left). */
    record Page<T>(List<T> items, NdrContextHandle handle) {
    }

    private static final class Cursor {
        final Kind kind;
        final int assocGroupId;
        final List<?> items;
        int next;

        Cursor(Kind kind, int assocGroupId, List<?> items, int next) {
            this.kind = kind;
            this.assocGroupId = assocGroupId;
            this.items = items;
            this.next = next;
        }
    }

    private final RandomGenerator random;
    private final Map<UUID, Cursor> open;

    LookupHandles(RandomGenerator random, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.random = random;
        this.open = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Cursor> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The first page of {@code all}; a handle is opened only if more than {@code max} items matched. */
    synchronized <T> Page<T> first(Kind kind, int assocGroupId, List<T> all, int max) {
        List<T> items = List.copyOf(all);
        int end = Math.min(items.size(), max);
        if (end == items.size()) {
            return new Page<>(items, NdrContextHandle.NULL);
        }
        UUID id;
        do {
            id = new UUID(random.nextLong(), random.nextLong());
        } while ((id.getMostSignificantBits() == 0 && id.getLeastSignificantBits() == 0) || open.containsKey(id));
        open.put(id, new Cursor(kind, assocGroupId, items, end));
        return new Page<>(items.subList(0, end), new NdrContextHandle(0, id));
    }

    /**
     * The next page of a non-NULL handle; the handle is closed (and NULL returned) once everything was returned.
     * An unknown handle, one of another association group or one of the other operation is answered with
     * nca_s_fault_context_mismatch, as a stub does for a stale context handle.
     */
    @SuppressWarnings("unchecked")
    synchronized <T> Page<T> next(NdrContextHandle h, Kind kind, int assocGroupId, int max) {
        Cursor c = open.get(h.contextHandleUuid());
        if (c == null || c.kind != kind || c.assocGroupId != assocGroupId || h.contextHandleAttributes() != 0) {
            throw new RpcFaultException(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH.value(), "unknown entry_handle");
        }
        int end = Math.min(c.items.size(), c.next + max);
        List<T> page = (List<T>) c.items.subList(c.next, end);
        c.next = end;
        if (end == c.items.size()) {
            open.remove(h.contextHandleUuid());
            return new Page<>(page, NdrContextHandle.NULL);
        }
        return new Page<>(page, h);
    }

    /** Forgets a handle of this association group; returns whether it was open. */
    synchronized boolean close(NdrContextHandle h, int assocGroupId) {
        Cursor c = open.get(h.contextHandleUuid());
        if (c == null || c.assocGroupId != assocGroupId) {
            return false;
        }
        open.remove(h.contextHandleUuid());
        return true;
    }

    synchronized int size() {
        return open.size();
    }
}
