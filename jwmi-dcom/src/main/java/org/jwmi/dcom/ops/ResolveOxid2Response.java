package org.jwmi.dcom.ops;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.1.5 IObjectExporter::ResolveOxid2 (opnum 4), the [out] parameters and the result (the request
 * is a {@link ResolveOxidRequest}).
 * <pre>
 * [out, ref] DUALSTRINGARRAY **ppdsaOxidBindings,   // unique inner pointer; NULL on failure
 * [out, ref] IPID *pipidRemUnknown,
 * [out, ref] DWORD *pAuthnHint,
 * [out, ref] COMVERSION *pComVersion
 * error_status_t
 * </pre>
 *
 * @param ppdsaOxidBindings the exporter's bindings, {@code null} for a NULL pointer
 * @param ipidRemUnknown    the IPID of the exporter's IRemUnknown
 * @param authnHint         the exporter's minimum authentication level
 * @param comVersion        the exporter's COM version
 * @param errorStatus       0, or e.g. OR_INVALID_OXID
 */
public record ResolveOxid2Response(DualStringArray ppdsaOxidBindings, UUID ipidRemUnknown, int authnHint,
                                   ComVersion comVersion, int errorStatus) {

    public ResolveOxid2Response {
        Objects.requireNonNull(ipidRemUnknown, "ipidRemUnknown");
        Objects.requireNonNull(comVersion, "comVersion");
    }

    /** A failure: NULL bindings, GUID_NULL IPID, hint 0, version 0.0. */
    public static ResolveOxid2Response failure(int errorStatus) {
        return new ResolveOxid2Response(null, new UUID(0, 0), 0, new ComVersion(0, 0), errorStatus);
    }

    public static ResolveOxid2Response decode(NdrReader r) {
        DualStringArray dsa = r.field("ppdsaOxidBindings", s -> s.uniquePtr(DualStringArray::decode));
        UUID ipid = r.field("pipidRemUnknown", NdrReader::uuid);
        int hint = r.field("pAuthnHint", NdrReader::i32);
        ComVersion version = r.field("pComVersion", ComVersion::decode);
        int status = r.field("error_status", NdrReader::i32);
        r.expectEnd();
        return new ResolveOxid2Response(dsa, ipid, hint, version, status);
    }

    public void encode(NdrWriter w) {
        w.uniquePtr(ppdsaOxidBindings, DualStringArray::encode).uuid(ipidRemUnknown).i32(authnHint);
        ComVersion.encode(w, comVersion);
        w.i32(errorStatus);
    }

    public static ResolveOxid2Response decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
