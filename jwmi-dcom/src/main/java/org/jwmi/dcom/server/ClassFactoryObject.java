package org.jwmi.dcom.server;

import java.util.List;
import java.util.UUID;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;

/**
 * The default class object: IClassFactory (00000001-0000-0000-c000-000000000046) over a {@link ComClassFactory}.
 * <pre>
 * HRESULT CreateInstance([in, unique] IUnknown *pUnkOuter, [in] REFIID riid, [out, iid_is(riid)] IUnknown **ppv); // 3
 * HRESULT LockServer([in] BOOL fLock);                                                                          // 4
 * </pre>
 * Aggregation (a non-NULL pUnkOuter) is refused with CLASS_E_NOAGGREGATION.
 */
final class ClassFactoryObject implements ComObject {

    static final int OP_CREATE_INSTANCE = 3;
    static final int OP_LOCK_SERVER = 4;

    private final ComClassFactory factory;
    private final ActivationContext activation;

    ClassFactoryObject(ComClassFactory factory, ActivationContext activation) {
        this.factory = factory;
        this.activation = activation;
    }

    @Override
    public OrpcDispatcher queryInterface(UUID iid) {
        return Iids.IID_ICLASSFACTORY.equals(iid) ? this::invoke : null;
    }

    private OrpcReply invoke(OrpcCall call) {
        NdrReader r = call.body();
        switch (call.opnum()) {
            case OP_CREATE_INSTANCE: {
                MInterfacePointer outer = r.field("pUnkOuter", s -> s.uniquePtr(MInterfacePointer::decode));
                UUID riid = r.field("riid", NdrReader::uuid);
                r.expectEnd();
                MInterfacePointer result = null;
                int hr;
                if (outer != null) {
                    hr = DcomStatus.CLASS_E_NOAGGREGATION.value();
                } else {
                    try {
                        ActivationContext ctx = new ActivationContext(call.context(), activation.clsid(), List.of(riid),
                                call.orpcThis().version(), false);
                        ComObject o = factory.createInstance(ctx);
                        result = call.exporter().marshal(o, riid, call.context());
                        hr = 0;
                    } catch (ComException e) {
                        hr = e.hresult();
                    }
                }
                NdrWriter w = new NdrWriter();
                w.uniquePtr(result, MInterfacePointer::encode).i32(hr);
                return OrpcReply.of(w);
            }
            case OP_LOCK_SERVER: {
                r.field("fLock", NdrReader::i32);
                r.expectEnd();
                return OrpcReply.of(new NdrWriter().i32(0));
            }
            default:
                throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "IClassFactory opnum "
                        + call.opnum());
        }
    }
}
