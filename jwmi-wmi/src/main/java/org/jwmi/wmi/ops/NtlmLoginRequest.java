package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.1.4 IWbemLevel1Login::NTLMLogin (opnum 6), the [in] parameters; the response is an
 * {@link InterfacePointerResponse} (ppNamespace, IWbemServices).
 * <pre>
 * ORPCTHIS orpcthis,                                   // implicit
 * [in, unique, string] LPWSTR wszNetworkResource,      // namespace path, e.g. //./root/cimv2
 * [in, unique, string] LPWSTR wszPreferredLocale,      // "MS_409,..." or NULL
 * [in] long lFlags,                                    // 0
 * [in] IWbemContext* pCtx
 * </pre>
 */
public record NtlmLoginRequest(OrpcThis orpcThis, String wszNetworkResource, String wszPreferredLocale, int lFlags,
                               MInterfacePointer pCtx) {

    public NtlmLoginRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static NtlmLoginRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static NtlmLoginRequest decodeParams(NdrReader r, OrpcThis t) {
        String resource = r.field("wszNetworkResource", x -> x.uniquePtr(NdrReader::stringW));
        String locale = r.field("wszPreferredLocale", x -> x.uniquePtr(NdrReader::stringW));
        int flags = r.field("lFlags", NdrReader::i32);
        MInterfacePointer ctx = Mip.read(r, "pCtx");
        r.expectEnd();
        return new NtlmLoginRequest(t, resource, locale, flags, ctx);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.uniquePtr(wszNetworkResource, NdrWriter::stringW).uniquePtr(wszPreferredLocale, NdrWriter::stringW);
        w.i32(lFlags);
        Mip.write(w, pCtx);
    }

    public static NtlmLoginRequest decode(byte[] stub) {
        return Mip.decode(stub, NtlmLoginRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
