package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * An ORPC request whose only [in] parameter is an interface pointer: [MS-WMI] 3.1.4.3.2
 * IWbemServices::CancelAsyncCall (opnum 4, {@code [in] IWbemObjectSink* pSink}). The response is an ORPCTHAT and
 * the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,           // implicit
 * [in] IWbemObjectSink* pSink
 * </pre>
 */
public record SinkRequest(OrpcThis orpcThis, MInterfacePointer pSink) {

    public SinkRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static SinkRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static SinkRequest decodeParams(NdrReader r, OrpcThis t) {
        MInterfacePointer sink = Mip.read(r, "pSink");
        r.expectEnd();
        return new SinkRequest(t, sink);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        Mip.write(w, pSink);
    }

    public static SinkRequest decode(byte[] stub) {
        return Mip.decode(stub, SinkRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
