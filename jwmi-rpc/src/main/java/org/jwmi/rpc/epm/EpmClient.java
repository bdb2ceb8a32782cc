package org.jwmi.rpc.epm;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;

/**
 * A client of the endpoint mapper ([C706] Appendix O, [MS-RPCE] 2.2.1.2): lists the endpoint map and maps an
 * interface to its ncacn_ip_tcp endpoint.
 * <pre>
 * try (RpcConnection c = RpcConnection.connect("127.0.0.1", 135, ClientConfig.defaults())) {
 *     EpmClient epm = EpmClient.bind(c, SecuritySpec.none());
 *     for (EptEntry e : epm.lookupAll()) { ... }
 *     Optional&lt;InetSocketAddress&gt; wmi = epm.map(someInterface);
 * }
 * </pre>
 * Not thread-safe beyond what the underlying binding allows (calls on one connection are serialised).
 */
public final class EpmClient {

    /** ept_lookup page size (the largest [MS-RPCE] allows). */
    public static final int PAGE_SIZE = Epm.MAX_ENTRIES;
    /** Upper bound on pages fetched by one listing, against a server that never ends it. */
    public static final int MAX_PAGES = 10_000;

    private final StubCaller caller;
    private final InetAddress serverAddress;

    /**
     * @param caller        how to send a stub to the endpoint mapper
     * @param serverAddress the endpoint mapper's address, used where a tower carries the wildcard 0.0.0.0
     */
    public EpmClient(StubCaller caller, InetAddress serverAddress) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.serverAddress = Objects.requireNonNull(serverAddress, "serverAddress");
    }

    /** A client over a binding to {@link Epm#SYNTAX}. */
    public EpmClient(RpcBinding binding) {
        this(binding::call, binding.connection().remoteAddress().getAddress());
        if (!binding.syntax().equals(Epm.SYNTAX)) {
            throw new IllegalArgumentException("binding is for " + binding.syntax() + ", not the endpoint mapper");
        }
    }

    /** Binds {@link Epm#SYNTAX} on {@code connection} (usually unauthenticated, as Windows clients do). */
    public static EpmClient bind(RpcConnection connection, SecuritySpec security) {
        return new EpmClient(connection.bind(Epm.SYNTAX, security));
    }

    /** Every element of the endpoint map (RPC_C_EP_ALL_ELTS), fetched page by page. */
    public List<EptEntry> lookupAll() {
        return lookup(Epm.RPC_C_EP_ALL_ELTS, Optional.empty(), Optional.empty(), Epm.RPC_C_VERS_ALL);
    }

    /**
     * The elements matching an inquiry, fetched {@link #PAGE_SIZE} at a time until the server returns a NULL
     * entry_handle. An empty list when the server answers ept_s_not_registered.
     *
     * @throws ErrorStatusException         another non-zero status
     * @throws org.jwmi.rpc.RpcFaultException the server faulted
     * @throws org.jwmi.wire.ProtocolException the response does not decode
     */
    public List<EptEntry> lookup(int inquiryType, Optional<UUID> object, Optional<RpcIfId> ifid, int versOption) {
        List<EptEntry> out = new ArrayList<>();
        NdrContextHandle handle = NdrContextHandle.NULL;
        boolean done = false;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                EptLookupRequest req = new EptLookupRequest(inquiryType, object, ifid, versOption, handle, PAGE_SIZE);
                EptLookupResponse resp = EptLookupResponse.decode(caller.call(Epm.OP_EPT_LOOKUP, req.encode()));
                handle = resp.entryHandle();
                if (resp.status() == Epm.EPT_S_NOT_REGISTERED) {
                    done = handle.isNull();
                    return out;
                }
                if (resp.status() != Epm.STATUS_OK) {
                    throw new ErrorStatusException("ept_lookup", resp.status());
                }
                out.addAll(resp.entries());
                if (handle.isNull() || resp.entries().isEmpty()) {
                    done = handle.isNull();
                    return out;
                }
            }
            return out;
        } finally {
            if (!done && !handle.isNull()) {
                free(handle);
            }
        }
    }

    /**
     * The ncacn_ip_tcp towers registered for {@code iface} (compatible versions, NDR20), for {@code object} or any
     * object; at most {@code maxTowers}.
     */
    public List<ProtocolTower> mapTowers(SyntaxId iface, Optional<UUID> object, int maxTowers) {
        byte[] wildcard = {0, 0, 0, 0};
        ProtocolTower asked;
        try {
            asked = ProtocolTower.ncacnIpTcp(iface, SyntaxId.NDR20,
                    (java.net.Inet4Address) InetAddress.getByAddress(wildcard), 0);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        EptMapRequest req = new EptMapRequest(Optional.of(object.orElse(EndpointRegistry.NIL)),
                Optional.of(Twr.of(asked)), NdrContextHandle.NULL, maxTowers);
        EptMapResponse resp = EptMapResponse.decode(caller.call(Epm.OP_EPT_MAP, req.encode()));
        try {
            if (resp.status() == Epm.EPT_S_NOT_REGISTERED) {
                return List.of();
            }
            if (resp.status() != Epm.STATUS_OK) {
                throw new ErrorStatusException("ept_map", resp.status());
            }
            List<ProtocolTower> out = new ArrayList<>();
            for (Optional<Twr> t : resp.towers()) {
                if (t.isPresent()) {
                    out.add(t.get().tower());
                }
            }
            return out;
        } finally {
            if (!resp.entryHandle().isNull()) {
                free(resp.entryHandle());
            }
        }
    }

    /**
     * Where {@code iface} listens over TCP: the first tower's address and port; a wildcard address is replaced
     * by the endpoint mapper's own address. Empty when the interface is not registered.
     */
    public Optional<InetSocketAddress> map(SyntaxId iface) {
        for (ProtocolTower t : mapTowers(iface, Optional.empty(), 1)) {
            if (t.tcpPort().isPresent()) {
                InetAddress host = t.ipv4Address().<InetAddress>map(a -> a).filter(a -> !a.isAnyLocalAddress())
                        .orElse(serverAddress);
                return Optional.of(new InetSocketAddress(host, t.tcpPort().getAsInt()));
            }
        }
        return Optional.empty();
    }

    /** Releases a lookup handle (ept_lookup_handle_free); returns the status. */
    public int free(NdrContextHandle handle) {
        byte[] out = caller.call(Epm.OP_EPT_LOOKUP_HANDLE_FREE, new EptLookupHandleFreeRequest(handle).encode());
        return EptLookupHandleFreeResponse.decode(out).status();
    }
}
