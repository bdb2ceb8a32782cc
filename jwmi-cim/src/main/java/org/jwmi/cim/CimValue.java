package org.jwmi.cim;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A typed CIM value: a {@link CimType} and a value of that type, or NULL. Immutable.
 *
 * <p>Java representation of the value ({@link #value()}):
 * <table>
 *   <caption>CimType to Java</caption>
 *   <tr><td>sint8 .. sint64, uint8 .. uint32</td><td>{@link Long}</td></tr>
 *   <tr><td>uint64</td><td>{@link Long} holding the 64 bits (use {@link #asBigInteger()} or
 *       {@link Long#toUnsignedString(long)})</td></tr>
 *   <tr><td>real32 / real64</td><td>{@link Float} / {@link Double}</td></tr>
 *   <tr><td>boolean</td><td>{@link Boolean}</td></tr>
 *   <tr><td>string</td><td>{@link String}</td></tr>
 *   <tr><td>datetime</td><td>{@link CimDateTime}</td></tr>
 *   <tr><td>reference</td><td>{@link String}, the object path text as given (see {@link #asPath()})</td></tr>
 *   <tr><td>char16</td><td>{@link Character}</td></tr>
 *   <tr><td>object</td><td>{@link CimObject} (an embedded instance or class)</td></tr>
 *   <tr><td>arrays</td><td>an unmodifiable {@link List} of the element representation; elements are never
 *       null</td></tr>
 * </table>
 *
 * <p>NULL ({@link #isNull()}) is a value in its own right: a property explicitly set to NULL is different from a
 * property left at its class default (see {@link CimInstance}).
 */
public final class CimValue {
    private final CimType type;
    private final Object value;

    private CimValue(CimType type, Object value) {
        this.type = type;
        this.value = value;
    }

    /** The NULL value of {@code type}. */
    public static CimValue nullOf(CimType type) {
        return new CimValue(Objects.requireNonNull(type, "type"), null);
    }

    /**
     * A value of {@code type} from a Java value ({@code null} gives NULL). Integers accept any {@link Number}
     * within range ({@link BigInteger} up to 2^64-1 for uint64); datetime accepts a {@link CimDateTime} or its
     * text; reference accepts a {@link String} or {@link CimObjectPath}; char16 accepts a {@link Character};
     * arrays accept a {@link List} or a Java array of element values.
     *
     * @throws CimException WBEM_E_TYPE_MISMATCH for a value of the wrong kind, WBEM_E_VALUE_OUT_OF_RANGE for an
     *                      integer out of the type's range
     */
    public static CimValue of(CimType type, Object value) {
        Objects.requireNonNull(type, "type");
        if (value == null) {
            return new CimValue(type, null);
        }
        if (value instanceof CimValue v) {
            if (v.type != type) {
                throw mismatch(type, value);
            }
            return v;
        }
        if (type.isArray()) {
            List<Object> out = new ArrayList<>();
            if (value instanceof List<?> l) {
                for (Object e : l) {
                    out.add(element(type.baseType(), e));
                }
            } else if (value.getClass().isArray()) {
                int n = Array.getLength(value);
                for (int i = 0; i < n; i++) {
                    out.add(element(type.baseType(), Array.get(value, i)));
                }
            } else {
                throw mismatch(type, value);
            }
            return new CimValue(type, Collections.unmodifiableList(out));
        }
        return new CimValue(type, element(type, value));
    }

    private static CimException mismatch(CimType type, Object value) {
        return new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH,
                "a " + value.getClass().getSimpleName() + " is not a value of CIM type " + type);
    }

    private static Object element(CimType type, Object v) {
        if (v == null) {
            throw new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH, "array elements cannot be NULL");
        }
        switch (type) {
            case SINT8: return integer(type, v, -128, 127);
            case UINT8: return integer(type, v, 0, 255);
            case SINT16: return integer(type, v, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16: return integer(type, v, 0, 65535);
            case SINT32: return integer(type, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32: return integer(type, v, 0, 0xFFFF_FFFFL);
            case SINT64: return integer(type, v, Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT64:
                if (v instanceof BigInteger b) {
                    if (b.signum() < 0 || b.bitLength() > 64) {
                        throw new CimException(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE, b + " is out of range for uint64");
                    }
                    return b.longValue();
                }
                if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    long l = ((Number) v).longValue();
                    if (l < 0 && !(v instanceof Long)) {
                        throw new CimException(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE, v + " is out of range for uint64");
                    }
                    return l;
                }
                throw mismatch(type, v);
            case REAL32:
                if (v instanceof Float || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    return ((Number) v).floatValue();
                }
                if (v instanceof Double d) {
                    return d.floatValue();
                }
                throw mismatch(type, v);
            case REAL64:
                if (v instanceof Number n && !(v instanceof BigInteger)) {
                    return n.doubleValue();
                }
                throw mismatch(type, v);
            case BOOLEAN:
                if (v instanceof Boolean) {
                    return v;
                }
                throw mismatch(type, v);
            case STRING:
                if (v instanceof String) {
                    return v;
                }
                throw mismatch(type, v);
            case DATETIME:
                if (v instanceof CimDateTime) {
                    return v;
                }
                if (v instanceof String s) {
                    return CimDateTime.parse(s);
                }
                throw mismatch(type, v);
            case REFERENCE:
                if (v instanceof String) {
                    return v;
                }
                if (v instanceof CimObjectPath p) {
                    return p.toString();
                }
                throw mismatch(type, v);
            case CHAR16:
                if (v instanceof Character) {
                    return v;
                }
                if (v instanceof Integer || v instanceof Short || v instanceof Long) {
                    long l = ((Number) v).longValue();
                    if (l < 0 || l > 0xFFFF) {
                        throw new CimException(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE, v + " is out of range for char16");
                    }
                    return (char) l;
                }
                throw mismatch(type, v);
            case OBJECT:
                if (v instanceof CimObject) {
                    return v;
                }
                throw mismatch(type, v);
            default:
                throw mismatch(type, v);
        }
    }

    private static Long integer(CimType type, Object v, long min, long max) {
        long l;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            l = ((Number) v).longValue();
        } else if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw new CimException(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE, b + " is out of range for " + type.mofName());
            }
            l = b.longValue();
        } else {
            throw mismatch(type, v);
        }
        if (l < min || l > max) {
            throw new CimException(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE, l + " is out of range for " + type.mofName());
        }
        return l;
    }

    public static CimValue sint8(int v) {
        return of(CimType.SINT8, v);
    }

    public static CimValue uint8(int v) {
        return of(CimType.UINT8, v);
    }

    public static CimValue sint16(int v) {
        return of(CimType.SINT16, v);
    }

    public static CimValue uint16(int v) {
        return of(CimType.UINT16, v);
    }

    public static CimValue sint32(int v) {
        return new CimValue(CimType.SINT32, (long) v);
    }

    public static CimValue uint32(long v) {
        return of(CimType.UINT32, v);
    }

    public static CimValue sint64(long v) {
        return new CimValue(CimType.SINT64, v);
    }

    /** A uint64 from its 64 bits ({@code -1} is 2^64-1). */
    public static CimValue uint64(long bits) {
        return new CimValue(CimType.UINT64, bits);
    }

    public static CimValue real32(float v) {
        return new CimValue(CimType.REAL32, v);
    }

    public static CimValue real64(double v) {
        return new CimValue(CimType.REAL64, v);
    }

    public static CimValue bool(boolean v) {
        return new CimValue(CimType.BOOLEAN, v);
    }

    public static CimValue string(String v) {
        return of(CimType.STRING, v);
    }

    public static CimValue datetime(CimDateTime v) {
        return of(CimType.DATETIME, v);
    }

    public static CimValue reference(String path) {
        return of(CimType.REFERENCE, path);
    }

    public static CimValue reference(CimObjectPath path) {
        return of(CimType.REFERENCE, path);
    }

    public static CimValue char16(char v) {
        return new CimValue(CimType.CHAR16, v);
    }

    public static CimValue object(CimObject v) {
        return of(CimType.OBJECT, v);
    }

    public static CimValue array(CimType elementType, List<?> elements) {
        return of(elementType.arrayType(), elements);
    }

    public CimType type() {
        return type;
    }

    public boolean isNull() {
        return value == null;
    }

    /** The Java value (see the class comment), or null for NULL. */
    public Object value() {
        return value;
    }

    private Object require(String what) {
        if (value == null) {
            throw new CimException(WbemStatus.WBEM_E_ILLEGAL_NULL, "value is NULL, " + what + " expected");
        }
        return value;
    }

    private CimException wrongType(String what) {
        return new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH, "a " + type + " value is not " + what);
    }

    /** An integer value (uint64: its 64 bits) or a char16 as its code. */
    public long asLong() {
        Object v = require("an integer");
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Character c) {
            return c;
        }
        throw wrongType("an integer");
    }

    /** An integer value, exact (uint64 as unsigned). */
    public BigInteger asBigInteger() {
        long l = asLong();
        if (type == CimType.UINT64 && l < 0) {
            return new BigInteger(Long.toUnsignedString(l));
        }
        return BigInteger.valueOf(l);
    }

    /** A numeric value as a double (uint64 as unsigned). */
    public double asDouble() {
        Object v = require("a number");
        if (v instanceof Float f) {
            return f;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long) {
            return asBigInteger().doubleValue();
        }
        throw wrongType("a number");
    }

    public boolean asBoolean() {
        if (require("a boolean") instanceof Boolean b) {
            return b;
        }
        throw wrongType("a boolean");
    }

    public char asChar() {
        if (require("a char16") instanceof Character c) {
            return c;
        }
        throw wrongType("a char16");
    }

    /** A string, reference (path text) or datetime (its 25 characters). */
    public String asString() {
        Object v = require("a string");
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof CimDateTime d) {
            return d.text();
        }
        throw wrongType("a string");
    }

    public CimDateTime asDateTime() {
        if (require("a datetime") instanceof CimDateTime d) {
            return d;
        }
        throw wrongType("a datetime");
    }

    /** A reference value parsed as an object path (WBEM_E_INVALID_OBJECT_PATH if it is not one). */
    public CimObjectPath asPath() {
        if (type != CimType.REFERENCE) {
            throw wrongType("a reference");
        }
        return CimObjectPath.parse(asString());
    }

    public CimObject asObject() {
        if (require("an object") instanceof CimObject o) {
            return o;
        }
        throw wrongType("an object");
    }

    /** The elements of an array value. */
    public List<?> asList() {
        if (require("an array") instanceof List<?> l) {
            return l;
        }
        throw wrongType("an array");
    }

    /** The elements of an array value, each as a {@link CimValue} of the element type. */
    public List<CimValue> elements() {
        List<?> l = asList();
        List<CimValue> out = new ArrayList<>(l.size());
        for (Object e : l) {
            out.add(new CimValue(type.baseType(), e));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CimValue v && v.type == type && Objects.equals(v.value, value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + (value == null ? 0 : value instanceof CimObject ? 1 : value.hashCode());
    }

    /** MOF-like text: {@code NULL}, {@code 42}, {@code "text"} (escaped), {@code TRUE}, {@code {1, 2}}. */
    @Override
    public String toString() {
        if (value == null) {
            return "NULL";
        }
        if (type.isArray()) {
            StringBuilder sb = new StringBuilder("{");
            List<?> l = (List<?>) value;
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(scalarText(type.baseType(), l.get(i)));
            }
            return sb.append('}').toString();
        }
        return scalarText(type, value);
    }

    private static String scalarText(CimType type, Object v) {
        switch (type) {
            case UINT64:
                return Long.toUnsignedString((Long) v);
            case BOOLEAN:
                return ((Boolean) v) ? "TRUE" : "FALSE";
            case STRING:
            case REFERENCE:
            case DATETIME:
                return quote(v.toString());
            case CHAR16:
                return "'" + escape(String.valueOf(v), '\'') + "'";
            case OBJECT:
                return (v instanceof CimClass ? "class " : "instance of ") + ((CimObject) v).className();
            default:
                return v.toString();
        }
    }

    /** {@code s} in double quotes with {@code \\}, {@code \"} and control characters escaped (MOF style). */
    public static String quote(String s) {
        return "\"" + escape(s, '"') + "\"";
    }

    private static String escape(String s, char q) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c == q) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20) {
                        sb.append(String.format("\\x%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
