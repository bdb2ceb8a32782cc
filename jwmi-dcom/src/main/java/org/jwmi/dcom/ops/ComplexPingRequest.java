package org.jwmi.dcom.ops;

import java.util.List;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 3.1.2.5.1.3 IObjectExporter::ComplexPing (opnum 2), the [in] parameters.
 * <pre>
 * [in, out] SETID *pSetId,                                 // 0 asks for a new set
 * [in] unsigned short SequenceNum,
 * [in] unsigned short cAddToSet,
 * [in] unsigned short cDelFromSet,
 * [in, unique, size_is(cAddToSet)] OID AddToSet[],
 * [in, unique, size_is(cDelFromSet)] OID DelFromSet[]
 * </pre>
 * An empty list is sent as a NULL pointer (as Windows and impacket do); a NULL pointer with a non-zero count is
 * INVALID_POINTER, a non-NULL one whose max_count differs from the count BAD_VALUE.
 *
 * @param setId       the ping set, 0 for a new one
 * @param sequenceNum the client's sequence number for this set
 * @param addToSet    OIDs to add (cAddToSet is their number)
 * @param delFromSet  OIDs to remove (cDelFromSet is their number)
 */
public record ComplexPingRequest(long setId, int sequenceNum, List<Long> addToSet, List<Long> delFromSet) {

    public ComplexPingRequest {
        addToSet = List.copyOf(addToSet);
        delFromSet = List.copyOf(delFromSet);
        Codec.checkU16("SequenceNum", sequenceNum);
        Codec.checkU16("cAddToSet", addToSet.size());
        Codec.checkU16("cDelFromSet", delFromSet.size());
    }

    public static ComplexPingRequest decode(NdrReader r) {
        long setId = r.field("pSetId", NdrReader::u64);
        int seq = r.field("SequenceNum", NdrReader::u16);
        int cAdd = r.field("cAddToSet", NdrReader::u16);
        int cDel = r.field("cDelFromSet", NdrReader::u16);
        List<Long> add = r.field("AddToSet", s -> oids(s, cAdd, "AddToSet"));
        List<Long> del = r.field("DelFromSet", s -> oids(s, cDel, "DelFromSet"));
        r.expectEnd();
        return new ComplexPingRequest(setId, seq, add, del);
    }

    private static List<Long> oids(NdrReader r, int count, String what) {
        List<Long> v = r.uniquePtr(p -> Codec.sized(p, count, what, NdrReader::u64));
        if (v == null) {
            if (count != 0) {
                throw r.fail(Kind.INVALID_POINTER, what + " is NULL but its count is " + count);
            }
            return List.of();
        }
        return v;
    }

    public void encode(NdrWriter w) {
        w.u64(setId).u16(sequenceNum).u16(addToSet.size()).u16(delFromSet.size());
        w.uniquePtr(addToSet.isEmpty() ? null : addToSet, (p, l) -> Codec.sized(p, l, NdrWriter::u64));
        w.uniquePtr(delFromSet.isEmpty() ? null : delFromSet, (p, l) -> Codec.sized(p, l, NdrWriter::u64));
    }

    public static ComplexPingRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
