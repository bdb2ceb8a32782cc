package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * The [out] parameters of [MS-WMI] 3.1.4.3.6 PutClass, 3.1.4.3.8 DeleteClass, 3.1.4.3.12 PutInstance and
 * 3.1.4.3.14 DeleteInstance.
 * <pre>
 * ORPCTHAT orpcthat,                                   // implicit
 * [out, in, unique] IWbemCallResult** ppCallResult,
 * HRESULT
 * </pre>
 */
public record CallResultResponse(OrpcThat orpcThat, InterfacePointerRef ppCallResult, int hresult) {

    public CallResultResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
    }

    public static CallResultResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static CallResultResponse decodeResults(NdrReader r, OrpcThat t) {
        InterfacePointerRef result = r.field("ppCallResult", InterfacePointerRef::read);
        return new CallResultResponse(t, result, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        InterfacePointerRef.write(w, ppCallResult);
        w.i32(hresult);
    }

    public static CallResultResponse decode(byte[] stub) {
        return Mip.decode(stub, CallResultResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
