package org.jwmi.cim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * [MS-WMIO] 2.2.59 QualifierSet: the qualifiers of one element, in their order, unique by (case-insensitive)
 * name. Immutable; the {@code with...} methods return new sets.
 */
public final class CimQualifierSet implements Iterable<CimQualifier> {
    public static final CimQualifierSet EMPTY = new CimQualifierSet(List.of());

    private final List<CimQualifier> list;
    private final Map<CimName, CimQualifier> byName;

    private CimQualifierSet(List<CimQualifier> list) {
        this.list = list;
        Map<CimName, CimQualifier> m = new HashMap<>();
        for (CimQualifier q : list) {
            if (m.put(q.name(), q) != null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_QUALIFIER, "duplicate qualifier " + q.name());
            }
        }
        this.byName = m;
    }

    /** A set of {@code qualifiers} in that order; duplicate names raise WBEM_E_INVALID_QUALIFIER. */
    public static CimQualifierSet of(List<CimQualifier> qualifiers) {
        return qualifiers.isEmpty() ? EMPTY : new CimQualifierSet(List.copyOf(qualifiers));
    }

    public static CimQualifierSet of(CimQualifier... qualifiers) {
        return of(List.of(qualifiers));
    }

    public Optional<CimQualifier> get(CimName name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<CimQualifier> get(String name) {
        return get(CimName.of(name));
    }

    /** The value of qualifier {@code name}, or null if absent. */
    public CimValue value(String name) {
        CimQualifier q = byName.get(CimName.of(name));
        return q == null ? null : q.value();
    }

    public boolean contains(CimName name) {
        return byName.containsKey(name);
    }

    public boolean contains(String name) {
        return contains(CimName.of(name));
    }

    /** True if qualifier {@code name} is present with the boolean value TRUE. */
    public boolean isTrue(CimName name) {
        CimQualifier q = byName.get(name);
        return q != null && q.isTrue();
    }

    public boolean isTrue(String name) {
        return isTrue(CimName.of(name));
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The qualifiers in order (unmodifiable). */
    public List<CimQualifier> asList() {
        return list;
    }

    public Stream<CimQualifier> stream() {
        return list.stream();
    }

    @Override
    public Iterator<CimQualifier> iterator() {
        return list.iterator();
    }

    /** This set with {@code q} replacing the qualifier of the same name (in place) or appended. No override
     * check: see {@link #override(CimQualifier)}. */
    public CimQualifierSet with(CimQualifier q) {
        List<CimQualifier> l = new ArrayList<>(list);
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).name().equals(q.name())) {
                l.set(i, q);
                return new CimQualifierSet(Collections.unmodifiableList(l));
            }
        }
        l.add(q);
        return new CimQualifierSet(Collections.unmodifiableList(l));
    }

    /**
     * This set with a locally specified {@code q}: it replaces a propagated qualifier of the same name unless that
     * one is not overridable (WBEM_E_OVERRIDE_NOT_ALLOWED, unless the value is the same). The new qualifier's
     * origin is set to local.
     */
    public CimQualifierSet override(CimQualifier q) {
        CimQualifier old = byName.get(q.name());
        if (old != null && old.flavor().origin() != QualifierFlavor.Origin.LOCAL && !old.flavor().overridable()
                && !old.value().equals(q.value())) {
            throw new CimException(WbemStatus.WBEM_E_OVERRIDE_NOT_ALLOWED,
                    "qualifier " + q.name() + " is inherited with DisableOverride");
        }
        return with(q.withOrigin(QualifierFlavor.Origin.LOCAL));
    }

    public CimQualifierSet without(CimName name) {
        if (!byName.containsKey(name)) {
            return this;
        }
        List<CimQualifier> l = new ArrayList<>(list);
        l.removeIf(q -> q.name().equals(name));
        return of(l);
    }

    /** The qualifiers a derived class inherits: those with ToSubClass, marked propagated. */
    public CimQualifierSet propagatedToSubclass() {
        return propagated(true);
    }

    /** The qualifiers an instance inherits: those with ToInstance, marked propagated. */
    public CimQualifierSet propagatedToInstance() {
        return propagated(false);
    }

    private CimQualifierSet propagated(boolean subclass) {
        List<CimQualifier> l = new ArrayList<>();
        for (CimQualifier q : list) {
            if (subclass ? q.flavor().toSubclass() : q.flavor().toInstance()) {
                l.add(q.flavor().origin() == QualifierFlavor.Origin.SYSTEM ? q
                        : q.withOrigin(QualifierFlavor.Origin.PROPAGATED));
            }
        }
        return of(l);
    }

    /** Only the qualifiers whose origin is local. */
    public CimQualifierSet local() {
        List<CimQualifier> l = new ArrayList<>();
        for (CimQualifier q : list) {
            if (q.flavor().origin() == QualifierFlavor.Origin.LOCAL) {
                l.add(q);
            }
        }
        return l.size() == list.size() ? this : of(l);
    }

    /** {@code inherited} overridden, qualifier by qualifier, by {@code local} (see {@link #override}). */
    public static CimQualifierSet merge(CimQualifierSet inherited, CimQualifierSet local) {
        CimQualifierSet s = inherited;
        for (CimQualifier q : local) {
            s = s.override(q);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CimQualifierSet s && s.list.equals(list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
