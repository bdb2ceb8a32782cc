package org.jwmi.wmi.ops;

import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.12.6 IWbemRefreshingServices::ReconnectRemoteRefresher (opnum 8), the [out] parameters.
 * <pre>
 * ORPCTHAT orpcthat,                                                          // implicit
 * [in, out, size_is(lNumObjects)] _WBEM_RECONNECT_RESULTS* apReconnectResults, // max_count, structures
 * [out] DWORD* pdwSvrRefrVersion,
 * HRESULT
 * </pre>
 * The caller checks that the number of results is the request's lNumObjects.
 */
public record ReconnectRemoteRefresherResponse(OrpcThat orpcThat, List<WbemReconnectResults> apReconnectResults,
                                               int pdwSvrRefrVersion, int hresult) {

    public ReconnectRemoteRefresherResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        apReconnectResults = List.copyOf(apReconnectResults);
    }

    public static ReconnectRemoteRefresherResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static ReconnectRemoteRefresherResponse decodeResults(NdrReader r, OrpcThat t) {
        List<WbemReconnectResults> results = r.field("apReconnectResults",
                x -> x.conformantArray(WbemReconnectResults::decode));
        int version = r.field("pdwSvrRefrVersion", NdrReader::i32);
        return new ReconnectRemoteRefresherResponse(t, results, version, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        w.conformantArray(apReconnectResults, WbemReconnectResults::encode);
        w.i32(pdwSvrRefrVersion).i32(hresult);
    }

    public static ReconnectRemoteRefresherResponse decode(byte[] stub) {
        return Mip.decode(stub, ReconnectRemoteRefresherResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
