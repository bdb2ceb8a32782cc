package org.jwmi.cim.wql;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.SystemProperty;
import org.jwmi.cim.WbemStatus;

/**
 * Runs data, schema and association queries over a {@link QuerySource} (event queries are filtered with
 * {@link WqlFilter} by whoever delivers events).
 *
 * <ul>
 *   <li>{@code SELECT ... FROM C [WHERE ...]}: the instances of C and its subclasses that match; with a property
 *       list, each result is projected to the listed properties plus the keys (so __PATH and __RELPATH stay
 *       computable) on a correspondingly reduced class, as WMI does. Unknown class: WBEM_E_INVALID_CLASS; a
 *       property that is neither a property of C nor a system property: WBEM_E_INVALID_PROPERTY; both with the
 *       position in the query.</li>
 *   <li>{@code SELECT * FROM meta_class [WHERE ...]}: the matching class definitions ({@code __this ISA "X"},
 *       {@code __CLASS = "X"}, {@code __SUPERCLASS IS NULL}, ...).</li>
 *   <li>{@code ASSOCIATORS OF} / {@code REFERENCES OF}: endpoints / associations of the source instance, once per
 *       association (ClassDefsOnly: each class once). A class path as source, or SchemaOnly, gives the schema
 *       form: the classes associated through association classes whose reference properties are typed with
 *       the source class or one of its superclasses. An instance source that does not exist:
 *       WBEM_E_NOT_FOUND.</li>
 * </ul>
 * Results are streamed lazily after the query has been validated. Thread-safe if the source is.
 */
public final class WqlEvaluator {
    private final QuerySource source;
    private final ZoneId zone;

    public WqlEvaluator(QuerySource source) {
        this(source, ZoneOffset.UTC);
    }

