package org.jwmi.dcom.ops;

import java.util.UUID;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.1.1 IObjectExporter::ResolveOxid (opnum 0), the [out] parameters and the result.
 * <pre>
 * [out, ref] DUALSTRINGARRAY **ppdsaOxidBindings,   // unique inner pointer; NULL on failure
 * [out, ref] IPID *pipidRemUnknown,
 * [out, ref] DWORD *pAuthnHint
 * error_status_t
 * </pre>
 *
 * @param ppdsaOxidBindings the exporter's bindings, {@code null} for a NULL pointer
 * @param ipidRemUnknown    the IPID of the exporter's IRemUnknown
 * @param authnHint         the exporter's minimum authentication level
 * @param errorStatus       0, or e.g. OR_INVALID_OXID
 */
public record ResolveOxidResponse(DualStringArray ppdsaOxidBindings, UUID ipidRemUnknown, int authnHint,
                                  int errorStatus) {

    public ResolveOxidResponse {
        java.util.Objects.requireNonNull(ipidRemUnknown, "ipidRemUnknown");
    }

    /** A failure: NULL bindings, GUID_NULL IPID, hint 0. */
    public static ResolveOxidResponse failure(int errorStatus) {
        return new ResolveOxidResponse(null, new UUID(0, 0), 0, errorStatus);
    }

    public static ResolveOxidResponse decode(NdrReader r) {
        DualStringArray dsa = r.field("ppdsaOxidBindings", s -> s.uniquePtr(DualStringArray::decode));
        UUID ipid = r.field("pipidRemUnknown", NdrReader::uuid);
        int hint = r.field("pAuthnHint", NdrReader::i32);
        int status = r.field("error_status", NdrReader::i32);
        r.expectEnd();
        return new ResolveOxidResponse(dsa, ipid, hint, status);
    }

    public void encode(NdrWriter w) {
        w.uniquePtr(ppdsaOxidBindings, DualStringArray::encode).uuid(ipidRemUnknown).i32(authnHint).i32(errorStatus);
    }

    public static ResolveOxidResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
