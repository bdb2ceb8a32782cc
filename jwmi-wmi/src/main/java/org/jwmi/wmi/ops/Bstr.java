package org.jwmi.wmi.ops;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-OAUT] 2.2.23.2 BSTR = {@code [unique] FLAGGED_WORD_BLOB*}, 2.2.23.1 FLAGGED_WORD_BLOB:
 * <pre>
 * typedef struct _FLAGGED_WORD_BLOB {
 *     unsigned long cBytes;                      // 0xFFFFFFFF = null BSTR
 *     unsigned long clSize;                      // cBytes / 2 rounded up, 0 for a null BSTR
 *     [size_is(clSize)] unsigned short asData[];
 * } FLAGGED_WORD_BLOB;
 * </pre>
 * A null BSTR is sent as a pointer to a blob with cBytes 0xFFFFFFFF (2.2.23.2); a NULL pointer is read as null
 * too. An odd cBytes is kept as clSize UTF-16 units (the last unit's high byte is whatever was sent).
 */
public final class Bstr {

    static final long NULL_BSTR = 0xFFFFFFFFL;

    private Bstr() {
    }

    /** A BSTR: unique pointer id, then the blob (deferred when inside a construction). */
    public static String read(NdrReader r) {
        Object[] holder = r.uniquePtr(Bstr::blob);
        return holder == null ? null : (String) holder[0];
    }

    /** Writes {@code s} as a BSTR; null is the null BSTR blob. */
    public static void write(NdrWriter w, String s) {
        w.uniquePtr(s == null ? NULL_HOLDER : s, (ww, v) -> blob(ww, v == NULL_HOLDER ? null : (String) v));
    }

    private static final Object NULL_HOLDER = new Object();

    private static Object[] blob(NdrReader r) {
        int max = r.maxCount();
        return r.struct("FLAGGED_WORD_BLOB", 4, s -> {
            long cBytes = s.u32();
            long clSize = s.u32();
            if (clSize != max) {
                throw s.fail(Kind.BAD_VALUE, "clSize " + clSize + " differs from max_count " + max);
            }
            if (cBytes == NULL_BSTR) {
                if (clSize != 0) {
                    throw s.fail(Kind.BAD_VALUE, "null BSTR with clSize " + clSize);
                }
                return new Object[] {null};
            }
            if ((cBytes + 1) / 2 != clSize) {
                throw s.fail(Kind.BAD_VALUE, "clSize " + clSize + " is not cBytes " + cBytes + " / 2 rounded up");
            }
            return new Object[] {s.wchars(max)};
        });
    }

    private static void blob(NdrWriter w, String s) {
        if (s == null) {
            w.maxCount(0).struct(4, b -> b.u32(NULL_BSTR).u32(0));
            return;
        }
        int n = s.length();
        w.maxCount(n).struct(4, b -> b.u32(2L * n).u32(n).wchars(s));
    }
}
