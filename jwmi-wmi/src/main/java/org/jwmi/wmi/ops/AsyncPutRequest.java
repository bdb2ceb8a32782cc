package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.3.7 IWbemServices::PutClassAsync (opnum 9) and 3.1.4.3.13 PutInstanceAsync (opnum 15), the [in]
 * parameters; the response is an ORPCTHAT and the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,                              // implicit
 * [in] IWbemClassObject* pObject | pInst,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx,
 * [in] IWbemObjectSink* pResponseHandler
 * </pre>
 */
public record AsyncPutRequest(OrpcThis orpcThis, MInterfacePointer pObject, int lFlags, MInterfacePointer pCtx,
                              MInterfacePointer pResponseHandler) {

    public AsyncPutRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static AsyncPutRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static AsyncPutRequest decodeParams(NdrReader r, OrpcThis t) {
        MInterfacePointer obj = Mip.read(r, "pObject");
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        MInterfacePointer sink = Mip.read(r, "pResponseHandler");
        r.expectEnd();
        return new AsyncPutRequest(t, obj, flags, ctx, sink);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        Mip.write(w, pObject);
        w.i32(lFlags);
        Mip.write(w, pCtx);
        Mip.write(w, pResponseHandler);
    }

    public static AsyncPutRequest decode(byte[] stub) {
        return Mip.decode(stub, AsyncPutRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
