package org.jwmi.dcom.client;

import java.io.Closeable;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.SecurityProviders;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.EmptyRequest;
import org.jwmi.dcom.ops.RemoteActivationRequest;
import org.jwmi.dcom.ops.RemoteActivationResponse;
import org.jwmi.dcom.ops.RemoteCreateInstanceRequest;
import org.jwmi.dcom.ops.ResolveOxid2Response;
import org.jwmi.dcom.ops.ResolveOxidRequest;
import org.jwmi.dcom.ops.ResolveOxidResponse;
import org.jwmi.dcom.ops.ScmActivationResponse;
import org.jwmi.dcom.ops.ServerAlive2Response;
import org.jwmi.dcom.wire.ActivationContextInfoData;
import org.jwmi.dcom.wire.ActivationProperties;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.Context;
import org.jwmi.dcom.wire.CustomRemoteReplyScmInfo;
import org.jwmi.dcom.wire.CustomRemoteRequestScmInfo;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.DcomConstants;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.InstantiationInfoData;
import org.jwmi.dcom.wire.LocationInfoData;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRef;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.dcom.wire.ObjRefExtended;
import org.jwmi.dcom.wire.ObjRefHandler;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.PropsOutInfo;
import org.jwmi.dcom.wire.ScmReplyInfoData;
import org.jwmi.dcom.wire.ScmRequestInfoData;
import org.jwmi.dcom.wire.SecurityBinding;
import org.jwmi.dcom.wire.SecurityInfoData;
import org.jwmi.dcom.wire.SpecialPropertiesData;
import org.jwmi.dcom.wire.StdObjRef;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DCOM client runtime of one application (what CoInitializeEx + CoInitializeSecurity set up in a Windows
 * process, without any JVM-global state): the default {@link SecurityBlanket}, the security providers, the OXID
 * table and resolver table of [MS-DCOM] 3.2.1, the connection pool and the ping thread. Closing it releases every
 * proxy still held, sends a last ping, closes every connection and joins its thread.
 *
 * <pre>
 * try (DcomClient dcom = DcomClient.builder()
 *         .securityProvider(new NtlmSecurityProvider())
 *         .defaultBlanket(SecurityBlanket.builder().identity(credentials).build())
 *         .build()) {
 *     ComProxy p = dcom.createInstance("server", clsid, iid);
 *     ...
 * }
 * </pre>
 */
