package org.jwmi.wmio.block;

/**
 * [MS-WMIO] 2.2.82 CimType as it appears on the wire: a 32-bit value of which the lower 16 bits hold a base type
 * code, optionally OR'ed with the array flag 0x2000; in a PropertyType ([MS-WMIO] 2.2.31) also with the Inherited
 * flag 0x4000 (2.2.32).
 *
 * <p>The array constants printed in MS-WMIO for uint32, sint64 and uint64 (8201, 8202, 8203) contradict the rule
 * {@code CimArrayType = CimBaseType | 0x2000}; this codec follows the rule, as Windows does.
 */
public final class CimTypeCode {
    public static final int SINT16 = 2;
    public static final int SINT32 = 3;
    public static final int REAL32 = 4;
    public static final int REAL64 = 5;
    public static final int STRING = 8;
    public static final int BOOLEAN = 11;
    public static final int OBJECT = 13;
    public static final int SINT8 = 16;
    public static final int UINT8 = 17;
    public static final int UINT16 = 18;
    public static final int UINT32 = 19;
    public static final int SINT64 = 20;
    public static final int UINT64 = 21;
    public static final int DATETIME = 101;
    public static final int REFERENCE = 102;
    public static final int CHAR16 = 103;

    /** CimArrayFlag ([MS-WMIO] 2.2.82). */
    public static final int ARRAY_FLAG = 0x2000;
    /** Inherited ([MS-WMIO] 2.2.32), only in PropertyType. */
    public static final int INHERITED_FLAG = 0x4000;

    private CimTypeCode() {
    }

    /** The base type code of {@code type} (array and inherited flags and the unused upper 16 bits removed). */
    public static int base(int type) {
        return type & 0xFFFF & ~(ARRAY_FLAG | INHERITED_FLAG);
    }

    public static boolean isArray(int type) {
        return (type & ARRAY_FLAG) != 0;
    }

    /** True if the base type code is one of the sixteen CIM types. */
    public static boolean isValidBase(int base) {
        return switch (base) {
            case SINT8, UINT8, SINT16, UINT16, SINT32, UINT32, SINT64, UINT64, REAL32, REAL64, BOOLEAN, STRING,
                 DATETIME, REFERENCE, CHAR16, OBJECT -> true;
            default -> false;
        };
    }

    /**
     * True if {@code type} is a valid CimType: a valid base, optionally with the array flag; {@code allowInherited}
     * admits the Inherited flag of a PropertyType. The upper 16 bits are not used and are not checked.
     */
    public static boolean isValid(int type, boolean allowInherited) {
        int low = type & 0xFFFF;
        int extra = low & ~(ARRAY_FLAG | (allowInherited ? INHERITED_FLAG : 0));
        return isValidBase(extra);
    }

    /** True if a value of this base type is stored as a HeapRef (strings, datetimes, references, objects). */
    public static boolean isHeapBase(int base) {
        return base == STRING || base == DATETIME || base == REFERENCE || base == OBJECT;
    }

    /** True for the base types whose value is an Encoded-String in the heap. */
    public static boolean isStringBase(int base) {
        return base == STRING || base == DATETIME || base == REFERENCE;
    }

    /** Octets one element of this base type takes inline (in a ValueTable, a qualifier or an Encoded-Array). */
    public static int elementSize(int base) {
        return switch (base) {
            case SINT8, UINT8 -> 1;
            case SINT16, UINT16, CHAR16, BOOLEAN -> 2;
            case SINT64, UINT64, REAL64 -> 8;
            default -> 4;
        };
    }

    /** Octets an EncodedValue of {@code type} takes inline: a HeapRef (4) for arrays, else the element size. */
    public static int valueSize(int type) {
        return isArray(type) ? 4 : elementSize(base(type));
    }

    /** The MOF name of a base type ({@code sint32}, {@code string}, ...), or {@code type_0x..} when unknown. */
    public static String name(int base) {
        return switch (base) {
            case SINT8 -> "sint8";
            case UINT8 -> "uint8";
            case SINT16 -> "sint16";
            case UINT16 -> "uint16";
            case SINT32 -> "sint32";
            case UINT32 -> "uint32";
            case SINT64 -> "sint64";
            case UINT64 -> "uint64";
            case REAL32 -> "real32";
            case REAL64 -> "real64";
            case BOOLEAN -> "boolean";
            case STRING -> "string";
            case DATETIME -> "datetime";
            case REFERENCE -> "ref";
            case CHAR16 -> "char16";
            case OBJECT -> "object";
            default -> "type_0x" + Integer.toHexString(base);
        };
    }
}
