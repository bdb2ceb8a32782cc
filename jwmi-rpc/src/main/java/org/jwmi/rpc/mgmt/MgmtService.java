package org.jwmi.rpc.mgmt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jwmi.ndr.NdrReader;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.epm.EptCodec;
import org.jwmi.rpc.epm.RpcIfId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;
import org.jwmi.rpc.server.ServerView;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote management interface ([C706] Appendix Q, [MS-RPCE] 2.2.1.3), answering from the
 * {@link ServerView} of the server executing the call:
 * <ul>
 *   <li>rpc_mgmt_inq_if_ids: the interfaces registered with the server, in registration order;</li>
 *   <li>rpc_mgmt_inq_stats: calls in, calls out, packets in, packets out (at most as many as asked);</li>
 *   <li>rpc_mgmt_is_server_listening: TRUE;</li>
 *   <li>rpc_mgmt_stop_server_listening: refused with ERROR_ACCESS_DENIED in status (a server is stopped by its
 *       owner, never remotely);</li>
 *   <li>rpc_mgmt_inq_princ_name: the server's principal name for the authentication service asked,
 *       RPC_S_UNKNOWN_AUTHN_SERVICE if it has none.</li>
 * </ul>
 * A stub that does not decode is answered with RPC_X_BAD_STUB_DATA ([MS-RPCE] 3.1.3.5.2).
 */
public final class MgmtService implements RpcService {

    private static final Logger LOG = LoggerFactory.getLogger(MgmtService.class);

    private final Limits limits;

    public MgmtService() {
        this(Limits.DEFAULT);
    }

    public MgmtService(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public SyntaxId syntax() {
        return Mgmt.SYNTAX;
    }

    @Override
    public String name() {
        return "mgmt";
    }

    @Override
    public byte[] invoke(CallContext call, int opnum, byte[] stub) {
        try {
            NdrReader r = EptCodec.reader(call, stub, limits);
            switch (opnum) {
                case Mgmt.OP_RPC_MGMT_INQ_IF_IDS:
                    RpcMgmtInqIfIdsRequest.decode(r);
                    return inqIfIds(call.server()).encode();
                case Mgmt.OP_RPC_MGMT_INQ_STATS:
                    return inqStats(call.server(), RpcMgmtInqStatsRequest.decode(r)).encode();
                case Mgmt.OP_RPC_MGMT_IS_SERVER_LISTENING:
                    RpcMgmtIsServerListeningRequest.decode(r);
                    return new RpcMgmtIsServerListeningResponse(0, true).encode();
                case Mgmt.OP_RPC_MGMT_STOP_SERVER_LISTENING:
                    RpcMgmtStopServerListeningRequest.decode(r);
                    LOG.warn("mgmt: refused rpc_mgmt_stop_server_listening from {} ({})", call.remote(),
                            call.peer().map(Object::toString).orElse("anonymous"));
                    return new RpcMgmtStopServerListeningResponse(Mgmt.ERROR_ACCESS_DENIED).encode();
                case Mgmt.OP_RPC_MGMT_INQ_PRINC_NAME:
                    return inqPrincName(call.server(), RpcMgmtInqPrincNameRequest.decode(r)).encode();
                default:
                    throw EptCodec.opRange("mgmt", opnum);
            }
        } catch (ProtocolException e) {
            LOG.debug("mgmt: undecodable opnum {} request from {}: {}", opnum, call.remote(), e.getMessage());
            throw EptCodec.badStub(e);
        }
    }

    static RpcMgmtInqIfIdsResponse inqIfIds(ServerView server) {
        List<RpcIfId> ids = new ArrayList<>();
        for (SyntaxId s : server.interfaces()) {
            ids.add(RpcIfId.of(s));
        }
        return new RpcMgmtInqIfIdsResponse(Optional.of(ids), 0);
    }

    static RpcMgmtInqStatsResponse inqStats(ServerView server, RpcMgmtInqStatsRequest req) {
        long[] stats = server.stats();
        int n = Math.min(req.count(), Math.min(Mgmt.RPC_C_STATS_ARRAY_MAX_SIZE, stats.length));
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(stats[i] & 0xffffffffL);   // unsigned long counters wrap
        }
        return new RpcMgmtInqStatsResponse(out, 0);
    }

    static RpcMgmtInqPrincNameResponse inqPrincName(ServerView server, RpcMgmtInqPrincNameRequest req) {
        int size = req.princNameSize();
        Optional<String> name = server.principalName(req.authnProto());
        if (name.isEmpty()) {
            return new RpcMgmtInqPrincNameResponse(size, "", Mgmt.RPC_S_UNKNOWN_AUTHN_SERVICE);
        }
        String ansi = new String(name.get().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        if (ansi.length() + 1 > size) {
            return new RpcMgmtInqPrincNameResponse(size, "", Mgmt.ERROR_INSUFFICIENT_BUFFER);
        }
        return new RpcMgmtInqPrincNameResponse(size, ansi, 0);
    }
}
