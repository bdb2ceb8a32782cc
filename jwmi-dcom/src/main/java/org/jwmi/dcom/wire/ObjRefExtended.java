package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.18.7 OBJREF_EXTENDED: a standard reference plus a marshaled envoy context.
 * <pre>
 * STDOBJREF std;               // 40 bytes
 * unsigned long Signature1;    // 0x4E535956
 * DUALSTRINGARRAY saResAddr;   // packet version
 * unsigned long nElms;         // 1
 * unsigned long Signature2;    // 0x4E535956
 * DATAELEMENT ElmArray;        // the envoy context
 * </pre>
 * nElms is 4-aligned from the start of the OBJREF: the diagram shows no gap, but impacket inserts one when
 * saResAddr has an odd number of entries, as NDR alignment of an unsigned long would. Padding is ignored on
 * receipt and sent as zeros.
 *
 * @param iid       the IID the reference was marshaled for
 * @param std       the standard object reference
 * @param saResAddr the object resolver's string and security bindings
 * @param elmArray  the single DATAELEMENT
 */
public record ObjRefExtended(UUID iid, StdObjRef std, DualStringArray saResAddr, DataElement elmArray)
        implements ObjRef {

    public ObjRefExtended {
        Objects.requireNonNull(iid, "iid");
        Objects.requireNonNull(std, "std");
        Objects.requireNonNull(saResAddr, "saResAddr");
        Objects.requireNonNull(elmArray, "elmArray");
    }

    @Override
    public ObjRefFlag flag() {
        return ObjRefFlag.OBJREF_EXTENDED;
    }

    static ObjRefExtended decodeBody(UUID iid, WireReader r, int objRefStart) {
        StdObjRef std = StdObjRef.decode(r);
        signature(r, "Signature1");
        DualStringArray sa = DualStringArray.decode(r);
        r.skip((4 - ((r.position() - objRefStart) & 3)) & 3);
        r.need(4);
        long nElms = r.u32();
        if (nElms != 1) {
            throw new ProtocolException(Kind.BAD_VALUE, r.position() - 4, r.path(), "nElms " + nElms
                    + " must be 1");
        }
        signature(r, "Signature2");
        return new ObjRefExtended(iid, std, sa, DataElement.decode(r));
    }

    private static void signature(WireReader r, String name) {
        r.need(4);
        int s = r.i32();
        if (s != DcomConstants.OBJREF_EXTENDED_SIGNATURE) {
            throw new ProtocolException(Kind.BAD_VALUE, r.position() - 4, r.path(), name + " 0x"
                    + Integer.toHexString(s) + " is not 0x4e535956");
        }
    }

    @Override
    public void encode(WireWriter w) {
        int start = w.position();
        Support.objRefHeader(w, flag(), iid);
        boolean le = w.isLittleEndian();
        w.littleEndian(true);
        std.encode(w);
        w.i32(DcomConstants.OBJREF_EXTENDED_SIGNATURE);
        saResAddr.encode(w);
        w.zeros((4 - ((w.position() - start) & 3)) & 3);
        w.i32(1).i32(DcomConstants.OBJREF_EXTENDED_SIGNATURE);
        elmArray.encode(w);
        w.littleEndian(le);
    }
}
