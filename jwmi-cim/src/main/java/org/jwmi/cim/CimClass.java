package org.jwmi.cim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CIM class ([MS-WMIO] 2.2.11 ClassType): its complete definition, inherited members included, as WMI keeps
 * a class object. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link #derivation()}: superclass names, immediate parent first (MS-WMIO 2.2.17 DerivationList).</li>
 *   <li>{@link #qualifiers()}: class qualifiers; those inherited from the parent carry the origin-propagated
 *       flavor bit.</li>
 *   <li>{@link #properties()}: every property in declaration order, each with its class of origin and default.</li>
 *   <li>{@link #methods()}: every method, each with its class of origin.</li>
 *   <li>{@link #parentClass()}: the parent's own definition when it is known (an encoded ClassType carries it as
 *       ParentClass); {@code null} for a top-level class or when only the parent's name is known.</li>
 * </ul>
 *
 * <p>Two ways to make one: {@link #builder(String)} for authoring (MOF, providers): inheritance, propagation of
 * qualifiers, override rules and the CIMTYPE qualifier are computed as WMI computes them; and
 * {@link #of(CimName, List, CimQualifierSet, List, List, CimClass)}, which takes a complete definition as it is
 * (for a decoder).
 */
public final class CimClass implements CimObject {
    private final CimName name;
    private final List<CimName> derivation;
    private final CimQualifierSet qualifiers;
    private final List<CimProperty> properties;
    private final Map<CimName, Integer> propertyIndex;
    private final List<CimMethod> methods;
    private final Map<CimName, CimMethod> methodIndex;
    private final CimClass parentClass;
    private final String server;
    private final String namespace;

    private CimClass(CimName name, List<CimName> derivation, CimQualifierSet qualifiers, List<CimProperty> properties,
                     List<CimMethod> methods, CimClass parentClass, String server, String namespace) {
        this.name = Objects.requireNonNull(name, "name");
        this.derivation = List.copyOf(derivation);
        this.qualifiers = Objects.requireNonNull(qualifiers, "qualifiers");
        this.properties = List.copyOf(properties);
        this.methods = List.copyOf(methods);
        this.parentClass = parentClass;
        this.server = server;
        this.namespace = namespace;
        Map<CimName, Integer> pi = new HashMap<>();
        for (int i = 0; i < this.properties.size(); i++) {
            if (pi.put(this.properties.get(i).name(), i) != null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT,
                        "class " + name + " has two properties named " + this.properties.get(i).name());
            }
        }
        this.propertyIndex = pi;
        Map<CimName, CimMethod> mi = new HashMap<>();
        for (CimMethod m : this.methods) {
            if (mi.put(m.name(), m) != null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT,
                        "class " + name + " has two methods named " + m.name());
            }
        }
        this.methodIndex = mi;
        if (parentClass != null && (this.derivation.isEmpty() || !this.derivation.get(0).equals(parentClass.name))) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_SUPERCLASS,
                    "parent class " + parentClass.name + " is not the first entry of the derivation of " + name);
        }
    }

    /**
     * A class from its complete definition, taken as it is (no propagation computed). {@code parentClass} may be
     * null; if given, its name must be {@code derivation.get(0)}.
     */
    public static CimClass of(CimName name, List<CimName> derivation, CimQualifierSet qualifiers,
                              List<CimProperty> properties, List<CimMethod> methods, CimClass parentClass) {
        return new CimClass(name, derivation, qualifiers, properties, methods, parentClass, null, null);
    }

    /** A builder for a new top-level class; call {@link Builder#superclass(CimClass)} to derive it. */
    public static Builder builder(String name) {
        return new Builder(CimName.of(name));
    }

    /** A builder for a class derived from {@code superclass}. */
    public static Builder derive(String name, CimClass superclass) {
        return builder(name).superclass(superclass);
    }

    @Override
    public int genus() {
        return SystemProperty.GENUS_CLASS;
    }

    @Override
    public CimClass cimClass() {
        return this;
    }

    public CimName name() {
        return name;
    }

    @Override
    public CimName className() {
        return name;
    }

    @Override
    public List<CimName> derivation() {
        return derivation;
    }

    public CimQualifierSet qualifiers() {
        return qualifiers;
    }

    @Override
    public List<CimProperty> properties() {
        return properties;
    }

    public List<CimMethod> methods() {
        return methods;
    }

    /** The parent class's definition, or null (top-level class, or only the name is known). */
    public CimClass parentClass() {
        return parentClass;
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
    public CimClass withOrigin(String server, String namespace) {
        return new CimClass(name, derivation, qualifiers, properties, methods, parentClass, server, namespace);
    }

    public Optional<CimProperty> property(CimName n) {
        Integer i = propertyIndex.get(n);
        return i == null ? Optional.empty() : Optional.of(properties.get(i));
    }

    public Optional<CimProperty> property(String n) {
        return property(CimName.of(n));
    }

    /** Index of property {@code n} in {@link #properties()}, or -1. */
    public int propertyIndex(CimName n) {
        Integer i = propertyIndex.get(n);
        return i == null ? -1 : i;
    }

    public Optional<CimMethod> method(CimName n) {
        return Optional.ofNullable(methodIndex.get(n));
    }

    public Optional<CimMethod> method(String n) {
        return method(CimName.of(n));
    }

    /** The key properties, in declaration order. */
    public List<CimProperty> keys() {
        List<CimProperty> l = new ArrayList<>();
        for (CimProperty p : properties) {
            if (p.isKey()) {
                l.add(p);
            }
        }
        return l;
    }

    public boolean isAbstract() {
        return qualifiers.isTrue(CimQualifier.ABSTRACT);
    }

    public boolean isAssociation() {
        return qualifiers.isTrue(CimQualifier.ASSOCIATION);
    }

    public boolean isSingleton() {
        return qualifiers.isTrue(CimQualifier.SINGLETON);
    }

    /** The properties of type reference (the roles of an association). */
    public List<CimProperty> references() {
        List<CimProperty> l = new ArrayList<>();
        for (CimProperty p : properties) {
            if (p.type() == CimType.REFERENCE) {
                l.add(p);
            }
        }
        return l;
    }

    @Override
    public CimObjectPath relPath() {
        return CimObjectPath.forClass(name);
    }

    @Override
    public CimValue value(CimName n) {
        SystemProperty sp = SystemProperty.byName(n);
        if (sp != null) {
            return sp.valueOf(this);
        }
        Integer i = propertyIndex.get(n);
        return i == null ? null : properties.get(i).defaultValue();
    }

    /** A builder for an instance of this class. */
    public CimInstance.Builder newInstance() {
        return CimInstance.builder(this);
    }

    /**
     * This class reduced to the properties named in {@code keep} (unknown names ignored), as WMI returns the
     * class of a projected query result. Qualifiers, methods and the parent definition are kept.
     */
    public CimClass project(Collection<CimName> keep) {
        Set<CimName> k = new HashSet<>(keep);
        List<CimProperty> l = new ArrayList<>();
        for (CimProperty p : properties) {
            if (k.contains(p.name())) {
                l.add(p);
            }
        }
        if (l.size() == properties.size()) {
            return this;
        }
        return new CimClass(name, derivation, qualifiers, l, methods, parentClass, server, namespace);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CimClass c && c.name.text().equals(name.text()) && c.derivation.equals(derivation)
                && c.qualifiers.equals(qualifiers) && c.properties.equals(properties) && c.methods.equals(methods)
                && Objects.equals(c.parentClass, parentClass) && Objects.equals(c.server, server)
                && Objects.equals(c.namespace, namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, derivation, properties.size(), methods.size());
    }

    @Override
    public String toString() {
        return "class " + name + (derivation.isEmpty() ? "" : " : " + derivation.get(0));
    }

    /** The class as MOF text (local and inherited members alike). */
    public String toMof() {
        return Mof.classText(this);
    }

    /**
     * Builds a class the way WMI does when a class is put: members of the superclass are inherited with their
     * class of origin, qualifiers with ToSubClass propagate (marked origin-propagated), inherited defaults are
     * marked inherited, local declarations override inherited ones subject to DisableOverride, every property and
     * parameter receives a CIMTYPE qualifier (ToInstance ToSubClass) unless {@link #autoCimtype(boolean)} is
     * turned off, and methods get __PARAMETERS classes per MS-WMIO 2.3.3.
     *
     * <p>Keys: a class whose ancestors define no key may declare keys, new properties or inherited ones
     * redeclared with {@code key} (the CIM schema does this: CIM_ManagedSystemElement.Name becomes a key in
     * CIM_System). Once an ancestor has keys the key set is fixed: adding a key, or making an inherited property a
     * key or no longer a key, is refused as mofcomp refuses it (WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE). Instances
     * use the keys of their own class for __RELPATH.
     *
     * <p>An override that narrows the class of a reference or embedded object ({@code Sub REF R} for an inherited
     * {@code Base REF R}) gets a local CIMTYPE {@code ref:Sub} / {@code object:Sub}, as WMI stores it.
     *
     * <p>Errors: WBEM_E_TYPE_MISMATCH (an override changes a property's type, a default of the wrong type),
     * WBEM_E_OVERRIDE_NOT_ALLOWED, WBEM_E_CANNOT_BE_KEY (key on a real, array or object property),
     * WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE (the key set changes below a class that has keys).
     */
    public static final class Builder {
        private final CimName name;
        private CimClass superclass;
        private final List<CimQualifier> qualifiers = new ArrayList<>();
        private final LinkedHashMap<CimName, PropertySpec> props = new LinkedHashMap<>();
        private final LinkedHashMap<CimName, MethodSpec> methods = new LinkedHashMap<>();
        private boolean autoCimtype = true;
        private String server;
        private String namespace;

        private Builder(CimName name) {
            this.name = name;
        }

        public Builder superclass(CimClass c) {
            this.superclass = c;
            return this;
        }

        public Builder qualifier(CimQualifier q) {
            qualifiers.removeIf(x -> x.name().equals(q.name()));
            qualifiers.add(q);
            return this;
        }

        public Builder qualifier(String qname, CimValue value, QualifierFlavor flavor) {
            return qualifier(new CimQualifier(CimName.of(qname), value, flavor));
        }

        public Builder qualifier(String qname, CimValue value) {
            return qualifier(qname, value, QualifierFlavor.DEFAULT);
        }

        /** A boolean TRUE qualifier with the default flavor, e.g. {@code flag("abstract")}. */
        public Builder flag(String qname) {
            return qualifier(qname, CimValue.bool(true), QualifierFlavor.DEFAULT);
        }

        public Builder property(String pname, CimType type) {
            return property(pname, type, p -> { });
        }

        public Builder property(String pname, CimType type, Consumer<PropertySpec> spec) {
            PropertySpec p = new PropertySpec(CimName.of(pname), type);
            spec.accept(p);
            props.put(p.name, p);
            return this;
        }

        /** A property of type {@code ref:refClass} (refClass null: untyped reference). */
        public Builder reference(String pname, String refClass, Consumer<PropertySpec> spec) {
            return property(pname, CimType.REFERENCE, p -> {
                p.typeClass(refClass);
                spec.accept(p);
            });
        }

        /** A method; {@code returnType} null for void. */
        public Builder method(String mname, CimType returnType, Consumer<MethodSpec> spec) {
            MethodSpec m = new MethodSpec(CimName.of(mname), returnType);
            spec.accept(m);
            methods.put(m.name, m);
            return this;
        }

        /** Whether to add the CIMTYPE qualifier WMI adds to properties and parameters (default true). */
        public Builder autoCimtype(boolean on) {
            this.autoCimtype = on;
            return this;
        }

        public Builder origin(String srv, String ns) {
            this.server = srv;
            this.namespace = ns;
            return this;
        }

        public CimClass build() {
            List<CimName> derivation = new ArrayList<>();
            CimQualifierSet classQualifiers = CimQualifierSet.EMPTY;
            LinkedHashMap<CimName, CimProperty> ps = new LinkedHashMap<>();
            LinkedHashMap<CimName, CimMethod> ms = new LinkedHashMap<>();
            CimClass keyedSuperclass = null;
            if (superclass != null) {
                derivation.add(superclass.name());
                derivation.addAll(superclass.derivation());
                if (derivation.subList(1, derivation.size()).contains(name) || superclass.name().equals(name)) {
                    throw new CimException(WbemStatus.WBEM_E_CIRCULAR_REFERENCE, "class " + name + " derives from itself");
                }
                classQualifiers = superclass.qualifiers().propagatedToSubclass();
                if (!superclass.keys().isEmpty()) {
                    keyedSuperclass = superclass;
                }
                for (CimProperty p : superclass.properties()) {
                    ps.put(p.name(), new CimProperty(p.name(), p.type(), p.typeClass(),
                            p.qualifiers().propagatedToSubclass(), p.classOfOrigin(), p.defaultValue(), true));
                }
                for (CimMethod m : superclass.methods()) {
                    ms.put(m.name(), new CimMethod(m.name(), m.qualifiers().propagatedToSubclass(), m.inParameters(),
                            m.outParameters(), m.classOfOrigin()));
                }
            }
            classQualifiers = CimQualifierSet.merge(classQualifiers, CimQualifierSet.of(qualifiers));
            for (PropertySpec spec : props.values()) {
                CimProperty inherited = ps.get(spec.name);
                ps.put(spec.name, spec.toProperty(name, inherited, keyedSuperclass, autoCimtype));
            }
            for (MethodSpec spec : methods.values()) {
                ms.put(spec.name, spec.toMethod(name, ms.get(spec.name), autoCimtype));
            }
            CimClass c = new CimClass(name, derivation, classQualifiers, new ArrayList<>(ps.values()),
                    new ArrayList<>(ms.values()), superclass,
                    server, namespace);
            return c;
        }
    }

    /** The declaration of one property in a {@link Builder}. */
    public static final class PropertySpec {
        private final CimName name;
        private final CimType type;
        private CimName typeClass;
        private final List<CimQualifier> qualifiers = new ArrayList<>();
        private CimValue defaultValue;

        private PropertySpec(CimName name, CimType type) {
            this.name = name;
            this.type = Objects.requireNonNull(type, "type");
        }

        public PropertySpec qualifier(CimQualifier q) {
            qualifiers.removeIf(x -> x.name().equals(q.name()));
            qualifiers.add(q);
            return this;
        }

        public PropertySpec qualifier(String qname, CimValue value, QualifierFlavor flavor) {
            return qualifier(new CimQualifier(CimName.of(qname), value, flavor));
        }

        public PropertySpec qualifier(String qname, CimValue value) {
            return qualifier(qname, value, QualifierFlavor.DEFAULT);
        }

        /** A boolean TRUE qualifier with the default flavor, e.g. {@code flag("read")}. */
        public PropertySpec flag(String qname) {
            return qualifier(qname, CimValue.bool(true), QualifierFlavor.DEFAULT);
        }

        /** The {@code key} qualifier with the flavor WMI gives it (ToInstance ToSubClass DisableOverride, 0x13). */
        public PropertySpec key() {
            return qualifier("key", CimValue.bool(true), QualifierFlavor.of(QualifierFlavor.PROPAGATE_TO_INSTANCE
                    | QualifierFlavor.PROPAGATE_TO_DERIVED_CLASS | QualifierFlavor.NOT_OVERRIDABLE));
        }

        /** The class default (NULL to set "no default" explicitly). */
        public PropertySpec defaultValue(CimValue v) {
            this.defaultValue = v;
            return this;
        }

        /** The class default from a Java value (see {@link CimValue#of(CimType, Object)}). */
        public PropertySpec defaultValue(Object v) {
            this.defaultValue = CimValue.of(type, v);
            return this;
        }

        /** Class of a reference or embedded object. */
        public PropertySpec typeClass(String cls) {
            this.typeClass = CimName.ofNullable(cls);
            return this;
        }

        /** {@code keyedSuperclass}: the superclass if it has keys (the key set is then fixed), else null. */
        CimProperty toProperty(CimName owner, CimProperty inherited, CimClass keyedSuperclass, boolean autoCimtype) {
            if (defaultValue != null && defaultValue.type() != type) {
                throw new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH,
                        "default of " + name + " is " + defaultValue.type() + ", property is " + type);
            }
            CimQualifierSet local = CimQualifierSet.of(qualifiers);
            boolean key = local.isTrue(CimQualifier.KEY);
            if (key && (type.isArray() || type == CimType.REAL32 || type == CimType.REAL64 || type == CimType.OBJECT)) {
                throw new CimException(WbemStatus.WBEM_E_CANNOT_BE_KEY, "property " + name + " of type " + type
                        + " cannot be a key");
            }
            if (inherited != null) {
                if (inherited.type() != type) {
                    throw new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH, "property " + name + " is inherited as "
                            + inherited.type() + " and cannot be redeclared as " + type);
                }
                CimName tc = typeClass != null ? typeClass : inherited.typeClass();
                if (autoCimtype && typeClass != null && !typeClass.equals(inherited.typeClass())
                        && !local.contains(CimQualifier.CIMTYPE)) {
                    local = withCimtype(local, type, typeClass);
                }
                CimQualifierSet merged = CimQualifierSet.merge(inherited.qualifiers(), local);
                if (keyedSuperclass != null && merged.isTrue(CimQualifier.KEY) != inherited.isKey()) {
                    throw new CimException(WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE, "inherited property "
                            + name + (inherited.isKey() ? " cannot stop being a key" : " cannot become a key")
                            + " in class " + owner + ": its superclass " + keyedSuperclass.name()
                            + " already has keys");
                }
                CimValue def = defaultValue != null ? defaultValue : inherited.defaultValue();
                return new CimProperty(name, type, tc, merged, inherited.classOfOrigin(), def, defaultValue == null);
            }
            if (key && keyedSuperclass != null) {
                throw new CimException(WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE,
                        "class " + owner + " cannot add key " + name + ": its superclass " + keyedSuperclass.name()
                                + " already has keys");
            }
            if (autoCimtype && !local.contains(CimQualifier.CIMTYPE)) {
                local = withCimtype(local, type, typeClass);
            }
            return new CimProperty(name, type, typeClass, local, owner,
                    defaultValue != null ? defaultValue : CimValue.nullOf(type), false);
        }

        /** {@code local} with the CIMTYPE qualifier WMI adds (ToInstance ToSubClass) in front. */
        private static CimQualifierSet withCimtype(CimQualifierSet local, CimType type, CimName typeClass) {
            List<CimQualifier> l = new ArrayList<>();
            l.add(new CimQualifier(CimQualifier.CIMTYPE, CimValue.string(type.cimtypeQualifierValue(typeClass)),
                    QualifierFlavor.TO_INSTANCE_AND_SUBCLASS));
            l.addAll(local.asList());
            return CimQualifierSet.of(l);
        }
    }

    /** The declaration of one method in a {@link Builder}. */
    public static final class MethodSpec {
        private final CimName name;
        private final CimType returnType;
        private CimName returnTypeClass;
        private final List<CimQualifier> qualifiers = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();

        private record Param(PropertySpec spec, boolean in, boolean out) {
        }

        private MethodSpec(CimName name, CimType returnType) {
            this.name = name;
            this.returnType = returnType;
        }

        public MethodSpec qualifier(CimQualifier q) {
            qualifiers.removeIf(x -> x.name().equals(q.name()));
            qualifiers.add(q);
            return this;
        }

        public MethodSpec qualifier(String qname, CimValue value, QualifierFlavor flavor) {
            return qualifier(new CimQualifier(CimName.of(qname), value, flavor));
        }

        public MethodSpec flag(String qname) {
            return qualifier(qname, CimValue.bool(true), QualifierFlavor.DEFAULT);
        }

        /** Class of a reference or embedded object return value (its ReturnValue CIMTYPE {@code ref:X} /
         * {@code object:X}). */
        public MethodSpec returnTypeClass(String cls) {
            this.returnTypeClass = CimName.ofNullable(cls);
            return this;
        }

        public MethodSpec in(String pname, CimType type) {
            return param(pname, type, true, false, p -> { });
        }

        public MethodSpec in(String pname, CimType type, Consumer<PropertySpec> spec) {
            return param(pname, type, true, false, spec);
        }

        public MethodSpec out(String pname, CimType type) {
            return param(pname, type, false, true, p -> { });
        }

        public MethodSpec out(String pname, CimType type, Consumer<PropertySpec> spec) {
            return param(pname, type, false, true, spec);
        }

        public MethodSpec inOut(String pname, CimType type, Consumer<PropertySpec> spec) {
            return param(pname, type, true, true, spec);
        }

        private MethodSpec param(String pname, CimType type, boolean in, boolean out, Consumer<PropertySpec> spec) {
            CimName n = CimName.of(pname);
            if (n.equals(CimMethod.RETURN_VALUE)) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_METHOD_PARAMETERS,
                        "ReturnValue is reserved for the return value (MS-WMIO 2.3.3)");
            }
            for (Param p : params) {
                if (p.spec.name.equals(n)) {
                    throw new CimException(WbemStatus.WBEM_E_INVALID_DUPLICATE_PARAMETER, "duplicate parameter " + n);
                }
            }
            PropertySpec ps = new PropertySpec(n, type);
            spec.accept(ps);
            params.add(new Param(ps, in, out));
            return this;
        }

        CimMethod toMethod(CimName owner, CimMethod inherited, boolean autoCimtype) {
            CimQualifierSet local = CimQualifierSet.of(qualifiers);
            if (inherited != null && params.isEmpty() && Objects.equals(returnType, inherited.returnType())) {
                return new CimMethod(name, CimQualifierSet.merge(inherited.qualifiers(), local),
                        inherited.inParameters(), inherited.outParameters(), inherited.classOfOrigin());
            }
            Builder in = parametersBuilder(autoCimtype);
            Builder out = parametersBuilder(autoCimtype);
            boolean anyIn = false;
            boolean anyOut = false;
            for (int i = 0; i < params.size(); i++) {
                Param p = params.get(i);
                CimValue id = CimValue.sint32(i);
                if (p.in) {
                    anyIn = true;
                    in.props.put(p.spec.name, withParamQualifiers(p.spec, CimQualifier.IN, id));
                }
                if (p.out) {
                    anyOut = true;
                    out.props.put(p.spec.name, withParamQualifiers(p.spec, CimQualifier.OUT, id));
                }
            }
            if (returnType != null) {
                anyOut = true;
                PropertySpec rv = new PropertySpec(CimMethod.RETURN_VALUE, returnType);
                rv.typeClass = returnTypeClass;
                rv.qualifier(new CimQualifier(CimQualifier.OUT, CimValue.bool(true), QualifierFlavor.DEFAULT));
                out.props.put(rv.name, rv);
            }
            CimQualifierSet qs = inherited == null ? local : CimQualifierSet.merge(inherited.qualifiers(), local);
            return new CimMethod(name, qs, anyIn ? in.build() : null, anyOut ? out.build() : null,
                    inherited == null ? owner : inherited.classOfOrigin());
        }

        private static Builder parametersBuilder(boolean autoCimtype) {
            return new Builder(CimMethod.PARAMETERS_CLASS).flag("abstract").autoCimtype(autoCimtype);
        }

        private static PropertySpec withParamQualifiers(PropertySpec s, CimName direction, CimValue id) {
            PropertySpec c = new PropertySpec(s.name, s.type);
            c.typeClass = s.typeClass;
            c.defaultValue = s.defaultValue;
            c.qualifier(new CimQualifier(direction, CimValue.bool(true), QualifierFlavor.DEFAULT));
            c.qualifier(new CimQualifier(CimQualifier.ID, id, QualifierFlavor.DEFAULT));
            for (CimQualifier q : s.qualifiers) {
                if (!q.name().equals(CimQualifier.IN) && !q.name().equals(CimQualifier.OUT)) {
                    c.qualifier(q);
                }
            }
            return c;
        }
    }
}
