package org.jwmi.rpc.epm;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.epm.EndpointRegistry.Endpoint;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint mapper ([C706] Appendix O, [MS-RPCE] 2.2.1.2) answering from an {@link EndpointRegistry}.
 * <ul>
 *   <li>ept_lookup: by inquiry type and version option, paged with entry_handle.</li>
 *   <li>ept_map: the ncacn_ip_tcp towers of the interface named by floor 1 of map_tower (same UUID and major
 *       version, minor version at least the requested one), NDR20 transfer syntax only; entries registered for
 *       the requested object first, then those registered for any object.</li>
 *   <li>ept_lookup_handle_free.</li>
 *   <li>ept_insert, ept_delete, ept_inq_object, ept_mgmt_delete: refused with a fault EPT_S_CANT_PERFORM_OP, as
 *       Windows after Server 2003 does ([MS-RPCE] product notes 28-31); the map is only changed locally.</li>
 * </ul>
 * A stub that does not decode is answered with RPC_X_BAD_STUB_DATA ([MS-RPCE] 3.1.3.5.2).
 */
public final class EpmService implements RpcService {

    private static final Logger LOG = LoggerFactory.getLogger(EpmService.class);

    /** Default bound on open lookup handles. */
    public static final int DEFAULT_MAX_HANDLES = 1024;

    private final EndpointRegistry registry;
    private final Limits limits;
    private final LookupHandles handles;

    /** An endpoint mapper with a {@link SecureRandom} for handles, default limits and handle bound. */
    public EpmService(EndpointRegistry registry) {
        this(registry, new SecureRandom(), Limits.DEFAULT, DEFAULT_MAX_HANDLES);
    }

