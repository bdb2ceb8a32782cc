package org.jwmi.wmio.block;

import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.60 Qualifier.
 *
 * <pre>
 * Qualifier = QualifierName QualifierFlavor QualifierType QualifierValue
 * </pre>
 *
 * @param qualifierName   [MS-WMIO] 2.2.61 HeapStringRef (heap offset or DictionaryReference)
 * @param qualifierFlavor [MS-WMIO] 2.2.62 flavor octet (see {@link QualifierFlavor}); unknown bits are kept
 * @param qualifierType   [MS-WMIO] 2.2.63 CimType (32 bits as sent)
 * @param qualifierValue  [MS-WMIO] 2.2.64 EncodedValue as raw little-endian bits, {@link CimTypeCode#valueSize}
 *                        octets wide (a HeapRef for strings, arrays and objects)
 */
public record Qualifier(int qualifierName, int qualifierFlavor, int qualifierType, long qualifierValue) {

    public Qualifier {
        if ((qualifierFlavor & ~0xFF) != 0) {
            throw new IllegalArgumentException("QualifierFlavor is one octet");
        }
        if (!CimTypeCode.isValid(qualifierType, false)) {
            throw new IllegalArgumentException("invalid QualifierType 0x" + Integer.toHexString(qualifierType));
        }
    }

    public int encodedLength() {
        return 9 + CimTypeCode.valueSize(qualifierType);
    }

    public void encode(WireWriter w) {
        w.i32(qualifierName);
        w.u8(qualifierFlavor);
        w.i32(qualifierType);
        Values.writeRaw(w, qualifierValue, CimTypeCode.valueSize(qualifierType));
    }

    static Qualifier decode(BlockDecoder d) {
        int name = d.u32();
        int flavor = d.u8();
        int type = d.u32();
        if (!CimTypeCode.isValid(type, false)) {
            d.back(4);
            throw d.fail(ProtocolException.Kind.BAD_VALUE, "QualifierType 0x" + Integer.toHexString(type)
                    + " is not a CimType");
        }
        long value = d.value(CimTypeCode.valueSize(type));
        return new Qualifier(name, flavor, type, value);
    }
}
