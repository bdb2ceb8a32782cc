package org.jwmi.dcom.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jwmi.dcom.ops.ComplexPingRequest;
import org.jwmi.dcom.ops.ComplexPingResponse;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.SimplePingRequest;
import org.jwmi.dcom.ops.StatusResponse;
import org.jwmi.dcom.wire.Iids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * [MS-DCOM] 3.2.6.1 pinging: the resolver table and SETID table of 3.2.1. For each object resolver, the OIDs this
 * client holds form one ping set; every period the set is sent whole the first time (ComplexPing with SETID 0,
 * sequence 1), changes as ComplexPing add/delete lists (sequence number incremented), and an unchanged set as
 * SimplePing. A set the server no longer knows (OR_INVALID_SET) is rebuilt at once. When a set becomes empty it is
 * deleted and its connection released.
 */
final class Pinger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pinger.class);

    private final ConnectionPool pool;
    private final ScheduledExecutorService timer;
    private final ReentrantLock roundLock = new ReentrantLock();
    private final Map<Endpoint, PingSet> sets = new LinkedHashMap<>();
    private long rounds;

    /** One resolver's ping set. Fields are guarded by the Pinger. */
    private static final class PingSet {
        final Endpoint resolver;
        final EffectiveSecurity security;
        final Map<Long, Integer> holders = new HashMap<>();
        Set<Long> sent = new HashSet<>();
        long setId;
        int sequence;
        ConnectionPool.Lease lease;

        PingSet(Endpoint resolver, EffectiveSecurity security) {
            this.resolver = resolver;
            this.security = security;
        }
    }

    /** {@code period} is the global timer of [MS-DCOM] 3.2.2 (2 minutes on Windows). */
    Pinger(ConnectionPool pool, Duration period, String threadName) {
        this.pool = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, period.toMillis());
        timer.scheduleWithFixedDelay(this::roundQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One more holder of {@code oid}; pings for it start with the next round. */
    synchronized void add(Endpoint resolver, EffectiveSecurity security, long oid) {
        PingSet s = sets.computeIfAbsent(resolver, r -> new PingSet(r, security));
        s.holders.merge(oid, 1, Integer::sum);
    }

    /** One holder of {@code oid} fewer; the OID leaves the set with the next round once nobody holds it. */
    synchronized void remove(Endpoint resolver, long oid) {
        PingSet s = sets.get(resolver);
        if (s != null) {
            s.holders.computeIfPresent(oid, (k, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** OIDs currently held for {@code resolver}. */
    synchronized Set<Long> held(Endpoint resolver) {
        PingSet s = sets.get(resolver);
        return s == null ? Set.of() : Set.copyOf(s.holders.keySet());
    }

    /** Completed rounds. */
    synchronized long rounds() {
        return rounds;
    }

    private void roundQuietly() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.warn("ping round failed: {}", e.toString());
        }
    }

    /** Pings every resolver once, now. Failures are logged; the next round tries again. */
    void round() {
        roundLock.lock();
        try {
            List<PingSet> all;
            synchronized (this) {
                all = new ArrayList<>(sets.values());
            }
            for (PingSet s : all) {
                try {
                    ping(s);
                } catch (DcomException e) {
                    LOG.warn("ping of {} failed: {}", s.resolver, e.getMessage());
                }
            }
            synchronized (this) {
                rounds++;
            }
        } finally {
            roundLock.unlock();
        }
    }

    private void ping(PingSet s) {
        Set<Long> desired;
        synchronized (this) {
            desired = new HashSet<>(s.holders.keySet());
            if (desired.isEmpty() && s.setId == 0) {
                drop(s);
                return;
            }
        }
        if (s.lease == null) {
            try {
                s.lease = pool.acquire(s.resolver, s.security);
            } catch (IOException e) {
                throw new DcomException(DcomStatus.RPC_S_SERVER_UNAVAILABLE, "cannot reach the object resolver at "
                        + s.resolver + " to ping (" + e.getMessage() + ")", e);
            }
        }
        Set<Long> adds = new HashSet<>(desired);
        adds.removeAll(s.sent);
        Set<Long> dels = new HashSet<>(s.sent);
        dels.removeAll(desired);
        if (s.setId != 0 && adds.isEmpty() && dels.isEmpty()) {
            StatusResponse r = Calls.call(s.lease, Iids.IID_IOBJECTEXPORTER, DcomInterfaces.OP_SIMPLE_PING,
                    new SimplePingRequest(s.setId).encode(), null, "SimplePing to " + s.resolver,
                    StatusResponse::decode);
            if (r.errorStatus() == DcomStatus.OR_INVALID_SET.value()) {
                LOG.debug("the resolver at {} forgot ping set {}; sending the whole set again", s.resolver, s.setId);
                s.setId = 0;
                s.sent = new HashSet<>();
                complex(s, desired, desired, Set.of());
            } else if (r.errorStatus() != 0) {
                LOG.warn("SimplePing of set {} at {} answered {}", s.setId, s.resolver,
                        DcomStatus.describe(r.errorStatus()));
            }
        } else {
            complex(s, desired, adds, dels);
        }
        synchronized (this) {
            if (s.holders.isEmpty() && s.sent.isEmpty()) {
                drop(s);
            }
        }
    }

    private void complex(PingSet s, Set<Long> desired, Set<Long> adds, Set<Long> dels) {
        int seq = s.setId == 0 ? 1 : (s.sequence + 1) & 0xffff;
        ComplexPingRequest req = new ComplexPingRequest(s.setId, seq, List.copyOf(adds), List.copyOf(dels));
        ComplexPingResponse r = Calls.call(s.lease, Iids.IID_IOBJECTEXPORTER, DcomInterfaces.OP_COMPLEX_PING,
                req.encode(), null, "ComplexPing to " + s.resolver, ComplexPingResponse::decode);
        if (r.errorStatus() == DcomStatus.OR_INVALID_SET.value() && s.setId != 0) {
            LOG.debug("the resolver at {} forgot ping set {}; sending the whole set again", s.resolver, s.setId);
            s.setId = 0;
            s.sent = new HashSet<>();
            if (!desired.isEmpty()) {
                complex(s, desired, desired, Set.of());
            }
            return;
        }
        if (r.errorStatus() != 0 && r.errorStatus() != DcomStatus.OR_INVALID_OID.value()) {
            LOG.warn("ComplexPing of set {} at {} answered {}", s.setId, s.resolver,
                    DcomStatus.describe(r.errorStatus()));
            return;
        }
        s.setId = r.setId();
        s.sequence = seq;
        s.sent = desired;
        LOG.debug("ComplexPing at {}: set {} seq {} +{} -{}", s.resolver, s.setId, seq, adds.size(), dels.size());
    }

    /** Called with the Pinger's monitor held. */
    private void drop(PingSet s) {
        sets.remove(s.resolver, s);
        if (s.lease != null) {
            s.lease.close();
            s.lease = null;
        }
    }

    /** Stops the timer and joins its thread; a last round sends what was released. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the ping thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        roundQuietly();
        synchronized (this) {
            for (PingSet s : new ArrayList<>(sets.values())) {
                drop(s);
            }
        }
    }
}
