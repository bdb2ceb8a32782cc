package org.jwmi.cim;

import java.util.List;

/** MOF text of classes and instances, for display (debugging tools, test failure messages). */
final class Mof {
    private Mof() {
    }

    static String classText(CimClass c) {
        StringBuilder sb = new StringBuilder();
        qualifiers(sb, c.qualifiers(), "");
        sb.append("class ").append(c.name());
        if (!c.derivation().isEmpty()) {
            sb.append(" : ").append(c.derivation().get(0));
        }
        sb.append("\n{\n");
        for (CimProperty p : c.properties()) {
            qualifiers(sb, p.qualifiers(), "  ");
            sb.append("  ").append(typeText(p.type(), p.typeClass())).append(' ').append(p.name());
            if (p.type().isArray()) {
                sb.append("[]");
            }
            if (p.hasDefault()) {
                sb.append(" = ").append(p.defaultValue());
            }
            sb.append(";\n");
        }
        for (CimMethod m : c.methods()) {
            qualifiers(sb, m.qualifiers(), "  ");
            CimType r = m.returnType();
            sb.append("  ").append(r == null ? "void" : r.mofName()).append(' ').append(m.name()).append('(');
            List<CimParameter> ps = m.parameters();
            for (int i = 0; i < ps.size(); i++) {
                CimParameter p = ps.get(i);
                sb.append(i == 0 ? "" : ", ").append(p.in() && p.out() ? "[in, out] " : p.in() ? "[in] " : "[out] ")
                        .append(typeText(p.type(), p.typeClass())).append(' ').append(p.name())
                        .append(p.type().isArray() ? "[]" : "");
            }
            sb.append(");\n");
        }
        return sb.append("};\n").toString();
    }

    static String instanceText(CimInstance inst) {
        StringBuilder sb = new StringBuilder();
        qualifiers(sb, inst.qualifiers(), "");
        sb.append("instance of ").append(inst.className()).append("\n{\n");
        List<CimProperty> ps = inst.cimClass().properties();
        for (int i = 0; i < ps.size(); i++) {
            if (inst.isDefaultAt(i)) {
                continue;
            }
            CimValue v = inst.valueAt(i);
            sb.append("  ").append(ps.get(i).name()).append(" = ");
            if (!v.isNull() && v.type() == CimType.OBJECT) {
                sb.append(indent(v.asObject() instanceof CimInstance e ? instanceText(e) : classText((CimClass) v.asObject())));
            } else if (!v.isNull() && v.type() == CimType.OBJECT_ARRAY) {
                sb.append("{");
                for (Object o : v.asList()) {
                    sb.append(indent(o instanceof CimInstance e ? instanceText(e) : classText((CimClass) o)));
                }
                sb.append("}");
            } else {
                sb.append(v);
            }
            sb.append(";\n");
        }
        return sb.append("};\n").toString();
    }

    private static String indent(String s) {
        return s.strip().replace("\n", "\n  ");
    }

    private static String typeText(CimType t, CimName typeClass) {
        CimType b = t.baseType();
        if (b == CimType.REFERENCE) {
            return (typeClass == null ? "object" : typeClass.text()) + " ref";
        }
        if (b == CimType.OBJECT && typeClass != null) {
            return typeClass.text();
        }
        return b.mofName();
    }

    private static void qualifiers(StringBuilder sb, CimQualifierSet qs, String indent) {
        boolean first = true;
        for (CimQualifier q : qs) {
            if (q.name().equals(CimQualifier.CIMTYPE)) {
                continue;
            }
            sb.append(first ? indent + "[" : ", ").append(q.name());
            if (!(q.value().type() == CimType.BOOLEAN && q.isTrue())) {
                sb.append(q.value().type().isArray() ? "" : "(").append(q.value())
                        .append(q.value().type().isArray() ? "" : ")");
            }
            String f = q.flavor().mofFlavors();
            if (q.flavor().bits() != 0 && !f.equals("Restricted")) {
                sb.append(": ").append(f);
            }
            first = false;
        }
        if (!first) {
            sb.append("]\n");
        }
    }
}
