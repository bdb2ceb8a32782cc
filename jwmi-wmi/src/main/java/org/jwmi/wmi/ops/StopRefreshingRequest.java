package org.jwmi.wmi.ops;

import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-WMI] 3.1.4.13.2 IWbemRemoteRefresher::StopRefreshing (opnum 4), the [in] parameters; the response is an
 * ORPCTHAT and the HRESULT.
 * <pre>
 * ORPCTHIS orpcthis,                              // implicit
 * [in] long lNumIds,
 * [in, size_is(lNumIds)] long* aplIds,            // [ref]: max_count, longs
 * [in] long lFlags
 * </pre>
 */
public record StopRefreshingRequest(OrpcThis orpcThis, List<Integer> aplIds, int lFlags) {

    public StopRefreshingRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        aplIds = List.copyOf(aplIds);
    }

    public static StopRefreshingRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static StopRefreshingRequest decodeParams(NdrReader r, OrpcThis t) {
        int count = r.field("lNumIds", NdrReader::i32);
        List<Integer> ids = r.field("aplIds", x -> {
            int max = x.maxCount();
            if (max != count) {
                throw x.fail(Kind.BAD_VALUE, "max_count " + max + " differs from lNumIds " + count);
            }
            return x.fixedArray(max, NdrReader::i32);
        });
        int flags = r.field("lFlags", NdrReader::i32);
        r.expectEnd();
        return new StopRefreshingRequest(t, ids, flags);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.i32(aplIds.size()).conformantArray(aplIds, NdrWriter::i32).i32(lFlags);
    }

    public static StopRefreshingRequest decode(byte[] stub) {
        return Mip.decode(stub, StopRefreshingRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
