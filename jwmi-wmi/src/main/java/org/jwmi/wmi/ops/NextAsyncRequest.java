package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.4.3 IEnumWbemClassObject::NextAsync (opnum 5), the [in] parameters; the response is an ORPCTHAT
 * and the HRESULT ({@link org.jwmi.dcom.ops.OrpcStatusResponse}).
 * <pre>
 * ORPCTHIS orpcthis,            // implicit
 * [in] ULONG uCount,
 * [in] IWbemObjectSink* pSink
 * </pre>
 */
public record NextAsyncRequest(OrpcThis orpcThis, long uCount, MInterfacePointer pSink) {

    public NextAsyncRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        if (uCount < 0 || uCount > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("uCount out of ULONG range");
        }
    }

    public static NextAsyncRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static NextAsyncRequest decodeParams(NdrReader r, OrpcThis t) {
        long count = r.field("uCount", NdrReader::u32);
        MInterfacePointer sink = Mip.read(r, "pSink");
        r.expectEnd();
        return new NextAsyncRequest(t, count, sink);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.u32(uCount);
        Mip.write(w, pSink);
    }

    public static NextAsyncRequest decode(byte[] stub) {
        return Mip.decode(stub, NextAsyncRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
