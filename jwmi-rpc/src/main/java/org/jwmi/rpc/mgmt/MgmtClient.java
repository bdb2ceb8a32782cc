package org.jwmi.rpc.mgmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.epm.ErrorStatusException;
import org.jwmi.rpc.epm.RpcIfId;
import org.jwmi.rpc.epm.StubCaller;

/**
 * A client of the remote management interface ([C706] Appendix Q, [MS-RPCE] 2.2.1.3), which every RPC server
 * offers on every endpoint.
 */
public final class MgmtClient {

    private final StubCaller caller;

    public MgmtClient(StubCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** A client over a binding to {@link Mgmt#SYNTAX}. */
    public MgmtClient(RpcBinding binding) {
        this(binding::call);
        if (!binding.syntax().equals(Mgmt.SYNTAX)) {
            throw new IllegalArgumentException("binding is for " + binding.syntax() + ", not mgmt");
        }
    }

    /** Binds {@link Mgmt#SYNTAX} on {@code connection}. */
    public static MgmtClient bind(RpcConnection connection, SecuritySpec security) {
        return new MgmtClient(connection.bind(Mgmt.SYNTAX, security));
    }

    /** rpc_mgmt_inq_if_ids: the interfaces the server offers. @throws ErrorStatusException on a non-zero status */
    public List<SyntaxId> inqIfIds() {
        RpcMgmtInqIfIdsResponse r = RpcMgmtInqIfIdsResponse.decode(
                caller.call(Mgmt.OP_RPC_MGMT_INQ_IF_IDS, new RpcMgmtInqIfIdsRequest().encode()));
        if (r.status() != 0) {
            throw new ErrorStatusException("rpc_mgmt_inq_if_ids", r.status());
        }
        List<SyntaxId> out = new ArrayList<>();
        for (RpcIfId id : r.ifIdVector().orElse(List.of())) {
            out.add(id.toSyntaxId());
        }
        return out;
    }

    /**
     * rpc_mgmt_inq_stats: calls in, calls out, packets in, packets out (indexes {@link Mgmt#RPC_C_STATS_CALLS_IN}
     * and following), as many as the server returns up to four.
     */
    public List<Long> inqStats() {
        RpcMgmtInqStatsResponse r = RpcMgmtInqStatsResponse.decode(caller.call(Mgmt.OP_RPC_MGMT_INQ_STATS,
                new RpcMgmtInqStatsRequest(Mgmt.RPC_C_STATS_ARRAY_MAX_SIZE).encode()));
        if (r.status() != 0) {
            throw new ErrorStatusException("rpc_mgmt_inq_stats", r.status());
        }
        return r.statistics();
    }

    /** rpc_mgmt_is_server_listening: TRUE with status 0. */
    public boolean isServerListening() {
        RpcMgmtIsServerListeningResponse r = RpcMgmtIsServerListeningResponse.decode(caller.call(
                Mgmt.OP_RPC_MGMT_IS_SERVER_LISTENING, new RpcMgmtIsServerListeningRequest().encode()));
        return r.status() == 0 && r.listening();
    }

    /** rpc_mgmt_stop_server_listening; returns the status (servers normally refuse with ERROR_ACCESS_DENIED). */
    public int stopServerListening() {
        return RpcMgmtStopServerListeningResponse.decode(caller.call(Mgmt.OP_RPC_MGMT_STOP_SERVER_LISTENING,
                new RpcMgmtStopServerListeningRequest().encode())).status();
    }

    /**
     * rpc_mgmt_inq_princ_name: the server's principal name for an RPC auth_type (10 = NTLM), empty if it has none
     * (RPC_S_UNKNOWN_AUTHN_SERVICE).
     *
     * @throws ErrorStatusException another non-zero status
     */
    public Optional<String> inqPrincName(int authnProto) {
        RpcMgmtInqPrincNameResponse r = RpcMgmtInqPrincNameResponse.decode(caller.call(
                Mgmt.OP_RPC_MGMT_INQ_PRINC_NAME,
                new RpcMgmtInqPrincNameRequest(authnProto, Mgmt.MAX_PRINC_NAME_SIZE).encode()));
        if (r.status() == Mgmt.RPC_S_UNKNOWN_AUTHN_SERVICE) {
            return Optional.empty();
        }
        if (r.status() != 0) {
            throw new ErrorStatusException("rpc_mgmt_inq_princ_name", r.status());
        }
        return Optional.of(r.princName());
    }
}
