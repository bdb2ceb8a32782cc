package org.jwmi.server.repository;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;

/**
 * The indexed form of an instance's key values: the same text for every spelling WMI treats as the same key
 * (key names and strings without regard to case, numbers by value, {@code "5"} for a numeric key 5, references as
 * canonical relative paths), so that a path lookup is one index probe.
 */
final class KeyText {
    private KeyText() {
    }

    /** The key text of {@code values} (key property name to value) typed by {@code cls}; null if a key is NULL. */
    static String of(CimClass cls, Map<CimName, CimValue> values) {
        List<CimProperty> keys = new ArrayList<>(cls.keys());
        keys.sort((a, b) -> a.name().compareTo(b.name()));
        StringBuilder sb = new StringBuilder();
        for (CimProperty k : keys) {
            CimValue v = values.get(k.name());
            if (v == null || v.isNull()) {
                return null;
            }
            String t = normalize(k.type(), v);
            sb.append(fold(k.name().text())).append('=').append(t.length()).append(':').append(t).append(';');
        }
        return sb.toString();
    }

    /** The key text of instance path {@code path} for class {@code cls}; WBEM_E_INVALID_OBJECT_PATH if keys differ. */
    static String ofPath(CimClass cls, CimObjectPath path) {
        if (path.isSingleton()) {
            return "";
        }
        CimObjectPath p = path.resolveKeyNames(cls);
        Map<CimName, CimValue> m = new java.util.HashMap<>();
        for (CimObjectPath.KeyBinding b : p.keys()) {
            if (b.name() == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "unnamed key in " + path);
            }
            m.put(b.name(), b.value());
        }
        if (m.size() != cls.keys().size()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH,
                    "path " + path + " does not give exactly the keys of " + cls.name());
        }
        String t = of(cls, m);
        if (t == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "path " + path + " lacks a key of " + cls.name());
        }
        return t;
    }

    private static String normalize(CimType type, CimValue v) {
        Object o = v.value();
        if (type.isInteger()) {
            if (o instanceof String s) {
                try {
                    return new BigInteger(s.trim()).toString();
                } catch (NumberFormatException e) {
                    return "~" + fold(s);
                }
            }
            if (o instanceof Double || o instanceof Float) {
                return BigInteger.valueOf(((Number) o).longValue()).toString();
            }
            if (o instanceof Boolean b) {
                return b ? "1" : "0";
            }
            return v.asBigInteger().toString();
        }
        if (type == CimType.REAL32 || type == CimType.REAL64) {
            if (o instanceof String s) {
                try {
                    return Double.toString(Double.parseDouble(s.trim()));
                } catch (NumberFormatException e) {
                    return "~" + fold(s);
                }
            }
            return Double.toString(((Number) o).doubleValue());
        }
        if (type == CimType.BOOLEAN) {
            if (o instanceof Boolean b) {
                return b ? "TRUE" : "FALSE";
            }
            if (o instanceof Number n) {
                return n.longValue() != 0 ? "TRUE" : "FALSE";
            }
            String s = o.toString().trim();
            if (s.equalsIgnoreCase("true") || s.equals("1")) {
                return "TRUE";
            }
            if (s.equalsIgnoreCase("false") || s.equals("0")) {
                return "FALSE";
            }
            return "~" + fold(s);
        }
        if (type == CimType.REFERENCE) {
            String s = o.toString();
            try {
                return fold(CimObjectPath.parse(s).relative().canonical().toString());
            } catch (CimException e) {
                return "~" + fold(s);
            }
        }
        return fold(o.toString());
    }

    /** Case folding as {@link String#equalsIgnoreCase} compares. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
        }
        return sb.toString();
    }
}
