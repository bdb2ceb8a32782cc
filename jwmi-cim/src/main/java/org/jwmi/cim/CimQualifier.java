package org.jwmi.cim;

import java.util.Objects;

/**
 * [MS-WMIO] 2.2.60 Qualifier: a named, typed value with a flavor, attached to a class, instance, property,
 * method or parameter. Immutable.
 *
 * @param name   qualifier name (case-insensitive)
 * @param value  the value; its type is the qualifier type (MS-WMIO 2.2.63)
 * @param flavor propagation, override and origin bits
 */
public record CimQualifier(CimName name, CimValue value, QualifierFlavor flavor) {

    /** The CIMTYPE qualifier WMI attaches to every property and parameter (MS-WMIO 2.3.1, 2.3.2). */
    public static final CimName CIMTYPE = CimName.of("CIMTYPE");
    public static final CimName KEY = CimName.of("key");
    public static final CimName ABSTRACT = CimName.of("abstract");
    public static final CimName ASSOCIATION = CimName.of("association");
    public static final CimName SINGLETON = CimName.of("singleton");
    public static final CimName DYNAMIC = CimName.of("dynamic");
    public static final CimName PROVIDER = CimName.of("provider");
    public static final CimName IN = CimName.of("in");
    public static final CimName OUT = CimName.of("out");
    public static final CimName ID = CimName.of("ID");
    public static final CimName SUBTYPE = CimName.of("SubType");

    public CimQualifier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(flavor, "flavor");
    }

    public static CimQualifier of(String name, CimValue value, QualifierFlavor flavor) {
        return new CimQualifier(CimName.of(name), value, flavor);
    }

    public static CimQualifier of(String name, CimValue value) {
        return new CimQualifier(CimName.of(name), value, QualifierFlavor.DEFAULT);
    }

    /** A boolean TRUE qualifier such as {@code [key]} or {@code [abstract]}. */
    public static CimQualifier flag(String name, QualifierFlavor flavor) {
        return new CimQualifier(CimName.of(name), CimValue.bool(true), flavor);
    }

    /** True if the value is the boolean TRUE. */
    public boolean isTrue() {
        return value.type() == CimType.BOOLEAN && !value.isNull() && value.asBoolean();
    }

    public CimQualifier withFlavor(QualifierFlavor f) {
        return new CimQualifier(name, value, f);
    }

    public CimQualifier withOrigin(QualifierFlavor.Origin origin) {
        return new CimQualifier(name, value, flavor.withOrigin(origin));
    }

    @Override
    public String toString() {
        return name + (value.type() == CimType.BOOLEAN && isTrue() ? "" : "(" + value + ")")
                + (flavor.bits() == 0 ? "" : ":" + flavor);
    }
}
