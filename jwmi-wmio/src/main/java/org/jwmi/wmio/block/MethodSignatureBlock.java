package org.jwmi.wmio.block;

import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.70 MethodSignatureBlock: a MethodHeap item holding the {@code __PARAMETERS} class of a method's
 * input or output parameters ([MS-WMIO] 2.3.3). Its EncodingLength is the length of the ObjectBlock alone (the
 * 2.2.70 text and the 3.2 example agree on that, unlike the general EncodingLength rule of 2.2.73); 0 means no
 * ObjectBlock follows.
 *
 * <pre>
 * MethodSignatureBlock = EncodingLength [ObjectBlock]
 * </pre>
 *
 * @param objectBlock the parameters class, or null when there are no parameters
 */
public record MethodSignatureBlock(ObjectBlock objectBlock) {

    public int encodedLength() {
        return 4 + (objectBlock == null ? 0 : objectBlock.encodedLength());
    }

    public void encode(WireWriter w) {
        if (objectBlock == null) {
            w.i32(0);
        } else {
            w.i32(objectBlock.encodedLength());
            objectBlock.encode(w);
        }
    }
}
