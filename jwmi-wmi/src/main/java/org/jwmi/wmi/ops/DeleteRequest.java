package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.3.8 IWbemServices::DeleteClass (opnum 10) and 3.1.4.3.14 DeleteInstance (opnum 16), the [in]
 * parameters; the response is a {@link CallResultResponse}.
 * <pre>
 * ORPCTHIS orpcthis,                                   // implicit
 * [in] const BSTR strClass | strObjectPath,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx,
 * [out, in, unique] IWbemCallResult** ppCallResult
 * </pre>
 */
public record DeleteRequest(OrpcThis orpcThis, String path, int lFlags, MInterfacePointer pCtx,
                            InterfacePointerRef ppCallResult) {

    public DeleteRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static DeleteRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static DeleteRequest decodeParams(NdrReader r, OrpcThis t) {
        DeleteRequest q = decodeParamsAllowingTrailing(r, t);
        r.expectEnd();
        return q;
    }

    /**
     * The [in] parameters after ORPCTHIS, ignoring bytes after the last one, as Windows' NDR engine does: impacket
     * sends its [in, out, unique] IXxx** parameters as a pointer to an empty MInterfacePointer (12 bytes where the
     * IDL has 4), and Windows answers it. The server decodes with this method.
     */
    public static DeleteRequest decodeParamsAllowingTrailing(NdrReader r, OrpcThis t) {
        String path = r.field("strPath", Bstr::read);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        InterfacePointerRef result = r.field("ppCallResult", InterfacePointerRef::read);
        return new DeleteRequest(t, path, flags, ctx, result);
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
        InterfacePointerRef.write(w, ppCallResult);
    }

    public static DeleteRequest decode(byte[] stub) {
        return Mip.decode(stub, DeleteRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
