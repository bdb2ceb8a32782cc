package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.4.2 IEnumWbemClassObject::Next (opnum 4) and 3.1.4.4.5 Skip (opnum 7), the [in] parameters
 * (Skip's second parameter is nCount).
 * <pre>
 * ORPCTHIS orpcthis,     // implicit
 * [in] long lTimeout,
 * [in] ULONG uCount
 * </pre>
 *
 * @param orpcThis ORPCTHIS
 * @param lTimeout milliseconds, WBEM_INFINITE (-1) or WBEM_NO_WAIT (0)
 * @param uCount   unsigned 32-bit count
 */
public record NextRequest(OrpcThis orpcThis, int lTimeout, long uCount) {

    public NextRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        if (uCount < 0 || uCount > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("uCount out of ULONG range");
        }
    }

    public static NextRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static NextRequest decodeParams(NdrReader r, OrpcThis t) {
        int timeout = r.field("lTimeout", NdrReader::i32);
        long count = r.field("uCount", NdrReader::u32);
        r.expectEnd();
        return new NextRequest(t, timeout, count);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.i32(lTimeout).u32(uCount);
    }

    public static NextRequest decode(byte[] stub) {
        return Mip.decode(stub, NextRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
