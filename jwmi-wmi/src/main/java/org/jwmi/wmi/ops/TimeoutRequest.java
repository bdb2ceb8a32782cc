package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.5 IWbemCallResult::GetResultObject, GetResultString, GetResultServices, GetCallStatus
 * (opnums 3..6): the [in] parameters.
 * <pre>
 * ORPCTHIS orpcthis,     // implicit
 * [in] long lTimeout
 * </pre>
 *
 * @param orpcThis ORPCTHIS
 * @param lTimeout milliseconds, WBEM_INFINITE (-1) or WBEM_NO_WAIT (0)
 */
public record TimeoutRequest(OrpcThis orpcThis, int lTimeout) {

    public TimeoutRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static TimeoutRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static TimeoutRequest decodeParams(NdrReader r, OrpcThis t) {
        int timeout = r.field("lTimeout", NdrReader::i32);
        r.expectEnd();
        return new TimeoutRequest(t, timeout);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.i32(lTimeout);
    }

    public static TimeoutRequest decode(byte[] stub) {
        return Mip.decode(stub, TimeoutRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
