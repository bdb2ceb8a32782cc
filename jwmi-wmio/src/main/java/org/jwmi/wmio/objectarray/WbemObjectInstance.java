package org.jwmi.wmio.objectarray;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.WireWriter;
import org.jwmi.wmio.block.ObjectBlock;

/**
 * [MS-WMI] 2.2.14.3 WBEMOBJECT_INSTANCE: a complete instance (with its CurrentClass) and the classID later
 * WBEMOBJECT_INSTANCE_NOCLASS structures use to borrow that class.
 *
 * <pre>
 * dwSizeOfHeader (0x00000018) | dwSizeOfData | classID (16 octets) | ObjectData
 * </pre>
 *
 * @param classId    the server's random GUID for the class, in the DCE/NDR GUID layout
 * @param objectData the instance as an EncodingUnitObjectBlock ([MS-WMIO] 2.2.2)
 */
public record WbemObjectInstance(UUID classId, ObjectBlock objectData) implements WbemObject {
    /** bObjectType of a WBEMOBJECT_INSTANCE. */
    public static final int TYPE = 2;
    /** dwSizeOfHeader. */
    public static final int HEADER_SIZE = 0x18;

    public WbemObjectInstance {
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(objectData, "objectData");
        if (objectData.isClass()) {
            throw new IllegalArgumentException("WBEMOBJECT_INSTANCE carries an instance");
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
        w.uuid(classId);
        objectData.encode(w);
    }
}
