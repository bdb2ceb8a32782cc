package org.jwmi.cim.mof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimParameter;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierSet;
import org.jwmi.cim.CimQualifierType;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;

/**
 * Writes model objects as MOF text in the layout of WMI's object text (IWbemClassObject::GetObjectText,
 * {@code $obj.GetText("mof")}): a class shows what it defines itself — its local qualifiers, its new properties and
 * methods, and the inherited ones it overrides (a local qualifier or default) — with its superclass named;
 * an instance shows the properties set on it. The text compiles back with {@link MofCompiler} into equal objects
 * when the superclasses are available, and when every qualifier's type is one the compiler infers for an
 * undeclared qualifier (boolean, sint32, sint64/uint64 beyond 32 bits, real64, string, char16, arrays of them).
 *
 * <p>Limits: the CIMTYPE qualifier is implied by the declared type and not written; flavor bits MOF cannot name
 * (0x04, 0x08) are lost; an embedded class (not instance) value and non-finite reals have no MOF literal and are
 * written as comments / as Java prints them. Methods' parameters are written in ID order with their direction.
 */
public final class MofWriter {
    private static final CimName MAX = CimName.of("MAX");
    private static final int ORIGIN_BITS = QualifierFlavor.ORIGIN_PROPAGATED | QualifierFlavor.ORIGIN_SYSTEM;
    private static final QualifierFlavor KEY_FLAVOR = QualifierFlavor.of(QualifierFlavor.PROPAGATE_TO_INSTANCE
            | QualifierFlavor.PROPAGATE_TO_DERIVED_CLASS | QualifierFlavor.NOT_OVERRIDABLE);

    /** No qualifier declarations known: the compiler's defaults for undeclared qualifiers. */
    private static final Map<CimName, QualifierFlavor> NO_DECLARATIONS = Map.of();

    private MofWriter() {
    }

    /** A class or an instance. */
    public static String objectText(CimObject o) {
        return o instanceof CimClass c ? classText(c) : instanceText((CimInstance) o);
    }

    /** The class's own definition, ending with {@code };} and a newline. */
    public static String classText(CimClass c) {
        return classText(c, null, NO_DECLARATIONS);
    }

    /** The instance's explicitly set properties, ending with {@code };} and a newline. */
    public static String instanceText(CimInstance i) {
        return instanceText(i, null, NO_DECLARATIONS);
    }

    /** {@code qualifier Name : type = default, scope(...), flavor(...);} and a newline. */
    public static String qualifierTypeText(CimQualifierType t) {
        StringBuilder sb = new StringBuilder("qualifier ").append(t.name()).append(" : ")
                .append(t.type().mofName()).append(t.type().isArray() ? "[]" : "");
        if (!t.defaultValue().isNull()) {
            sb.append(" = ").append(valueText(t.defaultValue()));
        }
        if (!t.scopes().isEmpty()) {
            List<String> l = new ArrayList<>();
            for (CimQualifierType.Scope s : CimQualifierType.Scope.values()) {
                if (t.scopes().contains(s)) {
                    l.add(s.name().toLowerCase(Locale.ROOT));
                }
            }
            sb.append(", scope(").append(String.join(", ", l)).append(')');
        }
        String f = flavorWords(QualifierFlavor.DEFAULT, t.flavor());
        if (!f.isEmpty()) {
            sb.append(", flavor(").append(f.replace(" ", ", ")).append(')');
        }
        return sb.append(";\n").toString();
    }

