package org.jwmi.cim.wql;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.jwmi.cim.CimName;

/**
 * A property reference: {@code Name}, a system property such as {@code __CLASS}, the schema-query target
 * {@code __this}, or a path into embedded objects ({@code TargetInstance.Name}).
 *
 * @param path     the names, outermost first (at least one)
 * @param position zero-based position in the query, -1 if not parsed
 */
public record WqlProperty(List<CimName> path, int position) implements WqlOperand {
    public static final CimName THIS = CimName.of("__this");

    public WqlProperty {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty property path");
        }
    }

    public static WqlProperty of(String... names) {
        return new WqlProperty(java.util.Arrays.stream(names).map(CimName::of).toList(), -1);
    }

    /** The first (outermost) name. */
    public CimName name() {
        return path.get(0);
    }

    /** True for {@code __this}. */
    public boolean isThis() {
        return path.size() == 1 && path.get(0).equals(THIS);
    }

    public boolean isEmbeddedPath() {
        return path.size() > 1;
    }

    @Override
    public String toWql() {
        StringJoiner j = new StringJoiner(".");
        for (CimName n : path) {
            j.add(n.text());
        }
        return j.toString();
    }

    /** The same reference without position. */
    public WqlProperty withoutPosition() {
        return position < 0 ? this : new WqlProperty(path, -1);
    }

    @Override
    public String toString() {
        return toWql();
    }

    /** Equal paths (positions ignored). */
    public boolean samePath(WqlProperty o) {
        return Objects.equals(path, o.path);
    }
}
