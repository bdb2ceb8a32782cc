package org.jwmi.wmio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierSet;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects encoded by this codec are decoded by an independent implementation, impacket's IWbemClassObject parser
 * ({@code src/test/resources/interop/impacket_check.py}, run with the system Python), which must see the same class
 * names, superclasses, property names, types and values, qualifiers with their flavors, and methods with their
 * parameters. Skipped only when impacket cannot be imported.
 *
 * <p>impacket 0.10 cannot decode a non-NULL real32/real64 instance value or a positive real default (it uses the
 * value as a heap offset), an embedded-object default, nor instance-level property qualifiers; the objects here
 * avoid those (real arrays are covered). Datetime and reference arrays are compared by type only, since impacket
 * reports their heap references instead of their strings.
 */
class ImpacketInteropTest {
    private static final List<String> PYTHON = List.of("env", "-u", "PYTHONPATH", "-u", "PYTHONHOME", "/usr/bin/python3");

    static CimClass small() {
        return CimClass.builder("Jwmi_Small").property("Tag", CimType.STRING).build();
    }

    static CimClass interop() {
        CimClass.Builder b = CimClass.builder("Jwmi_Interop")
                .qualifier("Description", CimValue.string("interop check"), QualifierFlavor.of(0x03))
                .qualifier("Locale", CimValue.sint32(1033), QualifierFlavor.of(0x01))
                .qualifier("Values", CimValue.of(CimType.STRING_ARRAY, List.of("a", "b\u00e9", "\u4e2d")), QualifierFlavor.of(0x12))
                .qualifier("dynamic", CimValue.bool(true), QualifierFlavor.of(0x00))
                .property("Name", CimType.STRING, p -> p.key().qualifier("MaxLen", CimValue.sint32(64), QualifierFlavor.of(0x13)))
                .property("S8", CimType.SINT8).property("U8", CimType.UINT8).property("S16", CimType.SINT16)
                .property("U16", CimType.UINT16).property("S32", CimType.SINT32, p -> p.defaultValue(CimValue.sint32(42)))
                .property("U32", CimType.UINT32).property("S64", CimType.SINT64).property("U64", CimType.UINT64)
                .property("R32", CimType.REAL32).property("R64", CimType.REAL64).property("Flag", CimType.BOOLEAN)
                .property("Text", CimType.STRING, p -> p.defaultValue(CimValue.string("dflt")).flag("read"))
                .property("When", CimType.DATETIME).property("Link", CimType.REFERENCE, p -> p.typeClass("Jwmi_Small"))
                .property("Letter", CimType.CHAR16).property("Embedded", CimType.OBJECT, p -> p.typeClass("Jwmi_Small"))
                .property("Bytes", CimType.UINT8_ARRAY).property("Shorts", CimType.SINT16_ARRAY)
                .property("Words", CimType.UINT32_ARRAY).property("Longs", CimType.SINT64_ARRAY)
                .property("Reals", CimType.REAL64_ARRAY).property("Flags", CimType.BOOLEAN_ARRAY)
                .property("Texts", CimType.STRING_ARRAY).property("Letters", CimType.CHAR16_ARRAY)
                .property("Objects", CimType.OBJECT_ARRAY)
                .method("Start", CimType.UINT32, m -> m.in("Command", CimType.STRING).in("Flags", CimType.UINT32)
                        .out("ProcessId", CimType.UINT32).qualifier("Implemented", CimValue.bool(true), QualifierFlavor.DEFAULT))
                .method("Stop", null, m -> { })
                .method("Describe", CimType.STRING, m -> m.out("Lines", CimType.STRING_ARRAY))
                .origin("JWMI-HOST", "root\\interop");
        return b.build();
    }

    static CimInstance full() {
        CimObject embedded = small().newInstance().set("Tag", "inner").build();
        return interop().newInstance().set("Name", "one").set("S8", -5).set("U8", 250).set("S16", -30000)
                .set("U16", 60000).set("S32", -7).set("U32", 4_000_000_000L).set("S64", Long.MIN_VALUE)
                .set("U64", -1L).setNull("R32").setNull("R64").set("Flag", true)
                .set("Text", "caf\u00e9 \u2603").set("When", "20240501123456.000123+060")
                .set("Link", "Jwmi_Small.Tag=\"x\"").set("Letter", '\u00e9').set("Embedded", embedded)
                .set("Bytes", List.of(0L, 127L, 255L)).set("Shorts", List.of(-1L, 2L)).set("Words", List.of(1L, 2L, 3L))
                .set("Longs", List.of(Long.MAX_VALUE)).set("Reals", List.of(0.5, -1e300)).set("Flags", List.of(true, false))
                .set("Texts", List.of("x", "", "\u00fcber")).set("Letters", List.of('a', '\u4e2d'))
                .set("Objects", List.of(embedded, small().newInstance().set("Tag", "second").build()))
                .origin("JWMI-HOST", "root\\interop").build();
    }

    static CimInstance sparse() {
        return interop().newInstance().set("Name", "two").setNull("S32").setNull("Texts").set("U8", 0).build();
    }

