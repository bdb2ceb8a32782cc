package org.jwmi.dcom.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.StringBinding;

/**
 * An entry of the client's OXID table ([MS-DCOM] 3.2.1): how to reach one object exporter, as learnt from an
 * activation reply or ResolveOxid2, plus the object resolver that pings for its objects.
 */
final class OxidEntry {
    final long oxid;
    final DualStringArray bindings;
    final UUID ipidRemUnknown;
    final int authnHint;
    final ComVersion serverVersion;
    /** What this client and the exporter speak: the lower of the two versions ([MS-DCOM] 1.7). */
    final ComVersion negotiated;
    /** The object resolver of this exporter (where ResolveOxid2 went, or the activation). */
    final Endpoint resolver;
    /** The host the caller named; bindings with this address are tried first. */
    final String dialledHost;
    private volatile Endpoint preferred;

    OxidEntry(long oxid, DualStringArray bindings, UUID ipidRemUnknown, int authnHint, ComVersion serverVersion,
              ComVersion clientVersion, Endpoint resolver, String dialledHost) {
        this.oxid = oxid;
        this.bindings = bindings;
        this.ipidRemUnknown = ipidRemUnknown;
        this.authnHint = authnHint;
        this.serverVersion = serverVersion;
        this.negotiated = ComVersion.min(clientVersion, serverVersion);
        this.resolver = resolver;
        this.dialledHost = dialledHost;
    }

    /** IRemUnknown2 from COM 5.6 on (what Windows binds), IRemUnknown before. */
    UUID remUnknownIid() {
        return negotiated.compareTo(ComVersion.V5_6) >= 0 ? Iids.IID_IREMUNKNOWN2 : Iids.IID_IREMUNKNOWN;
    }

    /**
     * The exporter's ncacn_ip_tcp endpoints in the order they are tried: those whose address is the host the caller
     * dialled first (the same choice impacket makes), then the rest in the server's order of preference.
     */
    List<Endpoint> candidates() {
        List<Endpoint> matching = new ArrayList<>();
        List<Endpoint> others = new ArrayList<>();
        String host = dialledHost.toLowerCase(Locale.ROOT);
        for (StringBinding b : bindings.stringBindings()) {
            Endpoint.of(b, -1).ifPresent(e -> (e.host().equals(host) ? matching : others).add(e));
        }
        matching.addAll(others);
        return matching;
    }

    /**
     * A lease on a connection to the exporter, trying {@link #candidates()} in order (the one that answered last
     * time first).
     */
    ConnectionPool.Lease connect(ConnectionPool pool, EffectiveSecurity security) {
        List<Endpoint> order = candidates();
        Endpoint p = preferred;
        if (p != null && order.remove(p)) {
            order.add(0, p);
        }
        if (order.isEmpty()) {
            throw new DcomException(DcomStatus.RPC_S_SERVER_UNAVAILABLE, "the object exporter (OXID 0x"
                    + Long.toHexString(oxid) + ") offers no ncacn_ip_tcp binding with an endpoint: "
                    + bindings.stringBindings());
        }
        List<String> failures = new ArrayList<>();
        for (Endpoint e : order) {
            try {
                ConnectionPool.Lease l = pool.acquire(e, security);
                preferred = e;
                return l;
            } catch (IOException ex) {
                failures.add(e + " (" + ex.getMessage() + ")");
            }
        }
        throw new DcomException(DcomStatus.RPC_S_SERVER_UNAVAILABLE, "no binding of the object exporter (OXID 0x"
                + Long.toHexString(oxid) + ") answered: " + String.join(", ", failures)
                + "; check that the server is reachable on these addresses and ports");
    }
}
