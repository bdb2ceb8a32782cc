package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.3.19 IWbemServices::ExecQueryAsync (opnum 21) and 3.1.4.3.21 ExecNotificationQueryAsync
 * (opnum 23), the [in] parameters; the response is an ORPCTHAT and the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,                              // implicit
 * [in] const BSTR strQueryLanguage,
 * [in] const BSTR strQuery,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx,
 * [in] IWbemObjectSink* pResponseHandler
 * </pre>
 */
public record AsyncQueryRequest(OrpcThis orpcThis, String strQueryLanguage, String strQuery, int lFlags,
                                MInterfacePointer pCtx, MInterfacePointer pResponseHandler) {

    public AsyncQueryRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static AsyncQueryRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static AsyncQueryRequest decodeParams(NdrReader r, OrpcThis t) {
        String lang = r.field("strQueryLanguage", Bstr::read);
        String query = r.field("strQuery", Bstr::read);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        MInterfacePointer sink = Mip.read(r, "pResponseHandler");
        r.expectEnd();
        return new AsyncQueryRequest(t, lang, query, flags, ctx, sink);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        Bstr.write(w, strQueryLanguage);
        Bstr.write(w, strQuery);
        w.i32(lFlags);
        Mip.write(w, pCtx);
        Mip.write(w, pResponseHandler);
    }

    public static AsyncQueryRequest decode(byte[] stub) {
        return Mip.decode(stub, AsyncQueryRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
