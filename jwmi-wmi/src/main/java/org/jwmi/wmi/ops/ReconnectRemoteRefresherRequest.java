package org.jwmi.wmi.ops;

import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-WMI] 3.1.4.12.6 IWbemRefreshingServices::ReconnectRemoteRefresher (opnum 8), the [in] parameters; the
 * response is a {@link ReconnectRemoteRefresherResponse}.
 * <pre>
 * ORPCTHIS orpcthis,                                                         // implicit
 * [in] _WBEM_REFRESHER_ID* pRefresherId,
 * [in] long lFlags,
 * [in] long lNumObjects,
 * [in] DWORD dwClientRefrVersion,
 * [in, size_is(lNumObjects)] _WBEM_RECONNECT_INFO* apReconnectInfo,          // max_count, structures, paths
 * [in, out, size_is(lNumObjects)] _WBEM_RECONNECT_RESULTS* apReconnectResults
 * </pre>
 * lNumObjects is the number of entries of both lists, which must have the same size.
 */
public record ReconnectRemoteRefresherRequest(OrpcThis orpcThis, WbemRefresherId pRefresherId, int lFlags,
                                              int dwClientRefrVersion, List<WbemReconnectInfo> apReconnectInfo,
                                              List<WbemReconnectResults> apReconnectResults) {

    public ReconnectRemoteRefresherRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(pRefresherId, "pRefresherId");
        apReconnectInfo = List.copyOf(apReconnectInfo);
        apReconnectResults = List.copyOf(apReconnectResults);
        if (apReconnectInfo.size() != apReconnectResults.size()) {
            throw new IllegalArgumentException("apReconnectInfo and apReconnectResults differ in size");
        }
    }

    public static ReconnectRemoteRefresherRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static ReconnectRemoteRefresherRequest decodeParams(NdrReader r, OrpcThis t) {
        WbemRefresherId id = r.field("pRefresherId", WbemRefresherId::decode);
        int flags = r.field("lFlags", NdrReader::i32);
        int count = r.field("lNumObjects", NdrReader::i32);
        int version = r.field("dwClientRefrVersion", NdrReader::i32);
        List<WbemReconnectInfo> infos = r.field("apReconnectInfo",
                x -> x.conformantArray(WbemReconnectInfo::decode));
        List<WbemReconnectResults> results = r.field("apReconnectResults",
                x -> x.conformantArray(WbemReconnectResults::decode));
        if (infos.size() != count || results.size() != count) {
            throw r.fail(Kind.BAD_VALUE, "array max_count differs from lNumObjects " + count);
        }
        r.expectEnd();
        return new ReconnectRemoteRefresherRequest(t, id, flags, version, infos, results);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        WbemRefresherId.encode(w, pRefresherId);
        w.i32(lFlags).i32(apReconnectInfo.size()).i32(dwClientRefrVersion);
        w.conformantArray(apReconnectInfo, WbemReconnectInfo::encode);
        w.conformantArray(apReconnectResults, WbemReconnectResults::encode);
    }

    public static ReconnectRemoteRefresherRequest decode(byte[] stub) {
        return Mip.decode(stub, ReconnectRemoteRefresherRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
