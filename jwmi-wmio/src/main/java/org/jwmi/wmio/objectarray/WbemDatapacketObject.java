package org.jwmi.wmio.objectarray;

import java.util.Objects;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMI] 2.2.14.1 WBEM_DATAPACKET_OBJECT: one object of an ObjectArray.
 *
 * <pre>
 * dwSizeOfHeader (0x00000009) | dwSizeOfData | bObjectType | Object
 * </pre>
 *
 * <p>bObjectType and dwSizeOfData follow from {@link #object()}.
 */
public record WbemDatapacketObject(WbemObject object) {
    /** dwSizeOfHeader. */
    public static final int HEADER_SIZE = 9;

    public WbemDatapacketObject {
        Objects.requireNonNull(object, "object");
    }

    public int encodedLength() {
        return HEADER_SIZE + object.encodedLength();
    }

    public void encode(WireWriter w) {
        w.i32(HEADER_SIZE);
        w.i32(object.encodedLength());
        w.u8(object.objectType());
        object.encode(w);
    }
}
