package org.jwmi.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierSet;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.SystemProperty;
import org.jwmi.cim.WbemStatus;

/**
 * IWbemClassObject: a CIM class or instance as the client holds it. Unlike the immutable {@link CimObject} it
 * wraps, it can be changed in place ({@link #put}), as its COM namesake; each change replaces the wrapped object
 * atomically, so the object is thread-safe. Property names are case-insensitive; system properties
 * ({@code __PATH}, {@code __CLASS}, ...) can be read, not written. Errors are {@link WbemException}s with the
 * WBEMSTATUS the COM method would return (WBEM_E_NOT_FOUND, WBEM_E_TYPE_MISMATCH, ...).
 */
public final class WbemClassObject {
    private volatile CimObject object;

    private WbemClassObject(CimObject object) {
        this.object = Objects.requireNonNull(object, "object");
    }

    /** Wraps {@code object} (a class built with {@link CimClass#builder} to put, an instance, ...). */
    public static WbemClassObject of(CimObject object) {
        return new WbemClassObject(object);
    }

    /** The object as it is now (immutable). */
    public CimObject cimObject() {
        return object;
    }

    public boolean isClass() {
        return object instanceof CimClass;
    }

    public boolean isInstance() {
        return object instanceof CimInstance;
    }

    /** __CLASS. */
    public String className() {
        return object.className().text();
    }

    /** __SUPERCLASS, or null for a top-level class. */
    public String superclassName() {
        return object.superclassName().map(CimName::text).orElse(null);
    }

    /** __PATH, or null when the object has no full path (not decorated, or an instance without keys). */
    public String path() {
        CimObjectPath p = object.path();
        return p == null ? null : p.toString();
    }

    /** __RELPATH, or null. */
    public String relPath() {
        CimObjectPath p = object.relPath();
        return p == null ? null : p.toString();
    }

    /**
     * Get: the value of property {@code name} (system properties included) as a {@link CimValue}.
     *
     * @throws WbemException WBEM_E_NOT_FOUND when the class has no such property
     */
    public CimValue get(String name) {
        CimValue v = object.value(CimName.of(name));
        if (v == null) {
            throw new WbemException(WbemStatus.WBEM_E_NOT_FOUND, object.className() + " has no property " + name);
        }
        return v;
    }

    /** The Java value of property {@code name} ({@code null} for NULL); see {@link CimValue#value()}. */
    public Object getValue(String name) {
        return get(name).value();
    }

    /** The CIM type of property {@code name}. */
    public CimType getType(String name) {
        return get(name).type();
    }

    /** Whether the object has property {@code name} (system properties included). */
    public boolean hasProperty(String name) {
        return object.value(CimName.of(name)) != null;
    }

    /** GetNames: the non-system properties, in declaration order. */
    public List<String> propertyNames() {
        List<String> l = new ArrayList<>();
        object.propertyNames().forEach(n -> l.add(n.text()));
        return l;
    }

    /** The non-system properties of the class (types, qualifiers, class of origin). */
    public List<CimProperty> properties() {
        return object.properties();
    }

    /** The system property names and values, in WMI's order. */
    public List<String> systemPropertyNames() {
        List<String> l = new ArrayList<>();
        for (SystemProperty p : SystemProperty.values()) {
            l.add(p.propertyName().text());
        }
        return l;
    }

    /**
     * Put: sets property {@code name} of an instance (or the default of a class's property) to {@code value}, a
     * {@link CimValue} of the property's type or a Java value converted to it ({@code null} sets NULL).
     *
     * @throws WbemException WBEM_E_NOT_FOUND (no such property: on a class use {@link #put(String, CimType, Object)}
     *                       to add one), WBEM_E_TYPE_MISMATCH, WBEM_E_READ_ONLY for a system property
     */
    public synchronized void put(String name, Object value) {
        CimName n = CimName.of(name);
        if (n.isSystem()) {
            throw new WbemException(WbemStatus.WBEM_E_READ_ONLY, "system property " + name + " cannot be written");
        }
        CimObject o = object;
        try {
            if (o instanceof CimInstance i) {
                CimProperty p = i.cimClass().property(n).orElseThrow(() -> new WbemException(
                        WbemStatus.WBEM_E_NOT_FOUND, i.className() + " has no property " + name));
                object = i.toBuilder().set(n, CimValue.of(p.type(), value)).build();
            } else {
                CimClass c = (CimClass) o;
                CimProperty p = c.property(n).orElseThrow(() -> new WbemException(WbemStatus.WBEM_E_NOT_FOUND,
                        c.className() + " has no property " + name + "; give its type to add it"));
                object = replaceProperty(c, p.withDefault(CimValue.of(p.type(), value), false));
            }
        } catch (CimException e) {
            throw WbemException.fromCim(e);
        }
    }