public final class DcomClient implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DcomClient.class);
    /** What we implement and send ([MS-DCOM] 3.2: clients should support 5.7). */
    public static final ComVersion CLIENT_VERSION = ComVersion.V5_7;
    /** The well-known endpoint of the object resolver ([MS-DCOM] 3.1.2.3 / [MS-RPCE] 2.1.1.1). */
    public static final int RESOLVER_PORT = 135;
    /** The ping period of [MS-DCOM] 3.2.2. */
    public static final Duration DEFAULT_PING_PERIOD = Duration.ofMinutes(2);

    private final SecurityBlanket defaultBlanket;
    private final SecurityResolver resolver;
    private final ClientConfig rpcConfig;
    private final int resolverPort;
    private final ComVersion clientVersion;
    private final boolean probeServerAlive;
    private final Random random;
    private final CustomUnmarshalerRegistry unmarshalers;
    private final ConnectionPool pool;
    private final Pinger pinger;
    private final Map<Long, OxidEntry> oxids = new ConcurrentHashMap<>();
    private final Map<Endpoint, ServerAlive2Response> resolvers = new ConcurrentHashMap<>();
    private final Set<ComProxy> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean closed;

    private DcomClient(Builder b) {
        this.defaultBlanket = b.defaultBlanket;
        this.resolver = new SecurityResolver(b.providers);
        this.rpcConfig = b.rpcConfig;
        this.resolverPort = b.resolverPort;
        this.clientVersion = b.comVersion;
        this.probeServerAlive = b.probeServerAlive;
        this.random = b.random;
        this.unmarshalers = b.unmarshalers;
        this.pool = new ConnectionPool(b.rpcConfig, b.connector, b.workstation, b.clock, b.random);
        this.pinger = new Pinger(pool, b.pingPeriod, b.threadNamePrefix + "-ping");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The process-wide default blanket (CoInitializeSecurity). */
    public SecurityBlanket defaultBlanket() {
        return defaultBlanket;
    }

    /** The custom unmarshalers this client decodes OBJREF_CUSTOM with (DCOM's own plus the caller's). */
    public CustomUnmarshalerRegistry unmarshalers() {
        return unmarshalers;
    }

    // ------------------------------------------------------------------------------------------------ activation

    /** {@link #createInstance(String, UUID, List, SecurityBlanket)} for one interface with the default blanket. */
    public ComProxy createInstance(String host, UUID clsid, UUID iid) {
        return createInstance(host, clsid, List.of(iid), SecurityBlanket.DEFAULT).get(0).proxyOrThrow();
    }

    /** {@link #createInstance(String, UUID, List, SecurityBlanket)} for one interface. */
    public ComProxy createInstance(String host, UUID clsid, UUID iid, SecurityBlanket blanket) {
        return createInstance(host, clsid, List.of(iid), blanket).get(0).proxyOrThrow();
    }

    /**
     * CoCreateInstanceEx ([MS-DCOM] 3.2.4.1.1): IObjectExporter::ServerAlive2 on the object resolver (no security)
     * for its COM version and security bindings, then IRemoteSCMActivator::RemoteCreateInstance (IActivation::
     * RemoteActivation for a server before COM 5.6) under {@code blanket} over the default blanket (a default level
     * is pktIntegrity), then one proxy per interface the server returned. The OXID table entry is (re)written from
     * the reply, whose COM version and authentication hint the proxies adopt. The proxies start with
     * {@code blanket}.
     *
     * @param host    the server (name or address) whose object resolver listens on the resolver port
     * @param clsid   the class to create
     * @param iids    the interfaces wanted (1..0x8000)
     * @param blanket the security of the activation and of the new proxies ({@link SecurityBlanket#DEFAULT} for
     *                the client's default)
     * @return one result per IID, in order; at least one succeeded
     * @throws DcomException the activation failed (E_ACCESSDENIED, REGDB_E_CLASSNOTREG, ...) or no interface was
     *                       available (the first failure's HRESULT)
     */
    public List<QiResult> createInstance(String host, UUID clsid, List<UUID> iids, SecurityBlanket blanket) {
        ensureOpen();
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clsid, "clsid");
        if (iids.isEmpty() || iids.size() > DcomConstants.MAX_REQUESTED_INTERFACES) {
            throw new IllegalArgumentException("ask for 1.." + DcomConstants.MAX_REQUESTED_INTERFACES
                    + " interfaces, not " + iids.size());
        }
        SecurityBlanket b = blanket == null ? SecurityBlanket.DEFAULT : blanket;
        SecurityBlanket merged = b.orElse(defaultBlanket);
        Endpoint scm = new Endpoint(host, resolverPort);
        ServerAlive2Response alive = probe(scm);
        ComVersion version = ComVersion.min(clientVersion, alive.comVersion());
        List<SecurityBinding> secBindings = alive.ppdsaOrBindings() == null ? List.of()
                : alive.ppdsaOrBindings().securityBindings();
        EffectiveSecurity sec = resolver.forActivation(merged, secBindings, host);
        String what = "activation of " + clsid + " on " + host;
        Activated act;
        try (ConnectionPool.Lease lease = acquire(scm, sec, what)) {
            act = version.compareTo(ComVersion.V5_6) >= 0
                    ? remoteCreateInstance(lease, clsid, iids, version, sec, what)
                    : remoteActivation(lease, clsid, iids, version, sec, what);
        }
        if (act.hrs.size() != iids.size() || act.pointers.size() != iids.size()) {
            throw new DcomException(DcomStatus.RPC_X_BAD_STUB_DATA, what + ": the reply has " + act.hrs.size()
                    + " results for " + iids.size() + " requested interfaces");
        }
        if (act.bindings == null) {
            throw new DcomException(DcomStatus.RPC_X_BAD_STUB_DATA, what + ": the reply names no exporter bindings");
        }
        OxidEntry fresh = new OxidEntry(act.oxid, act.bindings, act.ipidRemUnknown, act.authnHint, act.serverVersion,
                clientVersion, scm, host);
        oxids.put(act.oxid, fresh);
        LOG.debug("activated {} on {}: OXID 0x{}, server COM {}, authnHint {}", clsid, host,
                Long.toHexString(act.oxid), act.serverVersion, act.authnHint);
        List<QiResult> results = new ArrayList<>(iids.size());
        try {
            for (int i = 0; i < iids.size(); i++) {
                int hr = act.hrs.get(i);
                MInterfacePointer ip = act.pointers.get(i);
                if (DcomStatus.failed(hr) || ip == null) {
                    int failure = DcomStatus.failed(hr) ? hr : DcomStatus.E_NOINTERFACE.value();
                    results.add(new QiResult(iids.get(i), failure, null));
                    continue;
                }
                StdRef ref = standard(decode(ip, what), what);
                OxidEntry entry = ref.std.oxid() == act.oxid ? fresh : resolveOxid(ref, merged, host);
                results.add(new QiResult(iids.get(i), hr, adopt(entry, iids.get(i), ref.std, b)));
            }
        } catch (RuntimeException e) {
            results.forEach(r -> {
                if (r.proxy() != null) {
                    r.proxy().close();
                }
            });
            throw e;
        }
        if (results.stream().noneMatch(QiResult::succeeded)) {
            throw new DcomException(results.get(0).hresult(), what + ": none of the requested interfaces " + iids
                    + " is available");
        }
        return results;
    }

    /** What an activation returned, whichever interface carried it ([MS-DCOM] 3.2.4.1.1.2). */
    private record Activated(long oxid, DualStringArray bindings, UUID ipidRemUnknown, int authnHint,
                             ComVersion serverVersion, List<Integer> hrs, List<MInterfacePointer> pointers) {
    }

    /** IRemoteSCMActivator::RemoteCreateInstance (servers from COM 5.6). */
    private Activated remoteCreateInstance(ConnectionPool.Lease lease, UUID clsid, List<UUID> iids,
                                           ComVersion version, EffectiveSecurity sec, String what) {
        ActivationProperties in = activationPropertiesIn(clsid, iids, version, sec);
        RemoteCreateInstanceRequest req = new RemoteCreateInstanceRequest(OrpcThis.of(version, newCid()), null,
                MInterfacePointer.of(in.toObjRefIn()));
        ScmActivationResponse resp;
        try {
            resp = Calls.call(lease, Iids.IID_IREMOTESCMACTIVATOR, DcomInterfaces.OP_REMOTE_CREATE_INSTANCE,
                    req.encode(), null, what, ScmActivationResponse::decode);
        } catch (DcomException e) {
            throw activationFailure(e.hresult(), what, sec, e);
        }
        if (DcomStatus.failed(resp.hresult())) {
            throw activationFailure(resp.hresult(), what, sec, null);
        }
        if (resp.ppActProperties() == null) {
            throw new DcomException(DcomStatus.RPC_X_BAD_STUB_DATA, what + ": the server returned "
                    + DcomStatus.describe(resp.hresult()) + " without ActivationPropertiesOut");
        }
        ActivationProperties out = propertiesOut(resp.ppActProperties(), what);
        ScmReplyInfoData scmReply;
        PropsOutInfo props;
        try {
            scmReply = out.require(ScmReplyInfoData.class);
            props = out.require(PropsOutInfo.class);
        } catch (ProtocolException e) {
            throw new DcomException(DcomStatus.RPC_X_BAD_STUB_DATA, what + ": " + e.getMessage(), e);
        }
        CustomRemoteReplyScmInfo reply = scmReply.remoteReply();
        return new Activated(reply.oxid(), reply.pdsaOxidBindings(), reply.ipidRemUnknown(), reply.authnHint(),
                reply.serverVersion(), props.phresults(), props.ppIntfData());
    }

    /** IActivation::RemoteActivation, for servers before COM 5.6 ([MS-DCOM] 3.2.4.1.1.2). */
    private Activated remoteActivation(ConnectionPool.Lease lease, UUID clsid, List<UUID> iids, ComVersion version,
                                       EffectiveSecurity sec, String what) {
        RemoteActivationRequest req = RemoteActivationRequest.of(OrpcThis.of(version, newCid()), clsid, iids);
        RemoteActivationResponse resp;
        try {
            resp = Calls.call(lease, Iids.IID_IACTIVATION, DcomInterfaces.OP_REMOTE_ACTIVATION, req.encode(), null,
                    what, RemoteActivationResponse::decode);
        } catch (DcomException e) {
            throw activationFailure(e.hresult(), what, sec, e);
        }
        if (resp.errorStatus() != 0) {
            throw activationFailure(resp.errorStatus(), what, sec, null);
        }
        if (DcomStatus.failed(resp.hr())) {
            throw activationFailure(resp.hr(), what, sec, null);
        }
        return new Activated(resp.oxid(), resp.ppdsaOxidBindings(), resp.ipidRemUnknown(), resp.authnHint(),
                resp.serverVersion(), resp.pResults(), resp.ppInterfaceData());
    }

    private DcomException activationFailure(int hr, String what, EffectiveSecurity sec, Throwable cause) {
        String detail = what + " failed";
        if (hr == DcomStatus.REGDB_E_CLASSNOTREG.value()) {
            detail += ": the class is not registered on the server; check the CLSID";
        } else {
            detail += Calls.accessAdvice(hr, sec, true);
        }
        return new DcomException(hr, detail, cause);
    }

    /**
     * The activation properties a Windows client sends ([MS-DCOM] 3.2.4.1.1.2): special properties, instantiation
     * info, the activation context (an empty client context), security info, location info and the SCM request
     * asking for ncacn_ip_tcp.
     */
    private ActivationProperties activationPropertiesIn(UUID clsid, List<UUID> iids, ComVersion version,
                                                        EffectiveSecurity sec) {
        Context clientCtx = Context.of(newCid(), List.of());
        return ActivationProperties.of(
                SpecialPropertiesData.of(0xffffffff, 0, sec.level().value(), InstantiationInfoData.CLSCTX_REMOTE_SERVER,
                        0),
                InstantiationInfoData.of(clsid, iids, version),
                ActivationContextInfoData.of(MInterfacePointer.of(clientCtx.toObjRef()), null),
                new SecurityInfoData(0, null, null),
                LocationInfoData.EMPTY,
                ScmRequestInfoData.of(CustomRemoteRequestScmInfo.of(List.of(DcomConstants.NCACN_IP_TCP))));
    }

    private ActivationProperties propertiesOut(MInterfacePointer ip, String what) {
        ObjRef o = decode(ip, what);
        if (o instanceof ObjRefCustom c) {
            return c.objectData(ActivationProperties.class).orElseThrow(() -> new DcomException(
                    DcomStatus.RPC_E_INVALID_OBJREF, what + ": ppActProperties is an OBJREF_CUSTOM of class "
                    + c.clsid() + ", not ActivationPropertiesOut"));
        }
        throw new DcomException(DcomStatus.RPC_E_INVALID_OBJREF, what + ": ppActProperties is an " + o.flag()
                + ", not an OBJREF_CUSTOM holding ActivationPropertiesOut");
    }

    /**
     * IObjectExporter::ServerAlive2 without security ([MS-DCOM] 3.2.4.1.1.1), cached per resolver: the server's COM
     * version picks the activation interface, its security bindings the security provider. A resolver whose
     * IObjectExporter lacks opnum 5 is COM 5.1 (activated through IActivation). A server that refuses the call
     * otherwise is assumed to be COM 5.7 with no security bindings: the activation reply tells the real version.
     */
    private ServerAlive2Response probe(Endpoint scm) {
        ServerAlive2Response cached = resolvers.get(scm);
        if (cached != null) {
            return cached;
        }
        ServerAlive2Response assumed = new ServerAlive2Response(ComVersion.V5_7, null, 0, 0);
        if (!probeServerAlive) {
            return assumed;
        }
        ServerAlive2Response r;
        try (ConnectionPool.Lease l = acquire(scm, EffectiveSecurity.NONE, "ServerAlive2")) {
            r = Calls.call(l, Iids.IID_IOBJECTEXPORTER, DcomInterfaces.OP_SERVER_ALIVE2, EmptyRequest.INSTANCE.encode(),
                    null, "ServerAlive2 at " + scm, ServerAlive2Response::decode);
        } catch (DcomException e) {
            if (opnumOutOfRange(e)) {
                r = new ServerAlive2Response(ComVersion.V5_1, null, 0, 0);
            } else if (e.hresult() == DcomStatus.RPC_S_SERVER_UNAVAILABLE.value()) {
                throw e;
            } else {
                LOG.debug("ServerAlive2 at {} failed ({}); assuming COM {}", scm, e.getMessage(), CLIENT_VERSION);
                return assumed;
            }
        }
        if (r.errorStatus() != 0) {
            LOG.debug("ServerAlive2 at {} answered {}; assuming COM {}", scm, DcomStatus.describe(r.errorStatus()),
                    CLIENT_VERSION);
            return assumed;
        }
        resolvers.put(scm, r);
        return r;
    }

    /** A fault saying the interface lacks the opnum (an older server). */
    private static boolean opnumOutOfRange(DcomException e) {
        return e.getCause() instanceof RpcFaultException f && (f.status() == RpcStatus.NCA_S_OP_RNG_ERROR.value()
                || f.status() == RpcStatus.RPC_S_PROCNUM_OUT_OF_RANGE.value());
    }

    // ------------------------------------------------------------------------------------------------ unmarshaling

    /**
     * Unmarshals an interface pointer returned by an ORPC call ([MS-DCOM] 3.2.4.1.2): an OBJREF_STANDARD, _HANDLER
     * or _EXTENDED becomes a proxy; an unknown OXID is resolved with ResolveOxid2 at the object resolver named in
     * the OBJREF (cached afterwards).
     *
     * @param pointer the MInterfacePointer
     * @param blanket the new proxy's blanket
     * @param host    the host the caller talks to: bindings with this address are tried first
     * @throws DcomException RPC_E_INVALID_OBJREF for a malformed or custom OBJREF, OR_INVALID_OXID, ...
     */
    public ComProxy unmarshal(MInterfacePointer pointer, SecurityBlanket blanket, String host) {
        return unmarshal(decode(pointer, "unmarshaling an interface pointer"), blanket, host);
    }

    /** As {@link #unmarshal(MInterfacePointer, SecurityBlanket, String)} for a decoded OBJREF. */
    public ComProxy unmarshal(ObjRef objRef, SecurityBlanket blanket, String host) {
        ensureOpen();
        SecurityBlanket b = blanket == null ? SecurityBlanket.DEFAULT : blanket;
        StdRef ref = standard(objRef, "unmarshaling an interface pointer");
        OxidEntry oxid = oxids.get(ref.std.oxid());
        if (oxid == null) {
            oxid = resolveOxid(ref, b.orElse(defaultBlanket), host);
        }
        return adopt(oxid, objRef.iid(), ref.std, b);
    }

    private record StdRef(StdObjRef std, DualStringArray saResAddr) {
    }

    private ObjRef decode(MInterfacePointer ip, String what) {
        try {
            return ip.objRef(unmarshalers, rpcConfig.limits());
        } catch (ProtocolException e) {
            throw new DcomException(DcomStatus.RPC_E_INVALID_OBJREF, what + ": " + e.getMessage(), e);
        }
    }

    private static StdRef standard(ObjRef o, String what) {
        if (o instanceof ObjRefStandard s) {
            return new StdRef(s.std(), s.saResAddr());
        }
        if (o instanceof ObjRefHandler h) {
            return new StdRef(h.std(), h.saResAddr());
        }
        if (o instanceof ObjRefExtended x) {
            return new StdRef(x.std(), x.saResAddr());
        }
        ObjRefCustom c = (ObjRefCustom) o;
        throw new DcomException(DcomStatus.RPC_E_INVALID_OBJREF, what + ": an OBJREF_CUSTOM (unmarshaler " + c.clsid()
                + ") is marshaled by value, not a proxy; decode it with the CustomUnmarshalerRegistry");
    }

    /**
     * OXID resolution ([MS-DCOM] 3.2.4.1.2.2): ResolveOxid2 at the resolver bindings of the OBJREF (those at
     * {@code host} first), at pktIntegrity or above; the result is cached in the OXID table.
     */
    private OxidEntry resolveOxid(StdRef ref, SecurityBlanket merged, String host) {
        long oxidValue = ref.std.oxid();
        OxidEntry known = oxids.get(oxidValue);
        if (known != null) {
            return known;
        }
        List<Endpoint> candidates = new ArrayList<>();
        List<Endpoint> others = new ArrayList<>();
        for (StringBinding s : ref.saResAddr.stringBindings()) {
            Endpoint.of(s, resolverPort).ifPresent(e -> (e.host().equalsIgnoreCase(host) ? candidates : others)
                    .add(e));
        }
        candidates.addAll(others);
        Endpoint dialled = new Endpoint(host, resolverPort);
        if (!candidates.contains(dialled)) {
            candidates.add(dialled);
        }
        String what = "ResolveOxid2 of OXID 0x" + Long.toHexString(oxidValue);
        DcomException last = null;
        for (Endpoint ep : candidates) {
            EffectiveSecurity sec = resolver.forResolver(merged, ref.saResAddr.securityBindings(), ep.host());
            ResolveOxid2Response r;
            byte[] req = new ResolveOxidRequest(oxidValue, List.of(DcomConstants.NCACN_IP_TCP)).encode();
            try (ConnectionPool.Lease l = pool.acquire(ep, sec)) {
                try {
                    r = Calls.call(l, Iids.IID_IOBJECTEXPORTER, DcomInterfaces.OP_RESOLVE_OXID2, req, null,
                            what + " at " + ep, ResolveOxid2Response::decode);
                } catch (DcomException e) {
                    if (!opnumOutOfRange(e)) {
                        throw e;
                    }
                    // a resolver before COM 5.2: ResolveOxid, and the server is 5.1 (3.2.4.1.2.2)
                    ResolveOxidResponse old = Calls.call(l, Iids.IID_IOBJECTEXPORTER, DcomInterfaces.OP_RESOLVE_OXID,
                            req, null, "ResolveOxid of OXID 0x" + Long.toHexString(oxidValue) + " at " + ep,
                            ResolveOxidResponse::decode);
                    r = new ResolveOxid2Response(old.ppdsaOxidBindings(), old.ipidRemUnknown(), old.authnHint(),
                            ComVersion.V5_1, old.errorStatus());
                }
            } catch (IOException e) {
                last = new DcomException(DcomStatus.RPC_S_SERVER_UNAVAILABLE, "cannot reach the object resolver at "
                        + ep + " (" + e.getMessage() + ")", e);
                continue;
            }
            if (r.errorStatus() != 0 || r.ppdsaOxidBindings() == null) {
                throw new DcomException(r.errorStatus() != 0 ? r.errorStatus() : DcomStatus.OR_INVALID_OXID.value(),
                        what + " at " + ep + " failed: the object exporter is unknown to its resolver (it may have"
                        + " exited, or its objects were released)");
            }
            OxidEntry e = new OxidEntry(oxidValue, r.ppdsaOxidBindings(), r.ipidRemUnknown(), r.authnHint(),
                    r.comVersion(), clientVersion, ep, host);
            OxidEntry prev = oxids.putIfAbsent(oxidValue, e);
            return prev == null ? e : prev;
        }
        throw last != null ? last : new DcomException(DcomStatus.OR_INVALID_OXID, what
                + ": the OBJREF names no ncacn_ip_tcp object resolver");
    }

    // ------------------------------------------------------------------------------------------------ proxies

    /**
     * Registers a proxy for an unmarshaled STDOBJREF ([MS-DCOM] 3.2.4.1.2.3.2): RemAddRef when it carries no public
     * reference (3.2.4.4), the OID into the ping set unless SORF_NOPING.
     */
    ComProxy adopt(OxidEntry oxid, UUID iid, StdObjRef std, SecurityBlanket blanket) {
        ComProxy p = new ComProxy(this, oxid, iid, std, blanket == null ? SecurityBlanket.DEFAULT : blanket);
        synchronized (live) {
            if (closed) {
                throw new IllegalStateException("the DcomClient is closed");
            }
            live.add(p);
        }
        if (p.pinged()) {
            SecurityBlanket merged = p.blanket().orElse(defaultBlanket);
            pinger.add(oxid.resolver, resolver.forResolver(merged, oxid.bindings.securityBindings(),
                    oxid.resolver.host()), p.oid());
        }
        if (std.cPublicRefs() == 0) {
            try {
                p.addRef(1);
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
        }
        return p;
    }

    /** Called by a proxy once released. */
    void forget(ComProxy p) {
        boolean removed;
        synchronized (live) {
            removed = live.remove(p);
        }
        if (removed && p.pinged()) {
            pinger.remove(p.oxidEntry().resolver, p.oid());
        }
    }

    /** Proxies not yet released. */
    public int liveProxies() {
        synchronized (live) {
            return live.size();
        }
    }

    /** Open RPC connections (to resolvers and exporters). */
    public int openConnections() {
        return pool.openConnections();
    }

    /**
     * Runs one ping round now (the timer does it every ping period): ComplexPing or SimplePing to every object
     * resolver this client holds objects of.
     */
    public void pingNow() {
        ensureOpen();
        pinger.round();
    }

    /** The OIDs the pinger keeps alive at the object resolver of {@code host} (resolver port of this client). */
    public Set<Long> pingedOids(String host) {
        return pinger.held(new Endpoint(host, resolverPort));
    }

    // ------------------------------------------------------------------------------------------------ internals

    SecurityResolver resolver() {
        return resolver;
    }

    ConnectionPool pool() {
        return pool;
    }

    Limits limits() {
        return rpcConfig.limits();
    }

    /** A new causality id ([MS-DCOM] 1.3.5) from the client's random source. */
    UUID newCid() {
        byte[] b = new byte[16];
        synchronized (random) {
            random.nextBytes(b);
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }

    private ConnectionPool.Lease acquire(Endpoint ep, EffectiveSecurity sec, String what) {
        try {
            return pool.acquire(ep, sec);
        } catch (IOException e) {
            throw new DcomException(DcomStatus.RPC_S_SERVER_UNAVAILABLE, what + ": cannot reach the object resolver at "
                    + ep + " (" + e.getMessage() + "); check the host, the port and that the server is running", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the DcomClient is closed");
        }
    }

    /**
     * Releases every proxy still held (RemRelease, failures logged), sends a last ping so the resolver drops the
     * OIDs, closes every connection and joins the ping thread. Idempotent.
     */
    @Override
    public void close() {
        List<ComProxy> toRelease;
        synchronized (live) {
            if (closed) {
                return;
            }
            closed = true;
            toRelease = new ArrayList<>(live);
        }
        for (ComProxy p : toRelease) {
            p.close();
        }
        pinger.close();
        pool.close();
    }

    /** Configures a {@link DcomClient}. */
    public static final class Builder {
        private SecurityBlanket defaultBlanket = SecurityBlanket.DEFAULT;
        private SecurityProviders providers = new SecurityProviders();
        private ClientConfig rpcConfig = ClientConfig.defaults();
        private int resolverPort = RESOLVER_PORT;
        private Duration pingPeriod = DEFAULT_PING_PERIOD;
        private ComVersion comVersion = CLIENT_VERSION;
        private boolean probeServerAlive = true;
        private String workstation = "JWMI";
        private Clock clock = Clock.systemUTC();
        private Random random = new SecureRandom();
        private CustomUnmarshalerRegistry unmarshalers = CustomUnmarshalerRegistry.withDcomDefaults();
        private String threadNamePrefix = "jwmi-dcom";
        private ConnectionPool.Connector connector = RpcConnection::connect;

        private Builder() {
        }

        /** The process-wide default blanket (CoInitializeSecurity); fields left default are negotiated. */
        public Builder defaultBlanket(SecurityBlanket blanket) {
            this.defaultBlanket = Objects.requireNonNull(blanket, "blanket");
            return this;
        }

        /** Registers a security provider under its RPC_C_AUTHN_* value (repeatable: NTLM now, others later). */
        public Builder securityProvider(SecurityProvider provider) {
            providers.register(provider);
            return this;
        }

        /**
         * Uses {@code table} as this client's table of security providers (shared: providers registered there later
         * are seen too), instead of a table of its own.
         */
        public Builder securityProviders(SecurityProviders table) {
            this.providers = Objects.requireNonNull(table, "table");
            return this;
        }

        /** Settings of the RPC connections (timeouts, limits, fragment size). */
        public Builder rpcConfig(ClientConfig config) {
            this.rpcConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * The TCP connect timeout and the longest wait for each PDU of a reply, over the current RPC settings (for
         * callers that do not configure the RPC layer themselves, such as a server calling a client back).
         */
        public Builder timeouts(Duration connect, Duration read) {
            this.rpcConfig = rpcConfig.withConnectTimeout(connect).withReadTimeout(read);
            return this;
        }

        /** The object resolver's port (135 on Windows; tests use an unprivileged one). */
        public Builder resolverPort(int port) {
            if (port <= 0 || port > 0xffff) {
                throw new IllegalArgumentException("port must be 1..65535");
            }
            this.resolverPort = port;
            return this;
        }

        /** The ping period ([MS-DCOM] 3.2.2: 2 minutes; must be shorter than the server's ping timeout). */
        public Builder pingPeriod(Duration period) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("the ping period must be positive");
            }
            this.pingPeriod = period;
            return this;
        }

        /** The COM version this client announces (5.7 by default; 5.6 at least for IRemoteSCMActivator). */
        public Builder comVersion(ComVersion version) {
            this.comVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Whether activation starts with ServerAlive2, as the spec asks (default true). */
        public Builder probeServerAlive(boolean probe) {
            this.probeServerAlive = probe;
            return this;
        }

        /** The workstation name NTLM announces. */
        public Builder workstation(String name) {
            this.workstation = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Randomness for causality ids and the security mechanisms. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The registry OBJREF_CUSTOM payloads are decoded with (must hold DCOM's defaults). */
        public Builder unmarshalers(CustomUnmarshalerRegistry registry) {
            this.unmarshalers = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Prefix of the client's thread name ({@code <prefix>-ping}). */
        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        Builder connector(ConnectionPool.Connector connector) {
            this.connector = connector;
            return this;
        }

        public DcomClient build() {
            unmarshalers.register(ActivationProperties.OUT_CODEC);
            return new DcomClient(this);
        }
    }

    @Override
    public String toString() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proxies", liveProxies());
        m.put("oxids", oxids.size());
        m.put("connections", openConnections());
        return "DcomClient" + m + (closed ? " (closed)" : "");
    }
}
