package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.12.4 IWbemRefreshingServices::RemoveObjectFromRefresher (opnum 6; response {@link Int32Response}
 * = pdwSvrRefrVersion) and 3.1.4.12.5 GetRemoteRefresher (opnum 7; response
 * {@link GetRemoteRefresherResponse}), the [in] parameters.
 * <pre>
 * ORPCTHIS orpcthis,                              // implicit
 * [in] _WBEM_REFRESHER_ID* pRefresherId,
 * [in] long lId,                                  // RemoveObjectFromRefresher only
 * [in] long lFlags,
 * [in] DWORD dwClientRefrVersion
 * </pre>
 *
 * @param lId the id to remove, or null for GetRemoteRefresher (which has no such parameter)
 */
public record RefresherCallRequest(OrpcThis orpcThis, WbemRefresherId pRefresherId, Integer lId, int lFlags,
                                   int dwClientRefrVersion) {

    public RefresherCallRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(pRefresherId, "pRefresherId");
    }

    /** RemoveObjectFromRefresher's parameters. */
    public static RefresherCallRequest decodeRemove(NdrReader r) {
        return decode(r, true);
    }

    /** GetRemoteRefresher's parameters. */
    public static RefresherCallRequest decodeGetRemote(NdrReader r) {
        return decode(r, false);
    }

    private static RefresherCallRequest decode(NdrReader r, boolean withId) {
        OrpcThis t = Mip.orpcThis(r);
        WbemRefresherId id = r.field("pRefresherId", WbemRefresherId::decode);
        Integer lId = withId ? r.field("lId", NdrReader::i32) : null;
        int flags = r.field("lFlags", NdrReader::i32);
        int version = r.field("dwClientRefrVersion", NdrReader::i32);
        r.expectEnd();
        return new RefresherCallRequest(t, id, lId, flags, version);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        WbemRefresherId.encode(w, pRefresherId);
        if (lId != null) {
            w.i32(lId);
        }
        w.i32(lFlags).i32(dwClientRefrVersion);
    }

    public static RefresherCallRequest decodeRemove(byte[] stub) {
        return Mip.decode(stub, RefresherCallRequest::decodeRemove);
    }

    public static RefresherCallRequest decodeGetRemote(byte[] stub) {
        return Mip.decode(stub, RefresherCallRequest::decodeGetRemote);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
