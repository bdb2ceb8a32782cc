package org.jwmi.wmio.block;

import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.41 MethodDescription: 24 octets describing one method; all references point into the MethodHeap.
 *
 * <pre>
 * MethodDescription = MethodName MethodFlags MethodPadding MethodOrigin MethodQualifiers InputSignature
 *                     OutputSignature
 * </pre>
 *
 * @param methodName       [MS-WMIO] 2.2.42 HeapStringRef
 * @param methodFlags      [MS-WMIO] 2.2.43 0x20 (WBEM_FLAVOR_ORIGIN_PROPAGATED) for an inherited method
 * @param methodPadding    [MS-WMIO] 2.2.44 three octets (little-endian in the low 24 bits) that may hold anything;
 *                         kept as received
 * @param methodOrigin     [MS-WMIO] 2.2.45 the declaring class, counted like ClassOfOrigin
 * @param methodQualifiers [MS-WMIO] 2.2.46 HeapRef to a QualifierSet, or NULL
 * @param inputSignature   [MS-WMIO] 2.2.48 HeapRef to a MethodSignatureBlock, or NULL
 * @param outputSignature  [MS-WMIO] 2.2.49 HeapRef to a MethodSignatureBlock, or NULL
 */
public record MethodDescription(int methodName, int methodFlags, int methodPadding, int methodOrigin,
                                int methodQualifiers, int inputSignature, int outputSignature) {
    /** Octets of one MethodDescription. */
    public static final int LENGTH = 24;

    public MethodDescription {
        if ((methodFlags & ~0xFF) != 0 || (methodPadding & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("MethodFlags is one octet and MethodPadding three");
        }
    }

    public void encode(WireWriter w) {
        w.i32(methodName);
        w.u8(methodFlags);
        w.u8(methodPadding);
        w.u16(methodPadding >>> 8);
        w.i32(methodOrigin);
        w.i32(methodQualifiers);
        w.i32(inputSignature);
        w.i32(outputSignature);
    }

    static MethodDescription decode(BlockDecoder d) {
        int name = d.u32();
        int flags = d.u8();
        int padding = d.u8() | d.u16() << 8;
        return new MethodDescription(name, flags, padding, d.u32(), d.u32(), d.u32(), d.u32());
    }
}
