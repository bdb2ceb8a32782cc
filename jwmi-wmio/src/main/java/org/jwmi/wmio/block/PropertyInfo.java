package org.jwmi.wmio.block;

import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.30 PropertyInfo: a ClassHeap item describing one property.
 *
 * <pre>
 * PropertyInfo = PropertyType DeclarationOrder ValueTableOffset ClassOfOrigin PropertyQualifierSet
 * </pre>
 *
 * @param propertyType         [MS-WMIO] 2.2.31 CimType OR'ed with Inherited (0x4000) when the property was
 *                             declared in a superclass
 * @param declarationOrder     [MS-WMIO] 2.2.33 position in the MOF declaration (UINT16); also the property's index
 *                             in the NdTable
 * @param valueTableOffset     [MS-WMIO] 2.2.34 where the value is in the ValueTable
 * @param classOfOrigin        [MS-WMIO] 2.2.35 the declaring class; the spec's examples and Windows count from the
 *                             root of the hierarchy (0 = root class, local = length of the DerivationList)
 * @param propertyQualifierSet [MS-WMIO] 2.2.36
 */
public record PropertyInfo(int propertyType, int declarationOrder, int valueTableOffset, int classOfOrigin,
                           QualifierSet propertyQualifierSet) {

    public PropertyInfo {
        if (!CimTypeCode.isValid(propertyType, true)) {
            throw new IllegalArgumentException("invalid PropertyType 0x" + Integer.toHexString(propertyType));
        }
        if ((declarationOrder & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("DeclarationOrder is a UINT16");
        }
        java.util.Objects.requireNonNull(propertyQualifierSet, "propertyQualifierSet");
    }

    /** The CimType without the Inherited flag. */
    public int cimType() {
        return propertyType & ~CimTypeCode.INHERITED_FLAG;
    }

    /** True if the Inherited flag (0x4000) is set. */
    public boolean inherited() {
        return (propertyType & CimTypeCode.INHERITED_FLAG) != 0;
    }

    public int encodedLength() {
        return 14 + propertyQualifierSet.encodedLength();
    }

    public void encode(WireWriter w) {
        w.i32(propertyType);
        w.u16(declarationOrder);
        w.i32(valueTableOffset);
        w.i32(classOfOrigin);
        propertyQualifierSet.encode(w);
    }

    static PropertyInfo decode(BlockDecoder d) {
        d.enter("PropertyInfo");
        int type = d.u32();
        if (!CimTypeCode.isValid(type, true)) {
            d.back(4);
            throw d.fail(ProtocolException.Kind.BAD_VALUE, "PropertyType 0x" + Integer.toHexString(type)
                    + " is not a CimType");
        }
        int declarationOrder = d.u16();
        int valueTableOffset = d.u32();
        int classOfOrigin = d.u32();
        QualifierSet qualifiers = QualifierSet.decode(d);
        d.exit();
        return new PropertyInfo(type, declarationOrder, valueTableOffset, classOfOrigin, qualifiers);
    }
}
