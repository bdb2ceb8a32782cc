package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * The [out] parameters of [MS-WMI] 3.1.4.3.1 OpenNamespace (ppWorkingNamespace, ppResult), 3.1.4.3.4 GetObject
 * (ppObject, ppCallResult) and 3.1.4.3.22 ExecMethod (ppOutParams, ppCallResult): two [out, in, unique]
 * pointers to interface pointers, then the HRESULT.
 * <pre>
 * ORPCTHAT orpcthat,                          // implicit
 * [out, in, unique] IXxx** ppFirst,           // outer ptr id, inner ptr id, MInterfacePointer
 * [out, in, unique] IWbemCallResult** ppResult,
 * HRESULT
 * </pre>
 */
public record TwoPointerResponse(OrpcThat orpcThat, InterfacePointerRef ppFirst, InterfacePointerRef ppResult,
                                 int hresult) {

    public TwoPointerResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
    }

    public MInterfacePointer first() {
        return InterfacePointerRef.valueOf(ppFirst);
    }

    public MInterfacePointer result() {
        return InterfacePointerRef.valueOf(ppResult);
    }

    public static TwoPointerResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static TwoPointerResponse decodeResults(NdrReader r, OrpcThat t) {
        InterfacePointerRef first = r.field("ppFirst", InterfacePointerRef::read);
        InterfacePointerRef result = r.field("ppResult", InterfacePointerRef::read);
        return new TwoPointerResponse(t, first, result, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        InterfacePointerRef.write(w, ppFirst);
        InterfacePointerRef.write(w, ppResult);
        w.i32(hresult);
    }

    public static TwoPointerResponse decode(byte[] stub) {
        return Mip.decode(stub, TwoPointerResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
