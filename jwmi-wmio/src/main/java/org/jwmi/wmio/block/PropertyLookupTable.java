package org.jwmi.wmio.block;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.21 PropertyLookupTable: PropertyCount, then one PropertyLookup per property sorted by name (WMI
 * sorts without regard to case so that it can binary-search). The order is kept as received.
 *
 * <pre>
 * PropertyLookupTable = PropertyCount *PropertyLookup
 * </pre>
 */
public record PropertyLookupTable(List<PropertyLookup> propertyLookups) {
    public static final PropertyLookupTable EMPTY = new PropertyLookupTable(List.of());

    public PropertyLookupTable {
        propertyLookups = List.copyOf(propertyLookups);
    }

    /** PropertyCount ([MS-WMIO] 2.2.22). */
    public int propertyCount() {
        return propertyLookups.size();
    }

    public int encodedLength() {
        return 4 + 8 * propertyLookups.size();
    }

    public void encode(WireWriter w) {
        w.i32(propertyLookups.size());
        for (PropertyLookup p : propertyLookups) {
            w.i32(p.propertyNameRef());
            w.i32(p.propertyInfoRef());
        }
    }

    static PropertyLookupTable decode(BlockDecoder d) {
        d.enter("PropertyLookupTable");
        int count = d.readCount("PropertyCount", 4, 8);
        List<PropertyLookup> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new PropertyLookup(d.u32(), d.u32()));
        }
        d.exit();
        return count == 0 ? EMPTY : new PropertyLookupTable(list);
    }
}