    /**
     * A whole unit: {@code #pragma namespace} (absolute, {@code \\.\ns}) before the first operation and at each
     * change, {@code #pragma classflags/instanceflags} when they change, then each operation.
     */
    public static String unitText(MofUnit u) {
        StringBuilder sb = new StringBuilder();
        if (u.autorecover()) {
            sb.append("#pragma autorecover\n");
        }
        String ns = null;
        Map<String, Map<CimName, QualifierFlavor>> declared = new HashMap<>();
        ChangeFlags cf = ChangeFlags.CREATE_OR_UPDATE;
        ChangeFlags inf = ChangeFlags.CREATE_OR_UPDATE;
        for (MofOperation op : u.operations()) {
            if (ns == null || !MofUnit.key(ns).equals(MofUnit.key(op.namespace()))) {
                ns = op.namespace();
                sb.append("#pragma namespace(").append(CimValue.quote("\\\\.\\" + ns)).append(")\n");
            }
            Map<CimName, QualifierFlavor> decl = declared.computeIfAbsent(MofUnit.key(ns), k -> new HashMap<>());
            if (op instanceof MofOperation.PutQualifierType q) {
                sb.append(qualifierTypeText(q.qualifierType()));
                decl.put(q.qualifierType().name(), q.qualifierType().flavor());
            } else if (op instanceof MofOperation.PutClass c) {
                if (!c.flags().equals(cf)) {
                    cf = c.flags();
                    sb.append("#pragma classflags(").append(cf.bits() == 0 ? "\"\"" : cf.mofWords()).append(")\n");
                }
                sb.append(classText(c.cimClass(), c.alias(), decl));
            } else if (op instanceof MofOperation.PutInstance i) {
                if (!i.flags().equals(inf)) {
                    inf = i.flags();
                    sb.append("#pragma instanceflags(").append(inf.bits() == 0 ? "\"\"" : inf.mofWords()).append(")\n");
                }
                sb.append(instanceText(i.instance(), i.alias(), decl));
            } else if (op instanceof MofOperation.DeleteClass d) {
                sb.append("#pragma deleteclass(").append(CimValue.quote(d.className().text())).append(", ")
                        .append(d.failIfMissing() ? "FAIL" : "NOFAIL").append(")\n");
            } else if (op instanceof MofOperation.DeleteInstance d) {
                sb.append("#pragma deleteinstance(").append(CimValue.quote(d.path().toString())).append(", ")
                        .append(d.failIfMissing() ? "FAIL" : "NOFAIL").append(")\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ classes

    private static String classText(CimClass c, String alias, Map<CimName, QualifierFlavor> decl) {
        StringBuilder sb = new StringBuilder();
        String cq = qualifierList(c.qualifiers().local(), decl);
        if (!cq.isEmpty()) {
            sb.append(cq).append('\n');
        }
        sb.append("class ").append(c.name());
        if (alias != null) {
            sb.append(" as $").append(alias);
        }
        if (!c.derivation().isEmpty()) {
            sb.append(" : ").append(c.derivation().get(0));
        }
        sb.append("\n{\n");
        for (CimProperty p : c.properties()) {
            boolean inherited = p.isInheritedIn(c.name());
            CimQualifierSet local = p.qualifiers().local();
            if (inherited && local.isEmpty() && p.defaultInherited()) {
                continue;
            }
            sb.append('\t');
            CimQualifierSet shown = local.without(CimQualifier.CIMTYPE);
            int size = arraySize(p.type(), shown);
            String q = qualifierList(size > 0 ? shown.without(MAX) : shown, decl);
            if (!q.isEmpty()) {
                sb.append(q).append(' ');
            }
            sb.append(typeText(p.type(), p.typeClass())).append(' ').append(p.name()).append(arraySuffix(p.type(), size));
            if (inherited ? !p.defaultInherited() : p.hasDefault()) {
                sb.append(" = ").append(valueText(p.defaultValue(), "\t", decl));
            }
            sb.append(";\n");
        }
        for (CimMethod m : c.methods()) {
            CimQualifierSet local = m.qualifiers().local();
            if (m.isInheritedIn(c.name()) && local.isEmpty()) {
                continue;
            }
            sb.append('\t');
            String q = qualifierList(local, decl);
            if (!q.isEmpty()) {
                sb.append(q).append(' ');
            }
            CimType r = m.returnType();
            CimName rc = r == null ? null : m.outParameters().property(CimMethod.RETURN_VALUE)
                    .map(CimProperty::typeClass).orElse(null);
            sb.append(r == null ? "void" : typeText(r, rc)).append(' ').append(m.name()).append('(');
            List<CimParameter> ps = m.parameters();
            for (int i = 0; i < ps.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(parameterText(m, ps.get(i), decl));
            }
            sb.append(");\n");
        }
        return sb.append("};\n").toString();
    }

    private static String parameterText(CimMethod m, CimParameter p, Map<CimName, QualifierFlavor> decl) {
        List<CimQualifier> l = new ArrayList<>();
        if (p.in()) {
            l.add(CimQualifier.flag("in", QualifierFlavor.DEFAULT));
        }
        if (p.out()) {
            l.add(CimQualifier.flag("out", QualifierFlavor.DEFAULT));
        }
        List<CimQualifier> user = new ArrayList<>();
        for (CimQualifier q : p.qualifiers()) {
            if (!q.name().equals(CimQualifier.CIMTYPE) && !q.name().equals(CimQualifier.IN)
                    && !q.name().equals(CimQualifier.OUT) && !q.name().equals(CimQualifier.ID)) {
                user.add(q);
            }
        }
        int size = arraySize(p.type(), CimQualifierSet.of(user));
        if (size > 0) {
            user.remove(user.size() - 1);
        }
        l.addAll(user);
        StringBuilder sb = new StringBuilder(qualifierList(CimQualifierSet.of(l), decl)).append(' ')
                .append(typeText(p.type(), p.typeClass())).append(' ').append(p.name())
                .append(arraySuffix(p.type(), size));
        CimClass holder = p.in() ? m.inParameters() : m.outParameters();
        CimValue def = holder == null ? null : holder.property(p.name()).map(CimProperty::defaultValue).orElse(null);
        if (def != null && !def.isNull()) {
            sb.append(" = ").append(valueText(def, "\t", decl));
        }
        return sb.toString();
    }

    /**
     * The size of a fixed-size array declaration ({@code uint8 Data[16]}), which the compiler keeps as a MAX
     * qualifier appended after the written ones; -1 when the last qualifier is not such a MAX.
     */
    private static int arraySize(CimType t, CimQualifierSet qs) {
        if (!t.isArray() || qs.isEmpty()) {
            return -1;
        }
        CimQualifier last = qs.asList().get(qs.size() - 1);
        if (!last.name().equals(MAX) || last.value().type() != CimType.SINT32 || last.value().isNull()
                || last.value().asLong() <= 0 || (last.flavor().bits() & ~ORIGIN_BITS) != 0) {
            return -1;
        }
        return (int) last.value().asLong();
    }

    private static String arraySuffix(CimType t, int size) {
        return !t.isArray() ? "" : size > 0 ? "[" + size + "]" : "[]";
    }

    /** The MOF type of a property or parameter ({@code Class ref}, {@code Class} for an embedded object). */
    static String typeText(CimType t, CimName typeClass) {
        CimType b = t.baseType();
        if (b == CimType.REFERENCE) {
            return (typeClass == null ? "object" : typeClass.text()) + " ref";
        }
        if (b == CimType.OBJECT) {
            return typeClass == null ? "object" : typeClass.text();
        }
        return b.mofName();
    }

    // ------------------------------------------------------------------ qualifiers

    /** {@code [a, b(1): ToSubClass]}, or empty for no qualifiers; {@code decl} holds declared default flavors. */
    static String qualifierList(CimQualifierSet qs, Map<CimName, QualifierFlavor> decl) {
        if (qs.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (CimQualifier q : qs) {
            sb.append(first ? "" : ", ").append(qualifierText(q, decl));
            first = false;
        }
        return sb.append(']').toString();
    }

    private static String qualifierText(CimQualifier q, Map<CimName, QualifierFlavor> decl) {
        StringBuilder sb = new StringBuilder(q.name().text());
        CimValue v = q.value();
        if (v.type().isArray() && !v.isNull()) {
            sb.append(valueText(v));
        } else if (!(v.type() == CimType.BOOLEAN && q.isTrue())) {
            sb.append('(').append(valueText(v)).append(')');
        }
        QualifierFlavor base = decl.get(q.name());
        if (base == null) {
            base = q.name().equals(CimQualifier.KEY) ? KEY_FLAVOR : QualifierFlavor.DEFAULT;
        }
        String f = flavorWords(base, q.flavor());
        if (!f.isEmpty()) {
            sb.append(": ").append(f);
        }
        return sb.toString();
    }

    /** The flavor words that turn {@code base} into {@code f} (origin bits ignored). */
    private static String flavorWords(QualifierFlavor base, QualifierFlavor f) {
        List<String> w = new ArrayList<>();
        if (f.toInstance() != base.toInstance()) {
            w.add(f.toInstance() ? "ToInstance" : "NotToInstance");
        }
        if (f.toSubclass() != base.toSubclass()) {
            w.add(f.toSubclass() ? "ToSubClass" : "NotToSubClass");
        }
        if (f.overridable() != base.overridable()) {
            w.add(f.overridable() ? "EnableOverride" : "DisableOverride");
        }
        if (f.amended() && !base.amended()) {
            w.add("Amended");
        }
        return String.join(" ", w);
    }

    // ------------------------------------------------------------------ instances and values

    private static String instanceText(CimInstance inst, String alias, Map<CimName, QualifierFlavor> decl) {
        return instanceBody(inst, alias, "", decl) + ";\n";
    }

    private static String instanceBody(CimInstance inst, String alias, String indent,
                                       Map<CimName, QualifierFlavor> decl) {
        StringBuilder sb = new StringBuilder();
        String iq = qualifierList(inst.qualifiers(), decl);
        if (!iq.isEmpty()) {
            sb.append(iq).append('\n').append(indent);
        }
        sb.append("instance of ").append(inst.className());
        if (alias != null) {
            sb.append(" as $").append(alias);
        }
        sb.append('\n').append(indent).append("{\n");
        List<CimProperty> ps = inst.cimClass().properties();
        for (int i = 0; i < ps.size(); i++) {
            if (inst.isDefaultAt(i)) {
                continue;
            }
            CimName n = ps.get(i).name();
            sb.append(indent).append('\t');
            String pq = qualifierList(inst.propertyQualifiers(n), decl);
            if (!pq.isEmpty()) {
                sb.append(pq).append(' ');
            }
            sb.append(n).append(" = ").append(valueText(inst.valueAt(i), indent + "\t", decl)).append(";\n");
        }
        return sb.append(indent).append('}').toString();
    }

    /** A value as a MOF literal: {@code NULL}, {@code 42}, {@code "a\"b"}, {@code 'c'}, {@code {1, 2}}, an embedded
     * {@code instance of X {...}}. */
    public static String valueText(CimValue v) {
        return valueText(v, "", NO_DECLARATIONS);
    }

    private static String valueText(CimValue v, String indent, Map<CimName, QualifierFlavor> decl) {
        if (v.isNull()) {
            return "NULL";
        }
        if (v.type().isArray()) {
            StringBuilder sb = new StringBuilder("{");
            List<?> l = v.asList();
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(scalarText(v.type().baseType(), l.get(i), indent, decl));
            }
            return sb.append('}').toString();
        }
        return scalarText(v.type(), v.value(), indent, decl);
    }

    private static String scalarText(CimType t, Object o, String indent, Map<CimName, QualifierFlavor> decl) {
        return switch (t) {
            case UINT64 -> Long.toUnsignedString((Long) o);
            case BOOLEAN -> ((Boolean) o) ? "TRUE" : "FALSE";
            case STRING, REFERENCE, DATETIME -> quote(o.toString(), '"');
            case CHAR16 -> quote(String.valueOf(o), '\'');
            case OBJECT -> o instanceof CimInstance i ? instanceBody(i, null, indent, decl)
                    : "NULL /* class " + ((CimClass) o).name() + " has no MOF value form */";
            default -> o.toString();
        };
    }

    private static String quote(String s, char q) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
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
                    } else if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\x%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(q).toString();
    }
}
