package org.jwmi.wmio.objectarray;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.WireWriter;
import org.jwmi.wmio.block.EncodingUnitInstanceNoClass;

/**
 * [MS-WMI] 2.2.14.4 WBEMOBJECT_INSTANCE_NOCLASS: an instance without its CurrentClass, which is the one of the
 * earlier WBEMOBJECT_INSTANCE with the same classID.
 *
 * <pre>
 * dwSizeOfHeader (0x00000018) | dwSizeOfData | classID (16 octets) | ObjectData
 * </pre>
 *
 * @param classId    the classID of an earlier WBEMOBJECT_INSTANCE
 * @param objectData the instance as [MS-WMIO] 2.2.3 EncodingUnitInstanceNoClass (its instanceType carries the
 *                   borrowed class, which is not encoded)
 */
public record WbemObjectInstanceNoClass(UUID classId, EncodingUnitInstanceNoClass objectData) implements WbemObject {
    /** bObjectType of a WBEMOBJECT_INSTANCE_NOCLASS. */
    public static final int TYPE = 3;
    /** dwSizeOfHeader. */
    public static final int HEADER_SIZE = 0x18;

    public WbemObjectInstanceNoClass {
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(objectData, "objectData");
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
        w.uuid(classId);
        objectData.encode(w);
    }
}
