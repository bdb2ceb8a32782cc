package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * An ORPC request whose only [in] parameter is a long: [MS-WMI] 3.1.4.3.3 IWbemServices::QueryObjectSink
 * (opnum 5, lFlags; response {@link InterfacePointerResponse}).
 * <pre>
 * ORPCTHIS orpcthis,     // implicit
 * [in] long lFlags
 * </pre>
 */
public record FlagsRequest(OrpcThis orpcThis, int lFlags) {

    public FlagsRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static FlagsRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static FlagsRequest decodeParams(NdrReader r, OrpcThis t) {
        int flags = r.field("lFlags", NdrReader::i32);
        r.expectEnd();
        return new FlagsRequest(t, flags);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.i32(lFlags);
    }

    public static FlagsRequest decode(byte[] stub) {
        return Mip.decode(stub, FlagsRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
