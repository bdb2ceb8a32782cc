package org.jwmi.dcom.ops;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.1.5.6.1.1 IRemUnknown::RemQueryInterface (opnum 3), the [in] parameters (ORPC: sent to the IPID of
 * the exporter's IRemUnknown).
 * <pre>
 * ORPCTHIS orpcthis,                                 // implicit
 * [in] REFIPID ripid,                                // the interface to query
 * [in] unsigned long cRefs,                          // public references wanted on each new interface
 * [in] unsigned short cIids,
 * [in, size_is(cIids)] IID *iids
 * </pre>
 *
 * @param orpcThis ORPCTHIS
 * @param ripid    an IPID of the object to query
 * @param cRefs    public references requested (unsigned)
 * @param iids     the IIDs (cIids is their number)
 */
public record RemQueryInterfaceRequest(OrpcThis orpcThis, UUID ripid, int cRefs, List<UUID> iids) {

    public RemQueryInterfaceRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(ripid, "ripid");
        iids = List.copyOf(iids);
        Codec.checkU16("cIids", iids.size());
    }

    public static RemQueryInterfaceRequest decode(NdrReader r) {
        OrpcThis orpcThis = r.field("ORPCthis", OrpcThis::decode);
        UUID ripid = r.field("ripid", NdrReader::uuid);
        int cRefs = r.field("cRefs", NdrReader::i32);
        int c = r.field("cIids", NdrReader::u16);
        List<UUID> iids = r.field("iids", s -> Codec.sized(s, c, "iids", NdrReader::uuid));
        r.expectEnd();
        return new RemQueryInterfaceRequest(orpcThis, ripid, cRefs, iids);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        w.uuid(ripid).i32(cRefs).u16(iids.size());
        Codec.sized(w, iids, NdrWriter::uuid);
    }

    public static RemQueryInterfaceRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
