package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * The [in] parameters shared by [MS-WMI] 3.1.4.3.1 IWbemServices::OpenNamespace (opnum 3) and 3.1.4.3.4
 * GetObject (opnum 6): a BSTR, flags, a context and two [in, out, unique] interface-pointer pointers.
 * <pre>
 * ORPCTHIS orpcthis,                                                        // implicit
 * [in] const BSTR strNamespace | strObjectPath,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx,
 * [out, in, unique] IWbemServices** ppWorkingNamespace | IWbemClassObject** ppObject,
 * [out, in, unique] IWbemCallResult** ppResult | ppCallResult
 * </pre>
 *
 * @param orpcThis ORPCTHIS
 * @param path     strNamespace or strObjectPath
 * @param lFlags   WBEM_GENERIC_FLAG_TYPE bits
 * @param pCtx     IWbemContext or null
 * @param ppFirst  ppWorkingNamespace / ppObject (null = NULL outer pointer)
 * @param ppResult ppResult / ppCallResult (null = NULL outer pointer)
 */
public record PathRequest(OrpcThis orpcThis, String path, int lFlags, MInterfacePointer pCtx,
                          InterfacePointerRef ppFirst, InterfacePointerRef ppResult) {

    public PathRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static PathRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static PathRequest decodeParams(NdrReader r, OrpcThis t) {
        PathRequest q = decodeParamsAllowingTrailing(r, t);
        r.expectEnd();
        return q;
    }

    /**
     * The [in] parameters after ORPCTHIS, ignoring bytes after the last one, as Windows' NDR engine does: impacket
     * sends its [in, out, unique] IXxx** parameters as a pointer to an empty MInterfacePointer (12 bytes where the
     * IDL has 4), and Windows answers it. The server decodes with this method.
     */
    public static PathRequest decodeParamsAllowingTrailing(NdrReader r, OrpcThis t) {
        String path = r.field("strPath", Bstr::read);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        InterfacePointerRef first = r.field("ppFirst", InterfacePointerRef::read);
        InterfacePointerRef result = r.field("ppResult", InterfacePointerRef::read);
        return new PathRequest(t, path, flags, ctx, first, result);
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
        InterfacePointerRef.write(w, ppFirst);
        InterfacePointerRef.write(w, ppResult);
    }

    public static PathRequest decode(byte[] stub) {
        return Mip.decode(stub, PathRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
