package org.jwmi.dcom.wire;

import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.18.1 STDOBJREF: reference counts and the OXID, OID and IPID of an interface. Sent as a raw
 * little-endian structure inside an OBJREF (2.2.18.2) and in NDR inside REMQIRESULT (2.2.18.3).
 * <pre>
 * typedef struct tagSTDOBJREF {
 *     unsigned long flags;         // SORF_NOPING, other bits ignored
 *     unsigned long cPublicRefs;
 *     OXID oxid;                   // unsigned hyper
 *     OID oid;                     // unsigned hyper
 *     IPID ipid;
 * } STDOBJREF;
 * </pre>
 *
 * @param flags       raw flags (see {@link #flagSet()}); unknown bits are kept
 * @param cPublicRefs public references handed over (unsigned)
 * @param oxid        object exporter id
 * @param oid         object id
 * @param ipid        interface pointer id
 */
public record StdObjRef(int flags, int cPublicRefs, long oxid, long oid, UUID ipid) {
    /** Size of the packet version in bytes. */
    public static final int SIZE = 40;

    public StdObjRef {
        Objects.requireNonNull(ipid, "ipid");
    }

    public EnumSet<StdObjRefFlag> flagSet() {
        return BitFlag.toSet(StdObjRefFlag.class, flags);
    }

    /** Whether the client is asked not to ping this OID. */
    public boolean noPing() {
        return (flags & StdObjRefFlag.SORF_NOPING.value()) != 0;
    }

    /** The packet version (2.2.18.2): 40 little-endian bytes, no alignment. */
    public static StdObjRef decode(WireReader r) {
        r.enter("std");
        try {
            r.need(SIZE);
            return new StdObjRef(r.i32(), r.i32(), r.i64(), r.i64(), r.uuid());
        } finally {
            r.exit();
        }
    }

    public void encode(WireWriter w) {
        w.i32(flags).i32(cPublicRefs).i64(oxid).i64(oid).uuid(ipid);
    }

    /** The IDL version (2.2.18.3): an NDR structure, 8-aligned because of the hypers. */
    public static StdObjRef decode(NdrReader r) {
        return r.struct("STDOBJREF", 8, s -> new StdObjRef(s.i32(), s.i32(), s.u64(), s.u64(), s.uuid()));
    }

    public static void encode(NdrWriter w, StdObjRef v) {
        w.struct(8, s -> s.i32(v.flags).i32(v.cPublicRefs).u64(v.oxid).u64(v.oid).uuid(v.ipid));
    }
}
