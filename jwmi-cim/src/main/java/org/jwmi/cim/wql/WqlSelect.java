package org.jwmi.cim.wql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jwmi.cim.CimName;

/**
 * A SELECT statement: a data query ({@code SELECT * FROM Win32_Process WHERE ...}), a schema query
 * ({@code SELECT * FROM meta_class WHERE __this ISA "X"}) or an event query ({@code SELECT * FROM
 * __InstanceCreationEvent WITHIN 5 WHERE TargetInstance ISA "Win32_Process" GROUP WITHIN 60 BY ... HAVING ...}).
 *
 * @param properties    the SELECT list; empty for {@code *}
 * @param className     the FROM class
 * @param classPosition position of the class name in the query (-1 if not parsed)
 * @param within        WITHIN polling interval in seconds, or null
 * @param where         WHERE condition, or null
 * @param group         GROUP clause, or null
 */
public record WqlSelect(List<WqlProperty> properties, CimName className, int classPosition, Double within,
                        WqlExpr where, Group group) implements WqlQuery {

    /** The pseudo-class that makes a SELECT a schema query. */
    public static final CimName META_CLASS = CimName.of("meta_class");

    /** The intrinsic event classes (WMI SDK "Determining the Type of Event to Receive"). */
    public static final Set<CimName> INTRINSIC_EVENT_CLASSES = Set.of(
            CimName.of("__ClassCreationEvent"), CimName.of("__ClassDeletionEvent"),
            CimName.of("__ClassModificationEvent"), CimName.of("__ClassOperationEvent"),
            CimName.of("__InstanceCreationEvent"), CimName.of("__InstanceDeletionEvent"),
            CimName.of("__InstanceModificationEvent"), CimName.of("__InstanceOperationEvent"),
            CimName.of("__MethodInvocationEvent"), CimName.of("__NamespaceCreationEvent"),
            CimName.of("__NamespaceDeletionEvent"), CimName.of("__NamespaceModificationEvent"),
            CimName.of("__NamespaceOperationEvent"));

    /**
     * {@code GROUP WITHIN interval [BY property_list] [HAVING condition]} (WMI SDK "GROUP Clause", "HAVING
     * Clause").
     *
     * @param within grouping interval in seconds
     * @param by     BY properties (may be empty)
     * @param having HAVING condition (on NumberOfEvents), or null
     */
    public record Group(double within, List<WqlProperty> by, WqlExpr having) {
        public Group {
            by = List.copyOf(by);
        }
    }

    public WqlSelect {
        properties = List.copyOf(properties);
        Objects.requireNonNull(className, "className");
    }

    /** A plain {@code SELECT * FROM className [WHERE where]}. */
    public static WqlSelect of(String className, WqlExpr where) {
        return new WqlSelect(List.of(), CimName.of(className), -1, null, where, null);
    }

    public boolean isStar() {
        return properties.isEmpty();
    }

    /** True for {@code FROM meta_class}. */
    public boolean isSchemaQuery() {
        return className.equals(META_CLASS);
    }

    /** True if the statement uses event-only clauses (WITHIN, GROUP). */
    public boolean hasEventClauses() {
        return within != null || group != null;
    }

    /** True if the FROM class is an intrinsic event class. */
    public boolean isIntrinsicEventQuery() {
        return INTRINSIC_EVENT_CLASSES.contains(className);
    }

    /**
     * The classes named by {@code TargetInstance ISA "X"} (also TargetClass, TargetNamespace, PreviousInstance)
     * in the top-level AND chain of the WHERE clause: what an event query is about.
     */
    public List<CimName> targetClasses() {
        List<CimName> l = new ArrayList<>();
        collectTargets(where, l);
        return l;
    }

    private static void collectTargets(WqlExpr e, List<CimName> out) {
        if (e instanceof WqlExpr.And a) {
            collectTargets(a.left(), out);
            collectTargets(a.right(), out);
        } else if (e instanceof WqlExpr.Isa i && i.property().path().size() == 1) {
            String n = i.property().name().text();
            if (n.equalsIgnoreCase("TargetInstance") || n.equalsIgnoreCase("TargetClass")
                    || n.equalsIgnoreCase("TargetNamespace") || n.equalsIgnoreCase("PreviousInstance")) {
                out.add(i.className());
            }
        }
    }

    @Override
    public String toWql() {
        StringBuilder sb = new StringBuilder("SELECT ");
        if (isStar()) {
            sb.append('*');
        } else {
            for (int i = 0; i < properties.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(properties.get(i).toWql());
            }
        }
        sb.append(" FROM ").append(className.text());
        if (within != null) {
            sb.append(" WITHIN ").append(number(within));
        }
        if (where != null) {
            sb.append(" WHERE ").append(where.toWql());
        }
        if (group != null) {
            sb.append(" GROUP WITHIN ").append(number(group.within()));
            for (int i = 0; i < group.by().size(); i++) {
                sb.append(i == 0 ? " BY " : ", ").append(group.by().get(i).toWql());
            }
            if (group.having() != null) {
                sb.append(" HAVING ").append(group.having().toWql());
            }
        }
        return sb.toString();
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    @Override
    public String toString() {
        return toWql();
    }
}
