package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.1.2 IWbemLevel1Login::RequestChallenge (opnum 4), the [in] parameters. The server MUST answer
 * WBEM_E_NOT_SUPPORTED.
 * <pre>
 * ORPCTHIS orpcthis,                          // implicit
 * [in, unique, string] wchar_t* reserved1,
 * [in, unique, string] wchar_t* reserved2
 * </pre>
 */
public record RequestChallengeRequest(OrpcThis orpcThis, String reserved1, String reserved2) {

    public RequestChallengeRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static RequestChallengeRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static RequestChallengeRequest decodeParams(NdrReader r, OrpcThis t) {
        String a = r.field("reserved1", x -> x.uniquePtr(NdrReader::stringW));
        String b = r.field("reserved2", x -> x.uniquePtr(NdrReader::stringW));
        r.expectEnd();
        return new RequestChallengeRequest(t, a, b);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.uniquePtr(reserved1, NdrWriter::stringW).uniquePtr(reserved2, NdrWriter::stringW);
    }

    public static RequestChallengeRequest decode(byte[] stub) {
        return Mip.decode(stub, RequestChallengeRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
