package org.jwmi.wmi.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-WMI] 3.1.4.2.1 IWbemObjectSink::Indicate (opnum 3), the [in] parameters; the response is an ORPCTHAT and
 * the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,                                               // implicit
 * [in] long lObjectCount,
 * [in, size_is(lObjectCount)] IWbemClassObject** apObjArray        // max_count, ptr ids, MInterfacePointers
 * </pre>
 *
 * @param orpcThis   ORPCTHIS
 * @param apObjArray the objects (lObjectCount is their number)
 */
public record IndicateRequest(OrpcThis orpcThis, List<MInterfacePointer> apObjArray) {

    public IndicateRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        apObjArray = Collections.unmodifiableList(new ArrayList<>(apObjArray));
    }

    public static IndicateRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static IndicateRequest decodeParams(NdrReader r, OrpcThis t) {
        int count = r.field("lObjectCount", NdrReader::i32);
        List<MInterfacePointer> objects = r.field("apObjArray", x -> {
            int max = x.maxCount();
            if (max != count) {
                throw x.fail(Kind.BAD_VALUE, "max_count " + max + " differs from lObjectCount " + count);
            }
            return x.struct(4, s -> s.elements(max, y -> y.uniquePtr(MInterfacePointer::decode)));
        });
        r.expectEnd();
        return new IndicateRequest(t, objects);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.i32(apObjArray.size());
        w.conformantArray(apObjArray, (x, m) -> x.uniquePtr(m, MInterfacePointer::encode));
    }

    public static IndicateRequest decode(byte[] stub) {
        return Mip.decode(stub, IndicateRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
