package org.jwmi.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.NextAsyncRequest;
import org.jwmi.wmi.ops.NextRequest;
import org.jwmi.wmi.ops.NextResponse;
import org.jwmi.wmi.ops.SmartEnumNextRequest;
import org.jwmi.wmi.ops.SmartEnumNextResponse;
import org.jwmi.wmio.ObjectArrayReader;
import org.jwmi.wmio.objectarray.ClassIdTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IEnumWbemClassObject ([MS-WMI] 3.1.4.4): the objects of an enumeration or query, as an {@link Iterator} and a
 * {@link Stream}. Objects are fetched {@link #batchSize(int) batchSize} at a time; each Next waits on the server at
 * most {@link #timeout(Duration) timeout} (the client that plus the call timeout). When the server offers
 * IWbemFetchSmartEnum the batches come through IWbemWCOSmartEnum::Next as one ObjectArray each (classes sent once
 * per enumerator), else through IEnumWbemClassObject::Next. WBEM_S_FALSE ends the enumeration after delivering the
 * objects that came with it. Iteration is thread-safe (one batch fetched at a time); close releases the server
 * objects (RemRelease), as does closing the stream.
 */
public final class WbemEnumerator extends WbemProxy implements Iterable<WbemClassObject> {
    private static final Logger LOG = LoggerFactory.getLogger(WbemEnumerator.class);
    /** The default batch size (what WMI scripting uses). */
    public static final int DEFAULT_BATCH_SIZE = 10;

    private final String operation;
    private final Object lock = new Object();
    private final ArrayDeque<WbemClassObject> buffered = new ArrayDeque<>();
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Duration timeout;
    private boolean useSmartEnum;
    private final String server;
    private boolean smartTried;
    private ComProxy smart;
    private UUID proxyGuid;
    private ObjectArrayReader objectArrays;
    private boolean done;
    private long delivered;

    WbemEnumerator(Session session, ComProxy proxy, String operation, boolean useSmartEnum, String server) {
        super(session, proxy, "WbemEnumerator");
        this.operation = operation;
        this.server = server;
        this.timeout = session.stages.timeouts().next();
        this.useSmartEnum = useSmartEnum;
    }

    /** The operation that produced this enumerator (for messages). */
    public String operation() {
        return operation;
    }

    /** Objects asked for per Next (1..65536). */
    public WbemEnumerator batchSize(int n) {
        if (n < 1 || n > 65536) {
            throw new IllegalArgumentException("the batch size must be 1..65536, not " + n);
        }
        synchronized (lock) {
            batchSize = n;
        }
        return this;
    }

    /** How long each Next may wait on the server for a batch (lTimeout); finite. */
    public WbemEnumerator timeout(Duration t) {
        millis(t);
        synchronized (lock) {
            timeout = t;
        }
        return this;
    }

    /** Whether batches are fetched with IWbemWCOSmartEnum (set false before iterating to use plain Next). */
    public WbemEnumerator useSmartEnum(boolean on) {
        synchronized (lock) {
            useSmartEnum = on;
        }
        return this;
    }

    /** Whether the server's smart enumerator is in use (known after the first batch). */
    public boolean usesSmartEnum() {
        synchronized (lock) {
            return smart != null;
        }
    }

    /** Objects delivered so far. */
    public long delivered() {
        synchronized (lock) {
            return delivered;
        }
    }

    /**
     * One batch as the protocol returns it.
     *
     * @param objects the objects (possibly fewer than asked, possibly none)
     * @param hresult WBEM_S_NO_ERROR (as many as asked), WBEM_S_FALSE (the enumeration ended) or WBEM_S_TIMEDOUT
     *                (no more arrived in time; more may come)
     */
    public record Batch(List<WbemClassObject> objects, int hresult) {
        public Batch {
            objects = List.copyOf(objects);
        }

        /** Whether the enumeration has ended (WBEM_S_FALSE). */
        public boolean isLast() {
            return hresult == WbemStatus.WBEM_S_FALSE.code();
        }

        /** Whether the server gave up waiting (WBEM_S_TIMEDOUT). */
        public boolean timedOut() {
            return hresult == WbemStatus.WBEM_S_TIMEDOUT.code();
        }
    }

    /**
     * Next: up to {@code count} objects, the server waiting at most {@code timeout} for them.
     *
     * @throws WbemException the enumeration failed (its status), or the client-side deadline passed
     */
    public Batch next(int count, Duration timeout) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        int ms = millis(timeout);
        Duration wait = Duration.ofMillis(ms).plus(session.stages.timeouts().call());
        ComProxy s = smartEnum();
        String what = "Next on the enumerator of " + operation;
        if (s != null) {
            SmartEnumNextResponse r = session.stages.run(WbemStage.NEXT, wait, what, () -> decode(s,
                    WmiOpnums.WcoSmartEnum.NEXT, what,
                    w -> new SmartEnumNextRequest(UNSENT, proxyGuid, ms, count).encodeParams(w),
                    SmartEnumNextResponse::decodeResults));
            checkNext(r.hresult(), what);
            List<WbemClassObject> out = new ArrayList<>();
            if (r.pBuffer() != null && r.pBuffer().length > 0) {
                List<CimObject> objs;
                try {
                    synchronized (lock) {
                        objs = objectArrays.read(r.pBuffer());
                    }
                } catch (ProtocolException e) {
                    throw new WbemException(DcomStatus.RPC_X_BAD_STUB_DATA.value(), WbemStage.NEXT, "the ObjectArray"
                            + " of " + what + " cannot be decoded: " + e.getMessage(), e);
                }
                objs.forEach(o -> out.add(WbemClassObject.of(o)));
            }
            if (out.size() != r.puReturned()) {
                throw new WbemException(DcomStatus.RPC_X_BAD_STUB_DATA.value(), WbemStage.NEXT, what + ": puReturned "
                        + r.puReturned() + " but the ObjectArray holds " + out.size() + " objects", null);
            }
            return new Batch(out, r.hresult());
        }
        NextResponse r = session.stages.run(WbemStage.NEXT, wait, what, () -> decode(proxy,
                WmiOpnums.EnumWbemClassObject.NEXT, what, w -> new NextRequest(UNSENT, ms, count).encodeParams(w),
                NextResponse::decodeResults));
        checkNext(r.hresult(), what);
        List<WbemClassObject> out = new ArrayList<>();
        for (MInterfacePointer p : r.apObjects()) {
            if (p != null) {
                out.add(WbemClassObject.of(object(p, what)));
            }
        }
        return new Batch(out, r.hresult());
    }

    private void checkNext(int hr, String what) {
        check(hr, what);
    }

    /**
     * NextAsync ([MS-WMI] 3.1.4.4.3): the next {@code count} objects arrive through {@code sink}, then SetStatus
     * with WBEM_S_NO_ERROR, or WBEM_S_FALSE when the enumeration ended with fewer. The server calls the client back
     * as for {@link WbemServices#execQueryAsync(String, String, int, WbemContext, WbemObjectSink)}. Do not mix with
     * the synchronous methods while the call runs.
     */
    public void nextAsync(int count, WbemObjectSink sink) {
        if (count <= 0) {
            throw new IllegalArgumentException("ask for at least one object, not " + count);
        }
        String what = "NextAsync(" + count + ") on the enumerator of " + operation;
        async(server, what, sink, p -> call(WmiOpnums.EnumWbemClassObject.NEXT_ASYNC, what,
                w -> new NextAsyncRequest(UNSENT, count, p).encodeParams(w), (r, t) -> r.i32()));
    }

    /** Reset: back to the first object (not allowed on forward-only enumerators: WBEM_E_INVALID_OPERATION). */
    public void reset() {
        String what = "Reset of the enumerator of " + operation;
        int hr = call(WmiOpnums.EnumWbemClassObject.RESET, what, w -> { }, (r, t) -> r.i32());
        check(hr, what);
        synchronized (lock) {
            buffered.clear();
            done = false;
        }
    }

    /**
     * Skip: passes over {@code count} objects on the server, waiting at most {@code timeout}; false when the
     * enumeration ended first (WBEM_S_FALSE).
     */
    public boolean skip(int count, Duration timeout) {
        int ms = millis(timeout);
        String what = "Skip on the enumerator of " + operation;
        Duration wait = Duration.ofMillis(ms).plus(session.stages.timeouts().call());
        int hr = session.stages.run(WbemStage.NEXT, wait, what, () -> decode(proxy,
                WmiOpnums.EnumWbemClassObject.SKIP, what, w -> new NextRequest(UNSENT, ms, count).encodeParams(w),
                (r, t) -> r.i32()));
        check(hr, what);
        if (hr == WbemStatus.WBEM_S_TIMEDOUT.code()) {
            throw new WbemException(WbemStatus.WBEM_E_TIMED_OUT.code(), WbemStage.NEXT, what + " did not finish"
                    + " within " + ms + " ms on the server", null);
        }
        return hr == WbemStatus.WBEM_S_NO_ERROR.code();
    }

    /** The IWbemWCOSmartEnum proxy, fetched on first use; null when not offered or not wanted. */
    private ComProxy smartEnum() {
        synchronized (lock) {
            if (smartTried || !useSmartEnum) {
                return smart;
            }
            smartTried = true;
        }
        String what = "GetSmartEnum on the enumerator of " + operation;
        ComProxy fetch = null;
        ComProxy s = null;
        try {
            fetch = session.stages.run(WbemStage.CALL, what,
                    () -> proxy.queryInterface(WmiIds.IID_IWBEM_FETCH_SMART_ENUM));
            ComProxy f = fetch;
            InterfacePointerResponse r = session.stages.run(WbemStage.CALL, what, () -> decode(f,
                    WmiOpnums.FetchSmartEnum.GET_SMART_ENUM, what, w -> { }, InterfacePointerResponse::decodeResults));
            if (r.hresult() < 0 || r.pointer() == null) {
                LOG.debug("{}: {}; using IEnumWbemClassObject::Next", what, WbemException.describe(r.hresult()));
                return null;
            }
            s = unmarshal(r.pointer(), what);
        } catch (RuntimeException e) {
            LOG.debug("{} failed ({}); using IEnumWbemClassObject::Next", what, e.getMessage());
            return null;
        } finally {
            if (fetch != null) {
                fetch.close();
            }
        }
        synchronized (lock) {
            smart = s;
            proxyGuid = UUID.randomUUID();
            objectArrays = new ObjectArrayReader(new ClassIdTable(), session.limits);
            return s;
        }
    }

    // ------------------------------------------------------------------------------------------------ iteration

    /** Whether another object is available, fetching the next batch if needed. */
    public boolean hasNext() {
        synchronized (lock) {
            while (buffered.isEmpty() && !done) {
                Batch b = next(batchSize, timeout);
                buffered.addAll(b.objects());
                if (b.isLast()) {
                    done = true;
                } else if (b.timedOut() && b.objects().isEmpty()) {
                    throw new WbemException(WbemStatus.WBEM_E_TIMED_OUT.code(), WbemStage.NEXT, "no object of "
                            + operation + " arrived within " + timeout.toMillis() + " ms; raise the enumerator's"
                            + " timeout", null);
                }
            }
            return !buffered.isEmpty();
        }
    }

    /** The next object. */
    public WbemClassObject nextObject() {
        synchronized (lock) {
            if (!hasNext()) {
                throw new NoSuchElementException("the enumeration of " + operation + " has ended");
            }
            delivered++;
            return buffered.poll();
        }
    }

    /** An iterator over the remaining objects (all iterators share this enumerator's position). */
    @Override
    public Iterator<WbemClassObject> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return WbemEnumerator.this.hasNext();
            }

            @Override
            public WbemClassObject next() {
                return nextObject();
            }
        };
    }

    /** The remaining objects as a sequential stream; closing the stream closes this enumerator. */
    public Stream<WbemClassObject> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Every remaining object, then closes the enumerator. */
    public List<WbemClassObject> toList() {
        try {
            List<WbemClassObject> l = new ArrayList<>();
            iterator().forEachRemaining(l::add);
            return l;
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        ComProxy s;
        synchronized (lock) {
            s = smart;
            smart = null;
            done = true;
            buffered.clear();
        }
        if (s != null) {
            s.close();
        }
        super.close();
    }

    /** A finite timeout as the lTimeout milliseconds of the protocol. */
    static int millis(Duration t) {
        if (t == null || t.isNegative()) {
            throw new IllegalArgumentException("the timeout must be zero or positive (WBEM_INFINITE is not offered:"
                    + " every wait is finite)");
        }
        if (t.compareTo(WbemTimeouts.MAX_NEXT) > 0) {
            throw new IllegalArgumentException("the timeout cannot exceed " + WbemTimeouts.MAX_NEXT.toMillis() + " ms");
        }
        return (int) t.toMillis();
    }

}
