package org.jwmi.cim;

/**
 * [MS-WMIO] 2.2.82 CimType: the CIM types and their arrays, with the numeric codes of the encoding.
 *
 * <p>An array type is its base type OR'ed with {@link #ARRAY_FLAG} (0x2000). The table printed in MS-WMIO 2.2.82
 * gives 8201, 8202 and 8203 for the uint32, sint64 and uint64 arrays, which contradicts that rule; WMI uses the
 * rule (0x2013, 0x2014, 0x2015), and so does this enumeration.
 */
public enum CimType {
    SINT8(16, "sint8"),
    UINT8(17, "uint8"),
    SINT16(2, "sint16"),
    UINT16(18, "uint16"),
    SINT32(3, "sint32"),
    UINT32(19, "uint32"),
    SINT64(20, "sint64"),
    UINT64(21, "uint64"),
    REAL32(4, "real32"),
    REAL64(5, "real64"),
    BOOLEAN(11, "boolean"),
    STRING(8, "string"),
    DATETIME(101, "datetime"),
    REFERENCE(102, "ref"),
    CHAR16(103, "char16"),
    OBJECT(13, "object"),
    SINT8_ARRAY(SINT8),
    UINT8_ARRAY(UINT8),
    SINT16_ARRAY(SINT16),
    UINT16_ARRAY(UINT16),
    SINT32_ARRAY(SINT32),
    UINT32_ARRAY(UINT32),
    SINT64_ARRAY(SINT64),
    UINT64_ARRAY(UINT64),
    REAL32_ARRAY(REAL32),
    REAL64_ARRAY(REAL64),
    BOOLEAN_ARRAY(BOOLEAN),
    STRING_ARRAY(STRING),
    DATETIME_ARRAY(DATETIME),
    REFERENCE_ARRAY(REFERENCE),
    CHAR16_ARRAY(CHAR16),
    OBJECT_ARRAY(OBJECT);

    /** CimArrayFlag: the bit that turns a base type code into the code of an array of it. */
    public static final int ARRAY_FLAG = 0x2000;

    private final int code;
    private final String mofName;
    private final CimType base;
    private CimType array;

    CimType(int code, String mofName) {
        this.code = code;
        this.mofName = mofName;
        this.base = null;
    }

    CimType(CimType base) {
        this.code = base.code | ARRAY_FLAG;
        this.mofName = base.mofName;
        this.base = base;
    }

    static {
        for (CimType t : values()) {
            if (t.base != null) {
                t.base.array = t;
            }
        }
    }

    /** The 16-bit code used on the wire (base type | 0x2000 for arrays). */
    public int code() {
        return code;
    }

    public boolean isArray() {
        return base != null;
    }

    /** The element type of an array type; the type itself for a base type. */
    public CimType baseType() {
        return base != null ? base : this;
    }

    /** The array of this base type; the type itself for an array type. */
    public CimType arrayType() {
        return base != null ? this : array;
    }

    /** True for the eight integer types (not char16, not boolean). */
    public boolean isInteger() {
        return switch (baseType()) {
            case SINT8, UINT8, SINT16, UINT16, SINT32, UINT32, SINT64, UINT64 -> !isArray();
            default -> false;
        };
    }

    /** True for the integer and real types (scalars only). */
    public boolean isNumeric() {
        return isInteger() || this == REAL32 || this == REAL64;
    }

    /** True for the unsigned integer types. */
    public boolean isUnsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64;
    }

    /**
     * The MOF spelling of the (base) type, which is also the value of the CIMTYPE qualifier WMI attaches to
     * properties: {@code sint32}, {@code string}, {@code datetime}, {@code ref} (completed as {@code ref:Class}),
     * {@code object} (completed as {@code object:Class}). Arrays use the element type's name.
     */
    public String mofName() {
        return mofName;
    }

    /** The value of the CIMTYPE qualifier for this type; {@code typeClass} (may be null) names the class of a
     * reference or embedded object. */
    public String cimtypeQualifierValue(CimName typeClass) {
        CimType b = baseType();
        if (b == REFERENCE) {
            return "ref:" + (typeClass == null ? "object" : typeClass.text());
        }
        if (b == OBJECT) {
            return typeClass == null ? "object" : "object:" + typeClass.text();
        }
        return mofName;
    }

    /** The type with wire code {@code code}; the upper 16 bits are ignored as MS-WMIO says. */
    public static CimType fromCode(int code) {
        int c = code & 0xFFFF;
        for (CimType t : values()) {
            if (t.code == c) {
                return t;
            }
        }
        throw new CimException(WbemStatus.WBEM_E_INVALID_CIM_TYPE, "unknown CIM type code 0x" + Integer.toHexString(c));
    }

    /** The base type named {@code mofName} (case-insensitive, {@code ref} and {@code object} included), or null. */
    public static CimType fromMofName(String mofName) {
        for (CimType t : values()) {
            if (t.base == null && t.mofName.equalsIgnoreCase(mofName)) {
                return t;
            }
        }
        return null;
    }
}
