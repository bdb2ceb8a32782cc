package org.jwmi.wmio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierSet;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.block.EncodingUnit;
import org.jwmi.wmio.block.ObjectBlock;

/**
 * Text renderings of decoded objects for people debugging WMI traffic: MOF-like text that shows what the encoding
 * carries beyond MOF (origin server and namespace, every qualifier with its flavors, each property's class of
 * origin and inherited defaults, instance properties that are NULL or left to the class default), and JSON.
 *
 * <p>{@link #decodeAny} accepts the three forms found on the wire: an EncodingUnit (Signature 0x12345678), an
 * ObjectArray ("WBEMDATA" after dwByteOrdering) and a bare ObjectBlock; {@link #readInput} accepts a file's
 * content as raw bytes or as hex text. A command-line tool is then {@code render(readInput(content), format)}.
 */
public final class WmioText {
    /** The output formats. */
    public enum Format {
        MOF, JSON
    }

    private WmioText() {
    }

    /**
     * The bytes a file holds: hex text (hex digits, whitespace, {@code :} separators, {@code #} and {@code //}
     * comments, as test vectors are written) is decoded, anything else is taken as raw bytes.
     */
    public static byte[] readInput(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (looksLikeHex(text)) {
            try {
                return Hex.decode(text);
            } catch (IllegalArgumentException e) {
                return content;
            }
        }
        return content;
    }

    private static boolean looksLikeHex(String text) {
        int digits = 0;
        for (String line : text.split("\\R")) {
            int cut = line.indexOf('#');
            int slash = line.indexOf("//");
            if (slash >= 0 && (cut < 0 || slash < cut)) {
                cut = slash;
            }
            String data = cut < 0 ? line : line.substring(0, cut);
            for (int i = 0; i < data.length(); i++) {
                char c = data.charAt(i);
                if (Character.digit(c, 16) >= 0) {
                    digits++;
                } else if (c != ' ' && c != '\t' && c != ':' && c != '\r') {
                    return false;
                }
            }
        }
        return digits > 0 && digits % 2 == 0;
    }

