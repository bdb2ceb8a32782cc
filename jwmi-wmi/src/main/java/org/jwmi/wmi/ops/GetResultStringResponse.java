package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.5.2 IWbemCallResult::GetResultString (opnum 4), the [out] parameters.
 * <pre>
 * ORPCTHAT orpcthat,                  // implicit
 * [out] BSTR* pstrResultString,       // outer [ref]: a BSTR (unique ptr id + FLAGGED_WORD_BLOB)
 * HRESULT
 * </pre>
 */
public record GetResultStringResponse(OrpcThat orpcThat, String pstrResultString, int hresult) {

    public GetResultStringResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
    }

    public static GetResultStringResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static GetResultStringResponse decodeResults(NdrReader r, OrpcThat t) {
        String s = r.field("pstrResultString", Bstr::read);
        return new GetResultStringResponse(t, s, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        Bstr.write(w, pstrResultString);
        w.i32(hresult);
    }

    public static GetResultStringResponse decode(byte[] stub) {
        return Mip.decode(stub, GetResultStringResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
