package org.jwmi.cim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CIM class or instance ([MS-WMIO] 2.2.5 ObjectBlock), with the system properties WMI computes for both.
 * Both implementations are immutable.
 */
public sealed interface CimObject permits CimClass, CimInstance {

    /** {@link SystemProperty#GENUS_CLASS} or {@link SystemProperty#GENUS_INSTANCE}. */
    int genus();

    /** The class itself, or the class of the instance. */
    CimClass cimClass();

    /** Server from the object's decoration (MS-WMIO 2.2.8), or null. */
    String server();

    /** Namespace from the object's decoration (MS-WMIO 2.2.9), or null. */
    String namespace();

    /** This object decorated with {@code server} and {@code namespace} (either may be null). */
    CimObject withOrigin(String server, String namespace);

    /** Path relative to the namespace (__RELPATH), or null when it has none (an instance without keys). */
    CimObjectPath relPath();

    /** The value of property {@code name} (an instance's value, a class's default), or null if there is no such
     * property; system properties included. */
    CimValue value(CimName name);

    default CimValue value(String name) {
        return value(CimName.of(name));
    }

    default CimName className() {
        return cimClass().name();
    }

    /** __DERIVATION: superclass names, immediate parent first. */
    default List<CimName> derivation() {
        return cimClass().derivation();
    }

    /** __SUPERCLASS. */
    default Optional<CimName> superclassName() {
        List<CimName> d = derivation();
        return d.isEmpty() ? Optional.empty() : Optional.of(d.get(0));
    }

    /** __DYNASTY: the top-level class. */
    default CimName dynasty() {
        List<CimName> d = derivation();
        return d.isEmpty() ? className() : d.get(d.size() - 1);
    }

    /** True if the object's class is {@code name} or derives from it. */
    default boolean isA(CimName name) {
        return className().equals(name) || derivation().contains(name);
    }

    /** Full path (__PATH), or null when server, namespace or the relative path is unknown. */
    default CimObjectPath path() {
        CimObjectPath rel = relPath();
        if (rel == null || server() == null || namespace() == null) {
            return null;
        }
        return rel.withLocation(server(), namespace());
    }

    /** The non-system properties as the class defines them. */
    default List<CimProperty> properties() {
        return cimClass().properties();
    }

    /** The value of system property {@code p}. */
    default CimValue systemProperty(SystemProperty p) {
        return p.valueOf(this);
    }

    /** All system properties and their values, in WMI's order. */
    default Map<CimName, CimValue> systemProperties() {
        Map<CimName, CimValue> m = new LinkedHashMap<>();
        for (SystemProperty p : SystemProperty.values()) {
            m.put(p.propertyName(), p.valueOf(this));
        }
        return m;
    }

    /** Names of the non-system properties, in declaration order. */
    default List<CimName> propertyNames() {
        List<CimName> l = new ArrayList<>();
        for (CimProperty p : properties()) {
            l.add(p.name());
        }
        return l;
    }
}
