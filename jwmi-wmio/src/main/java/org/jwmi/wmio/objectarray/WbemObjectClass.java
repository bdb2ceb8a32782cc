package org.jwmi.wmio.objectarray;

import java.util.Objects;
import org.jwmi.wire.WireWriter;
import org.jwmi.wmio.block.ObjectBlock;

/**
 * [MS-WMI] 2.2.14.2 WBEMOBJECT_CLASS: a complete class, as an EncodingUnitObjectBlock ([MS-WMIO] 2.2.2).
 *
 * <pre>
 * dwSizeOfHeader (0x00000008) | dwSizeOfData | ObjectData
 * </pre>
 */
public record WbemObjectClass(ObjectBlock objectData) implements WbemObject {
    /** bObjectType of a WBEMOBJECT_CLASS. */
    public static final int TYPE = 1;
    /** dwSizeOfHeader. */
    public static final int HEADER_SIZE = 8;

    public WbemObjectClass {
        Objects.requireNonNull(objectData, "objectData");
        if (!objectData.isClass()) {
            throw new IllegalArgumentException("WBEMOBJECT_CLASS carries a class");
        }
    }

    @Override
    public int objectType() {
        return TYPE;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + objectData.encodedLength();
    }

    @Override
    public void encode(WireWriter w) {
        w.i32(HEADER_SIZE);
        w.i32(objectData.encodedLength());
        objectData.encode(w);
    }
}
