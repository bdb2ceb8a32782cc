package org.jwmi.wmi.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.VaryingBounds;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-WMI] 3.1.4.4.2 IEnumWbemClassObject::Next (opnum 4), the [out] parameters. The objects come with
 * WBEM_S_FALSE too when fewer than uCount remain.
 * <pre>
 * ORPCTHAT orpcthat,                                                          // implicit
 * [out, size_is(uCount), length_is(*puReturned)] IWbemClassObject** apObjects, // max_count, offset 0, actual,
 *                                                                             //  ptr ids, then MInterfacePointers
 * [out] ULONG* puReturned,                                                    // = actual
 * HRESULT
 * </pre>
 *
 * @param orpcThat  ORPCTHAT
 * @param uCount    the max_count sent (the request's uCount)
 * @param apObjects the returned objects (puReturned is their number; elements may be null only if the sender
 *                  sent NULL pointers)
 * @param hresult   WBEM_S_NO_ERROR, WBEM_S_FALSE, WBEM_S_TIMEDOUT or an error
 */
public record NextResponse(OrpcThat orpcThat, long uCount, List<MInterfacePointer> apObjects, int hresult) {

    public NextResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        apObjects = Collections.unmodifiableList(new ArrayList<>(apObjects));
        if (apObjects.size() > uCount || uCount > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("more objects than uCount, or uCount out of range");
        }
    }

    public static NextResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static NextResponse decodeResults(NdrReader r, OrpcThat t) {
        long[] max = new long[1];
        List<MInterfacePointer> objects = r.field("apObjects", x -> {
            // max_count is the request's uCount (any ULONG: nothing is allocated for it); actual_count is bounded
            // by the varying bounds and by the bytes that follow.
            long m = x.u32();
            max[0] = m;
            VaryingBounds b = x.varyingBounds((int) Math.min(m, Integer.MAX_VALUE));
            if (b.offset() != 0) {
                throw x.fail(Kind.BAD_VALUE, "offset " + b.offset() + " is not 0");
            }
            int n = b.actualCount();
            return x.struct(4, s -> s.elements(n, y -> y.uniquePtr(MInterfacePointer::decode)));
        });
        long returned = r.field("puReturned", NdrReader::u32);
        if (returned != objects.size()) {
            throw r.fail(Kind.BAD_VALUE, "puReturned " + returned + " differs from length_is " + objects.size());
        }
        return new NextResponse(t, max[0], objects, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        w.conformantVaryingArray((int) uCount, apObjects, (x, m) -> x.uniquePtr(m, MInterfacePointer::encode));
        w.u32(apObjects.size()).i32(hresult);
    }

    public static NextResponse decode(byte[] stub) {
        return Mip.decode(stub, NextResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
