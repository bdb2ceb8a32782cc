package org.jwmi.dcom.server;

import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.RemoteCreateInstanceRequest;
import org.jwmi.dcom.ops.RemoteGetClassObjectRequest;
import org.jwmi.dcom.ops.ScmActivationResponse;
import org.jwmi.dcom.wire.ActivationProperties;
import org.jwmi.dcom.wire.Clsids;
import org.jwmi.dcom.wire.CustomRemoteReplyScmInfo;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.InstantiationInfoData;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRef;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.PropsOutInfo;
import org.jwmi.dcom.wire.ScmReplyInfoData;
import org.jwmi.ndr.NdrReader;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * IRemoteSCMActivator ([MS-DCOM] 3.1.2.5.2.2) on the endpoint-mapper port: RemoteGetClassObject (3) and
 * RemoteCreateInstance (4). The activation properties must be an OBJREF_CUSTOM of CLSID_ActivationPropertiesIn
 * holding at least InstantiationInfoData; anything else does not decode and is answered with the fault
 * RPC_X_BAD_STUB_DATA. Refusals (hardening, version, unknown class, no interface) are the method's HRESULT with a
 * NULL ppActProperties. The reply holds PropsOutInfo then ScmReplyInfoData (the order Windows uses and impacket
 * relies on).
 */
final class ScmActivatorService implements RpcService {

    private final Activator activator;
    private final CustomUnmarshalerRegistry registry = CustomUnmarshalerRegistry.withDcomDefaults();

    ScmActivatorService(Activator activator) {
        this.activator = activator;
    }

    @Override
    public SyntaxId syntax() {
        return DcomInterfaces.IREMOTESCMACTIVATOR;
    }

    @Override
    public String name() {
        return "IRemoteSCMActivator";
    }

    @Override
    public byte[] invoke(CallContext call, int opnum, byte[] stub) {
        if (opnum != DcomInterfaces.OP_REMOTE_GET_CLASS_OBJECT && opnum != DcomInterfaces.OP_REMOTE_CREATE_INSTANCE) {
            throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "IRemoteSCMActivator opnum "
                    + opnum);
        }
        int refused = activator.checkLevel(call);
        if (refused != 0) {
            return ScmActivationResponse.failure(refused).encode();
        }
        NdrReader r = Codec.reader(stub, call.littleEndian(), activator.exporter().config().limits());
        OrpcThis orpcThis;
        MInterfacePointer props;
        if (opnum == DcomInterfaces.OP_REMOTE_CREATE_INSTANCE) {
            RemoteCreateInstanceRequest q = RemoteCreateInstanceRequest.decode(r);
            orpcThis = q.orpcThis();
            props = q.pActProperties();
        } else {
            RemoteGetClassObjectRequest q = RemoteGetClassObjectRequest.decode(r);
            orpcThis = q.orpcThis();
            props = q.pActProperties();
        }
        ActivationProperties in = activationProperties(props);
        InstantiationInfoData info = in.require(InstantiationInfoData.class);
        int hr = activator.checkVersion(orpcThis.version());
        if (hr == 0) {
            hr = activator.checkVersion(info.clientCOMVersion());
        }
        if (hr != 0) {
            return ScmActivationResponse.failure(hr).encode();
        }
        Activator.Result result = activator.activate(call, info.classId(), info.iids(), info.clientCOMVersion(),
                opnum == DcomInterfaces.OP_REMOTE_GET_CLASS_OBJECT);
        if (result.failed()) {
            return ScmActivationResponse.failure(result.hr()).encode();
        }
        ObjectExporter exporter = activator.exporter();
        PropsOutInfo propsOut = PropsOutInfo.of(info.iids(), result.results(), result.interfaces());
        ScmReplyInfoData reply = ScmReplyInfoData.of(new CustomRemoteReplyScmInfo(exporter.oxid(),
                exporter.exporterBindings(call), exporter.ipidRemUnknown(), exporter.authnHint(),
                exporter.config().comVersion()));
        ActivationProperties out = ActivationProperties.of(propsOut, reply);
        return new ScmActivationResponse(OrpcThat.EMPTY, MInterfacePointer.of(out.toObjRefOut()), 0).encode();
    }

    private ActivationProperties activationProperties(MInterfacePointer props) {
        if (props == null) {
            throw new ProtocolException(Kind.INVALID_POINTER, 0, "pActProperties", "pActProperties is NULL");
        }
        ObjRef o = props.objRef(registry, activator.exporter().config().limits());
        if (!(o instanceof ObjRefCustom c) || !Clsids.CLSID_ACTIVATIONPROPERTIESIN.equals(c.clsid())) {
            throw new ProtocolException(Kind.BAD_VALUE, 0, "pActProperties", "not an OBJREF_CUSTOM of "
                    + "CLSID_ActivationPropertiesIn");
        }
        return c.objectData(ActivationProperties.class).orElseThrow(() -> new ProtocolException(Kind.BAD_VALUE, 0,
                "pActProperties", "the activation properties did not decode"));
    }

}
