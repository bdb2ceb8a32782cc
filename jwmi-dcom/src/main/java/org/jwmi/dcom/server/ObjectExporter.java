package org.jwmi.dcom.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.ops.ComplexPingRequest;
import org.jwmi.dcom.ops.ComplexPingResponse;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.StdObjRef;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object exporter and the object resolver's tables of one {@link DcomServer} ([MS-DCOM] 3.1.1.1 and 3.1.2.1):
 * the OXID, the OID table (objects), the IPID table (interfaces with their public and per-client private reference
 * counts), the SETID table (ping sets), and ORPC dispatch by IPID ([MS-DCOM] 3.1.1.5.4).
 *
 * <p>Lifetime: an object lives while one of its IPIDs holds references and it is kept alive by pinging. An object
 * is reclaimed ({@link ComObject#released()}) when RemRelease drops the counts of all its IPIDs to zero, or when it
 * is in no live ping set and saw no ORPC call, marshal or ping for ping period x timeout periods
 * ({@link #collectGarbage()}, [MS-DCOM] 3.1.2.6 and 3.1.1.6.2). A ping set expires after the same time without a
 * ping. Identifiers (OXID, OIDs, IPIDs, SETIDs) come from the injected random source; time from the injected clock.
 */
public final class ObjectExporter {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectExporter.class);

    /** [MS-DCOM] 3.1.1.5.1: the public references handed out when an object is marshaled ("SHOULD be 5"). */
    public static final int INITIAL_PUBLIC_REFS = 5;

    /** One row of the IPID table. */
    static final class IpidEntry {
        final UUID ipid;
        final UUID iid;
        final ObjectEntry object;
        final OrpcDispatcher dispatcher;
        long publicRefs;
        final Map<String, Long> privateRefs = new HashMap<>();

        IpidEntry(UUID ipid, UUID iid, ObjectEntry object, OrpcDispatcher dispatcher) {
            this.ipid = ipid;
            this.iid = iid;
            this.object = object;
            this.dispatcher = dispatcher;
        }

        boolean unreferenced() {
            return publicRefs == 0 && privateRefs.values().stream().allMatch(v -> v == 0);
        }
    }

    /** One row of the OID table. */
    static final class ObjectEntry {
        final long oid;
        final ComObject object;
        final Map<UUID, IpidEntry> byIid = new LinkedHashMap<>();
        long lastActivity;
        int setRefs;

        ObjectEntry(long oid, ComObject object, long now) {
            this.oid = oid;
            this.object = object;
            this.lastActivity = now;
        }
    }

    /** One row of the SETID table. */
    static final class PingSet {
        final long setId;
        final Set<Long> oids = new HashSet<>();
        int sequenceNum;
        long lastPing;

        PingSet(long setId, int sequenceNum, long now) {
            this.setId = setId;
            this.sequenceNum = sequenceNum;
            this.lastPing = now;
        }
    }

    /** Every object implements IUnknown, whose three methods are never called remotely ([MS-DCOM] 3.1.1.5.8). */
    private static final OrpcDispatcher NO_METHODS = call -> {
        throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "IUnknown has no remote methods");
    };

    private final DcomConfig config;
    private final long oxid;
    private final Map<Long, ObjectEntry> oids = new HashMap<>();
    private final Map<ComObject, ObjectEntry> byObject = new IdentityHashMap<>();
    private final Map<UUID, IpidEntry> ipids = new HashMap<>();
    private final Map<Long, PingSet> sets = new HashMap<>();
    private final Set<UUID> servedIids = ConcurrentHashMap.newKeySet();
    private final ObjectEntry remUnknown;
    private final UUID ipidRemUnknown;
    private volatile RpcServer server;
    private boolean closed;

    ObjectExporter(DcomConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.oxid = nonZero();
        long now = now();
        RemUnknownObject ru = new RemUnknownObject(this);
        this.remUnknown = new ObjectEntry(newOid(), ru, now);
        this.ipidRemUnknown = newIpid();
        IpidEntry e = new IpidEntry(ipidRemUnknown, Iids.IID_IREMUNKNOWN2, remUnknown,
                ru.queryInterface(Iids.IID_IREMUNKNOWN2));
        remUnknown.byIid.put(Iids.IID_IREMUNKNOWN2, e);
        oids.put(remUnknown.oid, remUnknown);
        byObject.put(ru, remUnknown);
        ipids.put(ipidRemUnknown, e);
    }

    /** Serves the exporter's interfaces on {@code rpc} from now on (IRemUnknown, IRemUnknown2, and each new IID). */
    void attach(RpcServer rpc) {
        this.server = rpc;
        serve(Iids.IID_IREMUNKNOWN);
        serve(Iids.IID_IREMUNKNOWN2);
        List<UUID> known;
        synchronized (this) {
            known = new ArrayList<>();
            for (IpidEntry e : ipids.values()) {
                known.add(e.iid);
            }
        }
        known.forEach(this::serve);
    }

    private void serve(UUID iid) {
        RpcServer s = server;
        if (s != null && servedIids.add(iid)) {
            // The RPC layer's minimum is NONE on the exporter: each object's level is checked in dispatch().
            s.register(AuthLevel.NONE, new ExporterService(this, iid));
        }
    }

    // --------------------------------------------------------------------------------------------- identity

    /** The OXID of this exporter. */
    public long oxid() {
        return oxid;
    }

    /** The IPID of the exporter's Remote Unknown (IRemUnknown2, which includes IRemUnknown). */
    public UUID ipidRemUnknown() {
        return ipidRemUnknown;
    }

    /** The OID of the Remote Unknown object. */
    long remUnknownOid() {
        return remUnknown.oid;
    }

    DcomConfig config() {
        return config;
    }

    /** The authentication-level hint clients get ([MS-DCOM] 2.2.22.2.8.1 authnHint). */
    public int authnHint() {
        return config.exporterAuthLevel().value();
    }

    /** The exporter's TCP port, 0 before it started. */
    public int port() {
        RpcServer s = server;
        return s == null ? 0 : s.port();
    }

    // --------------------------------------------------------------------------------------------- bindings

    /**
     * The exporter's bindings for a client on {@code call}: the address the client dialled (or the exporter's own
     * bind address when it listens on one address only) and the host name, each with the exporter's port as
     * Windows formats it ({@code 127.0.0.1[24158]}), then one security binding per security provider.
     */
    public DualStringArray exporterBindings(CallContext call) {
        List<StringBinding> out = new ArrayList<>();
        for (String a : addresses(call, true)) {
            out.add(StringBinding.tcp(a, port()));
        }
        return new DualStringArray(out, config.securityBindings());
    }

    /**
     * The object resolver's bindings ([MS-DCOM] 3.1.2.5.1.6 ServerAlive2, OBJREF saResAddr): the address the client
     * dialled and the host name, without endpoints.
     */
    public DualStringArray resolverBindings(CallContext call) {
        List<StringBinding> out = new ArrayList<>();
        for (String a : addresses(call, false)) {
            out.add(StringBinding.tcp(a));
        }
        return new DualStringArray(out, config.securityBindings());
    }

    private List<String> addresses(CallContext call, boolean exporter) {
        Set<String> out = new LinkedHashSet<>();
        InetAddress bind = config.exporterBindAddress();
        InetSocketAddress local = call == null ? null : call.local();
        if (exporter && bind != null && !bind.isAnyLocalAddress()) {
            out.add(bind.getHostAddress());
        } else if (local != null && local.getAddress() != null) {
            out.add(local.getAddress().getHostAddress());
        }
        if (config.hostName() != null && !config.hostName().isEmpty()) {
            out.add(config.hostName());
        }
        return new ArrayList<>(out);
    }

    // --------------------------------------------------------------------------------------------- marshaling

    /**
     * Exports {@code object} for interface {@code iid} on behalf of the client on {@code caller} and returns its
     * OBJREF_STANDARD ([MS-DCOM] 3.1.1.5.1): flags 0, {@link #INITIAL_PUBLIC_REFS} public references, this OXID, the
     * object's OID (allocated on first export), the IPID of the interface (allocated on first export), and the
     * resolver's bindings as the client sees them.
     *
     * @throws ComException E_NOINTERFACE when the object does not implement {@code iid}
     */
    public MInterfacePointer marshal(ComObject object, UUID iid, CallContext caller) {
        return MInterfacePointer.of(marshalObjRef(object, iid, caller));
    }

    /** {@link #marshal} as the OBJREF itself. */
    public ObjRefStandard marshalObjRef(ComObject object, UUID iid, CallContext caller) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(iid, "iid");
        StdObjRef std = export(object, iid, INITIAL_PUBLIC_REFS, caller);
        return new ObjRefStandard(iid, std, resolverBindings(caller));
    }

    /** Adds {@code refs} public references to the IPID of ({@code object}, {@code iid}), creating what is missing. */
    private StdObjRef export(ComObject object, UUID iid, long refs, CallContext caller) {
        OrpcDispatcher dispatcher = object.queryInterface(iid);
        if (dispatcher == null && Iids.IID_IUNKNOWN.equals(iid)) {
            dispatcher = NO_METHODS;
        }
        if (dispatcher == null) {
            throw new ComException(DcomStatus.E_NOINTERFACE, "the object does not implement " + iid);
        }
        IpidEntry e;
        synchronized (this) {
            if (closed) {
                throw new ComException(DcomStatus.CO_E_OBJNOTCONNECTED, "the server is closing");
            }
            ObjectEntry o = byObject.get(object);
            if (o == null) {
                o = new ObjectEntry(newOid(), object, now());
                oids.put(o.oid, o);
                byObject.put(object, o);
            }
            e = ipidFor(o, iid, dispatcher);
            e.publicRefs = saturate(e.publicRefs + refs);
            o.lastActivity = now();
        }
        serve(iid);
        return new StdObjRef(0, (int) refs, oxid, e.object.oid, e.ipid);
    }

    private IpidEntry ipidFor(ObjectEntry o, UUID iid, OrpcDispatcher dispatcher) {
        IpidEntry e = o.byIid.get(iid);
        if (e == null) {
            e = new IpidEntry(newIpid(), iid, o, dispatcher);
            o.byIid.put(iid, e);
            ipids.put(e.ipid, e);
        }
        return e;
    }

    /**
     * [MS-DCOM] 3.1.1.5.3: the object behind an OBJREF_STANDARD that names this exporter (an object reference a
     * client passed back in an [in] parameter). The public references the OBJREF carries are taken off its IPID;
     * an IPID left without references is removed (the object itself stays while it has other IPIDs).
     *
     * @return the object, or empty when the OBJREF names another exporter or an unknown IPID
     */
    public Optional<ComObject> unmarshal(ObjRefStandard ref) {
        List<ComObject> gone = new ArrayList<>();
        ComObject found;
        synchronized (this) {
            IpidEntry e = ref.std().oxid() == oxid ? ipids.get(ref.std().ipid()) : null;
            if (e == null || e.object == remUnknown) {
                return Optional.empty();
            }
            found = e.object.object;
            e.publicRefs = Math.max(0, e.publicRefs - Integer.toUnsignedLong(ref.std().cPublicRefs()));
            e.object.lastActivity = now();
            if (e.unreferenced()) {
                ipids.remove(e.ipid);
                e.object.byIid.remove(e.iid);
                if (e.object.byIid.isEmpty()) {
                    remove(e.object);
                    gone.add(found);
                }
            }
        }
        notifyReleased(gone);
        return Optional.of(found);
    }

    /** Releases an object that was created for an activation but could not be exported for any interface. */
    void discard(ComObject object) {
        boolean exported;
        synchronized (this) {
            exported = byObject.containsKey(object);
        }
        if (!exported) {
            notifyReleased(List.of(object));
        }
    }

    // --------------------------------------------------------------------------------------------- ORPC dispatch

    /**
     * Executes an ORPC request on this exporter ([MS-DCOM] 3.1.1.5.4): finds the IPID named by the request's object
     * UUID (unknown: fault RPC_E_DISCONNECTED), checks that the bound interface is the IPID's (fault E_NOINTERFACE),
     * the caller's level against the object's minimum (fault E_ACCESSDENIED), the ORPCTHIS version (fault
     * RPC_E_VERSION_MISMATCH) and flags (fault RPC_E_INVALID_HEADER), then calls the interface's dispatcher.
     */
    byte[] dispatch(CallContext call, int opnum, byte[] stub) {
        UUID ipid = call.object().orElse(null);
        IpidEntry e;
        synchronized (this) {
            e = ipid == null ? null : ipids.get(ipid);
        }
        if (e == null) {
            throw new RpcFaultException(DcomStatus.RPC_E_DISCONNECTED.value(), "no interface with IPID " + ipid);
        }
        UUID bound = call.abstractSyntax() == null ? null : call.abstractSyntax().uuid();
        if (!interfaceMatches(e, bound)) {
            throw new RpcFaultException(DcomStatus.E_NOINTERFACE.value(), true, "IPID " + ipid + " is " + e.iid
                    + ", the call is bound to " + bound);
        }
        AuthLevel need = e.object.object.minAuthLevel();
        if (need == null) {
            need = config.exporterAuthLevel();
        }
        if (!call.authLevel().atLeast(need)) {
            LOG.warn("refused ORPC call on {} from {} ({}): authentication level {} is below the object's {}", e.iid,
                    call.remote(), call.peer().map(Object::toString).orElse("anonymous"),
                    call.authLevel().scriptName(), need.scriptName());
            throw new RpcFaultException(DcomStatus.E_ACCESSDENIED.value(), true, "authentication level "
                    + call.authLevel().scriptName() + " is below " + need.scriptName());
        }
        if (opnum < DcomInterfaces.FIRST_ORPC_OPNUM) {
            throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "opnum " + opnum
                    + " is IUnknown's and not sent on the wire");
        }
        NdrReader r = Codec.reader(stub, call.littleEndian(), config.limits());
        OrpcThis orpcThis = r.field("ORPCthis", OrpcThis::decode);
        if (!config.supports(orpcThis.version())) {
            throw new RpcFaultException(DcomStatus.RPC_E_VERSION_MISMATCH.value(), true, "client COM version "
                    + orpcThis.version() + ", server " + config.comVersion());
        }
        if (orpcThis.flags() != 0) {
            throw new RpcFaultException(DcomStatus.RPC_E_INVALID_HEADER.value(), true, "ORPCTHIS.flags 0x"
                    + Integer.toHexString(orpcThis.flags()));
        }
        touch(e.object);
        OrpcReply reply;
        try {
            reply = e.dispatcher.invoke(new OrpcCall(call, opnum, orpcThis, stub, r.position(), config.limits(),
                    this, e.ipid, e.object.object));
        } catch (ComException x) {
            throw new RpcFaultException(x.hresult(), x.getMessage());
        }
        NdrWriter w = Codec.writer(config.limits());
        OrpcThat.encode(w, reply.orpcThat());
        if ((w.position() & 7) != 0) {
            throw new IllegalStateException("ORPCTHAT of " + w.position() + " bytes is not a multiple of 8");
        }
        w.bytes(reply.body());
        return w.toByteArray();
    }

    private boolean interfaceMatches(IpidEntry e, UUID bound) {
        if (e.iid.equals(bound)) {
            return true;
        }
        return e.object == remUnknown && Iids.IID_IREMUNKNOWN.equals(bound);
    }

    private synchronized void touch(ObjectEntry o) {
        o.lastActivity = now();
    }

    // --------------------------------------------------------------------------------------------- IRemUnknown

    /** The outcome of a query for one IID. */
    record QiResult(int hresult, StdObjRef std, ComObject object, UUID iid) {
    }

    /**
     * [MS-DCOM] 3.1.1.5.6.1.1 RemQueryInterface: for each IID, an existing IPID gets {@code cRefs} more public
     * references, a new one is created with {@code cRefs}; E_NOINTERFACE where the object lacks the IID.
     *
     * @return {@code null} when {@code ripid} is unknown
     */
    List<QiResult> queryInterface(UUID ripid, long cRefs, List<UUID> iids) {
        ComObject object;
        synchronized (this) {
            IpidEntry e = ipids.get(ripid);
            if (e == null || e.object == remUnknown) {
                return null;
            }
            object = e.object.object;
            e.object.lastActivity = now();
        }
        List<QiResult> out = new ArrayList<>(iids.size());
        for (UUID iid : iids) {
            try {
                out.add(new QiResult(0, export(object, iid, cRefs, null), object, iid));
            } catch (ComException x) {
                out.add(new QiResult(x.hresult(), new StdObjRef(0, 0, 0, 0, new UUID(0, 0)), object, iid));
            }
        }
        return out;
    }

    /** [MS-DCOM] 3.1.1.5.6.1.2 RemAddRef for one REMINTERFACEREF: S_OK or CO_E_OBJNOTREG. */
    synchronized int addRef(UUID ipid, long cPublicRefs, long cPrivateRefs, String client) {
        IpidEntry e = ipids.get(ipid);
        if (e == null) {
            return DcomStatus.CO_E_OBJNOTREG.value();
        }
        if (e.object == remUnknown) {
            return 0;
        }
        e.publicRefs = saturate(e.publicRefs + cPublicRefs);
        if (cPrivateRefs != 0) {
            e.privateRefs.merge(client, cPrivateRefs, (a, b) -> saturate(a + b));
        }
        e.object.lastActivity = now();
        return 0;
    }

    /**
     * [MS-DCOM] 3.1.1.5.6.1.3 RemRelease for a batch of references: counts go down (not below zero); an IPID whose
     * counts reach zero is removed; an object without IPIDs is reclaimed. Unknown IPIDs are ignored.
     */
    void release(List<long[]> refs, List<UUID> ipidList, String client) {
        List<ComObject> gone = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < ipidList.size(); i++) {
                IpidEntry e = ipids.get(ipidList.get(i));
                if (e == null || e.object == remUnknown) {
                    continue;
                }
                e.publicRefs = Math.max(0, e.publicRefs - refs.get(i)[0]);
                long priv = refs.get(i)[1];
                if (priv != 0) {
                    Long have = e.privateRefs.get(client);
                    if (have != null) {
                        long left = Math.max(0, have - priv);
                        if (left == 0) {
                            e.privateRefs.remove(client);
                        } else {
                            e.privateRefs.put(client, left);
                        }
                    }
                }
                e.object.lastActivity = now();
                if (e.unreferenced()) {
                    ipids.remove(e.ipid);
                    e.object.byIid.remove(e.iid);
                    if (e.object.byIid.isEmpty()) {
                        remove(e.object);
                        gone.add(e.object.object);
                    }
                }
            }
        }
        notifyReleased(gone);
    }

    // --------------------------------------------------------------------------------------------- pinging

    /** [MS-DCOM] 3.1.2.5.1.2 SimplePing: 0 or OR_INVALID_SET. */
    synchronized int simplePing(long setId) {
        PingSet s = sets.get(setId);
        if (s == null) {
            return DcomStatus.OR_INVALID_SET.value();
        }
        s.lastPing = now();
        return 0;
    }

    /** [MS-DCOM] 3.1.2.5.1.3 ComplexPing. */
    synchronized ComplexPingResponse complexPing(ComplexPingRequest q) {
        long now = now();
        if (q.setId() == 0) {
            PingSet s = new PingSet(newSetId(), q.sequenceNum(), now);
            for (long oid : q.addToSet()) {
                ObjectEntry o = oids.get(oid);
                if (o != null && s.oids.add(oid)) {
                    o.setRefs++;
                }
            }
            sets.put(s.setId, s);
            return new ComplexPingResponse(s.setId, 0, 0);
        }
        PingSet s = sets.get(q.setId());
        if (s == null) {
            return new ComplexPingResponse(q.setId(), 0, DcomStatus.OR_INVALID_SET.value());
        }
        if (s.sequenceNum > q.sequenceNum()) {
            return new ComplexPingResponse(q.setId(), 0, 0);
        }
        int status = 0;
        for (long oid : q.addToSet()) {
            if (s.oids.contains(oid)) {
                continue;
            }
            ObjectEntry o = oids.get(oid);
            if (o == null) {
                status = DcomStatus.OR_INVALID_OID.value();
                continue;
            }
            o.setRefs++;
            s.oids.add(oid);
        }
        for (long oid : q.delFromSet()) {
            if (s.oids.remove(oid)) {
                ObjectEntry o = oids.get(oid);
                if (o != null && o.setRefs > 0) {
                    o.setRefs--;
                }
            }
        }
        s.lastPing = now;
        s.sequenceNum = q.sequenceNum();
        return new ComplexPingResponse(q.setId(), 0, status);
    }

    /**
     * Expires ping sets not pinged for ping period x timeout periods ([MS-DCOM] 3.1.2.6) and reclaims objects that
     * are in no live set and saw no activity for as long ([MS-DCOM] 3.1.1.6.2). Runs periodically in the
     * {@link DcomServer}; tests with a fake clock call it directly.
     *
     * @return the number of objects reclaimed
     */
    public int collectGarbage() {
        List<ComObject> gone = new ArrayList<>();
        synchronized (this) {
            long now = now();
            long timeout = config.pingTimeoutMillis();
            for (Iterator<PingSet> it = sets.values().iterator(); it.hasNext(); ) {
                PingSet s = it.next();
                if (now - s.lastPing > timeout) {
                    it.remove();
                    LOG.debug("ping set {} expired with {} OIDs", Long.toUnsignedString(s.setId, 16), s.oids.size());
                    for (long oid : s.oids) {
                        ObjectEntry o = oids.get(oid);
                        if (o != null && o.setRefs > 0) {
                            o.setRefs--;
                        }
                    }
                }
            }
            for (ObjectEntry o : new ArrayList<>(oids.values())) {
                if (o != remUnknown && o.setRefs == 0 && now - o.lastActivity > timeout) {
                    LOG.debug("reclaiming OID {}: not pinged for {} ms", Long.toUnsignedString(o.oid, 16), timeout);
                    remove(o);
                    gone.add(o.object);
                }
            }
        }
        notifyReleased(gone);
        return gone.size();
    }

    // --------------------------------------------------------------------------------------------- inspection

    /** The number of exported objects (the Remote Unknown not counted). */
    public synchronized int objectCount() {
        return oids.size() - 1;
    }

    /** Whether {@code oid} names an exported object. */
    public synchronized boolean isExported(long oid) {
        return oids.containsKey(oid);
    }

    /** The number of ping sets. */
    public synchronized int pingSetCount() {
        return sets.size();
    }

    /** {public, private (all clients)} references of an IPID, or {@code null} if it is unknown. */
    synchronized long[] refs(UUID ipid) {
        IpidEntry e = ipids.get(ipid);
        if (e == null) {
            return null;
        }
        long priv = 0;
        for (long v : e.privateRefs.values()) {
            priv += v;
        }
        return new long[] {e.publicRefs, priv};
    }

    /** Releases every object (server shutdown). */
    void closeAll() {
        List<ComObject> gone = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (ObjectEntry o : new ArrayList<>(oids.values())) {
                if (o != remUnknown) {
                    remove(o);
                    gone.add(o.object);
                }
            }
            sets.clear();
        }
        notifyReleased(gone);
    }

    // --------------------------------------------------------------------------------------------- internals

    private void remove(ObjectEntry o) {
        for (IpidEntry e : o.byIid.values()) {
            ipids.remove(e.ipid);
        }
        o.byIid.clear();
        oids.remove(o.oid);
        byObject.remove(o.object);
    }

    private static void notifyReleased(List<ComObject> gone) {
        for (ComObject c : gone) {
            try {
                c.released();
            } catch (RuntimeException x) {
                LOG.warn("released() of {} failed", c.getClass().getName(), x);
            }
        }
    }

    private long now() {
        return config.clock().millis();
    }

    private long nonZero() {
        long v;
        do {
            v = config.random().nextLong();
        } while (v == 0);
        return v;
    }

    private long newOid() {
        long v;
        do {
            v = nonZero();
        } while (oids.containsKey(v));
        return v;
    }

    private long newSetId() {
        long v;
        do {
            v = nonZero();
        } while (sets.containsKey(v));
        return v;
    }

    private UUID newIpid() {
        UUID u;
        do {
            u = new UUID(config.random().nextLong(), config.random().nextLong());
        } while (ipids.containsKey(u) || (u.getMostSignificantBits() == 0 && u.getLeastSignificantBits() == 0));
        return u;
    }

    private static long saturate(long v) {
        return Math.min(v, 0xffffffffL);
    }
}
