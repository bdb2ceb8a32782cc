package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.8.1 IWbemLoginClientID::SetClientInfo (opnum 3), the [in] parameters; the response is an
 * ORPCTHAT and the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,                                  // implicit
 * [in, unique, string] LPWSTR wszClientMachine,
 * [in] long lClientProcId,
 * [in] long lReserved
 * </pre>
 */
public record SetClientInfoRequest(OrpcThis orpcThis, String wszClientMachine, int lClientProcId, int lReserved) {

    public SetClientInfoRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static SetClientInfoRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static SetClientInfoRequest decodeParams(NdrReader r, OrpcThis t) {
        String machine = r.field("wszClientMachine", x -> x.uniquePtr(NdrReader::stringW));
        int pid = r.field("lClientProcId", NdrReader::i32);
        int reserved = r.field("lReserved", NdrReader::i32);
        r.expectEnd();
        return new SetClientInfoRequest(t, machine, pid, reserved);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.uniquePtr(wszClientMachine, NdrWriter::stringW).i32(lClientProcId).i32(lReserved);
    }

    public static SetClientInfoRequest decode(byte[] stub) {
        return Mip.decode(stub, SetClientInfoRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
