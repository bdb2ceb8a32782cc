package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.3.6 IWbemServices::PutClass (opnum 8) and 3.1.4.3.12 PutInstance (opnum 14), the [in]
 * parameters; the response is a {@link CallResultResponse}.
 * <pre>
 * ORPCTHIS orpcthis,                                   // implicit
 * [in] IWbemClassObject* pObject | pInst,
 * [in] long lFlags,                                    // WBEM_CHANGE_FLAG_TYPE | WBEM_GENERIC_FLAG_TYPE bits
 * [in] IWbemContext* pCtx,
 * [out, in, unique] IWbemCallResult** ppCallResult
 * </pre>
 */
public record PutObjectRequest(OrpcThis orpcThis, MInterfacePointer pObject, int lFlags, MInterfacePointer pCtx,
                               InterfacePointerRef ppCallResult) {

    public PutObjectRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static PutObjectRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static PutObjectRequest decodeParams(NdrReader r, OrpcThis t) {
        PutObjectRequest q = decodeParamsAllowingTrailing(r, t);
        r.expectEnd();
        return q;
    }

    /**
     * The [in] parameters after ORPCTHIS, ignoring bytes after the last one, as Windows' NDR engine does: impacket
     * sends its [in, out, unique] IXxx** parameters as a pointer to an empty MInterfacePointer (12 bytes where the
     * IDL has 4), and Windows answers it. The server decodes with this method.
     */
    public static PutObjectRequest decodeParamsAllowingTrailing(NdrReader r, OrpcThis t) {
        MInterfacePointer obj = Mip.read(r, "pObject");
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        InterfacePointerRef result = r.field("ppCallResult", InterfacePointerRef::read);
        return new PutObjectRequest(t, obj, flags, ctx, result);
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
        InterfacePointerRef.write(w, ppCallResult);
    }

    public static PutObjectRequest decode(byte[] stub) {
        return Mip.decode(stub, PutObjectRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
