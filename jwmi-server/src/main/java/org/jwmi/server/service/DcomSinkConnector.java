package org.jwmi.server.service;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.client.DcomClient;
import org.jwmi.dcom.client.SecurityBlanket;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.DcomConstants;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRef;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.marshal.WmiMarshalers;
import org.jwmi.wmi.ops.IndicateRequest;
import org.jwmi.wmi.ops.SetStatusRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SinkConnector} over jwmi-dcom's client runtime: the WMI server becomes a DCOM client of the client's
 * IWbemObjectSink ([MS-WMI] 3.1.4.2; pitfall 7 of the specs' README). The sink's OBJREF is unmarshaled with
 * ResolveOxid2 at the resolver bindings it carries (those at the caller's address first); Indicate and SetStatus
 * are then ORPC calls on the resulting proxy, and closing the sink releases it (RemRelease).
 *
 * <p><b>Security of the callback.</b> The server holds no credentials for the client's machine: the caller
 * authenticated to us, not we to it, and NTLM gives us nothing to authenticate back with. Windows faces the same
 * problem and, by default, ends up calling back at RPC_C_AUTHN_LEVEL_NONE (SDK "Setting Security on an
 * Asynchronous Call": the level is lowered until the callback succeeds, and with UnsecAppAccessControlDefault = 0
 * nothing is checked; MS-WMI 3.1.1.1.3 allows the retry at NONE). This connector calls back unauthenticated from
 * the start (authentication service and level none, for ResolveOxid2, the ORPC calls and RemRelease). What protects
 * the client is that its sink is reachable only through the IPID in the OBJREF, a 128-bit value the client draws
 * from a secure random source and sends to us inside an authenticated (and, at pktPrivacy, sealed) call: the sink
 * is a capability. The callback itself is not integrity-protected or sealed; a client that needs that must use
 * the synchronous or semisynchronous forms.
 *
 * <p><b>Bounded waits.</b> Every network step has a timeout: the TCP connect ({@link Builder#connectTimeout},
 * default 5 s) and each reply PDU ({@link Builder#callTimeout}, default 30 s, which is also how long a client's
 * callback may take). A sink whose call failed at the transport is marked broken: later Indicate and SetStatus
 * calls fail at once without touching the network, so an operation whose client vanished ends after one failed
 * call plus the RemRelease attempt. Each connected sink has its own {@link DcomClient} (OXID table, connection,
 * ping thread), closed with the sink, so nothing of a finished operation stays in the server; {@link #close()}
 * closes the ones still open.
 */
public final class DcomSinkConnector implements SinkConnector, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DcomSinkConnector.class);
    /** Never sent: {@link ComProxy#call} writes the real ORPCTHIS before the parameters. */
    private static final OrpcThis UNSENT = OrpcThis.of(ComVersion.V5_7, new UUID(0, 0));
    /** Resolver bindings of a sink's OBJREF that are tried at most. */
    static final int MAX_RESOLVER_BINDINGS = 4;
    private static final SecurityBlanket UNAUTHENTICATED = SecurityBlanket.builder()
            .authnService(SecurityBlanket.AUTHN_NONE).authnLevel(AuthLevel.NONE).build();

    private final Duration connectTimeout;
    private final Duration callTimeout;
    private final int resolverPort;
    private final String threadNamePrefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<Callback> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    private DcomSinkConnector(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.callTimeout = b.callTimeout;
        this.resolverPort = b.resolverPort;
        this.threadNamePrefix = b.threadNamePrefix;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resolves the client's OXID and returns a proxy for its IWbemObjectSink; bounded by the connect and call
     * timeouts.
     *
     * @throws CimException WBEM_E_INVALID_PARAMETER when the pointer is not an IWbemObjectSink
     * @throws RuntimeException when the client's resolver or exporter cannot be reached
     */
    @Override
    public ObjectSink connect(MInterfacePointer sink, CallContext caller) {
        Objects.requireNonNull(sink, "sink");
        ObjRefStandard ref = sinkRef(sink);
        DcomClient dcom = DcomClient.builder().defaultBlanket(UNAUTHENTICATED)
                .timeouts(connectTimeout, callTimeout).resolverPort(resolverPort).probeServerAlive(false)
                .unmarshalers(WmiMarshalers.withWmi())
                .threadNamePrefix(threadNamePrefix + "-" + counter.incrementAndGet()).build();
        Callback cb = null;
        try {
            cb = new Callback(dcom, dcom.unmarshal(onlyTheCaller(ref, caller), UNAUTHENTICATED,
                    callerHost(caller, ref)));
            synchronized (open) {
                if (closed) {
                    throw new IllegalStateException("the server is shutting down");
                }
                open.add(cb);
            }
            return cb;
        } catch (RuntimeException e) {
            if (cb != null) {
                cb.close();
            } else {
                dcom.close();
            }
            throw e;
        }
    }

    /**
     * The sink's OBJREF_STANDARD, checked before any connection: it must be an IWbemObjectSink, and only its first
     * {@link #MAX_RESOLVER_BINDINGS} ncacn_ip_tcp resolver bindings are kept, so that a caller cannot make the
     * server dial a long list of addresses (each costing a connect timeout) while its call waits.
     */
    private static ObjRefStandard sinkRef(MInterfacePointer sink) {
        ObjRef o;
        try {
            o = sink.objRef(new CustomUnmarshalerRegistry());
        } catch (ProtocolException e) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "the response handler is not a valid OBJREF: "
                    + e.getMessage());
        }
        if (!(o instanceof ObjRefStandard s)) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "the response handler is an " + o.flag()
                    + ", not a standard object reference");
        }
        if (!WmiIds.IID_IWBEM_OBJECT_SINK.equals(s.iid())) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "the response handler is a " + s.iid()
                    + ", not an IWbemObjectSink");
        }
        List<StringBinding> tcp = s.saResAddr().stringBindings().stream()
                .filter(b -> b.wTowerId() == DcomConstants.NCACN_IP_TCP).limit(MAX_RESOLVER_BINDINGS).toList();
        return new ObjRefStandard(s.iid(), s.std(), new DualStringArray(tcp, s.saResAddr().securityBindings()));
    }

    /**
     * The sink's reference with only the resolver bindings on the machine that made the call: the caller's own
     * address, or any loopback address when the caller is on loopback. A client cannot make the server call back
     * (unauthenticated) some other machine, and names are not looked up. With no binding left, the caller's
     * address at the resolver port remains (what Windows dials for an OBJREF without usable bindings).
     */
    static ObjRefStandard onlyTheCaller(ObjRefStandard ref, CallContext caller) {
        InetAddress from = caller == null || caller.remote() == null ? null : caller.remote().getAddress();
        if (from == null) {
            return ref;
        }
        List<StringBinding> kept = ref.saResAddr().stringBindings().stream()
                .filter(b -> sameMachine(b.aNetworkAddr(), from)).toList();
        return new ObjRefStandard(ref.iid(), ref.std(), new DualStringArray(kept, ref.saResAddr().securityBindings()));
    }

    /** True if {@code networkAddr} ({@code host} or {@code host[port]}) is an IP literal on {@code caller}'s machine. */
    static boolean sameMachine(String networkAddr, InetAddress caller) {
        int bracket = networkAddr.indexOf('[');
        String host = bracket < 0 ? networkAddr : networkAddr.substring(0, bracket);
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        return a.equals(caller) || a.isLoopbackAddress() && caller.isLoopbackAddress();
    }

    /**
     * The host whose resolver bindings are tried first and whose port 135 is the last resort: the caller's address,
     * else (no call at hand) the first resolver binding of the OBJREF.
     */
    private static String callerHost(CallContext caller, ObjRefStandard ref) {
        InetSocketAddress remote = caller == null ? null : caller.remote();
        if (remote != null && remote.getAddress() != null) {
            return remote.getAddress().getHostAddress();
        }
        for (StringBinding b : ref.saResAddr().stringBindings()) {
            String a = b.aNetworkAddr();
            int open = a.indexOf('[');
            if (open != 0 && !a.isEmpty()) {
                return open < 0 ? a : a.substring(0, open);
            }
        }
        return "";
    }

    /** Sinks connected and not yet closed. */
    public int openSinks() {
        synchronized (open) {
            return open.size();
        }
    }

    /** Closes every sink still open (their operations' next calls fail); later connects fail. Idempotent. */
    @Override
    public void close() {
        List<Callback> left;
        synchronized (open) {
            closed = true;
            left = new ArrayList<>(open);
        }
        left.forEach(Callback::close);
    }

    /** One connected sink. */
    private final class Callback implements ObjectSink {
        private final DcomClient dcom;
        private final ComProxy proxy;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile String broken;

        Callback(DcomClient dcom, ComProxy proxy) {
            this.dcom = dcom;
            this.proxy = proxy;
        }

        /**
         * IWbemObjectSink::Indicate with each object DCOM-marshaled. A sink that answers WBEM_S_NEW_STYLE could take
         * the ObjectArray form as well, but must still accept this one ([MS-WMI] 3.1.4.2.1); MS-WMI does not say how
         * the optimized form travels in Indicate, so it is never sent.
         *
         * @throws CimException the sink's failure HRESULT (the operation then ends: 3.1.1.1.3)
         */
        @Override
        public int indicate(List<CimObject> objects) {
            List<MInterfacePointer> pointers = new ArrayList<>(objects.size());
            for (CimObject o : objects) {
                pointers.add(Wire.object(o));
            }
            return call(WmiOpnums.ObjectSink.INDICATE, "Indicate",
                    w -> new IndicateRequest(UNSENT, pointers).encodeParams(w));
        }

        @Override
        public int setStatus(int flags, int hresult, String param, CimObject object) {
            return call(WmiOpnums.ObjectSink.SET_STATUS, "SetStatus",
                    w -> new SetStatusRequest(UNSENT, flags, hresult, param, Wire.object(object)).encodeParams(w));
        }

        private int call(int opnum, String name, Consumer<NdrWriter> params) {
            String why = broken;
            if (why != null) {
                throw new CimException(WbemStatus.WBEM_E_TRANSPORT_FAILURE, "the client's sink is unreachable: "
                        + why);
            }
            int hr;
            try {
                hr = proxy.call(opnum, params, NdrReader::i32);
            } catch (RuntimeException e) {
                // a client that went away is an everyday event, not a server fault
                broken = e.getMessage();
                LOG.debug("IWbemObjectSink::{} failed: {}", name, e.getMessage());
                throw new CimException(WbemStatus.WBEM_E_TRANSPORT_FAILURE, "the client's IWbemObjectSink::" + name
                        + " failed: " + e.getMessage());
            }
            if (hr < 0) {
                WbemStatus s = WbemStatus.fromCode(hr);
                throw new CimException(s != null ? s : WbemStatus.WBEM_E_FAILED, String.format(
                        "the client's IWbemObjectSink::%s answered 0x%08x", name, hr));
            }
            return hr;
        }

        /** RemRelease (bounded by the timeouts), then the sink's own DCOM client goes. Idempotent; never throws. */
        @Override
        public void close() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            synchronized (open) {
                open.remove(this);
            }
            try {
                proxy.release();
            } catch (RuntimeException e) {
                LOG.debug("releasing the client's sink failed: {}", e.getMessage());
            } finally {
                dcom.close();
            }
        }
    }

    /** Settings of a {@link DcomSinkConnector}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration callTimeout = Duration.ofSeconds(30);
        private int resolverPort = DcomClient.RESOLVER_PORT;
        private String threadNamePrefix = "jwmi-sink";

        private Builder() {
        }

        /** The TCP connect timeout of every callback connection (default 5 s). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d);
            return this;
        }

        /** The longest wait for each reply PDU of a callback (default 30 s): a slower client loses its results. */
        public Builder callTimeout(Duration d) {
            this.callTimeout = positive(d);
            return this;
        }

        /** The resolver port for resolver bindings that name none (135; an OBJREF may name another). */
        public Builder resolverPort(int port) {
            if (port <= 0 || port > 0xffff) {
                throw new IllegalArgumentException("port must be 1..65535");
            }
            this.resolverPort = port;
            return this;
        }

        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        public DcomSinkConnector build() {
            return new DcomSinkConnector(this);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            return d;
        }
    }
}
