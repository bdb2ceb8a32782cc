package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * An ORPC request with no [in] parameters but ORPCTHIS: [MS-WMI] 3.1.4.4.1 IEnumWbemClassObject::Reset,
 * 3.1.4.4.4 Clone, 3.1.4.6.1 IWbemFetchSmartEnum::GetSmartEnum, 3.1.4.11 IWbemBackupRestoreEx::Pause/Resume.
 *
 * @param orpcThis ORPCTHIS
 */
public record OrpcThisRequest(OrpcThis orpcThis) {

    public OrpcThisRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static OrpcThisRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static OrpcThisRequest decodeParams(NdrReader r, OrpcThis t) {
        r.expectEnd();
        return new OrpcThisRequest(t);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
    }

    public static OrpcThisRequest decode(byte[] stub) {
        return Mip.decode(stub, OrpcThisRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
