package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.1.1 IWbemLevel1Login::EstablishPosition (opnum 3), the [in] parameters.
 * <pre>
 * ORPCTHIS orpcthis,                          // implicit
 * [in, unique, string] wchar_t* reserved1,    // NULL
 * [in] DWORD reserved2                        // 0
 * </pre>
 *
 * @param orpcThis  ORPCTHIS
 * @param reserved1 MUST be NULL (kept as received)
 * @param reserved2 MUST be 0 (kept as received)
 */
public record EstablishPositionRequest(OrpcThis orpcThis, String reserved1, int reserved2) {

    public EstablishPositionRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static EstablishPositionRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static EstablishPositionRequest decodeParams(NdrReader r, OrpcThis t) {
        String reserved1 = r.field("reserved1", x -> x.uniquePtr(NdrReader::stringW));
        int reserved2 = r.field("reserved2", NdrReader::i32);
        r.expectEnd();
        return new EstablishPositionRequest(t, reserved1, reserved2);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.uniquePtr(reserved1, NdrWriter::stringW).i32(reserved2);
    }

    public static EstablishPositionRequest decode(byte[] stub) {
        return Mip.decode(stub, EstablishPositionRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
