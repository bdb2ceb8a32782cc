package org.jwmi.dcom.client;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RPC connections shared per (endpoint, effective security): one TCP connection and one security context for every
 * proxy, resolver call or ping that needs the same thing of the same server, a presentation context per interface
 * on it (the first binds with the security context, the others alter_context sharing it). A connection lives while
 * a {@link Lease} on it is open and is closed when the last one is; a broken connection is replaced on the next
 * {@link Lease#binding}.
 */
final class ConnectionPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

    /** Opens connections; {@link RpcConnection#connect} outside tests. */
    interface Connector {
        RpcConnection connect(String host, int port, ClientConfig config) throws IOException;
    }

    private record Key(Endpoint endpoint, EffectiveSecurity security) {
    }

    private final ClientConfig config;
    private final Connector connector;
    private final String workstation;
    private final Clock clock;
    private final Random random;
    private final Map<Key, Entry> entries = new HashMap<>();
    private boolean closed;

    ConnectionPool(ClientConfig config, Connector connector, String workstation, Clock clock, Random random) {
        this.config = config;
        this.connector = connector;
        this.workstation = workstation;
        this.clock = clock;
        this.random = random;
    }

    /**
     * A lease on the connection for {@code endpoint} and {@code security}, opening it (TCP only; binds happen on
     * first use) if there is none.
     *
     * @throws IOException the TCP connection could not be opened
     */
    Lease acquire(Endpoint endpoint, EffectiveSecurity security) throws IOException {
        Key key = new Key(endpoint, security);
        Entry e;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the DcomClient is closed");
            }
            e = entries.get(key);
            if (e == null) {
                e = new Entry(key);
                entries.put(key, e);
            }
            e.leases++;
        }
        try {
            e.ensureOpen();
        } catch (IOException | RuntimeException ex) {
            release(e);
            throw ex;
        }
        return new Lease(e);
    }

    /** Connections currently open. */
    synchronized int openConnections() {
        int n = 0;
        for (Entry e : entries.values()) {
            if (e.connection != null && e.connection.isOpen()) {
                n++;
            }
        }
        return n;
    }

    private void release(Entry e) {
        RpcConnection toClose = null;
        synchronized (this) {
            if (--e.leases == 0) {
                entries.remove(e.key);
                toClose = e.connection;
            }
        }
        if (toClose != null) {
            LOG.debug("closing the connection to {} ({}): no proxy needs it", e.key.endpoint, e.key.security);
            toClose.close();
        }
    }

    /** Closes every connection, leased or not. */
    @Override
    public void close() {
        List<Entry> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        for (Entry e : all) {
            RpcConnection c = e.connection;
            if (c != null) {
                c.close();
            }
        }
    }

    /** One pooled connection. */
    private final class Entry {
        final Key key;
        int leases;
        RpcConnection connection;
        RpcBinding first;
        final Map<UUID, RpcBinding> bindings = new HashMap<>();

        Entry(Key key) {
            this.key = key;
        }

        synchronized void ensureOpen() throws IOException {
            if (connection == null || !connection.isOpen()) {
                connection = connector.connect(key.endpoint.host(), key.endpoint.port(), config);
                first = null;
                bindings.clear();
            }
        }

        synchronized RpcBinding binding(UUID iid) throws IOException {
            ensureOpen();
            RpcBinding b = bindings.get(iid);
            if (b != null) {
                return b;
            }
            SyntaxId syntax = new SyntaxId(iid, 0, 0);
            if (first == null) {
                SecuritySpec spec = key.security.toSpec(workstation, clock, random);
                b = connection.bind(syntax, spec);
                first = b;
            } else {
                b = connection.alterContext(syntax, first);
            }
            bindings.put(iid, b);
            return b;
        }
    }

    /** A hold on one pooled connection; {@link #close()} gives it back (once). */
    final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        Endpoint endpoint() {
            return entry.key.endpoint;
        }

        EffectiveSecurity security() {
            return entry.key.security;
        }

        /**
         * The presentation context for {@code iid} (ORPC interfaces are version 0.0, [MS-DCOM] 3.2.4.2),
         * reconnecting first if the connection broke.
         */
        RpcBinding binding(UUID iid) throws IOException {
            synchronized (this) {
                if (released) {
                    throw new IllegalStateException("lease already released");
                }
            }
            return entry.binding(iid);
        }

        @Override
        public void close() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            release(entry);
        }
    }
}
