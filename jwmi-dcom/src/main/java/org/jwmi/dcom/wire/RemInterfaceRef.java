package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 2.2.23 REMINTERFACEREF: reference counts to add (RemAddRef) or release (RemRelease) on an IPID (NDR).
 * <pre>
 * typedef struct tagREMINTERFACEREF {
 *     IPID ipid;
 *     unsigned long cPublicRefs;
 *     unsigned long cPrivateRefs;
 * } REMINTERFACEREF;
 * </pre>
 *
 * @param ipid         the interface
 * @param cPublicRefs  public references (unsigned)
 * @param cPrivateRefs private references (unsigned)
 */
public record RemInterfaceRef(UUID ipid, int cPublicRefs, int cPrivateRefs) {

    public RemInterfaceRef {
        Objects.requireNonNull(ipid, "ipid");
    }

    public static RemInterfaceRef decode(NdrReader r) {
        return r.struct("REMINTERFACEREF", 4, s -> new RemInterfaceRef(s.uuid(), s.i32(), s.i32()));
    }

    public static void encode(NdrWriter w, RemInterfaceRef v) {
        w.struct(4, s -> s.uuid(v.ipid).i32(v.cPublicRefs).i32(v.cPrivateRefs));
    }
}
