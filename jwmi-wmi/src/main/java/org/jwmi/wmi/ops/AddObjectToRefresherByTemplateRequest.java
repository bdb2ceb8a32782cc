package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.12.2 IWbemRefreshingServices::AddObjectToRefresherByTemplate (opnum 4), the [in] parameters; the
 * response is a {@link RefreshInfoResponse}.
 * <pre>
 * ORPCTHIS orpcthis,                                 // implicit
 * [in] _WBEM_REFRESHER_ID* pRefresherId,
 * [in] IWbemClassObject* pTemplate,
 * [in] long lFlags,
 * [in] IWbemContext* pContext,
 * [in] DWORD dwClientRefrVersion
 * </pre>
 */
public record AddObjectToRefresherByTemplateRequest(OrpcThis orpcThis, WbemRefresherId pRefresherId,
                                                    MInterfacePointer pTemplate, int lFlags,
                                                    MInterfacePointer pContext, int dwClientRefrVersion) {

    public AddObjectToRefresherByTemplateRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(pRefresherId, "pRefresherId");
    }

    public static AddObjectToRefresherByTemplateRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static AddObjectToRefresherByTemplateRequest decodeParams(NdrReader r, OrpcThis t) {
        WbemRefresherId id = r.field("pRefresherId", WbemRefresherId::decode);
        MInterfacePointer template = Mip.read(r, "pTemplate");
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pContext");
        int version = r.field("dwClientRefrVersion", NdrReader::i32);
        r.expectEnd();
        return new AddObjectToRefresherByTemplateRequest(t, id, template, flags, ctx, version);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        WbemRefresherId.encode(w, pRefresherId);
        Mip.write(w, pTemplate);
        w.i32(lFlags);
        Mip.write(w, pContext);
        w.i32(dwClientRefrVersion);
    }

    public static AddObjectToRefresherByTemplateRequest decode(byte[] stub) {
        return Mip.decode(stub, AddObjectToRefresherByTemplateRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
