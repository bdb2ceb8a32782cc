package org.jwmi.dcom.wire;

import java.util.List;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 2.2.13.4 ORPCTHAT: the implicit first result of an ORPC response (and an explicit one of the
 * activation methods). NDR.
 * <pre>
 * typedef struct tagORPCTHAT {
 *     unsigned long flags;                    // arbitrary, ignored on receipt
 *     [unique] ORPC_EXTENT_ARRAY *extensions;
 * } ORPCTHAT;
 * </pre>
 *
 * @param flags      raw flags
 * @param extensions ORPC extensions (e.g. error information), or {@code null}
 */
public record OrpcThat(int flags, OrpcExtentArray extensions) {
    /** flags 0, no extensions. */
    public static final OrpcThat EMPTY = new OrpcThat(0, null);

    /** The non-NULL extents, empty if there are none. */
    public List<OrpcExtent> extents() {
        return extensions == null ? List.of() : extensions.extents();
    }

    public static OrpcThat decode(NdrReader r) {
        return r.struct("ORPCTHAT", 4, s -> new OrpcThat(s.i32(), s.uniquePtr(OrpcExtentArray::decode)));
    }

    public static void encode(NdrWriter w, OrpcThat v) {
        w.struct(4, s -> s.i32(v.flags).uniquePtr(v.extensions, OrpcExtentArray::encode));
    }
}