    @Test
    void impacketSeesWhatWeEncoded(@TempDir Path dir) throws Exception {
        Path script = script();
        Assumptions.assumeTrue(impacketAvailable(), "impacket cannot be imported by /usr/bin/python3");
        List<CimObject> objects = new ArrayList<>(List.of(interop(), CimClass.derive("Jwmi_Derived", interop())
                .property("Extra", CimType.UINT16).build(), full(), sparse(), small()));
        Random r = new Random(11);
        for (int i = 0; i < 20; i++) {
            ModelGen g = new ModelGen(r);
            g.impacketSafe = true;
            CimClass c = g.cimClass();
            objects.add(c);
            objects.add(g.instance(c, 0));
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < objects.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n");
            writeJson(json, expected(objects.get(i)));
        }
        json.append("\n]\n");
        Path cases = dir.resolve("cases.json");
        Files.writeString(cases, json, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(PYTHON);
        cmd.add(script.toString());
        cmd.add(cases.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("CHECKED " + objects.size());
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static Path script() throws URISyntaxException {
        return Path.of(ImpacketInteropTest.class.getResource("/interop/impacket_check.py").toURI());
    }

    private static boolean impacketAvailable() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(PYTHON);
        cmd.addAll(List.of("-c", "import impacket.dcerpc.v5.dcom.wmi"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** The case description the script compares impacket's view with. */
    static Map<String, Object> expected(CimObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hex", Hex.encode(Wmio.encode(o)));
        CimClass c = o.cimClass();
        m.put("genus", o instanceof CimClass ? "class" : "instance");
        m.put("name", c.name().text());
        m.put("superclass", c.derivation().isEmpty() ? null : c.derivation().get(0).text());
        m.put("qualifiers", qualifiers(c.qualifiers(), true));
        List<Object> props = new ArrayList<>();
        for (int i = 0; i < c.properties().size(); i++) {
            CimProperty p = c.properties().get(i);
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name().text());
            pm.put("type", p.type().code());
            pm.put("qualifiers", qualifiers(p.qualifiers(), true));
            if (o instanceof CimInstance inst && !inst.isDefaultAt(i) && !inst.valueAt(i).isNull()) {
                Object v = value(inst.valueAt(i));
                if (v != SKIP) {
                    pm.put("value", v);
                }
            }
            if (o instanceof CimClass && p.type() == CimType.STRING) {
                pm.put("default", p.defaultValue().isNull() ? null : p.defaultValue().asString());
            }
            props.add(pm);
        }
        m.put("properties", props);
        List<Object> methods = new ArrayList<>();
        for (CimMethod meth : c.methods()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", meth.name().text());
            mm.put("qualifiers", qualifiers(meth.qualifiers(), false));
            mm.put("in", parameters(meth.inParameters()));
            mm.put("out", parameters(meth.outParameters()));
            methods.add(mm);
        }
        m.put("methods", methods);
        return m;
    }

    private static Object parameters(CimClass params) {
        if (params == null) {
            return null;
        }
        List<Object> l = new ArrayList<>();
        for (CimProperty p : params.properties()) {
            l.add(List.of(p.name().text(), p.type().code()));
        }
        return l;
    }

    private static List<Object> qualifiers(CimQualifierSet qs, boolean withFlavor) {
        List<Object> l = new ArrayList<>();
        for (CimQualifier q : qs) {
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("name", q.name().text());
            Object v = q.value().type() == CimType.BOOLEAN ? (q.value().asBoolean() ? "True" : "False") : value(q.value());
            if (v != SKIP) {
                qm.put("value", v);
            }
            if (withFlavor) {
                qm.put("flavor", q.flavor().bits());
            }
            l.add(qm);
        }
        return l;
    }

    private static final Object SKIP = new Object();

    /** A value as impacket reports it: booleans as "True"/"False" (as 65535/0 inside arrays), char16 as its code. */
    private static Object value(CimValue v) {
        if (v.type().isArray()) {
            CimType base = v.type().baseType();
            if (base == CimType.DATETIME || base == CimType.REFERENCE) {
                return SKIP;
            }
            List<Object> l = new ArrayList<>();
            for (CimValue e : v.elements()) {
                l.add(base == CimType.BOOLEAN ? (e.asBoolean() ? 65535L : 0L) : value(e));
            }
            return l;
        }
        return switch (v.type()) {
            case SINT8, UINT8, SINT16, UINT16, SINT32, UINT32, SINT64 -> v.asLong();
            case UINT64 -> new Raw(Long.toUnsignedString(v.asLong()));
            case REAL32, REAL64 -> v.asDouble();
            case BOOLEAN -> v.asBoolean() ? "True" : "False";
            case CHAR16 -> (long) v.asChar();
            case DATETIME -> v.asDateTime().text();
            case OBJECT -> Map.of("class", v.asObject().className().text());
            default -> v.asString();
        };
    }

    private record Raw(String text) {
    }

    private static void writeJson(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Raw raw) {
            sb.append(raw.text());
        } else if (v instanceof String s) {
            sb.append('"');
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    sb.append('\\').append(ch);
                } else if (ch < 0x20 || ch > 0x7E) {
                    sb.append(String.format("\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            sb.append('"');
        } else if (v instanceof Double d) {
            sb.append(Double.toString(d));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ", ");
                first = false;
                writeJson(sb, e.getKey().toString());
                sb.append(": ");
                writeJson(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                writeJson(sb, list.get(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass());
        }
    }
}
