package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.9.1 IWbemLoginHelper::SetEvent (opnum 3), the [in] parameters; the response is an ORPCTHAT and
 * the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,               // implicit
 * [in] LPCSTR sEventToSet          // top-level [ref, string] char*: no pointer id
 * </pre>
 */
public record SetEventRequest(OrpcThis orpcThis, String sEventToSet) {

    public SetEventRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(sEventToSet, "sEventToSet");
    }

    public static SetEventRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static SetEventRequest decodeParams(NdrReader r, OrpcThis t) {
        String event = r.field("sEventToSet", NdrReader::stringA);
        r.expectEnd();
        return new SetEventRequest(t, event);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.stringA(sEventToSet);
    }

    public static SetEventRequest decode(byte[] stub) {
        return Mip.decode(stub, SetEventRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
