package org.jwmi.cim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * [MS-WMIO] 2.2.41 MethodDescription: a method of a class, its qualifiers, and its in and out parameters as two
 * __PARAMETERS classes (MS-WMIO 2.3.3). Immutable.
 *
 * @param name          method name
 * @param qualifiers    method qualifiers (propagated ones marked so)
 * @param inParameters  __PARAMETERS class holding the in parameters, or null if the method has none
 * @param outParameters __PARAMETERS class holding the out parameters and ReturnValue, or null for a method with
 *                      neither (MS-WMIO 2.2.70 allows an empty MethodSignatureBlock)
 * @param classOfOrigin the class that declared the method (MS-WMIO 2.2.45 MethodOrigin)
 */
public record CimMethod(CimName name, CimQualifierSet qualifiers, CimClass inParameters, CimClass outParameters,
                        CimName classOfOrigin) {

    /** The class name MS-WMIO 2.3.3 gives both parameter classes. */
    public static final CimName PARAMETERS_CLASS = CimName.of("__PARAMETERS");
    /** The out property that carries the return value. */
    public static final CimName RETURN_VALUE = CimName.of("ReturnValue");

    public CimMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(classOfOrigin, "classOfOrigin");
    }

    /** True if declared by a superclass of {@code owner} (MS-WMIO 2.2.43 WBEM_FLAVOR_ORIGIN_PROPAGATED). */
    public boolean isInheritedIn(CimName owner) {
        return !classOfOrigin.equals(owner);
    }

    /** The type of ReturnValue, or null for a void method. */
    public CimType returnType() {
        if (outParameters == null) {
            return null;
        }
        return outParameters.property(RETURN_VALUE).map(CimProperty::type).orElse(null);
    }

    /** The parameters (without ReturnValue), ordered by their ID qualifier, then by in-before-out. */
    public List<CimParameter> parameters() {
        Map<CimName, CimParameter> m = new LinkedHashMap<>();
        if (inParameters != null) {
            for (CimProperty p : inParameters.properties()) {
                m.put(p.name(), new CimParameter(p.name(), p.type(), p.typeClass(), true, false, id(p), p.qualifiers()));
            }
        }
        if (outParameters != null) {
            for (CimProperty p : outParameters.properties()) {
                if (p.name().equals(RETURN_VALUE)) {
                    continue;
                }
                CimParameter prev = m.get(p.name());
                m.put(p.name(), prev == null
                        ? new CimParameter(p.name(), p.type(), p.typeClass(), false, true, id(p), p.qualifiers())
                        : new CimParameter(prev.name(), prev.type(), prev.typeClass(), true, true, prev.id(),
                                prev.qualifiers()));
            }
        }
        List<CimParameter> l = new ArrayList<>(m.values());
        l.sort(Comparator.comparingInt(p -> p.id() < 0 ? Integer.MAX_VALUE : p.id()));
        return l;
    }

    private static int id(CimProperty p) {
        CimValue v = p.qualifiers().value("ID");
        if (v == null || v.isNull() || !v.type().isInteger()) {
            return -1;
        }
        return (int) v.asLong();
    }

    public CimMethod withQualifiers(CimQualifierSet q) {
        return new CimMethod(name, q, inParameters, outParameters, classOfOrigin);
    }

    @Override
    public String toString() {
        CimType r = returnType();
        StringBuilder sb = new StringBuilder(r == null ? "void" : r.mofName()).append(' ').append(name).append('(');
        List<CimParameter> ps = parameters();
        for (int i = 0; i < ps.size(); i++) {
            CimParameter p = ps.get(i);
            sb.append(i == 0 ? "" : ", ").append(p.in() && p.out() ? "[in, out] " : p.in() ? "[in] " : "[out] ")
                    .append(p.type().mofName()).append(' ').append(p.name()).append(p.type().isArray() ? "[]" : "");
        }
        return sb.append(')').toString();
    }
}
