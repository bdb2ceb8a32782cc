package org.jwmi.wmio.block;

import java.util.List;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.65 InstancePropQualifierSet: flag 1 when no property of the instance has instance-level
 * qualifiers; flag 2 followed by one QualifierSet per property of the class, in PropertyLookupTable order, even
 * the empty ones.
 *
 * <pre>
 * InstancePropQualifierSet = InstPropQualSetFlag *QualifierSet
 * InstPropQualSetFlag      = %x1 / %x2
 * </pre>
 */
public record InstancePropQualifierSet(int instPropQualSetFlag, List<QualifierSet> qualifierSets) {
    public static final int NONE = 1;
    public static final int PRESENT = 2;
    /** Flag 1, no qualifier sets. */
    public static final InstancePropQualifierSet EMPTY = new InstancePropQualifierSet(NONE, List.of());

    public InstancePropQualifierSet {
        qualifierSets = List.copyOf(qualifierSets);
        if (instPropQualSetFlag != NONE && instPropQualSetFlag != PRESENT) {
            throw new IllegalArgumentException("InstPropQualSetFlag must be 1 or 2");
        }
        if (instPropQualSetFlag == NONE && !qualifierSets.isEmpty()) {
            throw new IllegalArgumentException("InstPropQualSetFlag 1 carries no qualifier sets");
        }
    }

    public int encodedLength() {
        int n = 1;
        for (QualifierSet q : qualifierSets) {
            n += q.encodedLength();
        }
        return n;
    }

    public void encode(WireWriter w) {
        w.u8(instPropQualSetFlag);
        for (QualifierSet q : qualifierSets) {
            q.encode(w);
        }
    }
}
