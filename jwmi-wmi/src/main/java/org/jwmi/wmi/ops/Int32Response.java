package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * An ORPC response with one [out] 32-bit value: [MS-WMI] 3.1.4.1.1 EstablishPosition ({@code [out] DWORD*
 * LocaleVersion}) and 3.1.4.5.4 IWbemCallResult::GetCallStatus ({@code [out] long* plStatus}).
 * <pre>
 * ORPCTHAT orpcthat,     // implicit
 * [out] DWORD* / long*   value,
 * HRESULT
 * </pre>
 *
 * @param orpcThat ORPCTHAT
 * @param value    LocaleVersion or plStatus
 * @param hresult  the method's HRESULT
 */
public record Int32Response(OrpcThat orpcThat, int value, int hresult) {

    public Int32Response {
        Objects.requireNonNull(orpcThat, "orpcThat");
    }

    public static Int32Response decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static Int32Response decodeResults(NdrReader r, OrpcThat t) {
        int v = r.field("value", NdrReader::i32);
        return new Int32Response(t, v, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        w.i32(value).i32(hresult);
    }

    public static Int32Response decode(byte[] stub) {
        return Mip.decode(stub, Int32Response::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