    /**
     * Put with a type: on a class, adds property {@code name} of {@code type} (or changes the default of an
     * existing one of that type); on an instance, as {@link #put(String, Object)} after checking the type.
     */
    public synchronized void put(String name, CimType type, Object value) {
        CimName n = CimName.of(name);
        CimObject o = object;
        Optional<CimProperty> existing = o.cimClass().property(n);
        if (existing.isPresent()) {
            if (existing.get().type() != type) {
                throw new WbemException(WbemStatus.WBEM_E_TYPE_MISMATCH, "property " + name + " is "
                        + existing.get().type().mofName() + ", not " + type.mofName());
            }
            put(name, value);
            return;
        }
        if (!(o instanceof CimClass c)) {
            throw new WbemException(WbemStatus.WBEM_E_NOT_FOUND, o.className() + " has no property " + name
                    + "; properties are added to classes, not instances");
        }
        if (n.isSystem()) {
            throw new WbemException(WbemStatus.WBEM_E_READ_ONLY, "system property " + name + " cannot be added");
        }
        try {
            CimQualifierSet q = CimQualifierSet.of(CimQualifier.of("CIMTYPE",
                    CimValue.string(type.cimtypeQualifierValue(null))));
            CimProperty p = new CimProperty(n, type, null, q, c.name(), CimValue.of(type, value), false);
            List<CimProperty> props = new ArrayList<>(c.properties());
            props.add(p);
            object = rebuild(c, props);
        } catch (CimException e) {
            throw WbemException.fromCim(e);
        }
    }

    private static CimClass replaceProperty(CimClass c, CimProperty p) {
        List<CimProperty> props = new ArrayList<>(c.properties());
        props.set(c.propertyIndex(p.name()), p);
        return rebuild(c, props);
    }

    private static CimClass rebuild(CimClass c, List<CimProperty> props) {
        return CimClass.of(c.name(), c.derivation(), c.qualifiers(), props, c.methods(), c.parentClass())
                .withOrigin(c.server(), c.namespace());
    }

    /** The object's qualifiers (class qualifiers, or the instance's effective ones). */
    public CimQualifierSet qualifiers() {
        return object instanceof CimInstance i ? i.effectiveQualifiers() : ((CimClass) object).qualifiers();
    }

    /** The qualifiers of property {@code name}. */
    public CimQualifierSet propertyQualifiers(String name) {
        CimName n = CimName.of(name);
        if (object instanceof CimInstance i) {
            if (i.cimClass().property(n).isEmpty()) {
                throw new WbemException(WbemStatus.WBEM_E_NOT_FOUND, i.className() + " has no property " + name);
            }
            return i.effectivePropertyQualifiers(n);
        }
        return object.cimClass().property(n).orElseThrow(() -> new WbemException(WbemStatus.WBEM_E_NOT_FOUND,
                object.className() + " has no property " + name)).qualifiers();
    }

    /** The methods of the class (of the instance's class). */
    public List<CimMethod> methods() {
        return object.cimClass().methods();
    }

    /** GetMethod. */
    public CimMethod method(String name) {
        return object.cimClass().method(name).orElseThrow(() -> new WbemException(WbemStatus.WBEM_E_NOT_FOUND,
                object.className() + " has no method " + name));
    }

    /**
     * An instance of method {@code name}'s in-parameters class to fill with {@link #put} and pass to
     * {@link WbemServices#execMethod}: GetMethod followed by SpawnInstance on pInSignature. {@code null} when the
     * method takes no parameters.
     */
    public WbemClassObject methodInParameters(String name) {
        CimClass in = method(name).inParameters();
        return in == null ? null : new WbemClassObject(in.newInstance().build());
    }

    /** SpawnInstance: a new instance of this class, every property at its default. */
    public WbemClassObject spawnInstance() {
        if (!(object instanceof CimClass c)) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_OPERATION, "SpawnInstance needs a class, not an"
                    + " instance of " + object.className());
        }
        return new WbemClassObject(c.newInstance().origin(c.server(), c.namespace()).build());
    }

    /** SpawnDerivedClass: a new class {@code name} derived from this class, to complete with puts and PutClass. */
    public WbemClassObject spawnDerivedClass(String name) {
        if (!(object instanceof CimClass c)) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_OPERATION, "SpawnDerivedClass needs a class");
        }
        try {
            return new WbemClassObject(CimClass.derive(name, c).origin(c.server(), c.namespace()).build());
        } catch (CimException e) {
            throw WbemException.fromCim(e);
        }
    }

    /** Clone: an independent copy (later puts on either do not affect the other). */
    public WbemClassObject cloneObject() {
        return new WbemClassObject(object);
    }

    /** GetObjectText: the object as MOF. */
    public String toMof() {
        return object instanceof CimInstance i ? i.toMof() : ((CimClass) object).toMof();
    }

    @Override
    public String toString() {
        return object.toString();
    }
}
