package org.jwmi.dcom.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.OrpcStatusResponse;
import org.jwmi.dcom.ops.RemAddRefRequest;
import org.jwmi.dcom.ops.RemAddRefResponse;
import org.jwmi.dcom.ops.RemQueryInterfaceRequest;
import org.jwmi.dcom.ops.RemQueryInterfaceResponse;
import org.jwmi.dcom.ops.RemReleaseRequest;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRef;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.dcom.wire.RemQiResult;
import org.jwmi.dcom.wire.StdObjRef;
import org.jwmi.ndr.DataRepresentation;
import org.jwmi.ndr.NdrDecoder;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client-side interface pointer ([MS-DCOM] 3.2.1 IPID table entry): an IPID on an object of an object exporter,
 * the IID it implements, the public references this proxy holds, and the {@link SecurityBlanket} its calls run
 * under. A proxy = (IPID, IID, blanket, connection): the connection is taken from the client's pool for the
 * exporter and the effective security, and handed back on {@link #release()}.
 *
 * <p>Its blanket (set with {@link #setBlanket}, as CoSetProxyBlanket does) covers the interface's own methods and
 * also the IRemUnknown calls made on its behalf — {@link #queryInterface}, RemAddRef and {@link #release()} — so a
 * proxy that needs other credentials or a higher level needs no separate IUnknown blanket. Where the IUnknown must
 * differ, {@link #setUnknownBlanket} gives it its own (the step the SDK page "Setting Authentication Using C++"
 * describes for the IUnknown of a proxy). Fields left at default in a blanket come from the {@link DcomClient}'s
 * default blanket at each call.
 *
 * <p>Thread-safe. Calls on proxies that share a connection are serialised by the RPC layer.
 */
public final class ComProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComProxy.class);

    private final DcomClient client;
    private final OxidEntry oxid;
    private final UUID iid;
    private final UUID ipid;
    private final long oid;
    private final boolean pinged;
    private volatile SecurityBlanket blanket;
    /** The blanket of the proxy's IUnknown, if set apart from {@link #blanket}. */
    private volatile SecurityBlanket unknownBlanket;
    private final Object lock = new Object();
    private int publicRefs;
    private ConnectionPool.Lease lease;
    private boolean released;

    ComProxy(DcomClient client, OxidEntry oxid, UUID iid, StdObjRef std, SecurityBlanket blanket) {
        this.client = client;
        this.oxid = oxid;
        this.iid = Objects.requireNonNull(iid, "iid");
        this.ipid = std.ipid();
        this.oid = std.oid();
        this.pinged = !std.noPing();
        this.publicRefs = std.cPublicRefs();
        this.blanket = blanket;
    }

    /** The interface this proxy calls. */
    public UUID iid() {
        return iid;
    }

    /** The interface pointer identifier (the object UUID of every call). */
    public UUID ipid() {
        return ipid;
    }

    /** The object identifier (what pings keep alive). */
    public long oid() {
        return oid;
    }

    /** The object exporter identifier. */
    public long oxid() {
        return oxid.oxid;
    }

    /** The COM version the server reported. */
    public ComVersion serverVersion() {
        return oxid.serverVersion;
    }

    /** The COM version calls are made with (the lower of the client's and the server's). */
    public ComVersion comVersion() {
        return oxid.negotiated;
    }

    /** Whether the client pings the object (false when the server sent SORF_NOPING). */
    public boolean pinged() {
        return pinged;
    }

    /** Public references this proxy holds on the IPID. */
    public int publicRefs() {
        synchronized (lock) {
            return publicRefs;
        }
    }

    /** The blanket set on this proxy (fields at default fall back to the client's default blanket). */
    public SecurityBlanket blanket() {
        return blanket;
    }

    /**
     * CoSetProxyBlanket: calls through this proxy, and the IRemUnknown calls made for it, use {@code blanket} from
     * now on. A call already running keeps its connection; do not change the blanket while calls are in flight.
     */
    public void setBlanket(SecurityBlanket blanket) {
        this.blanket = blanket == null ? SecurityBlanket.DEFAULT : blanket;
    }

    /**
     * CoSetProxyBlanket on the proxy's IUnknown: the IRemUnknown calls made for this proxy (QueryInterface, AddRef,
     * Release) use {@code blanket} instead of the proxy's own; {@code null} makes them follow the proxy's blanket
     * again (the default).
     */
    public void setUnknownBlanket(SecurityBlanket blanket) {
        this.unknownBlanket = blanket;
    }

    /** The blanket the proxy's IUnknown calls use. */
    public SecurityBlanket unknownBlanket() {
        SecurityBlanket u = unknownBlanket;
        return u != null ? u : blanket;
    }

    /** The authentication level this proxy's calls use, with every default resolved. */
    public AuthLevel authnLevel() {
        return security().level();
    }

    public boolean isReleased() {
        synchronized (lock) {
            return released;
        }
    }

    // ------------------------------------------------------------------------------------------------ ORPC calls

    /**
     * Calls one of the interface's own methods ([MS-DCOM] 3.2.4.2): ORPCTHIS (the negotiated COM version, a new
     * causality id) is prepended to {@code params}, which must be the NDR20 little-endian [in] parameters encoded
     * as if starting at an 8-aligned offset; the reply's ORPCTHAT is decoded and returned with the rest.
     *
     * @param opnum the method's opnum (3 and up: 0-2 are IUnknown's and never sent)
     * @throws DcomException the call failed (fault, access denied, transport), with the status and what to change
     */
    public OrpcReply call(int opnum, byte[] params) {
        return call(opnum, w -> w.bytes(params));
    }

    /** As {@link #call(int, byte[])}, the [in] parameters written by {@code params} after ORPCTHIS. */
    public OrpcReply call(int opnum, Consumer<NdrWriter> params) {
        if (opnum < DcomInterfaces.FIRST_ORPC_OPNUM || opnum > 0xffff) {
            throw new IllegalArgumentException("opnum " + opnum + " is not an ORPC method of the interface (0-2 are"
                    + " IUnknown's: use queryInterface and release)");
        }
        NdrWriter w = new NdrWriter(DataRepresentation.LITTLE_ENDIAN, client.limits());
        OrpcThis.encode(w, orpcThis());
        params.accept(w);
        EffectiveSecurity sec = security();
        ConnectionPool.Lease l = lease(sec);
        String what = "the call to " + iid + " opnum " + opnum + " (IPID " + ipid + ")";
        return Calls.call(l, iid, opnum, w.toByteArray(), ipid, what, s -> OrpcReply.parse(s, client.limits()));
    }

    /**
     * A typed call: {@code params} writes the [in] parameters after ORPCTHIS, {@code results} reads the [out]
     * parameters and the return value after ORPCTHAT; nothing may follow them.
     */
    public <T> T call(int opnum, Consumer<NdrWriter> params, NdrDecoder<T> results) {
        OrpcReply reply = call(opnum, params);
        try {
            NdrReader r = reply.results();
            T v = results.decode(r);
            r.expectEnd();
            return v;
        } catch (org.jwmi.wire.ProtocolException e) {
            throw new DcomException(DcomStatus.RPC_X_BAD_STUB_DATA, "the reply to " + iid + " opnum " + opnum
                    + " is malformed: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ IUnknown

    /**
     * QueryInterface ([MS-DCOM] 3.2.4.4.3): IRemUnknown::RemQueryInterface for {@code iid}, under this proxy's
     * blanket. The new proxy starts with this proxy's blanket (Windows gives it the process default; every WMI
     * client then copies the blanket by hand, so we do it for them).
     *
     * @throws DcomException E_NOINTERFACE, or why the call failed
     */
    public ComProxy queryInterface(UUID iid) {
        return queryInterfaces(List.of(iid)).get(0).proxyOrThrow();
    }

    /** QueryInterface for several IIDs in one RemQueryInterface; one result per IID, in order. */
    public List<QiResult> queryInterfaces(List<UUID> iids) {
        if (iids.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one interface");
        }
        RemQueryInterfaceRequest req = new RemQueryInterfaceRequest(orpcThis(), ipid, 1, iids);
        RemQueryInterfaceResponse resp = remUnknown(DcomInterfaces.OP_REM_QUERY_INTERFACE, req.encode(),
                "RemQueryInterface", RemQueryInterfaceResponse::decode);
        if (resp.ppQIResults() == null) {
            throw failure(DcomStatus.failed(resp.hresult()) ? resp.hresult() : DcomStatus.E_NOINTERFACE.value(),
                    "RemQueryInterface on IPID " + ipid + " for " + iids);
        }
        if (resp.ppQIResults().size() != iids.size()) {
            throw new DcomException(DcomStatus.RPC_X_BAD_STUB_DATA, "RemQueryInterface returned "
                    + resp.ppQIResults().size() + " results for " + iids.size() + " IIDs");
        }
        List<QiResult> out = new ArrayList<>(iids.size());
        for (int i = 0; i < iids.size(); i++) {
            RemQiResult r = resp.ppQIResults().get(i);
            if (DcomStatus.failed(r.hResult())) {
                out.add(new QiResult(iids.get(i), r.hResult(), null));
            } else {
                out.add(new QiResult(iids.get(i), r.hResult(), client.adopt(oxid, iids.get(i), r.std(), blanket)));
            }
        }
        return out;
    }

    /**
     * Unmarshals an interface pointer this proxy's object returned ([MS-DCOM] 3.2.4.1.2): the new proxy starts with
     * this proxy's blanket, and the exporter's bindings matching this proxy's host are tried first.
     */
    public ComProxy unmarshal(MInterfacePointer pointer) {
        return client.unmarshal(pointer, blanket, oxid.dialledHost);
    }

    /** As {@link #unmarshal(MInterfacePointer)} for a decoded OBJREF. */
    public ComProxy unmarshal(ObjRef objRef) {
        return client.unmarshal(objRef, blanket, oxid.dialledHost);
    }

    /** RemAddRef for {@code count} more public references ([MS-DCOM] 3.2.4.4.1). */
    void addRef(int count) {
        RemAddRefRequest req = new RemAddRefRequest(orpcThis(), List.of(new RemInterfaceRef(ipid, count, 0)));
        RemAddRefResponse resp = remUnknown(DcomInterfaces.OP_REM_ADD_REF, req.encode(), "RemAddRef",
                RemAddRefResponse::decode);
        int hr = !resp.pResults().isEmpty() && DcomStatus.failed(resp.pResults().get(0)) ? resp.pResults().get(0)
                : resp.hresult();
        if (DcomStatus.failed(hr)) {
            throw failure(hr, "RemAddRef on IPID " + ipid);
        }
        synchronized (lock) {
            publicRefs += count;
        }
    }

    /**
     * Release ([MS-DCOM] 3.2.4.4.2): RemRelease of every public reference this proxy holds, under its blanket; the
     * OID leaves the ping set with the next ping round once no proxy holds it, and the connection is closed when
     * no proxy needs it. Idempotent; the proxy is unusable afterwards even if RemRelease fails.
     *
     * @throws DcomException RemRelease failed (the local state is released anyway)
     */
    public void release() {
        int refs;
        synchronized (lock) {
            if (released) {
                return;
            }
            refs = publicRefs;
        }
        try {
            if (refs > 0) {
                RemReleaseRequest req = new RemReleaseRequest(orpcThis(), List.of(new RemInterfaceRef(ipid, refs, 0)));
                OrpcStatusResponse resp = remUnknown(DcomInterfaces.OP_REM_RELEASE, req.encode(), "RemRelease",
                        OrpcStatusResponse::decode);
                if (DcomStatus.failed(resp.hresult())) {
                    throw failure(resp.hresult(), "RemRelease of IPID " + ipid);
                }
            }
        } finally {
            ConnectionPool.Lease l;
            synchronized (lock) {
                released = true;
                publicRefs = 0;
                l = lease;
                lease = null;
            }
            client.forget(this);
            if (l != null) {
                l.close();
            }
        }
    }

    /** {@link #release()}, logging instead of throwing. */
    @Override
    public void close() {
        try {
            release();
        } catch (RuntimeException e) {
            LOG.warn("release of {} failed: {}", this, e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    OxidEntry oxidEntry() {
        return oxid;
    }

    private <T> T remUnknown(int opnum, byte[] stub, String name, Calls.Decoder<T> decoder) {
        String what = name + " for IPID " + ipid;
        if (unknownBlanket == null) {
            return Calls.call(lease(security()), oxid.remUnknownIid(), opnum, stub, oxid.ipidRemUnknown, what, decoder);
        }
        try (ConnectionPool.Lease l = oxid.connect(client.pool(), security(unknownBlanket))) {
            return Calls.call(l, oxid.remUnknownIid(), opnum, stub, oxid.ipidRemUnknown, what, decoder);
        }
    }

    /** A failure HRESULT returned by an IRemUnknown method, with what to change. */
    private DcomException failure(int hr, String what) {
        return new DcomException(hr, what + " failed" + Calls.accessAdvice(hr, security(), false));
    }

    private OrpcThis orpcThis() {
        return OrpcThis.of(oxid.negotiated, client.newCid());
    }

    EffectiveSecurity security() {
        return security(blanket);
    }

    private EffectiveSecurity security(SecurityBlanket b) {
        SecurityBlanket merged = b.orElse(client.defaultBlanket());
        return client.resolver().forExporter(merged, oxid.bindings.securityBindings(), oxid.authnHint);
    }

    private ConnectionPool.Lease lease(EffectiveSecurity sec) {
        synchronized (lock) {
            if (released) {
                throw new IllegalStateException("this proxy (IPID " + ipid + ") has been released");
            }
            if (lease != null && lease.security().equals(sec)) {
                return lease;
            }
            ConnectionPool.Lease old = lease;
            lease = oxid.connect(client.pool(), sec);
            if (old != null) {
                old.close();
            }
            return lease;
        }
    }

    @Override
    public String toString() {
        return "ComProxy[iid=" + iid + ", ipid=" + ipid + ", oid=0x" + Long.toHexString(oid) + ", oxid=0x"
                + Long.toHexString(oxid.oxid) + (isReleased() ? ", released" : "") + "]";
    }
}
