package org.jwmi.rpc.epm;

import org.jwmi.ndr.DataRepresentation;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.VaryingBounds;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;

/** Helpers shared by the endpoint mapper and management codecs and services. */
public final class EptCodec {

    private EptCodec() {
    }

    /** A u32 with a [range(0,max)] attribute; out of range fails with RANGE ([MS-RPCE] 2.2.4.14). */
    public static int range(NdrReader r, String what, int max) {
        long v = r.u32();
        if (v > max) {
            throw r.fail(ProtocolException.Kind.RANGE, what + " " + v + " outside [range(0," + max + ")]");
        }
        return (int) v;
    }

    /**
     * The bounds of a conformant varying array that is [length_is(n)]: offset 0 and actual_count equal to
     * {@code n} ([MS-RPCE] 3.1.1.5.3.2 varying correlation).
     */
    public static VaryingBounds lengthIs(NdrReader r, int maxCount, long n) {
        VaryingBounds b = r.varyingBounds(maxCount);
        if (b.offset() != 0) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "offset " + b.offset() + " must be 0");
        }
        if (b.actualCount() != n) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "actual_count " + b.actualCount() + " differs from " + n);
        }
        return b;
    }

    /** A reader over a request stub in the byte order the caller used. */
    public static NdrReader reader(CallContext call, byte[] stub, Limits limits) {
        DataRepresentation drep = call.littleEndian() ? DataRepresentation.LITTLE_ENDIAN
                : DataRepresentation.BIG_ENDIAN;
        return new NdrReader(stub, 0, stub.length, drep, limits);
    }

    /** The fault a server sends for a stub that does not decode ([MS-RPCE] 3.1.3.5.2). */
    public static RpcFaultException badStub(ProtocolException e) {
        return new RpcFaultException(RpcStatus.RPC_X_BAD_STUB_DATA.value(), e.getMessage());
    }

    /** The fault for an opnum the interface does not have. */
    public static RpcFaultException opRange(String iface, int opnum) {
        return new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, iface + " has no opnum " + opnum);
    }
}
