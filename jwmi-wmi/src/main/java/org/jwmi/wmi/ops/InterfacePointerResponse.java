package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * An ORPC response whose only [out] parameter is an interface pointer ({@code [out] IXxx** pp}: the outer [ref]
 * pointer has no wire form, the interface pointer is a unique pointer to an MInterfacePointer):
 * [MS-WMI] 3.1.4.1.3 WBEMLogin, 3.1.4.1.4 NTLMLogin (ppNamespace), 3.1.4.3.3 QueryObjectSink,
 * 3.1.4.3.10/16/18/20 CreateClassEnum, CreateInstanceEnum, ExecQuery, ExecNotificationQuery (ppEnum),
 * 3.1.4.4.4 Clone, 3.1.4.5.1 GetResultObject, 3.1.4.5.3 GetResultServices, 3.1.4.6.1 GetSmartEnum.
 * <pre>
 * ORPCTHAT orpcthat,     // implicit
 * [out] IXxx** pp,
 * HRESULT
 * </pre>
 *
 * @param orpcThat ORPCTHAT
 * @param pointer  the interface pointer (null on failure)
 * @param hresult  the method's HRESULT
 */
public record InterfacePointerResponse(OrpcThat orpcThat, MInterfacePointer pointer, int hresult) {

    public InterfacePointerResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
    }

    public static InterfacePointerResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static InterfacePointerResponse decodeResults(NdrReader r, OrpcThat t) {
        MInterfacePointer p = Mip.read(r, "pp");
        return new InterfacePointerResponse(t, p, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        Mip.write(w, pointer);
        w.i32(hresult);
    }

    public static InterfacePointerResponse decode(byte[] stub) {
        return Mip.decode(stub, InterfacePointerResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
