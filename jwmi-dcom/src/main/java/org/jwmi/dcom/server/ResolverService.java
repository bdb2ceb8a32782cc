package org.jwmi.dcom.server;

import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.ops.ComplexPingRequest;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.EmptyRequest;
import org.jwmi.dcom.ops.ResolveOxid2Response;
import org.jwmi.dcom.ops.ResolveOxidRequest;
import org.jwmi.dcom.ops.ResolveOxidResponse;
import org.jwmi.dcom.ops.ServerAlive2Response;
import org.jwmi.dcom.ops.SimplePingRequest;
import org.jwmi.dcom.ops.StatusResponse;
import org.jwmi.ndr.NdrReader;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IObjectExporter ([MS-DCOM] 3.1.2.5.1) on the endpoint-mapper port: OXID resolution for this server's one
 * exporter (any other OXID: OR_INVALID_OXID), ping sets, aliveness. ServerAlive and ServerAlive2 need no
 * permission; the bindings ServerAlive2 returns carry no endpoints and start with the address the client dialled.
 */
final class ResolverService implements RpcService {

    private static final Logger LOG = LoggerFactory.getLogger(ResolverService.class);

    private final ObjectExporter exporter;

    ResolverService(ObjectExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public SyntaxId syntax() {
        return DcomInterfaces.IOBJECTEXPORTER;
    }

    @Override
    public String name() {
        return "IObjectExporter";
    }

    @Override
    public byte[] invoke(CallContext call, int opnum, byte[] stub) {
        NdrReader r = Codec.reader(stub, call.littleEndian(), exporter.config().limits());
        switch (opnum) {
            case DcomInterfaces.OP_RESOLVE_OXID: {
                ResolveOxidRequest q = ResolveOxidRequest.decode(r);
                if (q.oxid() != exporter.oxid()) {
                    return ResolveOxidResponse.failure(DcomStatus.OR_INVALID_OXID.value()).encode();
                }
                return new ResolveOxidResponse(exporter.exporterBindings(call), exporter.ipidRemUnknown(),
                        exporter.authnHint(), 0).encode();
            }
            case DcomInterfaces.OP_SIMPLE_PING: {
                SimplePingRequest q = SimplePingRequest.decode(r);
                int status = exporter.simplePing(q.setId());
                if (status != 0) {
                    LOG.debug("SimplePing from {} for unknown set {}", call.remote(), Long.toUnsignedString(q.setId(),
                            16));
                }
                return new StatusResponse(status).encode();
            }
            case DcomInterfaces.OP_COMPLEX_PING:
                return exporter.complexPing(ComplexPingRequest.decode(r)).encode();
            case DcomInterfaces.OP_SERVER_ALIVE:
                EmptyRequest.decode(r);
                return new StatusResponse(0).encode();
            case DcomInterfaces.OP_RESOLVE_OXID2: {
                ResolveOxidRequest q = ResolveOxidRequest.decode(r);
                if (q.oxid() != exporter.oxid()) {
                    return ResolveOxid2Response.failure(DcomStatus.OR_INVALID_OXID.value()).encode();
                }
                return new ResolveOxid2Response(exporter.exporterBindings(call), exporter.ipidRemUnknown(),
                        exporter.authnHint(), exporter.config().comVersion(), 0).encode();
            }
            case DcomInterfaces.OP_SERVER_ALIVE2:
                EmptyRequest.decode(r);
                return new ServerAlive2Response(exporter.config().comVersion(), exporter.resolverBindings(call), 0, 0)
                        .encode();
            default:
                throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "IObjectExporter opnum "
                        + opnum);
        }
    }
}
