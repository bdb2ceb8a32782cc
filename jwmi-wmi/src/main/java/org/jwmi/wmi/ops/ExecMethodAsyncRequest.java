package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.3.23 IWbemServices::ExecMethodAsync (opnum 25), the [in] parameters; the response is an
 * ORPCTHAT and the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,                              // implicit
 * [in] const BSTR strObjectPath,
 * [in] const BSTR strMethodName,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx,
 * [in] IWbemClassObject* pInParams,
 * [in] IWbemObjectSink* pResponseHandler
 * </pre>
 */
public record ExecMethodAsyncRequest(OrpcThis orpcThis, String strObjectPath, String strMethodName, int lFlags,
                                     MInterfacePointer pCtx, MInterfacePointer pInParams,
                                     MInterfacePointer pResponseHandler) {

    public ExecMethodAsyncRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static ExecMethodAsyncRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static ExecMethodAsyncRequest decodeParams(NdrReader r, OrpcThis t) {
        String path = r.field("strObjectPath", Bstr::read);
        String method = r.field("strMethodName", Bstr::read);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        MInterfacePointer in = Mip.read(r, "pInParams");
        MInterfacePointer sink = Mip.read(r, "pResponseHandler");
        r.expectEnd();
        return new ExecMethodAsyncRequest(t, path, method, flags, ctx, in, sink);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        Bstr.write(w, strObjectPath);
        Bstr.write(w, strMethodName);
        w.i32(lFlags);
        Mip.write(w, pCtx);
        Mip.write(w, pInParams);
        Mip.write(w, pResponseHandler);
    }

    public static ExecMethodAsyncRequest decode(byte[] stub) {
        return Mip.decode(stub, ExecMethodAsyncRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
