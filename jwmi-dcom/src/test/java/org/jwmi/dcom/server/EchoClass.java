package org.jwmi.dcom.server;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;

/**
 * A test class with two ORPC interfaces:
 * <pre>
 * [object, uuid(e40c0001-...)] interface IEcho : IUnknown { HRESULT Echo([in] long v, [out] long *r); }     // opnum 3
 * [object, uuid(e40c0002-...)] interface IEchoAgain : IUnknown { HRESULT Twice([in] long v, [out] long *r); } // 3
 * </pre>
 * Echo returns v (E_INVALIDARG for negative v), Twice returns 2v. Counts the instances created and released.
 */
final class EchoClass implements ComClassFactory {

    static final UUID CLSID = UUID.fromString("e40c0000-6a77-4d69-8000-0000000000c1");
    static final UUID IID_IECHO = UUID.fromString("e40c0001-6a77-4d69-8000-0000000000c1");
    static final UUID IID_IECHO_AGAIN = UUID.fromString("e40c0002-6a77-4d69-8000-0000000000c1");

    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();

    @Override
    public ComObject createInstance(ActivationContext ctx) {
        created.incrementAndGet();
        Map<UUID, OrpcDispatcher> map = Map.of(IID_IECHO, call -> method(call, 1), IID_IECHO_AGAIN,
                call -> method(call, 2));
        return new ComObject() {
            @Override
            public OrpcDispatcher queryInterface(UUID iid) {
                return map.get(iid);
            }

            @Override
            public void released() {
                released.incrementAndGet();
            }
        };
    }

    private static OrpcReply method(OrpcCall call, int factor) {
        if (call.opnum() != 3) {
            throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "opnum " + call.opnum());
        }
        NdrReader r = call.body();
        int v = r.i32();
        r.expectEnd();
        return OrpcReply.of(new NdrWriter().i32(v * factor).i32(v < 0 ? 0x80070057 : 0));
    }
}
