package org.jwmi.dcom.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 2.2.13.2 ORPC_EXTENT_ARRAY.
 * <pre>
 * typedef struct tagORPC_EXTENT_ARRAY {
 *     unsigned long size;                                    // non-NULL elements in extent
 *     unsigned long reserved;                                // zero when sent, ignored on receipt
 *     [size_is((size+1)&amp;~1,), unique] ORPC_EXTENT **extent;  // array size rounded up to even
 * } ORPC_EXTENT_ARRAY;
 * </pre>
 * The decoder checks max_count of the extent array against {@code (size+1)&~1}; it does not count the non-NULL
 * elements (a receiver ignores what it does not understand). {@link #of(List)} builds a conforming value.
 *
 * @param size     raw size (unsigned)
 * @param reserved raw reserved
 * @param extent   the array as sent, NULL elements included; {@code null} for a NULL array pointer
 */
public record OrpcExtentArray(int size, int reserved, List<OrpcExtent> extent) {

    public OrpcExtentArray {
        if (extent != null) {
            extent = Collections.unmodifiableList(new ArrayList<>(extent));
        }
    }

    /** size = number of extents, the array padded to an even length with NULL elements. */
    public static OrpcExtentArray of(List<OrpcExtent> extents) {
        List<OrpcExtent> a = new ArrayList<>(extents);
        a.forEach(e -> Objects.requireNonNull(e, "extent"));
        if ((a.size() & 1) != 0) {
            a.add(null);
        }
        return new OrpcExtentArray(extents.size(), 0, a);
    }

    /** The non-NULL extents. */
    public List<OrpcExtent> extents() {
        if (extent == null) {
            return List.of();
        }
        return extent.stream().filter(Objects::nonNull).toList();
    }

    /** The first extent with this id. */
    public Optional<OrpcExtent> find(UUID id) {
        return extents().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public static OrpcExtentArray decode(NdrReader r) {
        return r.struct("ORPC_EXTENT_ARRAY", 4, s -> {
            int size = s.i32();
            int reserved = s.i32();
            List<OrpcExtent> extent = s.field("extent", f -> f.uniquePtr(p -> {
                int max = p.maxCount();
                long expected = (Integer.toUnsignedLong(size) + 1) & ~1L;
                if (max != expected) {
                    throw p.fail(Kind.BAD_VALUE, "max_count " + max + " is not (size+1)&~1 = " + expected);
                }
                return p.fixedArray(max, e -> e.uniquePtr(OrpcExtent::decode));
            }));
            return new OrpcExtentArray(size, reserved, extent);
        });
    }

    public static void encode(NdrWriter w, OrpcExtentArray v) {
        w.struct(4, s -> s.i32(v.size).i32(v.reserved).uniquePtr(v.extent, (p, list) -> p.maxCount(list.size())
                .fixedArray(list.size(), list, (e, x) -> e.uniquePtr(x, OrpcExtent::encode))));
    }
}
