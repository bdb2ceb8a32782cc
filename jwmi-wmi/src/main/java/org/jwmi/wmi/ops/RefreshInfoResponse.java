package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * The [out] parameters of [MS-WMI] 3.1.4.12.1-3 AddObjectToRefresher, AddObjectToRefresherByTemplate and
 * AddEnumToRefresher.
 * <pre>
 * ORPCTHAT orpcthat,                          // implicit
 * [out] _WBEM_REFRESH_INFO* pInfo,            // [ref]: the structure inline, its pointers' referents after it
 * [out] DWORD* pdwSvrRefrVersion,
 * HRESULT
 * </pre>
 */
public record RefreshInfoResponse(OrpcThat orpcThat, WbemRefreshInfo pInfo, int pdwSvrRefrVersion, int hresult) {

    public RefreshInfoResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        Objects.requireNonNull(pInfo, "pInfo");
    }

    public static RefreshInfoResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static RefreshInfoResponse decodeResults(NdrReader r, OrpcThat t) {
        WbemRefreshInfo info = r.field("pInfo", WbemRefreshInfo::decode);
        int version = r.field("pdwSvrRefrVersion", NdrReader::i32);
        return new RefreshInfoResponse(t, info, version, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        WbemRefreshInfo.encode(w, pInfo);
        w.i32(pdwSvrRefrVersion).i32(hresult);
    }

    public static RefreshInfoResponse decode(byte[] stub) {
        return Mip.decode(stub, RefreshInfoResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
