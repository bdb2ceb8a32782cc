package org.jwmi.wmi.marshal;

import java.util.List;
import java.util.Objects;
import org.jwmi.cim.CimObject;

/**
 * [MS-WMI] 2.2.13.2 IWbemContextProperty: PropertyName PropertyFlags PropertyType PropertyValue.
 *
 * <p>Values by {@code propertyType} (without VT_ARRAY): VT_NULL {@code null}; VT_I1, VT_UI1, VT_I2, VT_UI2,
 * VT_I4, VT_UI4 {@link Long} (sign- or zero-extended as the type says); VT_BOOL {@link Boolean}; VT_R4
 * {@link Float}; VT_R8 {@link Double}; VT_BSTR {@link String}; VT_UNKNOWN {@link CimObject} (an IWbemClassObject
 * buffer, 2.2.4). With VT_ARRAY the value is a {@link List} of those (2.2.13.4) and {@code elementSize} is the
 * ElementSize sent (for VT_BSTR and VT_UNKNOWN 4 or 8; otherwise the element's width); for scalars it is 0.
 *
 * @param propertyName  the name (IWbemContextString)
 * @param propertyFlags raw PropertyFlags (0 when sent, ignored on receipt)
 * @param propertyType  the VARTYPE, possibly OR'ed with VT_ARRAY
 * @param value         the value as above
 * @param elementSize   ElementSize of an array, 0 for a scalar
 */
public record WbemContextProperty(String propertyName, int propertyFlags, int propertyType, Object value,
                                  int elementSize) {

    public static final int VT_NULL = 1;
    public static final int VT_I2 = 2;
    public static final int VT_I4 = 3;
    public static final int VT_R4 = 4;
    public static final int VT_R8 = 5;
    public static final int VT_BSTR = 8;
    public static final int VT_BOOL = 11;
    public static final int VT_UNKNOWN = 13;
    public static final int VT_I1 = 16;
    public static final int VT_UI1 = 17;
    public static final int VT_UI2 = 18;
    public static final int VT_UI4 = 19;
    public static final int VT_ARRAY = 0x2000;

    public WbemContextProperty {
        Objects.requireNonNull(propertyName, "propertyName");
        if (value instanceof List<?> l) {
            value = List.copyOf(l);
        }
    }

    /** A scalar property with PropertyFlags 0. */
    public static WbemContextProperty of(String name, int vt, Object value) {
        return new WbemContextProperty(name, 0, vt, value, 0);
    }

    /** An array property with PropertyFlags 0 and the usual ElementSize for {@code vt}. */
    public static WbemContextProperty array(String name, int vt, List<?> values) {
        return new WbemContextProperty(name, 0, vt | VT_ARRAY, values, WbemContextBuffer.naturalSize(vt, true));
    }

    public boolean isArray() {
        return (propertyType & VT_ARRAY) != 0;
    }

    public int baseType() {
        return propertyType & ~VT_ARRAY;
    }
}
