package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.2.2 IWbemObjectSink::SetStatus (opnum 4), the [in] parameters; the response is an ORPCTHAT and
 * the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,                    // implicit
 * [in] long lFlags,                     // WBEM_STATUS_TYPE
 * [in] HRESULT hResult,
 * [in] BSTR strParam,
 * [in] IWbemClassObject* pObjParam      // error object or NULL
 * </pre>
 */
public record SetStatusRequest(OrpcThis orpcThis, int lFlags, int hResult, String strParam,
                               MInterfacePointer pObjParam) {

    public SetStatusRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static SetStatusRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static SetStatusRequest decodeParams(NdrReader r, OrpcThis t) {
        int flags = r.field("lFlags", NdrReader::i32);
        int hr = r.field("hResult", NdrReader::i32);
        String param = r.field("strParam", Bstr::read);
        MInterfacePointer obj = Mip.read(r, "pObjParam");
        r.expectEnd();
        return new SetStatusRequest(t, flags, hr, param, obj);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.i32(lFlags).i32(hResult);
        Bstr.write(w, strParam);
        Mip.write(w, pObjParam);
    }

    public static SetStatusRequest decode(byte[] stub) {
        return Mip.decode(stub, SetStatusRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
