package org.jwmi.server.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.server.ClassRegistry;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRef;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.server.security.CallerToken;
import org.jwmi.server.security.Impersonation;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmi.WbemConstants;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.ops.NextAsyncRequest;
import org.jwmi.wmio.Wmio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WMI service over DCOM ([MS-WMI] 3.1): registers CLSID_WbemLevel1Login with a DCOM server's class registry and
 * serves the objects that login hands out (IWbemServices, enumerators, call results), with every call admitted by
 * {@link #admit}: the namespace's encryption requirement, a non-anonymous caller, and the namespace rights the
 * operation needs. Asynchronous operations run on a bounded pool and deliver through the client's IWbemObjectSink
 * with a {@link SinkConnector}.
 *
 * <pre>
 * WmiService wmi = WmiService.builder().cimom(cimom).guard(security).tokens(tokens).sinks(connector).build();
 * wmi.register(dcomServer.classes());
 * </pre>
 */
public final class WmiService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WmiService.class);

    /** Objects per IWbemObjectSink::Indicate call. */
    static final int INDICATE_BATCH = 64;

    private final Cimom cimom;
    private final NamespaceGuard guard;
    private final TokenSource tokens;
    private final SinkConnector sinks;
    private final ThreadPoolExecutor async;
    private final Map<UUID, AsyncOperation> operations = new ConcurrentHashMap<>();
    private final int maxAsyncOperations;
    private final int maxEnumeratorsPerCaller;
    private final ConcurrentHashMap<String, AtomicInteger> enumerators = new ConcurrentHashMap<>();
    private final AtomicInteger allEnumerators = new AtomicInteger();
    private final int maxEnumerators;

    private WmiService(Builder b) {
        this.cimom = Objects.requireNonNull(b.cimom, "cimom");
        this.guard = Objects.requireNonNull(b.guard, "guard");
        this.tokens = Objects.requireNonNull(b.tokens, "tokens");
        this.sinks = b.sinks;
        this.maxAsyncOperations = b.maxAsyncOperations;
        this.maxEnumeratorsPerCaller = b.maxEnumeratorsPerCaller;
        this.maxEnumerators = b.maxEnumerators;
        AtomicInteger n = new AtomicInteger();
        this.async = new ThreadPoolExecutor(b.asyncThreads, b.asyncThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(b.maxAsyncOperations), r -> {
                    Thread t = new Thread(r, "jwmi-wmi-async-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.async.allowCoreThreadTimeOut(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registers CLSID_WbemLevel1Login; each activation gets a new login object. */
    public void register(ClassRegistry registry) {
        registry.register(WmiIds.CLSID_WBEM_LEVEL1_LOGIN, ctx -> new LoginObject(this));
    }

    public Cimom cimom() {
        return cimom;
    }

    /**
     * Admits a call into {@code namespace}: refuses it with WBEM_E_ENCRYPTED_CONNECTION_REQUIRED below pktPrivacy
     * when the namespace requires encryption, with WBEM_E_ACCESS_DENIED for anonymous callers, and unless the caller
     * holds WBEM_ENABLE, WBEM_REMOTE_ENABLE and {@code rights}. Returns the caller's token.
     */
    CallerToken admit(OrpcCall call, String namespace, int rights) {
        return admit(call, namespace, rights, true);
    }

    /**
     * As {@link #admit(OrpcCall, String, int)}; {@code dataRequest} false for NTLMLogin, which the encryption
     * requirement does not cover: it rejects data requests ([MS-WMI] 2.2.30.3; SDK "Requiring an Encrypted
     * Connection to a Namespace"), and clients set the IWbemServices blanket only after login.
     */
    CallerToken admit(OrpcCall call, String namespace, int rights, boolean dataRequest) {
        AuthLevel level = call.context() == null ? AuthLevel.NONE : call.context().authLevel();
        if (dataRequest && guard.requiresEncryption(namespace) && level != AuthLevel.PKT_PRIVACY) {
            throw new CimException(WbemStatus.WBEM_E_ENCRYPTED_CONNECTION_REQUIRED, "namespace " + namespace
                    + " requires an encrypted connection: connect with authenticationLevel=pktPrivacy (this call used "
                    + level.scriptName() + ")");
        }
        CallerToken token = tokens.tokenFor(call.context());
        if (token.impersonation() == Impersonation.ANONYMOUS || token.identity().anonymous()) {
            throw new CimException(WbemStatus.WBEM_E_ACCESS_DENIED, "anonymous callers are not admitted to "
                    + namespace);
        }
        guard.check(token, namespace, NamespaceGuard.WBEM_ENABLE | NamespaceGuard.WBEM_REMOTE_ENABLE | rights);
        return token;
    }

    void logLogin(OrpcCall call, String namespace, int hresult) {
        String who = call.context() == null ? "?" : call.context().peer().map(PeerIdentity::toString).orElse("?");
        if (hresult == 0) {
            LOG.info("NTLMLogin {} to {} at {}", who, namespace, call.context().authLevel().scriptName());
        } else {
            LOG.info("NTLMLogin {} to {} refused: {}", who, namespace, describe(hresult));
        }
    }

    static String describe(int hresult) {
        WbemStatus s = WbemStatus.fromCode(hresult);
        return s != null ? s.describe() : String.format("HRESULT 0x%08X", hresult);
    }

    /**
     * Counts one more open enumerator for {@code owner}; refuses with WBEM_E_QUOTA_VIOLATION beyond the limit
     * (each holds a provider stream or a repository cursor until the client releases it or stops pinging).
     */
    void enumeratorOpened(String owner) {
        if (allEnumerators.incrementAndGet() > maxEnumerators) {
            allEnumerators.decrementAndGet();
            throw new CimException(WbemStatus.WBEM_E_SERVER_TOO_BUSY, "the server has " + maxEnumerators
                    + " enumerators open: try again once clients have released theirs");
        }
        boolean[] over = new boolean[1];
        enumerators.compute(owner, (k, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            over[0] = c.incrementAndGet() > maxEnumeratorsPerCaller;
            if (over[0]) {
                c.decrementAndGet();
            }
            return c.get() == 0 ? null : c;
        });
        if (over[0]) {
            allEnumerators.decrementAndGet();
            throw new CimException(WbemStatus.WBEM_E_QUOTA_VIOLATION, "this account has " + maxEnumeratorsPerCaller
                    + " enumerators open already: release some (IUnknown::Release) before opening more");
        }
    }

    /** The enumerator of {@code owner} was released. */
    void enumeratorClosed(String owner) {
        enumerators.computeIfPresent(owner, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        allEnumerators.decrementAndGet();
    }

    /**
     * About the bytes {@code o} adds to a smart enumerator's ObjectArray, where every instance after the first of its
     * class travels without its class part: its values (strings at two bytes a character, as the heap may hold them),
     * a few bytes for each property's slot, and a header. Cheap, so that a batch is not encoded twice; classes and
     * embedded objects are measured exactly.
     */
    long encodedSize(CimObject o) {
        if (!(o instanceof CimInstance i)) {
            return Wmio.encode(o).length;
        }
        long n = 64;
        int count = i.cimClass().properties().size();
        for (int k = 0; k < count; k++) {
            n += 8 + valueSize(i.valueAt(k));
        }
        return n;
    }

    private static long valueSize(CimValue v) {
        if (v == null || v.isNull()) {
            return 0;
        }
        Object x = v.value();
        if (x instanceof List<?> l) {
            long n = 8;
            for (Object e : l) {
                n += elementSize(e);
            }
            return n;
        }
        return elementSize(x);
    }

    private static long elementSize(Object e) {
        if (e instanceof CharSequence c) {
            return 2L * c.length() + 5;
        }
        if (e instanceof CimObject o) {
            return Wmio.encode(o).length;
        }
        return 8;
    }

    // ------------------------------------------------------------------ asynchronous operations

    /**
     * Starts an asynchronous operation ([MS-WMI] 3.1.1.1.3): admits the call, connects to the client's sink, then
     * runs {@code op} on the async pool, delivering its objects with Indicate and its outcome with SetStatus. Returns
     * the HRESULT of the *Async call itself.
     */
    int startAsync(OrpcCall call, String namespace, int rights, MInterfacePointer sinkPointer,
                   Function<CallerToken, AsyncResult> op) {
        try {
            if (sinkPointer == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "pResponseHandler is NULL");
            }
            CallerToken token = admit(call, namespace, rights);
            return submit(call, sinkPointer, sink -> {
                AsyncResult r = op.apply(token);
                try (Stream<? extends CimObject> s = r.objects()) {
                    deliver(sink, s.iterator());
                }
                return r.string();
            });
        } catch (RuntimeException e) {
            return Wire.hresult(e);
        }
    }

    /** Asynchronous operations started and not yet ended (AsyncOperationTable entries of [MS-WMI] 3.1.1.1.3). */
    public int asyncOperations() {
        return operations.size();
    }

    /** IEnumWbemClassObject::NextAsync (3.1.4.4.3): up to uCount objects of {@code e} to the sink. */
    int nextAsync(OrpcCall call, EnumObject e, NextAsyncRequest q) {
        if (q.pSink() == null) {
            return WbemStatus.WBEM_E_INVALID_PARAMETER.code();
        }
        try {
            return submit(call, q.pSink(), sink -> {
                List<CimObject> batch = new ArrayList<>();
                long remaining = q.uCount();
                int hr = 0;
                while (remaining > 0 && hr == 0 && !sink.cancelled.get()) {
                    batch.clear();
                    long n = Math.min(remaining, INDICATE_BATCH);
                    hr = e.pull(WbemConstants.WBEM_INFINITE, n, o -> {
                        batch.add(o);
                        return 0;
                    });
                    remaining -= batch.size();
                    if (!batch.isEmpty()) {
                        sink.sink().indicate(batch);
                    }
                }
                if (hr == WbemStatus.WBEM_S_FALSE.code()) {
                    throw new CimException(WbemStatus.WBEM_S_FALSE, "the enumeration ended");
                }
                WbemStatus failure = WbemStatus.fromCode(hr);
                if (failure != null && failure.isError()) {
                    throw new CimException(failure, "enumeration failed");
                }
                return null;
            });
        } catch (RuntimeException ex) {
            return Wire.hresult(ex);
        }
    }

    /** IWbemServices::CancelAsyncCall (3.1.4.3.2). */
    int cancelAsync(OrpcCall call, MInterfacePointer sinkPointer) {
        if (sinkPointer == null) {
            return WbemStatus.WBEM_E_INVALID_PARAMETER.code();
        }
        Optional<UUID> id = sinkId(sinkPointer);
        AsyncOperation op = id.map(operations::get).orElse(null);
        if (op == null) {
            return WbemStatus.WBEM_E_NOT_FOUND.code();
        }
        op.cancel();
        return 0;
    }

    private static Optional<UUID> sinkId(MInterfacePointer p) {
        try {
            ObjRef ref = p.objRef(new CustomUnmarshalerRegistry());
            return ref instanceof ObjRefStandard s ? Optional.of(s.std().ipid()) : Optional.empty();
        } catch (ProtocolException e) {
            return Optional.empty();
        }
    }

    /** The work of an async operation: delivers objects, returns the strParam of the final SetStatus. */
    @FunctionalInterface
    private interface AsyncWork {
        String run(AsyncOperation op);
    }

    private int submit(OrpcCall call, MInterfacePointer sinkPointer, AsyncWork work) {
        if (sinks == null) {
            throw new CimException(WbemStatus.WBEM_E_NOT_SUPPORTED,
                    "this server does not call clients back; use the synchronous or semisynchronous form");
        }
        if (operations.size() >= maxAsyncOperations) {
            throw new CimException(WbemStatus.WBEM_E_SERVER_TOO_BUSY, "too many asynchronous operations");
        }
        UUID id = sinkId(sinkPointer).orElseThrow(() -> new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                "pResponseHandler is not a standard object reference"));
        SinkConnector.ObjectSink sink;
        try {
            sink = sinks.connect(sinkPointer, call.context());
        } catch (RuntimeException e) {
            LOG.info("cannot call back the client's IWbemObjectSink: {}", e.getMessage());
            throw new CimException(WbemStatus.WBEM_E_TRANSPORT_FAILURE,
                    "the server cannot reach the client's IWbemObjectSink: " + e.getMessage());
        }
        AsyncOperation op = new AsyncOperation(id, sink);
        if (operations.putIfAbsent(id, op) != null) {
            sink.close();
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "this sink already has a call in progress");
        }
        try {
            async.execute(() -> op.run(work));
        } catch (RejectedExecutionException e) {
            operations.remove(id, op);
            sink.close();
            throw new CimException(WbemStatus.WBEM_E_SERVER_TOO_BUSY, "too many asynchronous operations");
        }
        return 0;
    }

    private void deliver(AsyncOperation op, Iterator<? extends CimObject> it) {
        List<CimObject> batch = new ArrayList<>(INDICATE_BATCH);
        while (it.hasNext() && !op.cancelled.get()) {
            batch.add(it.next());
            if (batch.size() == INDICATE_BATCH) {
                op.sink().indicate(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty() && !op.cancelled.get()) {
            op.sink().indicate(batch);
        }
    }

    /** One asynchronous operation ([MS-WMI] 3.1.1.1.3 AsyncOperationTable entry). */
    private final class AsyncOperation {
        private final UUID id;
        private final SinkConnector.ObjectSink sink;
        private final AtomicBoolean cancelled = new AtomicBoolean();

        AsyncOperation(UUID id, SinkConnector.ObjectSink sink) {
            this.id = id;
            this.sink = sink;
        }

        SinkConnector.ObjectSink sink() {
            return sink;
        }

        void run(AsyncWork work) {
            int hr = 0;
            String param = null;
            try {
                param = work.run(this);
            } catch (CimException e) {
                hr = e.hresult();
            } catch (RuntimeException e) {
                LOG.warn("asynchronous operation failed", e);
                hr = WbemStatus.WBEM_E_FAILED.code();
            }
            try {
                if (cancelled.get()) {
                    hr = WbemStatus.WBEM_E_CALL_CANCELLED.code();
                }
                sink.setStatus(WbemConstants.WBEM_STATUS_COMPLETE, hr, param, null);
            } catch (RuntimeException e) {
                LOG.info("the client's sink did not take the final status: {}", e.getMessage());
            } finally {
                operations.remove(id, this);
                sink.close();
            }
        }

        void cancel() {
            cancelled.set(true);
        }
    }

    @Override
    public void close() {
        async.shutdownNow();
        try {
            async.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Settings of a {@link WmiService}. */
    public static final class Builder {
        private Cimom cimom;
        private NamespaceGuard guard;
        private TokenSource tokens;
        private SinkConnector sinks;
        private int asyncThreads = 4;
        private int maxAsyncOperations = 256;
        private int maxEnumeratorsPerCaller = 128;
        private int maxEnumerators = 1024;

        private Builder() {
        }

        public Builder cimom(Cimom c) {
            this.cimom = c;
            return this;
        }

        /** Namespace security: rights and the encryption requirement. */
        public Builder guard(NamespaceGuard g) {
            this.guard = g;
            return this;
        }

        /** How callers' tokens are built. */
        public Builder tokens(TokenSource t) {
            this.tokens = t;
            return this;
        }

        /** How the server calls clients' IWbemObjectSinks; without one, asynchronous calls are WBEM_E_NOT_SUPPORTED. */
        public Builder sinks(SinkConnector s) {
            this.sinks = s;
            return this;
        }

        public Builder asyncThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("asyncThreads < 1");
            }
            this.asyncThreads = n;
            return this;
        }

        public Builder maxAsyncOperations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAsyncOperations < 1");
            }
            this.maxAsyncOperations = n;
            return this;
        }

        /** Open enumerators one security principal may hold at once (WBEM_E_QUOTA_VIOLATION beyond). */
        public Builder maxEnumeratorsPerCaller(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxEnumeratorsPerCaller < 1");
            }
            this.maxEnumeratorsPerCaller = n;
            return this;
        }

        /** Open enumerators on the whole server (WBEM_E_SERVER_TOO_BUSY beyond). */
        public Builder maxEnumerators(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxEnumerators < 1");
            }
            this.maxEnumerators = n;
            return this;
        }

        public WmiService build() {
            return new WmiService(this);
        }
    }
}
