package org.jwmi.wmio.block;

import java.util.EnumSet;
import java.util.Set;

/** [MS-WMIO] 2.2.6 ObjectFlags bits; the octet is kept raw so unknown bits survive a round trip. */
public enum ObjectFlag {
    /** 0x01: the object is a CIM class (Encoding is a ClassType). */
    CIM_CLASS(0x01),
    /** 0x02: the object is a CIM instance (Encoding is an InstanceType). */
    CIM_INSTANCE(0x02),
    /** 0x04: a Decoration follows ObjectFlags. */
    HAS_DECORATION(0x04),
    /** 0x10: the class is the prototype of a query result ([MS-WMI] 2.2.4.1); only with 0x01. */
    PROTOTYPE_RESULT_OBJECT(0x10),
    /** 0x40: key properties are missing from the prototype; only with 0x01 and 0x10. */
    KEY_PROPERTY_MISSING(0x40);

    private final int bit;

    ObjectFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The known flags set in {@code objectFlags}. */
    public static Set<ObjectFlag> of(int objectFlags) {
        EnumSet<ObjectFlag> set = EnumSet.noneOf(ObjectFlag.class);
        for (ObjectFlag f : values()) {
            if ((objectFlags & f.bit) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}
