package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

import java.util.UUID;

/**
 * [MS-WMI] 3.1.4.12.5 IWbemRefreshingServices::GetRemoteRefresher (opnum 7), the [out] parameters.
 * <pre>
 * ORPCTHAT orpcthat,                                   // implicit
 * [out] IWbemRemoteRefresher** ppRemRefresher,
 * [out] GUID* pGuid,
 * [out] DWORD* pdwSvrRefrVersion,
 * HRESULT
 * </pre>
 */
public record GetRemoteRefresherResponse(OrpcThat orpcThat, MInterfacePointer ppRemRefresher, UUID pGuid,
                                         int pdwSvrRefrVersion, int hresult) {

    public GetRemoteRefresherResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        Objects.requireNonNull(pGuid, "pGuid");
    }

    public static GetRemoteRefresherResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static GetRemoteRefresherResponse decodeResults(NdrReader r, OrpcThat t) {
        MInterfacePointer refresher = Mip.read(r, "ppRemRefresher");
        UUID guid = r.field("pGuid", NdrReader::uuid);
        int version = r.field("pdwSvrRefrVersion", NdrReader::i32);
        return new GetRemoteRefresherResponse(t, refresher, guid, version, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        Mip.write(w, ppRemRefresher);
        w.uuid(pGuid).i32(pdwSvrRefrVersion).i32(hresult);
    }

    public static GetRemoteRefresherResponse decode(byte[] stub) {
        return Mip.decode(stub, GetRemoteRefresherResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
