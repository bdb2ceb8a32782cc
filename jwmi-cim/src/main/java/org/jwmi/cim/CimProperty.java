package org.jwmi.cim;

import java.util.Objects;

/**
 * A property as its class defines it ([MS-WMIO] 2.2.30 PropertyInfo with its NdTable bits and ValueTable
 * default): name, type, qualifiers, the class that declared it, and the class's default value. Immutable.
 *
 * <p>The list order of {@link CimClass#properties()} is the declaration order (MS-WMIO 2.2.33): inherited
 * properties first, in the parent's order, then the class's own.
 *
 * @param name             property name
 * @param type             CIM type (MS-WMIO 2.2.31 PropertyType without the Inherited bit)
 * @param typeClass        for a reference or embedded object: the class named by the CIMTYPE qualifier
 *                         ({@code ref:Class}, {@code object:Class}); null when untyped or not applicable
 * @param qualifiers       the property's qualifiers, propagated ones marked with the origin-propagated flavor
 * @param classOfOrigin    the class that declared the property (MS-WMIO 2.2.35 ClassOfOrigin)
 * @param defaultValue     the class default; NULL when the class gives none (NdTable bit 0)
 * @param defaultInherited true if the default is the one inherited from the parent class (NdTable bit 1), false
 *                         if this class set it
 */
public record CimProperty(CimName name, CimType type, CimName typeClass, CimQualifierSet qualifiers,
                          CimName classOfOrigin, CimValue defaultValue, boolean defaultInherited) {

    public CimProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(classOfOrigin, "classOfOrigin");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (defaultValue.type() != type) {
            throw new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH,
                    "default of property " + name + " is " + defaultValue.type() + ", property is " + type);
        }
        if (typeClass != null && type.baseType() != CimType.REFERENCE && type.baseType() != CimType.OBJECT) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PROPERTY_TYPE,
                    "only references and embedded objects name a class: " + name);
        }
    }

    /** True if the property has the {@code key} qualifier set to TRUE. */
    public boolean isKey() {
        return qualifiers.isTrue(CimQualifier.KEY);
    }

    /** True if the class default is not NULL. */
    public boolean hasDefault() {
        return !defaultValue.isNull();
    }

    /** True if the property is declared by a superclass of {@code owner} (MS-WMIO 2.2.32 Inherited). */
    public boolean isInheritedIn(CimName owner) {
        return !classOfOrigin.equals(owner);
    }

    /** True for a datetime property whose SubType qualifier is "interval". */
    public boolean isInterval() {
        CimValue v = qualifiers.value("SubType");
        return type == CimType.DATETIME && v != null && v.type() == CimType.STRING && !v.isNull()
                && v.asString().equalsIgnoreCase("interval");
    }

    /** The CIMTYPE qualifier value WMI gives this property ({@code uint32}, {@code ref:Class}, ...). */
    public String cimtype() {
        return type.cimtypeQualifierValue(typeClass);
    }

    /**
     * The class named by a CIMTYPE qualifier value: {@code ref:X} and {@code object:X} give X; {@code ref:object},
     * {@code ref}, {@code object} and other types give null.
     */
    public static CimName typeClassFromCimtype(String cimtype) {
        if (cimtype == null) {
            return null;
        }
        int colon = cimtype.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String kind = cimtype.substring(0, colon);
        String cls = cimtype.substring(colon + 1).trim();
        if (!(kind.equalsIgnoreCase("ref") || kind.equalsIgnoreCase("object")) || cls.isEmpty()
                || (kind.equalsIgnoreCase("ref") && cls.equalsIgnoreCase("object"))) {
            return null;
        }
        return CimName.of(cls);
    }

    public CimProperty withQualifiers(CimQualifierSet q) {
        return new CimProperty(name, type, typeClass, q, classOfOrigin, defaultValue, defaultInherited);
    }

    public CimProperty withDefault(CimValue v, boolean inherited) {
        return new CimProperty(name, type, typeClass, qualifiers, classOfOrigin, v, inherited);
    }

    @Override
    public String toString() {
        return cimtype() + (type.isArray() ? "[] " : " ") + name + (hasDefault() ? " = " + defaultValue : "");
    }
}
