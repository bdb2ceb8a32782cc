package org.jwmi.cim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CIM instance ([MS-WMIO] 2.2.53 InstanceType): its class and, for each property, either an explicit value
 * (which may be NULL) or nothing, meaning the class default applies (the NdTable "default" bit). Immutable and
 * thread-safe; change one through {@link #toBuilder()} or {@link #with(String, CimValue)}.
 *
 * <p>Qualifiers: {@link #qualifiers()} and {@link #propertyQualifiers(CimName)} hold what was set on the instance
 * itself (MS-WMIO 2.2.57, 2.2.65); {@link #effectiveQualifiers()} and {@link #effectivePropertyQualifiers(CimName)}
 * add what the class propagates to instances (ToInstance flavor).
 */
public final class CimInstance implements CimObject {
    private final CimClass cimClass;
    private final CimValue[] values; // null entry: class default
    private final CimQualifierSet qualifiers;
    private final Map<CimName, CimQualifierSet> propertyQualifiers;
    private final String server;
    private final String namespace;

    private CimInstance(CimClass cimClass, CimValue[] values, CimQualifierSet qualifiers,
                        Map<CimName, CimQualifierSet> propertyQualifiers, String server, String namespace) {
        this.cimClass = cimClass;
        this.values = values;
        this.qualifiers = qualifiers;
        this.propertyQualifiers = Map.copyOf(propertyQualifiers);
        this.server = server;
        this.namespace = namespace;
    }

    public static Builder builder(CimClass cimClass) {
        return new Builder(cimClass);
    }

    @Override
    public int genus() {
        return SystemProperty.GENUS_INSTANCE;
    }

    @Override
    public CimClass cimClass() {
        return cimClass;
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public CimInstance withOrigin(String srv, String ns) {
        return new CimInstance(cimClass, values, qualifiers, propertyQualifiers, srv, ns);
    }

    private int index(CimName name) {
        int i = cimClass.propertyIndex(name);
        if (i < 0) {
            throw new CimException(WbemStatus.WBEM_E_NOT_FOUND, "class " + cimClass.name() + " has no property " + name);
        }
        return i;
    }

    /**
     * The value of property {@code name}: the explicit value, else the class default (either may be NULL). System
     * properties are computed. Null if the class has no such property.
     */
    @Override
    public CimValue value(CimName name) {
        int i = cimClass.propertyIndex(name);
        if (i < 0) {
            SystemProperty sp = SystemProperty.byName(name);
            return sp == null ? null : sp.valueOf(this);
        }
        CimValue v = values[i];
        return v != null ? v : cimClass.properties().get(i).defaultValue();
    }

    /** The value at property index {@code i} of the class (explicit or default). */
    public CimValue valueAt(int i) {
        CimValue v = values[i];
        return v != null ? v : cimClass.properties().get(i).defaultValue();
    }

    /** The value set on the instance, empty if the property takes the class default (WBEM_E_NOT_FOUND if the
     * class has no such property). */
    public Optional<CimValue> explicitValue(CimName name) {
        return Optional.ofNullable(values[index(name)]);
    }

    /** True if property {@code name} takes the class default. */
    public boolean isDefault(CimName name) {
        return values[index(name)] == null;
    }

    /** True if property index {@code i} takes the class default. */
    public boolean isDefaultAt(int i) {
        return values[i] == null;
    }

    /** Qualifiers set on the instance itself. */
    public CimQualifierSet qualifiers() {
        return qualifiers;
    }

    /** Class qualifiers propagated to instances, overridden by the instance's own. */
    public CimQualifierSet effectiveQualifiers() {
        return CimQualifierSet.merge(cimClass.qualifiers().propagatedToInstance(), qualifiers);
    }

    /** Qualifiers set on property {@code name} in this instance (empty set when none). */
    public CimQualifierSet propertyQualifiers(CimName name) {
        index(name);
        return propertyQualifiers.getOrDefault(name, CimQualifierSet.EMPTY);
    }

    /** True if any property has instance-level qualifiers (MS-WMIO 2.2.65 InstPropQualSetFlag 2). */
    public boolean hasPropertyQualifiers() {
        for (CimQualifierSet s : propertyQualifiers.values()) {
            if (!s.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The property's class qualifiers propagated to instances, overridden by the instance's own. */
    public CimQualifierSet effectivePropertyQualifiers(CimName name) {
        CimProperty p = cimClass.properties().get(index(name));
        return CimQualifierSet.merge(p.qualifiers().propagatedToInstance(), propertyQualifiers(name));
    }

    /** The key property values in declaration order (a value may be NULL). */
    public Map<CimName, CimValue> keyValues() {
        Map<CimName, CimValue> m = new LinkedHashMap<>();
        List<CimProperty> ps = cimClass.properties();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).isKey()) {
                m.put(ps.get(i).name(), valueAt(i));
            }
        }
        return m;
    }

    /**
     * __RELPATH: {@code Class=@} for a singleton; {@code Class.K1=v1,K2=v2} with the keys in (case-insensitive)
     * alphabetical order, which is the order of WMI's sorted property table; null if the class has no keys or a key
     * is NULL.
     */
    @Override
    public CimObjectPath relPath() {
        if (cimClass.isSingleton()) {
            return CimObjectPath.singleton(cimClass.name());
        }
        Map<CimName, CimValue> keys = keyValues();
        if (keys.isEmpty()) {
            return null;
        }
        List<CimObjectPath.KeyBinding> l = new ArrayList<>();
        for (Map.Entry<CimName, CimValue> e : keys.entrySet()) {
            if (e.getValue().isNull()) {
                return null;
            }
            l.add(new CimObjectPath.KeyBinding(e.getKey(), e.getValue()));
        }
        l.sort((a, b) -> a.name().compareTo(b.name()));
        return CimObjectPath.forInstance(cimClass.name(), l);
    }

    /** This instance with property {@code name} set to {@code v}. */
    public CimInstance with(String name, CimValue v) {
        return toBuilder().set(name, v).build();
    }

    /**
     * This instance with only the properties in {@code keep} (plus the keys, so that __PATH and __RELPATH stay
     * computable), on the correspondingly reduced class: what WMI returns for {@code SELECT a, b FROM ...}.
     */
    public CimInstance project(Collection<CimName> keep) {
        List<CimName> names = new ArrayList<>(keep);
        for (CimProperty p : cimClass.keys()) {
            names.add(p.name());
        }
        CimClass reduced = cimClass.project(names);
        if (reduced == cimClass) {
            return this;
        }
        CimValue[] v = new CimValue[reduced.properties().size()];
        Map<CimName, CimQualifierSet> pq = new HashMap<>();
        for (int i = 0; i < v.length; i++) {
            CimName n = reduced.properties().get(i).name();
            v[i] = values[cimClass.propertyIndex(n)];
            if (propertyQualifiers.containsKey(n)) {
                pq.put(n, propertyQualifiers.get(n));
            }
        }
        return new CimInstance(reduced, v, qualifiers, pq, server, namespace);
    }

    public Builder toBuilder() {
        Builder b = new Builder(cimClass);
        System.arraycopy(values, 0, b.values, 0, values.length);
        b.qualifiers = qualifiers;
        b.propertyQualifiers.putAll(propertyQualifiers);
        b.server = server;
        b.namespace = namespace;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CimInstance i && i.cimClass.equals(cimClass) && Arrays.equals(i.values, values)
                && i.qualifiers.equals(qualifiers) && i.propertyQualifiers.equals(propertyQualifiers)
                && Objects.equals(i.server, server) && Objects.equals(i.namespace, namespace);
    }

    @Override
    public int hashCode() {
        return cimClass.name().hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        CimObjectPath p = relPath();
        return "instance of " + cimClass.name() + (p == null ? "" : " (" + p + ")");
    }

    /** The instance as MOF text: the explicitly set properties. */
    public String toMof() {
        return Mof.instanceText(this);
    }

    /**
     * Builds an instance. Values must have the property's exact type (WBEM_E_TYPE_MISMATCH otherwise; use
     * {@link #set(String, Object)} to convert a Java value); unknown properties raise WBEM_E_NOT_FOUND; an
     * instance qualifier may not override a class qualifier propagated with DisableOverride
     * (WBEM_E_OVERRIDE_NOT_ALLOWED).
     */
    public static final class Builder {
        private final CimClass cimClass;
        private final CimValue[] values;
        private CimQualifierSet qualifiers = CimQualifierSet.EMPTY;
        private final Map<CimName, CimQualifierSet> propertyQualifiers = new HashMap<>();
        private String server;
        private String namespace;

        private Builder(CimClass cimClass) {
            this.cimClass = Objects.requireNonNull(cimClass, "cimClass");
            this.values = new CimValue[cimClass.properties().size()];
        }

        private int index(CimName name) {
            int i = cimClass.propertyIndex(name);
            if (i < 0) {
                throw new CimException(WbemStatus.WBEM_E_NOT_FOUND,
                        "class " + cimClass.name() + " has no property " + name);
            }
            return i;
        }

        /** Sets property {@code name} to {@code v} (which may be NULL). */
        public Builder set(CimName name, CimValue v) {
            int i = index(name);
            CimProperty p = cimClass.properties().get(i);
            if (v.type() != p.type()) {
                throw new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH,
                        "property " + p.name() + " is " + p.type() + ", value is " + v.type());
            }
            values[i] = v;
            return this;
        }

        public Builder set(String name, CimValue v) {
            return set(CimName.of(name), v);
        }

        /** Sets property {@code name} from a Java value converted to the property's type. */
        public Builder set(String name, Object javaValue) {
            CimName n = CimName.of(name);
            CimProperty p = cimClass.properties().get(index(n));
            return set(n, CimValue.of(p.type(), javaValue));
        }

        /** Sets property {@code name} explicitly to NULL (not the class default). */
        public Builder setNull(String name) {
            CimName n = CimName.of(name);
            return set(n, CimValue.nullOf(cimClass.properties().get(index(n)).type()));
        }

        /** Sets the value at property index {@code i}; {@code v} null means "class default". */
        public Builder setAt(int i, CimValue v) {
            if (v != null && v.type() != cimClass.properties().get(i).type()) {
                throw new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH, "property "
                        + cimClass.properties().get(i).name() + " is " + cimClass.properties().get(i).type()
                        + ", value is " + v.type());
            }
            values[i] = v;
            return this;
        }

        /** Returns property {@code name} to the class default. */
        public Builder reset(String name) {
            values[index(CimName.of(name))] = null;
            return this;
        }

        /** An instance qualifier (origin set to local). */
        public Builder qualifier(CimQualifier q) {
            CimQualifier inherited = cimClass.qualifiers().propagatedToInstance().get(q.name()).orElse(null);
            checkOverride(inherited, q);
            qualifiers = qualifiers.with(q.withOrigin(QualifierFlavor.Origin.LOCAL));
            return this;
        }

        /** Replaces all instance qualifiers with {@code qs}, as they are (for decoders). */
        public Builder qualifiers(CimQualifierSet qs) {
            qualifiers = Objects.requireNonNull(qs);
            return this;
        }

        /** A qualifier on property {@code name} in this instance (origin set to local). */
        public Builder propertyQualifier(String name, CimQualifier q) {
            CimName n = CimName.of(name);
            CimProperty p = cimClass.properties().get(index(n));
            checkOverride(p.qualifiers().propagatedToInstance().get(q.name()).orElse(null), q);
            propertyQualifiers.merge(n, CimQualifierSet.of(q.withOrigin(QualifierFlavor.Origin.LOCAL)),
                    (a, b) -> a.with(b.asList().get(0)));
            return this;
        }

        /** Replaces the instance-level qualifiers of property {@code name}, as they are (for decoders). */
        public Builder propertyQualifiers(CimName name, CimQualifierSet qs) {
            index(name);
            if (qs.isEmpty()) {
                propertyQualifiers.remove(name);
            } else {
                propertyQualifiers.put(name, qs);
            }
            return this;
        }

        private static void checkOverride(CimQualifier inherited, CimQualifier q) {
            if (inherited != null && !inherited.flavor().overridable() && !inherited.value().equals(q.value())) {
                throw new CimException(WbemStatus.WBEM_E_OVERRIDE_NOT_ALLOWED,
                        "qualifier " + q.name() + " is propagated with DisableOverride");
            }
        }

        public Builder origin(String srv, String ns) {
            this.server = srv;
            this.namespace = ns;
            return this;
        }

        public CimInstance build() {
            return new CimInstance(cimClass, values.clone(), qualifiers, propertyQualifiers, server, namespace);
        }
    }
}
