package org.jwmi.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimException;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.DcomClient;
import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.server.ComObject;
import org.jwmi.dcom.server.DcomServer;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.server.OrpcDispatcher;
import org.jwmi.dcom.server.OrpcReply;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.StdObjRef;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.server.RpcService;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wmi.ops.IndicateRequest;
import org.jwmi.wmi.ops.SetStatusRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client as a DCOM server (specs README, pitfall 7): the object exporter that hosts the IWbemObjectSinks of
 * asynchronous calls, started on first use. The OXID resolver (IObjectExporter: ResolveOxid2, pings) is served on
 * the exporter's own port, so one ephemeral TCP port does both; the sink's OBJREF names it in its resolver binding
 * ({@code 10.0.0.5[49731]}, [MS-DCOM] 2.2.19.3), with the address the client uses to reach that server.
 *
 * <p>Security: the server has no credentials for this machine, so callbacks arrive unauthenticated (what Windows
 * servers end up doing too, see the SDK page "Setting Security on an Asynchronous Call"). The exporter therefore
 * accepts authentication level none; a sink is reachable only through its IPID, 128 bits from a secure random source,
 * which travels to the server inside the authenticated asynchronous call. The callback itself is neither signed nor
 * sealed.
 */
final class Callbacks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private final InetAddress address;
    private final int port;
    private final Limits limits;
    private final String threadNamePrefix;
    private final Map<WbemObjectSink, Pending> pending = new IdentityHashMap<>();
    private DcomServer dcom;
    private boolean closed;

    /**
     * @param address the address to listen on and advertise, or {@code null} to listen on every address and
     *                advertise, per server, the local address of the route to it
     * @param port    the TCP port, 0 for an ephemeral one
     */
    Callbacks(InetAddress address, int port, Limits limits, String threadNamePrefix) {
        this.address = address;
        this.port = port;
        this.limits = limits;
        this.threadNamePrefix = threadNamePrefix;
    }

    /**
     * Exports a new IWbemObjectSink object forwarding to {@code sink} for one asynchronous call to {@code server},
     * and returns its registration; {@link Pending#started} or {@link Pending#failed} must follow.
     *
     * @throws IllegalStateException {@code sink} already has a call in progress
     */
    Pending export(WbemObjectSink sink, String server) {
        InetAddress advertised = address != null && !address.isAnyLocalAddress() ? address : routeTo(server);
        DcomServer d;
        Pending p;
        synchronized (this) {
            if (pending.containsKey(sink)) {
                throw new IllegalStateException("this WbemObjectSink already has an asynchronous call in progress; use"
                        + " one sink per call");
            }
            d = start();
            p = new Pending(sink);
            pending.put(sink, p);
        }
        try {
            ObjRefStandard ref = d.exporter().marshalObjRef(p, WmiIds.IID_IWBEM_OBJECT_SINK, null);
            DualStringArray resolver = new DualStringArray(
                    List.of(StringBinding.tcp(advertised.getHostAddress(), d.exporterPort())), List.of());
            p.objRef = new ObjRefStandard(ref.iid(), ref.std(), resolver);
            return p;
        } catch (RuntimeException e) {
            forget(p);
            throw e;
        }
    }

    /** The registration of {@code sink}'s call in progress, or {@code null}. */
    synchronized Pending pending(WbemObjectSink sink) {
        return pending.get(sink);
    }

    private synchronized void forget(Pending p) {
        pending.remove(p.sink, p);
    }

    /** The exporter, started on first use. */
    private DcomServer start() {
        if (closed) {
            throw new IllegalStateException("the WbemLocator is closed");
        }
        if (dcom != null) {
            return dcom;
        }
        DcomServer.Builder b = DcomServer.builder().exporterPort(port).hostName("")
                .exporterAuthLevel(AuthLevel.NONE).activationHardening(false).limits(limits)
                .threadNamePrefix(threadNamePrefix + "-callback");
        if (address != null) {
            b.exporterBindAddress(address);
        }
        DcomServer d = b.build();
        try {
            d.start();
            for (RpcService s : d.resolverServices()) {
                if (s.syntax().equals(DcomInterfaces.IOBJECTEXPORTER)) {
                    d.exporterServer().register(AuthLevel.NONE, s);
                }
            }
        } catch (IOException e) {
            d.close();
            throw new UncheckedIOException("cannot open the callback endpoint for asynchronous calls on "
                    + (address == null ? "*" : address.getHostAddress()) + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.debug("callback endpoint for asynchronous calls on port {}", d.exporterPort());
        dcom = d;
        return d;
    }

    /** The local address of the route to {@code server} (a connected UDP socket sends nothing). */
    private static InetAddress routeTo(String server) {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName(server), DcomClient.RESOLVER_PORT));
            InetAddress a = s.getLocalAddress();
            if (a == null || a.isAnyLocalAddress()) {
                throw new IOException("no local address routes to " + server);
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell which local address " + server + " can call back; set"
                    + " WbemLocator.Builder.callbackAddress (" + e.getMessage() + ")", e);
        }
    }

    /** The port callbacks arrive on, 0 before the first asynchronous call. */
    synchronized int port() {
        return dcom == null ? 0 : dcom.exporterPort();
    }

    /** Sinks exported and not yet released by the server. */
    synchronized int exportedSinks() {
        return dcom == null ? 0 : dcom.exporter().objectCount();
    }

    @Override
    public void close() {
        DcomServer d;
        synchronized (this) {
            closed = true;
            d = dcom;
            dcom = null;
        }
        if (d != null) {
            d.close();
        }
    }

    /** Where one asynchronous call stands. */
    private enum State { STARTING, RUNNING, DONE }

    /** The exported IWbemObjectSink of one asynchronous call. */
    final class Pending implements ComObject, OrpcDispatcher {
        final WbemObjectSink sink;
        private volatile ObjRefStandard objRef;
        private State state = State.STARTING;
        private boolean releasedEarly;

        Pending(WbemObjectSink sink) {
            this.sink = sink;
        }

        /** The OBJREF to pass as pResponseHandler (with public references for the server). */
        MInterfacePointer pointer() {
            return MInterfacePointer.of(objRef);
        }

        /** The OBJREF to pass to CancelAsyncCall: no public references, the server keeps none. */
        MInterfacePointer cancelPointer() {
            StdObjRef s = objRef.std();
            return MInterfacePointer.of(new ObjRefStandard(objRef.iid(), new StdObjRef(s.flags(), 0, s.oxid(), s.oid(),
                    s.ipid()), objRef.saResAddr()));
        }

        /** The asynchronous call was accepted: results follow. */
        void started() {
            boolean lost;
            synchronized (this) {
                if (state != State.STARTING) {
                    return;
                }
                state = State.RUNNING;
                lost = releasedEarly;
            }
            if (lost) {
                lostByServer();
            }
        }

        /** The asynchronous call failed: the server keeps no reference and calls nothing; drop ours. */
        void failed() {
            synchronized (this) {
                state = State.DONE;
            }
            forget(this);
            DcomServer d;
            synchronized (Callbacks.this) {
                d = dcom;
            }
            if (d != null) {
                d.exporter().unmarshal(objRef);
            }
        }

        @Override
        public OrpcDispatcher queryInterface(java.util.UUID iid) {
            return WmiIds.IID_IWBEM_OBJECT_SINK.equals(iid) ? this : null;
        }

        @Override
        public AuthLevel minAuthLevel() {
            return AuthLevel.NONE;
        }

        /** The server released the sink (or stopped pinging it): a call still running will get no final status. */
        @Override
        public void released() {
            synchronized (this) {
                if (state == State.STARTING) {
                    releasedEarly = true;
                    return;
                }
                if (state == State.DONE) {
                    return;
                }
            }
            lostByServer();
        }

        private void lostByServer() {
            if (finish()) {
                LOG.debug("the server released the sink of an asynchronous call without a final status");
                deliverStatus(WbemObjectSink.WBEM_STATUS_COMPLETE, WbemStatus.WBEM_E_TRANSPORT_FAILURE.code(), null,
                        null);
            }
        }

        private boolean finish() {
            synchronized (this) {
                if (state == State.DONE) {
                    return false;
                }
                state = State.DONE;
            }
            forget(this);
            return true;
        }

        private synchronized boolean done() {
            return state == State.DONE;
        }

        @Override
        public OrpcReply invoke(OrpcCall call) {
            int hr = switch (call.opnum()) {
                case WmiOpnums.ObjectSink.INDICATE -> indicate(IndicateRequest.decodeParams(call.body(),
                        call.orpcThis()));
                case WmiOpnums.ObjectSink.SET_STATUS -> setStatus(SetStatusRequest.decodeParams(call.body(),
                        call.orpcThis()));
                default -> throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true,
                        "IWbemObjectSink has no opnum " + call.opnum());
            };
            NdrWriter w = Codec.writer(call.limits());
            w.i32(hr);
            return OrpcReply.of(w);
        }

        /**
         * Indicate ([MS-WMI] 3.1.4.2.1): this sink does not implement the ObjectArray form, so it answers
         * WBEM_S_NO_ERROR, never WBEM_S_NEW_STYLE, and the server keeps sending DCOM-marshaled objects.
         */
        private int indicate(IndicateRequest q) {
            if (done()) {
                return WbemStatus.WBEM_E_CALL_CANCELLED.code();
            }
            List<WbemClassObject> objects = new ArrayList<>(q.apObjArray().size());
            for (MInterfacePointer p : q.apObjArray()) {
                if (p == null) {
                    return WbemStatus.WBEM_E_INVALID_PARAMETER.code();
                }
                try {
                    objects.add(WbemClassObject.of(WbemClassObjectMarshaler.cimObject(p, limits)));
                } catch (ProtocolException | CimException e) {
                    LOG.debug("an object of Indicate does not decode: {}", e.getMessage());
                    return WbemStatus.WBEM_E_INVALID_OBJECT.code();
                }
            }
            try {
                sink.indicate(objects);
                return WbemStatus.WBEM_S_NO_ERROR.code();
            } catch (RuntimeException e) {
                LOG.warn("WbemObjectSink.indicate failed; the server will end the call", e);
                return WbemStatus.WBEM_E_FAILED.code();
            }
        }

        /** SetStatus ([MS-WMI] 3.1.4.2.2): lFlags must be WBEM_STATUS_COMPLETE or WBEM_STATUS_PROGRESS. */
        private int setStatus(SetStatusRequest q) {
            if (q.lFlags() != WbemObjectSink.WBEM_STATUS_COMPLETE && q.lFlags() != WbemObjectSink.WBEM_STATUS_PROGRESS) {
                return WbemStatus.WBEM_E_INVALID_PARAMETER.code();
            }
            WbemClassObject error = null;
            if (q.pObjParam() != null) {
                try {
                    error = WbemClassObject.of(WbemClassObjectMarshaler.cimObject(q.pObjParam(), limits));
                } catch (ProtocolException | CimException e) {
                    LOG.debug("the error object of SetStatus does not decode: {}", e.getMessage());
                }
            }
            if (q.lFlags() == WbemObjectSink.WBEM_STATUS_COMPLETE ? !finish() : done()) {
                return WbemStatus.WBEM_S_NO_ERROR.code();
            }
            deliverStatus(q.lFlags(), q.hResult(), q.strParam(), error);
            return WbemStatus.WBEM_S_NO_ERROR.code();
        }

        private void deliverStatus(int flags, int hresult, String param, WbemClassObject error) {
            try {
                sink.setStatus(flags, hresult, param, error);
            } catch (RuntimeException e) {
                LOG.warn("WbemObjectSink.setStatus failed", e);
            }
        }
    }
}
