package org.jwmi.dcom.server;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.wire.Limits;

/**
 * One ORPC call as an {@link OrpcDispatcher} sees it ([MS-DCOM] 3.1.1.5.4).
 *
 * @param context    the RPC call (caller, level, connection, the IPID in {@code object()})
 * @param opnum      the operation number (3 and up; 0-2 are IUnknown's and never arrive)
 * @param orpcThis   the decoded ORPCTHIS
 * @param stub       the whole request stub, ORPCTHIS included, in the byte order of {@code context.littleEndian()}
 * @param bodyOffset where the [in] parameters after ORPCTHIS start in {@code stub}
 * @param limits     the limits decoders should apply
 * @param exporter   the exporter, to marshal objects returned by the call
 * @param ipid       the IPID the call was made on
 * @param object     the object that owns the IPID
 */
public record OrpcCall(CallContext context, int opnum, OrpcThis orpcThis, byte[] stub, int bodyOffset, Limits limits,
                       ObjectExporter exporter, UUID ipid, ComObject object) {

    public OrpcCall {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(stub, "stub");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * A reader over the stub positioned at the first [in] parameter after ORPCTHIS; alignment is relative to the
     * start of the stub, the byte order is the request's.
     */
    public NdrReader body() {
        NdrReader r = Codec.reader(stub, context == null || context.littleEndian(), limits);
        OrpcThis.decode(r);
        return r;
    }

    /** The bytes after ORPCTHIS (a copy). */
    public byte[] bodyBytes() {
        return Arrays.copyOfRange(stub, bodyOffset, stub.length);
    }
}
