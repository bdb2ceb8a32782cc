package org.jwmi.cim;

import java.util.ArrayList;
import java.util.List;

/**
 * The WMI system properties (WMI SDK "WMI System Properties"), in the order WMI lists them, with the value WMI
 * computes for a class or instance ({@link #valueOf(CimObject)}).
 */
public enum SystemProperty {
    /** sint32: 1 (WBEM_GENUS_CLASS) for classes, 2 (WBEM_GENUS_INSTANCE) for instances. */
    GENUS("__GENUS", CimType.SINT32),
    /** string: the class name. */
    CLASS("__CLASS", CimType.STRING),
    /** string: the immediate parent class; NULL for a top-level class. */
    SUPERCLASS("__SUPERCLASS", CimType.STRING),
    /** string: the top-level class of the derivation (the class itself when it is top-level). */
    DYNASTY("__DYNASTY", CimType.STRING),
    /** string: class name, or instance path relative to its namespace; NULL for an instance without key values. */
    RELPATH("__RELPATH", CimType.STRING),
    /** sint32: the number of non-system properties. */
    PROPERTY_COUNT("__PROPERTY_COUNT", CimType.SINT32),
    /** string array: parent first, top-level class last. */
    DERIVATION("__DERIVATION", CimType.STRING_ARRAY),
    /** string: the server the object came from; NULL when not known. */
    SERVER("__SERVER", CimType.STRING),
    /** string: the namespace the object came from; NULL when not known. */
    NAMESPACE("__NAMESPACE", CimType.STRING),
    /** string: full path, {@code \\SERVER\namespace:RELPATH}; NULL when server, namespace or RELPATH is. */
    PATH("__PATH", CimType.STRING);

    /** WBEM_GENUS_CLASS. */
    public static final int GENUS_CLASS = 1;
    /** WBEM_GENUS_INSTANCE. */
    public static final int GENUS_INSTANCE = 2;

    private final CimName propertyName;
    private final CimType type;

    SystemProperty(String name, CimType type) {
        this.propertyName = CimName.of(name);
        this.type = type;
    }

    public CimName propertyName() {
        return propertyName;
    }

    public CimType type() {
        return type;
    }

    /** The system property called {@code name} (case-insensitive), or null. */
    public static SystemProperty byName(CimName name) {
        if (!name.isSystem()) {
            return null;
        }
        for (SystemProperty p : values()) {
            if (p.propertyName.equals(name)) {
                return p;
            }
        }
        return null;
    }

    public static SystemProperty byName(String name) {
        return name == null || name.isEmpty() ? null : byName(CimName.of(name));
    }

    /** The value of this system property for {@code o}, computed as WMI computes it. */
    public CimValue valueOf(CimObject o) {
        switch (this) {
            case GENUS:
                return CimValue.sint32(o.genus());
            case CLASS:
                return CimValue.string(o.className().text());
            case SUPERCLASS:
                return CimValue.of(type, o.superclassName().map(CimName::text).orElse(null));
            case DYNASTY:
                return CimValue.string(o.dynasty().text());
            case RELPATH: {
                CimObjectPath p = o.relPath();
                return CimValue.of(type, p == null ? null : p.toString());
            }
            case PROPERTY_COUNT:
                return CimValue.sint32(o.cimClass().properties().size());
            case DERIVATION: {
                List<String> l = new ArrayList<>();
                for (CimName n : o.derivation()) {
                    l.add(n.text());
                }
                return CimValue.of(type, l);
            }
            case SERVER:
                return CimValue.of(type, o.server());
            case NAMESPACE:
                return CimValue.of(type, o.namespace());
            case PATH: {
                CimObjectPath p = o.path();
                return CimValue.of(type, p == null ? null : p.toString());
            }
            default:
                throw new IllegalStateException(name());
        }
    }
}
