package org.jwmi.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.cim.CimObject;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.wmi.marshal.WbemContextBuffer;
import org.jwmi.wmi.marshal.WbemContextProperty;

/**
 * IWbemContext: named values passed to providers with a call ([MS-WMI] 2.2.13). Names are case-insensitive and
 * keep their first spelling. Values: {@link String}, {@link Boolean}, {@link Integer} (VT_I4), {@link Long}
 * (VT_I4 when it fits, else refused: IWbemContext has no 64-bit type), {@link Float}, {@link Double},
 * {@link CimObject} or {@link WbemClassObject} (VT_UNKNOWN), {@code null} (VT_NULL), or a {@link List} of one of
 * those scalar kinds. Thread-safe.
 */
public final class WbemContext {
    private final Map<String, Entry> values = new LinkedHashMap<>();
    private final UUID guid;

    private record Entry(String name, Object value) {
    }

    public WbemContext() {
        this(UUID.randomUUID());
    }

    private WbemContext(UUID guid) {
        this.guid = guid;
    }

    /** SetValue: sets {@code name} to {@code value} (replacing any value of that name). */
    public synchronized WbemContext setValue(String name, Object value) {
        Objects.requireNonNull(name, "name");
        toProperty(name, value);
        String key = name.toLowerCase(java.util.Locale.ROOT);
        Entry prev = values.get(key);
        values.put(key, new Entry(prev == null ? name : prev.name, value instanceof WbemClassObject w
                ? w.cimObject() : value));
        return this;
    }

    /** GetValue: the value of {@code name}, or {@code null} when absent. */
    public synchronized Object getValue(String name) {
        Entry e = values.get(name.toLowerCase(java.util.Locale.ROOT));
        return e == null ? null : e.value;
    }

    /** Whether {@code name} is set. */
    public synchronized boolean contains(String name) {
        return values.containsKey(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** DeleteValue. */
    public synchronized void deleteValue(String name) {
        values.remove(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** DeleteAll. */
    public synchronized void deleteAll() {
        values.clear();
    }

    /** GetNames, in the order they were first set. */
    public synchronized List<String> names() {
        List<String> l = new ArrayList<>();
        values.values().forEach(e -> l.add(e.name));
        return l;
    }

    /** Clone: an independent copy. */
    public synchronized WbemContext cloneContext() {
        WbemContext c = new WbemContext(guid);
        c.values.putAll(values);
        return c;
    }

    /** The IWbemContextBuffer this context is sent as. */
    public synchronized WbemContextBuffer toBuffer() {
        List<WbemContextProperty> props = new ArrayList<>();
        for (Entry e : values.values()) {
            props.add(toProperty(e.name, e.value));
        }
        return WbemContextBuffer.of(guid, props);
    }

    /** The pCtx parameter for {@code context} ({@code null} for none). */
    static MInterfacePointer pointer(WbemContext context) {
        return context == null ? null : context.toBuffer().pointer();
    }

    private static WbemContextProperty toProperty(String name, Object v) {
        if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                return WbemContextProperty.array(name, WbemContextProperty.VT_BSTR, List.of());
            }
            int vt = vt(name, list.get(0));
            List<Object> converted = new ArrayList<>();
            for (Object e : list) {
                if (e instanceof List<?> || vt(name, e) != vt) {
                    throw new IllegalArgumentException("context value " + name + ": the elements of a list must all"
                            + " be of one scalar kind");
                }
                converted.add(scalar(vt, e));
            }
            return WbemContextProperty.array(name, vt, converted);
        }
        int vt = vt(name, v);
        return WbemContextProperty.of(name, vt, scalar(vt, v));
    }

    private static int vt(String name, Object v) {
        if (v == null) {
            return WbemContextProperty.VT_NULL;
        }
        if (v instanceof String) {
            return WbemContextProperty.VT_BSTR;
        }
        if (v instanceof Boolean) {
            return WbemContextProperty.VT_BOOL;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return WbemContextProperty.VT_I4;
        }
        if (v instanceof Long l) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("context value " + name + " = " + l + " does not fit VT_I4"
                        + " (IWbemContext has no 64-bit integer; pass it as a string)");
            }
            return WbemContextProperty.VT_I4;
        }
        if (v instanceof Float) {
            return WbemContextProperty.VT_R4;
        }
        if (v instanceof Double) {
            return WbemContextProperty.VT_R8;
        }
        if (v instanceof CimObject || v instanceof WbemClassObject) {
            return WbemContextProperty.VT_UNKNOWN;
        }
        throw new IllegalArgumentException("context value " + name + " has a type IWbemContext cannot carry: "
                + v.getClass().getName());
    }

    private static Object scalar(int vt, Object v) {
        return switch (vt) {
            case WbemContextProperty.VT_I4 -> ((Number) v).longValue();
            case WbemContextProperty.VT_UNKNOWN -> v instanceof WbemClassObject w ? w.cimObject() : v;
            default -> v;
        };
    }

    @Override
    public synchronized String toString() {
        return "WbemContext" + names();
    }
}