    /** {@code zone}: the zone of WQL date literals written without one. */
    public WqlEvaluator(QuerySource source, ZoneId zone) {
        this.source = Objects.requireNonNull(source, "source");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Parses ({@link WqlParser#parseDataQuery}) and runs {@code wql}. */
    public Stream<CimObject> execute(String wql) {
        return execute(WqlParser.parseDataQuery(wql));
    }

    /** Runs {@code query}. */
    public Stream<CimObject> execute(WqlQuery query) {
        if (query instanceof WqlSelect s) {
            if (s.hasEventClauses()) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY, "WITHIN and GROUP belong to event queries",
                        s.classPosition());
            }
            return s.isSchemaQuery() ? schema(s) : data(s);
        }
        if (query instanceof WqlAssociators a) {
            return associators(a);
        }
        return references((WqlReferences) query);
    }

    // ------------------------------------------------------------------ SELECT

    /**
     * Checks a data or event SELECT against the schema: the FROM class exists (WBEM_E_INVALID_CLASS), every
     * property named exists (WBEM_E_INVALID_PROPERTY), no ordering comparison on a boolean property and no
     * comparison or LIKE on an array property (WBEM_E_INVALID_QUERY). Returns the FROM class.
     */
    public CimClass validate(WqlSelect s) {
        CimClass c = source.getClass(s.className()).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_INVALID_CLASS, "class " + s.className() + " does not exist", s.classPosition()));
        for (WqlProperty p : s.properties()) {
            checkProperty(c, p);
        }
        if (s.where() != null) {
            checkExpr(c, s.where());
        }
        if (s.group() != null) {
            for (WqlProperty p : s.group().by()) {
                checkProperty(c, p);
            }
        }
        return c;
    }

    private static CimProperty checkProperty(CimClass c, WqlProperty p) {
        CimName n = p.name();
        if (p.isThis() || SystemProperty.byName(n) != null) {
            return null;
        }
        CimProperty prop = c.property(n).orElseThrow(() -> new CimException(WbemStatus.WBEM_E_INVALID_PROPERTY,
                "class " + c.name() + " has no property " + n, p.position()));
        if (p.isEmbeddedPath() && prop.type() != CimType.OBJECT) {
            throw new CimException(WbemStatus.WBEM_E_PROPERTY_NOT_AN_OBJECT,
                    "property " + n + " is not an embedded object", p.position());
        }
        return p.isEmbeddedPath() ? null : prop;
    }

    private static void checkExpr(CimClass c, WqlExpr e) {
        if (e instanceof WqlExpr.And a) {
            checkExpr(c, a.left());
            checkExpr(c, a.right());
        } else if (e instanceof WqlExpr.Or o) {
            checkExpr(c, o.left());
            checkExpr(c, o.right());
        } else if (e instanceof WqlExpr.Not n) {
            checkExpr(c, n.operand());
        } else if (e instanceof WqlExpr.IsNull n) {
            checkProperty(c, n.property());
        } else if (e instanceof WqlExpr.Isa i) {
            CimProperty p = checkProperty(c, i.property());
            if (p != null && p.type() != CimType.OBJECT) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY,
                        "ISA applies to embedded objects; " + p.name() + " is " + p.type(), i.property().position());
            }
        } else if (e instanceof WqlExpr.Like l) {
            CimProperty p = checkProperty(c, l.property());
            if (p != null && (p.type().isArray() || p.type() == CimType.OBJECT)) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY,
                        "LIKE does not apply to " + p.type() + " property " + p.name(), l.property().position());
            }
        } else if (e instanceof WqlExpr.Comparison cmp) {
            for (WqlOperand o : new WqlOperand[] {cmp.left(), cmp.right()}) {
                if (o instanceof WqlProperty wp) {
                    CimProperty p = checkProperty(c, wp);
                    if (p == null) {
                        continue;
                    }
                    if (p.type() == CimType.BOOLEAN && cmp.op().isOrdering()) {
                        throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY,
                                "boolean property " + p.name() + " can only be compared with =, <> or !=", wp.position());
                    }
                    boolean nullTest = cmp.left() instanceof WqlLiteral l1 && l1.isNull()
                            || cmp.right() instanceof WqlLiteral l2 && l2.isNull();
                    if ((p.type().isArray() || p.type() == CimType.OBJECT) && !nullTest) {
                        throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY,
                                "WQL cannot compare " + p.type() + " property " + p.name(), wp.position());
                    }
                }
            }
        }
    }

    private Stream<CimObject> data(WqlSelect s) {
        validate(s);
        WqlFilter f = WqlFilter.compile(s.where(), zone);
        Stream<CimInstance> matching = source.instances(s.className()).filter(f);
        if (s.isStar()) {
            return matching.map(i -> i);
        }
        List<CimName> keep = new ArrayList<>();
        for (WqlProperty p : s.properties()) {
            if (!p.isThis() && SystemProperty.byName(p.name()) == null) {
                keep.add(p.name());
            }
        }
        return matching.map(i -> i.project(keep));
    }

    private Stream<CimObject> schema(WqlSelect s) {
        if (s.where() != null) {
            checkIsaTargets(s.where());
        }
        WqlFilter f = WqlFilter.compile(s.where(), zone);
        return source.classes().filter(f).map(c -> c);
    }

    private void checkIsaTargets(WqlExpr e) {
        if (e instanceof WqlExpr.And a) {
            checkIsaTargets(a.left());
            checkIsaTargets(a.right());
        } else if (e instanceof WqlExpr.Or o) {
            checkIsaTargets(o.left());
            checkIsaTargets(o.right());
        } else if (e instanceof WqlExpr.Not n) {
            checkIsaTargets(n.operand());
        } else if (e instanceof WqlExpr.Isa i && i.property().isThis() && source.getClass(i.className()).isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_CLASS, "class " + i.className() + " does not exist",
                    i.classPosition());
        }
    }

    // ------------------------------------------------------------------ associations

    private CimInstance sourceInstance(CimObjectPath path, int pos) {
        CimClass c = source.getClass(path.className()).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_INVALID_CLASS, "class " + path.className() + " does not exist", pos));
        return source.getInstance(path.resolveKeyNames(c)).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_NOT_FOUND, "object " + path + " does not exist", pos));
    }

    private boolean isA(CimName cls, CimName ancestor) {
        if (cls.equals(ancestor)) {
            return true;
        }
        return source.getClass(cls).map(c -> c.isA(ancestor)).orElse(false);
    }

    private Stream<CimObject> associators(WqlAssociators q) {
        if (q.source().isNamespacePath()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY, "the source must be a class or an instance",
                    q.sourcePosition());
        }
        if (q.schemaOnly() || q.source().isClassPath()) {
            return schemaAssociators(q);
        }
        CimInstance src = sourceInstance(q.source(), q.sourcePosition());
        Stream<CimInstance> endpoints = source.referencesTo(src)
                .filter(a -> q.assocClass() == null || a.isA(q.assocClass()))
                .filter(a -> q.requiredAssocQualifier() == null
                        || a.cimClass().qualifiers().contains(q.requiredAssocQualifier()))
                .flatMap(a -> endpointsOf(a, src, q));
        if (q.classDefsOnly()) {
            return distinctClasses(endpoints.map(CimInstance::cimClass));
        }
        if (q.keysOnly()) {
            return endpoints.map(i -> i.project(List.of()));
        }
        return endpoints.map(i -> i);
    }

    private Stream<CimInstance> endpointsOf(CimInstance assoc, CimInstance src, WqlAssociators q) {
        List<CimInstance> out = new ArrayList<>();
        List<CimProperty> refs = assoc.cimClass().references();
        for (CimProperty role : refs) {
            if (q.role() != null && !q.role().equals(role.name())) {
                continue;
            }
            CimValue rv = assoc.value(role.name());
            if (rv == null || rv.isNull() || !QuerySource.designates(rv.asString(), src)) {
                continue;
            }
            for (CimProperty resultRole : refs) {
                if (resultRole == role || (q.resultRole() != null && !q.resultRole().equals(resultRole.name()))) {
                    continue;
                }
                CimValue ev = assoc.value(resultRole.name());
                if (ev == null || ev.isNull()) {
                    continue;
                }
                CimInstance end;
                try {
                    CimObjectPath ep = CimObjectPath.parse(ev.asString());
                    end = ep.className() == null ? null : source.getInstance(ep).orElse(null);
                } catch (CimException e) {
                    end = null;
                }
                if (end == null || (q.resultClass() != null && !end.isA(q.resultClass()))
                        || (q.requiredQualifier() != null && !end.cimClass().qualifiers().contains(q.requiredQualifier()))) {
                    continue;
                }
                out.add(end);
            }
        }
        return out.stream();
    }

    private Stream<CimObject> references(WqlReferences q) {
        if (q.source().isNamespacePath()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY, "the source must be a class or an instance",
                    q.sourcePosition());
        }
        if (q.schemaOnly() || q.source().isClassPath()) {
            return schemaReferences(q);
        }
        CimInstance src = sourceInstance(q.source(), q.sourcePosition());
        Stream<CimInstance> assocs = source.referencesTo(src)
                .filter(a -> q.resultClass() == null || a.isA(q.resultClass()))
                .filter(a -> q.requiredQualifier() == null || a.cimClass().qualifiers().contains(q.requiredQualifier()))
                .filter(a -> q.role() == null || QuerySource.refersTo(a, src, q.role()));
        if (q.classDefsOnly()) {
            return distinctClasses(assocs.map(CimInstance::cimClass));
        }
        if (q.keysOnly()) {
            return assocs.map(i -> i.project(List.of()));
        }
        return assocs.map(i -> i);
    }

    private static Stream<CimObject> distinctClasses(Stream<CimClass> classes) {
        Map<CimName, CimClass> m = new LinkedHashMap<>();
        classes.forEachOrdered(c -> m.putIfAbsent(c.name(), c));
        return m.values().stream().map(c -> c);
    }

    private CimClass sourceClass(CimObjectPath path, int pos) {
        return source.getClass(path.className()).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_INVALID_CLASS, "class " + path.className() + " does not exist", pos));
    }

    /** True if reference property {@code p} may point at instances of {@code cls} (typed with it or an ancestor,
     * or untyped). */
    private static boolean canReference(CimProperty p, CimClass cls) {
        return p.typeClass() == null || cls.isA(p.typeClass());
    }

    private Stream<CimObject> schemaAssociators(WqlAssociators q) {
        CimClass src = sourceClass(q.source(), q.sourcePosition());
        Map<CimName, CimClass> out = new LinkedHashMap<>();
        source.classes().filter(CimClass::isAssociation)
                .filter(a -> q.assocClass() == null || a.isA(q.assocClass()))
                .filter(a -> q.requiredAssocQualifier() == null || a.qualifiers().contains(q.requiredAssocQualifier()))
                .forEachOrdered(a -> {
                    for (CimProperty role : a.references()) {
                        if ((q.role() != null && !q.role().equals(role.name())) || role.typeClass() == null
                                || !canReference(role, src)) {
                            continue;
                        }
                        for (CimProperty rr : a.references()) {
                            if (rr == role || rr.typeClass() == null
                                    || (q.resultRole() != null && !q.resultRole().equals(rr.name()))) {
                                continue;
                            }
                            source.getClass(rr.typeClass()).ifPresent(end -> {
                                if ((q.resultClass() == null || end.isA(q.resultClass()))
                                        && (q.requiredQualifier() == null || end.qualifiers().contains(q.requiredQualifier()))) {
                                    out.putIfAbsent(end.name(), end);
                                }
                            });
                        }
                    }
                });
        return out.values().stream().map(c -> c);
    }

    private Stream<CimObject> schemaReferences(WqlReferences q) {
        CimClass src = sourceClass(q.source(), q.sourcePosition());
        return source.classes().filter(CimClass::isAssociation)
                .filter(a -> q.resultClass() == null || a.isA(q.resultClass()))
                .filter(a -> q.requiredQualifier() == null || a.qualifiers().contains(q.requiredQualifier()))
                .filter(a -> a.references().stream().anyMatch(r -> r.typeClass() != null && canReference(r, src)
                        && (q.role() == null || q.role().equals(r.name()))))
                .map(c -> c);
    }

    /** The source this evaluator queries. */
    public QuerySource source() {
        return source;
    }

    /** True if class {@code cls} is {@code ancestor} or derives from it, per the source's schema. */
    public boolean classIsA(CimName cls, CimName ancestor) {
        return isA(cls, ancestor);
    }
}
