package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.3.18 IWbemServices::ExecQuery (opnum 20) and 3.1.4.3.20 ExecNotificationQuery (opnum 22), the
 * [in] parameters; the response is an {@link InterfacePointerResponse} (ppEnum).
 * <pre>
 * ORPCTHIS orpcthis,                    // implicit
 * [in] const BSTR strQueryLanguage,     // "WQL"
 * [in] const BSTR strQuery,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx
 * </pre>
 */
public record ExecQueryRequest(OrpcThis orpcThis, String strQueryLanguage, String strQuery, int lFlags,
                               MInterfacePointer pCtx) {

    public ExecQueryRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static ExecQueryRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static ExecQueryRequest decodeParams(NdrReader r, OrpcThis t) {
        String lang = r.field("strQueryLanguage", Bstr::read);
        String query = r.field("strQuery", Bstr::read);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        r.expectEnd();
        return new ExecQueryRequest(t, lang, query, flags, ctx);
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
    }

    public static ExecQueryRequest decode(byte[] stub) {
        return Mip.decode(stub, ExecQueryRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
