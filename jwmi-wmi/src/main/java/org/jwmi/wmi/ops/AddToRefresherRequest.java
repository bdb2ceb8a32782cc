package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.12.1 IWbemRefreshingServices::AddObjectToRefresher (opnum 3) and 3.1.4.12.3 AddEnumToRefresher
 * (opnum 5), the [in] parameters; the response is a {@link RefreshInfoResponse}.
 * <pre>
 * ORPCTHIS orpcthis,                                 // implicit
 * [in] _WBEM_REFRESHER_ID* pRefresherId,             // [ref]: the structure inline
 * [in, string] LPCWSTR wszPath | wszClass,           // [ref]: no pointer id
 * [in] long lFlags,
 * [in] IWbemContext* pContext,
 * [in] DWORD dwClientRefrVersion
 * </pre>
 */
public record AddToRefresherRequest(OrpcThis orpcThis, WbemRefresherId pRefresherId, String path, int lFlags,
                                    MInterfacePointer pContext, int dwClientRefrVersion) {

    public AddToRefresherRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(pRefresherId, "pRefresherId");
        Objects.requireNonNull(path, "path");
    }

    public static AddToRefresherRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static AddToRefresherRequest decodeParams(NdrReader r, OrpcThis t) {
        WbemRefresherId id = r.field("pRefresherId", WbemRefresherId::decode);
        String path = r.field("wszPath", NdrReader::stringW);
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pContext");
        int version = r.field("dwClientRefrVersion", NdrReader::i32);
        r.expectEnd();
        return new AddToRefresherRequest(t, id, path, flags, ctx, version);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        WbemRefresherId.encode(w, pRefresherId);
        w.stringW(path).i32(lFlags);
        Mip.write(w, pContext);
        w.i32(dwClientRefrVersion);
    }

    public static AddToRefresherRequest decode(byte[] stub) {
        return Mip.decode(stub, AddToRefresherRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
