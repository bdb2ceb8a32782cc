package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.3.22 IWbemServices::ExecMethod (opnum 24), the [in] parameters; the response is a
 * {@link TwoPointerResponse} (ppOutParams, ppCallResult).
 * <pre>
 * ORPCTHIS orpcthis,                                      // implicit
 * [in] const BSTR strObjectPath,
 * [in] const BSTR strMethodName,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx,
 * [in] IWbemClassObject* pInParams,
 * [out, in, unique] IWbemClassObject** ppOutParams,
 * [out, in, unique] IWbemCallResult** ppCallResult
 * </pre>
 */
public record ExecMethodRequest(OrpcThis orpcThis, String strObjectPath, String strMethodName, int lFlags,
                                MInterfacePointer pCtx, MInterfacePointer pInParams,
                                InterfacePointerRef ppOutParams, InterfacePointerRef ppCallResult) {

    public ExecMethodRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static ExecMethodRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static ExecMethodRequest decodeParams(NdrReader r, OrpcThis t) {
        ExecMethodRequest q = decodeParamsAllowingTrailing(r, t);
        r.expectEnd();
        return q;
    }

    /**
     * The [in] parameters after ORPCTHIS, ignoring bytes after the last one, as Windows' NDR engine does: impacket
     * sends its [in, out, unique] IXxx** parameters as a pointer to an empty MInterfacePointer (12 bytes where the
     * IDL has 4), and Windows answers it. The server decodes with this method.
     */
    public static ExecMethodRequest decodeParamsAllowingTrailing(NdrReader r, OrpcThis t) {
        String path = r.field("strObjectPath", Bstr::read);
        String method = r.field("strMethodName", Bstr::read);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        MInterfacePointer in = Mip.read(r, "pInParams");
        InterfacePointerRef out = r.field("ppOutParams", InterfacePointerRef::read);
        InterfacePointerRef result = r.field("ppCallResult", InterfacePointerRef::read);
        return new ExecMethodRequest(t, path, method, flags, ctx, in, out, result);
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
        InterfacePointerRef.write(w, ppOutParams);
        InterfacePointerRef.write(w, ppCallResult);
    }

    public static ExecMethodRequest decode(byte[] stub) {
        return Mip.decode(stub, ExecMethodRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
