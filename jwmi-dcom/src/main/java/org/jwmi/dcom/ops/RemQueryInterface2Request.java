package org.jwmi.dcom.ops;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.1.5.7.1.1 IRemUnknown2::RemQueryInterface2 (opnum 6), the [in] parameters.
 * <pre>
 * ORPCTHIS orpcthis,                     // implicit
 * [in] REFIPID ripid,
 * [in] unsigned short cIids,
 * [in, size_is(cIids)] IID *iids
 * </pre>
 *
 * @param orpcThis ORPCTHIS
 * @param ripid    an IPID of the object to query
 * @param iids     the IIDs (cIids is their number)
 */
public record RemQueryInterface2Request(OrpcThis orpcThis, UUID ripid, List<UUID> iids) {

    public RemQueryInterface2Request {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(ripid, "ripid");
        iids = List.copyOf(iids);
        Codec.checkU16("cIids", iids.size());
    }

    public static RemQueryInterface2Request decode(NdrReader r) {
        OrpcThis orpcThis = r.field("ORPCthis", OrpcThis::decode);
        UUID ripid = r.field("ripid", NdrReader::uuid);
        int c = r.field("cIids", NdrReader::u16);
        List<UUID> iids = r.field("iids", s -> Codec.sized(s, c, "iids", NdrReader::uuid));
        r.expectEnd();
        return new RemQueryInterface2Request(orpcThis, ripid, iids);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        w.uuid(ripid).u16(iids.size());
        Codec.sized(w, iids, NdrWriter::uuid);
    }

    public static RemQueryInterface2Request decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
