package org.jwmi.dcom.server;

import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.RemoteActivationRequest;
import org.jwmi.dcom.ops.RemoteActivationResponse;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;

/**
 * IActivation ([MS-DCOM] 3.1.2.5.2.1) on the endpoint-mapper port: RemoteActivation (0). Refusals are reported in
 * phr (error_status 0) with a NULL pointer and a zero result per requested interface, as the method's definition
 * requires; Mode 0xFFFFFFFF asks for the class object.
 */
final class ActivationService implements RpcService {

    private final Activator activator;

    ActivationService(Activator activator) {
        this.activator = activator;
    }

    @Override
    public SyntaxId syntax() {
        return DcomInterfaces.IACTIVATION;
    }

    @Override
    public String name() {
        return "IActivation";
    }

    @Override
    public byte[] invoke(CallContext call, int opnum, byte[] stub) {
        if (opnum != DcomInterfaces.OP_REMOTE_ACTIVATION) {
            throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "IActivation opnum " + opnum);
        }
        ObjectExporter exporter = activator.exporter();
        RemoteActivationRequest q = RemoteActivationRequest.decode(Codec.reader(stub, call.littleEndian(),
                exporter.config().limits()));
        int hr = activator.checkLevel(call);
        if (hr == 0) {
            hr = activator.checkVersion(q.orpcThis().version());
        }
        if (hr != 0) {
            return RemoteActivationResponse.failure(hr, q.interfaces(), exporter.config().comVersion()).encode();
        }
        Activator.Result result = activator.activate(call, q.clsid(), q.iids(), q.orpcThis().version(),
                q.mode() == RemoteActivationRequest.MODE_GET_CLASS_OBJECT);
        if (result.failed()) {
            return RemoteActivationResponse.failure(result.hr(), q.interfaces(), exporter.config().comVersion())
                    .encode();
        }
        return new RemoteActivationResponse(OrpcThat.EMPTY, exporter.oxid(), exporter.exporterBindings(call),
                exporter.ipidRemUnknown(), exporter.authnHint(), exporter.config().comVersion(), 0,
                result.interfaces(), result.results(), 0).encode();
    }
}
