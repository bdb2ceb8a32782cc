package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * The [in] parameters of the asynchronous [MS-WMI] 3.1.4.3 methods that take one BSTR: GetObjectAsync (opnum 7),
 * DeleteClassAsync (11), CreateClassEnumAsync (13), DeleteInstanceAsync (17), CreateInstanceEnumAsync (19). The
 * response is an ORPCTHAT and the HRESULT ({@link org.jwmi.dcom.ops.OrpcStatusResponse}); results go to the sink.
 * <pre>
 * ORPCTHIS orpcthis,                              // implicit
 * [in] const BSTR strObjectPath | strClass | strSuperclass,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx,
 * [in] IWbemObjectSink* pResponseHandler
 * </pre>
 */
public record AsyncPathRequest(OrpcThis orpcThis, String path, int lFlags, MInterfacePointer pCtx,
                               MInterfacePointer pResponseHandler) {

    public AsyncPathRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static AsyncPathRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static AsyncPathRequest decodeParams(NdrReader r, OrpcThis t) {
        String path = r.field("strPath", Bstr::read);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        MInterfacePointer sink = Mip.read(r, "pResponseHandler");
        r.expectEnd();
        return new AsyncPathRequest(t, path, flags, ctx, sink);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        Bstr.write(w, path);
        w.i32(lFlags);
        Mip.write(w, pCtx);
        Mip.write(w, pResponseHandler);
    }

    public static AsyncPathRequest decode(byte[] stub) {
        return Mip.decode(stub, AsyncPathRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
