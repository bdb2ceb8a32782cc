package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-WMI] 3.1.4.1.2 IWbemLevel1Login::RequestChallenge (opnum 4), the [out] parameters.
 * <pre>
 * ORPCTHAT orpcthat,                                              // implicit
 * [out, size_is(16), length_is(16)] unsigned char* reserved3,     // [ref]: max_count 16, offset, actual
 * HRESULT
 * </pre>
 *
 * @param orpcThat  ORPCTHAT
 * @param reserved3 the transmitted elements (at most 16)
 * @param hresult   the method's HRESULT
 */
public record RequestChallengeResponse(OrpcThat orpcThat, byte[] reserved3, int hresult) {

    public RequestChallengeResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        Objects.requireNonNull(reserved3, "reserved3");
        if (reserved3.length > 16) {
            throw new IllegalArgumentException("reserved3 holds at most 16 bytes");
        }
    }

    public static RequestChallengeResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static RequestChallengeResponse decodeResults(NdrReader r, OrpcThat t) {
        byte[] data = r.field("reserved3", x -> {
            int max = x.maxByteCount();
            if (max != 16) {
                throw x.fail(Kind.BAD_VALUE, "max_count " + max + " is not 16");
            }
            return x.byteElements(x.varyingBounds(max).actualCount());
        });
        return new RequestChallengeResponse(t, data, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        w.maxCount(16).varyingBounds(0, reserved3.length).byteElements(reserved3).i32(hresult);
    }

    public static RequestChallengeResponse decode(byte[] stub) {
        return Mip.decode(stub, RequestChallengeResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