    /**
     * @param registry   the map to answer from
     * @param random     the source of context handle UUIDs
     * @param limits     decoding limits for request stubs
     * @param maxHandles how many lookup handles may be open at once (least recently used dropped beyond)
     */
    public EpmService(EndpointRegistry registry, RandomGenerator random, Limits limits, int maxHandles) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.handles = new LookupHandles(Objects.requireNonNull(random, "random"), maxHandles);
    }

    @Override
    public SyntaxId syntax() {
        return Epm.SYNTAX;
    }

    @Override
    public String name() {
        return "epm";
    }

    /** How many lookup handles are open (for tests and monitoring). */
    public int openHandles() {
        return handles.size();
    }

    @Override
    public byte[] invoke(CallContext call, int opnum, byte[] stub) {
        try {
            switch (opnum) {
                case Epm.OP_EPT_INSERT, Epm.OP_EPT_DELETE, Epm.OP_EPT_INQ_OBJECT, Epm.OP_EPT_MGMT_DELETE:
                    throw new RpcFaultException(Epm.EPT_S_CANT_PERFORM_OP, "the endpoint map is not remotely writable");
                case Epm.OP_EPT_LOOKUP:
                    return lookup(call, EptLookupRequest.decode(reader(call, stub))).encode();
                case Epm.OP_EPT_MAP:
                    return map(call, EptMapRequest.decode(reader(call, stub))).encode();
                case Epm.OP_EPT_LOOKUP_HANDLE_FREE:
                    return free(call, EptLookupHandleFreeRequest.decode(reader(call, stub))).encode();
                default:
                    throw EptCodec.opRange("epm", opnum);
            }
        } catch (ProtocolException e) {
            LOG.debug("epm: undecodable opnum {} request from {}: {}", opnum, call.remote(), e.getMessage());
            throw EptCodec.badStub(e);
        }
    }

    private NdrReader reader(CallContext call, byte[] stub) {
        return EptCodec.reader(call, stub, limits);
    }

    // ------------------------------------------------------------------------------------------------ ept_lookup

    EptLookupResponse lookup(CallContext call, EptLookupRequest req) {
        LookupHandles.Page<EptEntry> page;
        if (req.entryHandle().isNull()) {
            List<EptEntry> all = new ArrayList<>();
            for (Endpoint e : registry.endpoints()) {
                if (lookupMatches(req, e)) {
                    all.add(new EptEntry(e.objectOrNil(), Optional.of(Twr.of(e.tower(reachedVia(call)))),
                            e.annotation()));
                }
            }
            page = handles.first(LookupHandles.Kind.LOOKUP, call.assocGroupId(), all, req.maxEnts());
        } else {
            page = handles.next(req.entryHandle(), LookupHandles.Kind.LOOKUP, call.assocGroupId(), req.maxEnts());
        }
        int status = page.items().isEmpty() && page.handle().isNull() ? Epm.EPT_S_NOT_REGISTERED : Epm.STATUS_OK;
        LOG.debug("epm: ept_lookup from {} type {} -> {} entries, more {}", call.remote(), req.inquiryType(),
                page.items().size(), !page.handle().isNull());
        return new EptLookupResponse(page.handle(), req.maxEnts(), page.items(), status);
    }

    static boolean lookupMatches(EptLookupRequest req, Endpoint e) {
        UUID object = req.object().orElse(EndpointRegistry.NIL);
        switch (req.inquiryType()) {
            case Epm.RPC_C_EP_MATCH_BY_IF:
                return interfaceMatches(req, e);
            case Epm.RPC_C_EP_MATCH_BY_OBJ:
                return e.objectOrNil().equals(object);
            case Epm.RPC_C_EP_MATCH_BY_BOTH:
                return interfaceMatches(req, e) && e.objectOrNil().equals(object);
            default:
                // RPC_C_EP_ALL_ELTS, and any other value ([MS-RPCE] product note 25)
                return true;
        }
    }

    private static boolean interfaceMatches(EptLookupRequest req, Endpoint e) {
        if (req.ifid().isEmpty()) {
            return false;
        }
        RpcIfId want = req.ifid().get();
        SyntaxId have = e.iface();
        if (!have.uuid().equals(want.uuid())) {
            return false;
        }
        int hMaj = have.versionMajor();
        int hMin = have.versionMinor();
        switch (req.versOption()) {
            case Epm.RPC_C_VERS_ALL:
                return true;
            case Epm.RPC_C_VERS_COMPATIBLE:
                return hMaj == want.versMajor() && hMin >= want.versMinor();
            case Epm.RPC_C_VERS_EXACT:
                return hMaj == want.versMajor() && hMin == want.versMinor();
            case Epm.RPC_C_VERS_MAJOR_ONLY:
                return hMaj == want.versMajor();
            case Epm.RPC_C_VERS_UPTO:
                return hMaj < want.versMajor() || (hMaj == want.versMajor() && hMin <= want.versMinor());
            default:
                return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ ept_map

    EptMapResponse map(CallContext call, EptMapRequest req) {
        LookupHandles.Page<Twr> page;
        if (req.entryHandle().isNull()) {
            List<Twr> all = mapMatches(call, req);
            page = handles.first(LookupHandles.Kind.MAP, call.assocGroupId(), all, req.maxTowers());
        } else {
            page = handles.next(req.entryHandle(), LookupHandles.Kind.MAP, call.assocGroupId(), req.maxTowers());
        }
        int status = page.items().isEmpty() && page.handle().isNull() ? Epm.EPT_S_NOT_REGISTERED : Epm.STATUS_OK;
        List<Optional<Twr>> towers = new ArrayList<>(page.items().size());
        for (Twr t : page.items()) {
            towers.add(Optional.of(t));
        }
        LOG.debug("epm: ept_map from {} -> {} towers, status 0x{}", call.remote(), towers.size(),
                Integer.toHexString(status));
        return new EptMapResponse(page.handle(), req.maxTowers(), towers, status);
    }

    private List<Twr> mapMatches(CallContext call, EptMapRequest req) {
        if (req.mapTower().isEmpty()) {
            return List.of();
        }
        ProtocolTower asked = req.mapTower().get().tower();   // ProtocolException -> RPC_X_BAD_STUB_DATA
        Optional<SyntaxId> iface = asked.interfaceId();
        Optional<SyntaxId> transfer = asked.transferSyntax();
        if (iface.isEmpty() || transfer.isEmpty()
                || !transfer.get().uuid().equals(SyntaxId.NDR20.uuid())
                || transfer.get().versionMajor() != SyntaxId.NDR20.versionMajor()
                || asked.rpcProtocol().orElse(-1) != ProtocolTower.PROTOCOL_NCACN
                || asked.floors().size() < 4 || asked.floors().get(3).protocolId() != ProtocolTower.PROTOCOL_TCP) {
            return List.of();
        }
        SyntaxId want = iface.get();
        UUID obj = req.obj().orElse(EndpointRegistry.NIL);
        List<Twr> exact = new ArrayList<>();
        List<Twr> any = new ArrayList<>();
        for (Endpoint e : registry.endpoints()) {
            SyntaxId have = e.iface();
            if (e.protocol() != EndpointRegistry.Protocol.NCACN_IP_TCP || !have.uuid().equals(want.uuid())
                    || have.versionMajor() != want.versionMajor() || have.versionMinor() < want.versionMinor()) {
                continue;
            }
            Twr t = Twr.of(e.tower(reachedVia(call)));
            if (e.object().isEmpty()) {
                any.add(t);
            } else if (e.object().get().equals(obj)) {
                exact.add(t);
            }
        }
        exact.addAll(any);
        return exact;
    }

    // ------------------------------------------------------------------------------------------------ handle free

    EptLookupHandleFreeResponse free(CallContext call, EptLookupHandleFreeRequest req) {
        if (!req.entryHandle().isNull() && !handles.close(req.entryHandle(), call.assocGroupId())) {
            throw new RpcFaultException(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH.value(),
                    "unknown entry_handle");
        }
        return new EptLookupHandleFreeResponse(NdrContextHandle.NULL, Epm.STATUS_OK);
    }

    private static Optional<InetAddress> reachedVia(CallContext call) {
        return call.local() == null ? Optional.empty() : Optional.ofNullable(call.local().getAddress());
    }
}