    /** Decodes an EncodingUnit, an ObjectArray or a bare ObjectBlock, whichever {@code bytes} holds. */
    public static List<CimObject> decodeAny(byte[] bytes, Limits limits) {
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0x78 && (bytes[1] & 0xff) == 0x56 && (bytes[2] & 0xff) == 0x34
                && (bytes[3] & 0xff) == 0x12) {
            return List.of(Wmio.toCim(EncodingUnit.decode(bytes, limits).objectBlock()));
        }
        if (bytes.length >= 12 && new String(bytes, 4, 8, StandardCharsets.ISO_8859_1).equals("WBEMDATA")) {
            return new ObjectArrayReader(limits).read(bytes);
        }
        if (bytes.length == 0) {
            throw new ProtocolException(ProtocolException.Kind.BUFSIZE, 0, "", "no bytes to decode");
        }
        return List.of(Wmio.toCim(ObjectBlock.decode(bytes, limits)));
    }

    /** {@link #readInput}, {@link #decodeAny} with default limits, then the objects in {@code format}. */
    public static String render(byte[] content, Format format) {
        List<CimObject> objects = decodeAny(readInput(content), Limits.DEFAULT);
        return format == Format.JSON ? toJson(objects) : toMof(objects);
    }

    // ---------------------------------------------------------------- MOF

    /** The objects as MOF-like text, one after the other. */
    public static String toMof(List<? extends CimObject> objects) {
        StringBuilder sb = new StringBuilder();
        for (CimObject o : objects) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(toMof(o));
        }
        return sb.toString();
    }

    /** One object as MOF-like text. */
    public static String toMof(CimObject o) {
        StringBuilder sb = new StringBuilder();
        mof(sb, o, "");
        return sb.toString();
    }

    private static void mof(StringBuilder sb, CimObject o, String indent) {
        if (origin(o) != null) {
            sb.append(indent).append("// ").append(origin(o)).append('\n');
        }
        if (o instanceof CimClass c) {
            classMof(sb, c, indent, false);
        } else {
            instanceMof(sb, (CimInstance) o, indent, false);
        }
    }

    /** An embedded object: its header continues the current line, its origin is a comment after the header. */
    private static void embeddedMof(StringBuilder sb, CimObject o, String indent) {
        if (o instanceof CimClass c) {
            classMof(sb, c, indent, true);
        } else {
            instanceMof(sb, (CimInstance) o, indent, true);
        }
    }

    private static String origin(CimObject o) {
        if (o.server() == null && o.namespace() == null) {
            return null;
        }
        return "from server " + nullText(o.server()) + ", namespace " + nullText(o.namespace());
    }

    /** The qualifiers and header line of an object: on lines of their own, or inline for an embedded object. */
    private static void header(StringBuilder sb, CimObject o, CimQualifierSet qs, String text, String indent,
                               boolean embedded) {
        if (embedded) {
            if (qs != null && !qs.isEmpty()) {
                List<String> items = new ArrayList<>();
                for (CimQualifier q : qs) {
                    items.add(qualifierText(q));
                }
                sb.append('[').append(String.join(", ", items)).append("] ");
            }
            sb.append(text);
            if (origin(o) != null) {
                sb.append(" // ").append(origin(o));
            }
        } else {
            qualifierLine(sb, qs, indent);
            sb.append(indent).append(text);
        }
        sb.append('\n');
    }

    private static String nullText(String s) {
        return s == null ? "(none)" : s.isEmpty() ? "\"\"" : s;
    }

    private static void classMof(StringBuilder sb, CimClass c, String indent, boolean embedded) {
        if (c.derivation().size() > 1 && !embedded) {
            sb.append(indent).append("// derivation: ").append(join(c.derivation())).append('\n');
        }
        String text = "class " + c.name() + (c.derivation().isEmpty() ? "" : " : " + c.derivation().get(0));
        header(sb, c, c.qualifiers(), text, indent, embedded);
        sb.append(indent).append("{\n");
        String in = indent + "    ";
        for (CimProperty p : c.properties()) {
            qualifierLine(sb, p.qualifiers(), in);
            sb.append(in).append(typeText(p.type(), p.typeClass())).append(' ').append(p.name());
            if (p.type().isArray()) {
                sb.append("[]");
            }
            if (!p.defaultValue().isNull()) {
                sb.append(" = ");
                value(sb, p.defaultValue(), in);
            }
            sb.append(';');
            List<String> notes = new ArrayList<>();
            if (p.isInheritedIn(c.name())) {
                notes.add("from " + p.classOfOrigin());
            }
            if (p.defaultInherited() && !p.defaultValue().isNull()) {
                notes.add("default inherited");
            }
            if (!notes.isEmpty()) {
                sb.append(" // ").append(String.join(", ", notes));
            }
            sb.append('\n');
        }
        for (CimMethod m : c.methods()) {
            qualifierLine(sb, m.qualifiers(), in);
            CimType rt = m.returnType();
            sb.append(in).append(rt == null ? "void" : typeText(rt, returnClass(m))).append(' ').append(m.name())
                    .append('(');
            List<String> params = new ArrayList<>();
            parameters(params, m.inParameters(), true, m.outParameters());
            parameters(params, m.outParameters(), false, m.inParameters());
            sb.append(String.join(", ", params)).append(");");
            if (m.isInheritedIn(c.name())) {
                sb.append(" // from ").append(m.classOfOrigin());
            }
            sb.append('\n');
        }
        sb.append(indent).append("};\n");
    }

    private static CimName returnClass(CimMethod m) {
        return m.outParameters().property(CimMethod.RETURN_VALUE).map(CimProperty::typeClass).orElse(null);
    }

    /** Parameters of one __PARAMETERS class; in/out ones are listed once, from the in class. */
    private static void parameters(List<String> out, CimClass params, boolean in, CimClass other) {
        if (params == null) {
            return;
        }
        for (CimProperty p : params.properties()) {
            if (p.name().equals(CimMethod.RETURN_VALUE) && !in) {
                continue;
            }
            boolean both = other != null && other.property(p.name()).isPresent();
            if (!in && both) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            CimQualifierSet qs = p.qualifiers();
            List<String> qual = new ArrayList<>();
            for (CimQualifier q : qs) {
                if (q.name().equals(CimQualifier.CIMTYPE)) {
                    continue;
                }
                qual.add(qualifierText(q));
            }
            if (both && !qs.contains(CimQualifier.OUT)) {
                qual.add("out");
            }
            if (!qual.isEmpty()) {
                sb.append('[').append(String.join(", ", qual)).append("] ");
            }
            sb.append(typeText(p.type(), p.typeClass())).append(' ').append(p.name());
            if (p.type().isArray()) {
                sb.append("[]");
            }
            out.add(sb.toString());
        }
    }

    private static void instanceMof(StringBuilder sb, CimInstance inst, String indent, boolean embedded) {
        CimClass c = inst.cimClass();
        header(sb, inst, inst.qualifiers(), "instance of " + c.name(), indent, embedded);
        sb.append(indent).append("{\n");
        String in = indent + "    ";
        List<CimProperty> props = c.properties();
        for (int i = 0; i < props.size(); i++) {
            CimProperty p = props.get(i);
            CimQualifierSet pq = inst.propertyQualifiers(p.name());
            if (inst.isDefaultAt(i)) {
                sb.append(in).append("// ").append(p.name()).append(" not set: class default ");
                value(sb, p.defaultValue(), in);
                sb.append('\n');
                continue;
            }
            qualifierLine(sb, pq, in);
            sb.append(in).append(p.name()).append(" = ");
            value(sb, inst.valueAt(i), in);
            sb.append(";\n");
        }
        sb.append(indent).append("};\n");
    }

    private static void value(StringBuilder sb, CimValue v, String indent) {
        if (v.isNull() || v.type().baseType() != CimType.OBJECT) {
            sb.append(v);
            return;
        }
        if (!v.type().isArray()) {
            StringBuilder nested = new StringBuilder();
            embeddedMof(nested, v.asObject(), indent);
            sb.append(nested, 0, nested.length() - 2);
            return;
        }
        List<CimValue> items = v.elements();
        sb.append('{');
        String in = indent + "    ";
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n").append(in);
            StringBuilder nested = new StringBuilder();
            embeddedMof(nested, items.get(i).asObject(), in);
            sb.append(nested, 0, nested.length() - 2);
        }
        sb.append(items.isEmpty() ? "" : "\n" + indent).append('}');
    }

    private static void qualifierLine(StringBuilder sb, CimQualifierSet qs, String indent) {
        if (qs == null || qs.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        for (CimQualifier q : qs) {
            items.add(qualifierText(q));
        }
        sb.append(indent).append('[').append(String.join(", ", items)).append("]\n");
    }

    private static String qualifierText(CimQualifier q) {
        StringBuilder sb = new StringBuilder(q.name().text());
        CimValue v = q.value();
        if (!(v.type() == CimType.BOOLEAN && !v.isNull() && v.asBoolean())) {
            sb.append(v.type().isArray() ? "" : "(").append(v).append(v.type().isArray() ? "" : ")");
        }
        String flavors = flavorText(q.flavor());
        if (!flavors.isEmpty()) {
            sb.append(": ").append(flavors);
        }
        return sb.toString();
    }

    /** MOF flavor keywords for the bits that differ from flavor 0, plus the origin bits MOF has no words for. */
    private static String flavorText(QualifierFlavor f) {
        List<String> words = new ArrayList<>();
        if (f.toSubclass()) {
            words.add("ToSubClass");
        }
        if (f.toInstance()) {
            words.add("ToInstance");
        }
        if (!f.overridable()) {
            words.add("DisableOverride");
        }
        if (f.amended()) {
            words.add("Amended");
        }
        if ((f.bits() & QualifierFlavor.ORIGIN_PROPAGATED) != 0) {
            words.add("/*propagated*/");
        }
        if ((f.bits() & QualifierFlavor.ORIGIN_SYSTEM) != 0) {
            words.add("/*system*/");
        }
        int unknown = f.bits() & ~0xF3;
        if (unknown != 0) {
            words.add(String.format("/*0x%02X*/", unknown));
        }
        return String.join(" ", words);
    }

    private static String typeText(CimType type, CimName typeClass) {
        CimType b = type.baseType();
        if (b == CimType.REFERENCE) {
            return (typeClass == null ? "object" : typeClass.text()) + " ref";
        }
        if (b == CimType.OBJECT && typeClass != null) {
            return "object:" + typeClass.text();
        }
        return b.mofName();
    }

    private static String join(List<CimName> names) {
        List<String> s = new ArrayList<>();
        for (CimName n : names) {
            s.add(n.text());
        }
        return String.join(", ", s);
    }

    // ---------------------------------------------------------------- JSON

    /** The objects as a JSON array. */
    public static String toJson(List<? extends CimObject> objects) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < objects.size(); i++) {
            sb.append(i == 0 ? "\n  " : ",\n  ");
            json(sb, objects.get(i), "  ");
        }
        return sb.append(objects.isEmpty() ? "]" : "\n]").append('\n').toString();
    }

    /** One object as JSON. */
    public static String toJson(CimObject o) {
        StringBuilder sb = new StringBuilder();
        json(sb, o, "");
        return sb.append('\n').toString();
    }

    private static void json(StringBuilder sb, CimObject o, String indent) {
        Json j = new Json(sb, indent);
        j.open('{');
        j.key("genus").string(o instanceof CimClass ? "class" : "instance");
        j.key("server").string(o.server());
        j.key("namespace").string(o.namespace());
        j.key("class").string(o.className().text());
        j.key("derivation").open('[');
        for (CimName n : o.cimClass().derivation()) {
            j.item().string(n.text());
        }
        j.close(']');
        if (o instanceof CimClass c) {
            j.key("qualifiers");
            qualifiersJson(j, c.qualifiers());
            j.key("properties").open('[');
            for (CimProperty p : c.properties()) {
                j.item().open('{');
                j.key("name").string(p.name().text());
                j.key("type").string(typeName(p.type(), p.typeClass()));
                j.key("classOfOrigin").string(p.classOfOrigin().text());
                j.key("default");
                valueJson(j, p.defaultValue());
                j.key("defaultInherited").raw(Boolean.toString(p.defaultInherited()));
                j.key("qualifiers");
                qualifiersJson(j, p.qualifiers());
                j.close('}');
            }
            j.close(']');
            j.key("methods").open('[');
            for (CimMethod m : c.methods()) {
                j.item().open('{');
                j.key("name").string(m.name().text());
                j.key("classOfOrigin").string(m.classOfOrigin().text());
                j.key("qualifiers");
                qualifiersJson(j, m.qualifiers());
                j.key("in");
                parametersJson(j, m.inParameters());
                j.key("out");
                parametersJson(j, m.outParameters());
                j.close('}');
            }
            j.close(']');
        } else {
            CimInstance inst = (CimInstance) o;
            j.key("qualifiers");
            qualifiersJson(j, inst.qualifiers());
            j.key("properties").open('[');
            List<CimProperty> props = inst.cimClass().properties();
            for (int i = 0; i < props.size(); i++) {
                CimProperty p = props.get(i);
                j.item().open('{');
                j.key("name").string(p.name().text());
                j.key("type").string(typeName(p.type(), p.typeClass()));
                boolean dflt = inst.isDefaultAt(i);
                CimValue v = inst.valueAt(i);
                j.key("state").string(dflt ? "default" : v.isNull() ? "null" : "set");
                j.key("value");
                valueJson(j, v);
                CimQualifierSet pq = inst.propertyQualifiers(p.name());
                if (pq != null && !pq.isEmpty()) {
                    j.key("qualifiers");
                    qualifiersJson(j, pq);
                }
                j.close('}');
            }
            j.close(']');
        }
        j.close('}');
    }

    private static void parametersJson(Json j, CimClass params) {
        if (params == null) {
            j.raw("null");
            return;
        }
        j.open('[');
        for (CimProperty p : params.properties()) {
            j.item().open('{');
            j.key("name").string(p.name().text());
            j.key("type").string(typeName(p.type(), p.typeClass()));
            j.key("qualifiers");
            qualifiersJson(j, p.qualifiers());
            j.close('}');
        }
        j.close(']');
    }

    private static void qualifiersJson(Json j, CimQualifierSet qs) {
        j.open('[');
        if (qs != null) {
            for (CimQualifier q : qs) {
                j.item().open('{');
                j.key("name").string(q.name().text());
                j.key("type").string(typeName(q.value().type(), null));
                j.key("value");
                valueJson(j, q.value());
                j.key("flavor").raw(Integer.toString(q.flavor().bits()));
                j.close('}');
            }
        }
        j.close(']');
    }

    private static String typeName(CimType type, CimName typeClass) {
        String base = type.baseType() == CimType.REFERENCE || type.baseType() == CimType.OBJECT
                ? type.cimtypeQualifierValue(typeClass) : type.mofName();
        return type.isArray() ? base + "[]" : base;
    }

    private static void valueJson(Json j, CimValue v) {
        if (v.isNull()) {
            j.raw("null");
            return;
        }
        if (v.type().isArray()) {
            j.open('[');
            for (CimValue e : v.elements()) {
                j.item();
                scalarJson(j, e);
            }
            j.close(']');
            return;
        }
        scalarJson(j, v);
    }

    private static void scalarJson(Json j, CimValue v) {
        switch (v.type()) {
            case SINT8, UINT8, SINT16, UINT16, SINT32, UINT32, SINT64 -> j.raw(Long.toString(v.asLong()));
            case UINT64 -> j.raw(Long.toUnsignedString(v.asLong()));
            case REAL32, REAL64 -> {
                double d = v.asDouble();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    j.string(Double.toString(d));
                } else {
                    j.raw(v.value().toString().toLowerCase(Locale.ROOT));
                }
            }
            case BOOLEAN -> j.raw(Boolean.toString(v.asBoolean()));
            case CHAR16 -> j.string(String.valueOf(v.asChar()));
            case DATETIME -> j.string(v.asDateTime().text());
            case OBJECT -> {
                StringBuilder nested = new StringBuilder();
                json(nested, v.asObject(), j.indent);
                j.raw(nested.toString());
            }
            default -> j.string(v.asString());
        }
    }

    /** A small indenting JSON writer. */
    private static final class Json {
        private final StringBuilder sb;
        private String indent;
        private boolean first = true;

        Json(StringBuilder sb, String indent) {
            this.sb = sb;
            this.indent = indent;
        }

        Json open(char c) {
            sb.append(c);
            indent += "  ";
            first = true;
            return this;
        }

        Json close(char c) {
            indent = indent.substring(2);
            if (!first) {
                sb.append('\n').append(indent);
            }
            sb.append(c);
            first = false;
            return this;
        }

        private void separate() {
            sb.append(first ? "\n" : ",\n").append(indent);
            first = false;
        }

        Json key(String k) {
            separate();
            quote(k);
            sb.append(": ");
            return this;
        }

        Json item() {
            separate();
            return this;
        }

        Json raw(String text) {
            sb.append(text);
            first = false;
            return this;
        }

        Json string(String s) {
            if (s == null) {
                return raw("null");
            }
            quote(s);
            first = false;
            return this;
        }

        private void quote(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20 || Character.isSurrogate(c)) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
