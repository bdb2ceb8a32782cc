package org.jwmi.server.provider.linux;

import java.time.Instant;
import java.time.ZoneId;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;

/** Helpers shared by the Linux providers. */
final class Props {

    private Props() {
    }

    /** Sets {@code name} to a string, or leaves it NULL if {@code v} is null. */
    static void str(CimInstance.Builder b, String name, String v) {
        if (v != null) {
            b.set(name, CimValue.string(v));
        }
    }

    static void u32(CimInstance.Builder b, String name, Long v) {
        if (v != null && v >= 0 && v <= 0xFFFF_FFFFL) {
            b.set(name, CimValue.uint32(v));
        }
    }

    static void u64(CimInstance.Builder b, String name, Long v) {
        if (v != null && v >= 0) {
            b.set(name, CimValue.uint64(v));
        }
    }

    /** A CIM datetime for {@code epochMillis} at the zone's offset at that instant. */
    static CimDateTime dateTime(Instant t, ZoneId zone) {
        return CimDateTime.of(t.atZone(zone).toOffsetDateTime());
    }

    /** The text of key {@code name} in {@code path} (string keys, or integers written unquoted), or null. */
    static String keyText(CimObjectPath path, String name) {
        if (path == null || !path.isInstancePath()) {
            return null;
        }
        CimValue v = path.key(CimName.of(name)).orElse(null);
        if (v == null && path.keys().size() == 1 && path.keys().get(0).name() == null) {
            v = path.keys().get(0).value();
        }
        if (v == null || v.isNull()) {
            return null;
        }
        Object o = v.value();
        return o instanceof String s ? s : o instanceof Long l ? Long.toString(l) : null;
    }
}
