package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.3.10 IWbemServices::CreateClassEnum (opnum 12) and 3.1.4.3.16 CreateInstanceEnum (opnum 18), the
 * [in] parameters; the response is an {@link InterfacePointerResponse} (ppEnum).
 * <pre>
 * ORPCTHIS orpcthis,                         // implicit
 * [in] const BSTR strSuperclass,
 * [in] long lFlags,
 * [in] IWbemContext* pCtx
 * </pre>
 */
public record CreateEnumRequest(OrpcThis orpcThis, String strSuperClass, int lFlags, MInterfacePointer pCtx) {

    public CreateEnumRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static CreateEnumRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static CreateEnumRequest decodeParams(NdrReader r, OrpcThis t) {
        String cls = r.field("strSuperClass", Bstr::read);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        r.expectEnd();
        return new CreateEnumRequest(t, cls, flags, ctx);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        Bstr.write(w, strSuperClass);
        w.i32(lFlags);
        Mip.write(w, pCtx);
    }

    public static CreateEnumRequest decode(byte[] stub) {
        return Mip.decode(stub, CreateEnumRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
