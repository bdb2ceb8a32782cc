package org.jwmi.dcom.wire;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 2.2.13.3 ORPCTHIS: the implicit first argument of an ORPC request (and an explicit one of the
 * activation methods). NDR.
 * <pre>
 * typedef struct tagORPCTHIS {
 *     COMVERSION version;                    // the client's
 *     unsigned long flags;                   // 0 in ORPC calls; arbitrary in activation calls
 *     unsigned long reserved1;               // zero when sent
 *     CID cid;                               // causality id
 *     [unique] ORPC_EXTENT_ARRAY *extensions;
 * } ORPCTHIS;
 * </pre>
 *
 * @param version    the client's COM version
 * @param flags      raw flags
 * @param reserved1  raw reserved1
 * @param cid        the causality id of the call
 * @param extensions ORPC extensions, or {@code null}
 */
public record OrpcThis(ComVersion version, int flags, int reserved1, UUID cid, OrpcExtentArray extensions) {

    public OrpcThis {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cid, "cid");
    }

    /** An ORPCTHIS for an ORPC call: flags 0, no extensions. */
    public static OrpcThis of(ComVersion version, UUID cid) {
        return new OrpcThis(version, 0, 0, cid, null);
    }

    /** The non-NULL extents, empty if there are none. */
    public List<OrpcExtent> extents() {
        return extensions == null ? List.of() : extensions.extents();
    }

    public static OrpcThis decode(NdrReader r) {
        return r.struct("ORPCTHIS", 4, s -> new OrpcThis(ComVersion.decode(s), s.i32(), s.i32(), s.uuid(),
                s.uniquePtr(OrpcExtentArray::decode)));
    }

    public static void encode(NdrWriter w, OrpcThis v) {
        w.struct(4, s -> {
            ComVersion.encode(s, v.version);
            s.i32(v.flags).i32(v.reserved1).uuid(v.cid).uniquePtr(v.extensions, OrpcExtentArray::encode);
        });
    }
}
