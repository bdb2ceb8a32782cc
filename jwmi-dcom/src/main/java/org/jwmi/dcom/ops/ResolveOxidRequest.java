package org.jwmi.dcom.ops;

import java.util.List;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.1.1 IObjectExporter::ResolveOxid (opnum 0) and 3.1.2.5.1.5 ResolveOxid2 (opnum 4), the [in]
 * parameters (the two requests are identical).
 * <pre>
 * [in] OXID *pOxid,
 * [in] unsigned short cRequestedProtseqs,
 * [in, ref, size_is(cRequestedProtseqs)] unsigned short arRequestedProtseqs[]
 * </pre>
 *
 * @param oxid                the OXID to resolve
 * @param requestedProtseqs   the client's protocol sequence identifiers (cRequestedProtseqs is their number)
 */
public record ResolveOxidRequest(long oxid, List<Integer> requestedProtseqs) {

    public ResolveOxidRequest {
        requestedProtseqs = List.copyOf(requestedProtseqs);
        Codec.checkU16("cRequestedProtseqs", requestedProtseqs.size());
    }

    public static ResolveOxidRequest decode(NdrReader r) {
        long oxid = r.field("pOxid", NdrReader::u64);
        int c = r.field("cRequestedProtseqs", NdrReader::u16);
        List<Integer> protseqs = r.field("arRequestedProtseqs", s -> Codec.sized(s, c, "arRequestedProtseqs",
                NdrReader::u16));
        r.expectEnd();
        return new ResolveOxidRequest(oxid, protseqs);
    }

    public void encode(NdrWriter w) {
        w.u64(oxid).u16(requestedProtseqs.size());
        Codec.sized(w, requestedProtseqs, NdrWriter::u16);
    }

    public static ResolveOxidRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
