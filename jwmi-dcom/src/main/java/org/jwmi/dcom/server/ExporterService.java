package org.jwmi.dcom.server;

import java.util.UUID;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;

/** One COM interface (IID, version 0.0) on the exporter's RPC server; every call goes to the IPID table. */
final class ExporterService implements RpcService {

    private final ObjectExporter exporter;
    private final SyntaxId syntax;

    ExporterService(ObjectExporter exporter, UUID iid) {
        this.exporter = exporter;
        this.syntax = DcomInterfaces.of(iid);
    }

    @Override
    public SyntaxId syntax() {
        return syntax;
    }

    @Override
    public String name() {
        return "orpc " + syntax.uuid();
    }

    @Override
    public byte[] invoke(CallContext call, int opnum, byte[] stub) {
        return exporter.dispatch(call, opnum, stub);
    }
}
