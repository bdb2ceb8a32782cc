package org.jwmi.dcom.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.18.8 DATAELEMENT: a marshaled envoy context inside an OBJREF_EXTENDED (raw little-endian).
 * <pre>
 * GUID dataID;               // context identifier, not GUID_NULL
 * unsigned long cbSize;      // bytes of Data without padding, not 0
 * unsigned long cbRounded;   // cbSize rounded up to a multiple of 8
 * byte Data[cbRounded];      // a marshaled Context (2.2.20), zero padded
 * </pre>
 * cbSize and cbRounded are derived from {@code data}; padding is dropped on decoding and zeros are sent.
 *
 * @param dataID the context identifier
 * @param data   the cbSize bytes of Data (see {@link Context#decode(byte[], org.jwmi.wire.Limits)})
 */
public record DataElement(UUID dataID, byte[] data) {

    public DataElement {
        Objects.requireNonNull(dataID, "dataID");
        Objects.requireNonNull(data, "data");
    }

    static DataElement decode(WireReader r) {
        r.enter("ElmArray");
        try {
            r.need(24);
            UUID dataID = r.uuid();
            long cbSize = r.u32();
            long cbRounded = r.u32();
            if (cbRounded != ((cbSize + 7) & ~7L)) {
                throw new ProtocolException(Kind.BAD_VALUE, r.position() - 4, r.path(), "cbRounded " + cbRounded
                        + " is not cbSize " + cbSize + " rounded up to a multiple of 8");
            }
            if (cbRounded > r.remaining()) {
                throw new ProtocolException(Kind.ARRAY_SIZE, r.position() - 4, r.path(), "cbRounded " + cbRounded
                        + " exceeds the " + r.remaining() + " bytes that remain");
            }
            byte[] data = r.bytes((int) cbSize);
            r.skip((int) (cbRounded - cbSize));
            return new DataElement(dataID, data);
        } finally {
            r.exit();
        }
    }

    void encode(WireWriter w) {
        int rounded = (data.length + 7) & ~7;
        w.uuid(dataID).i32(data.length).i32(rounded).bytes(data).zeros(rounded - data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataElement d && dataID.equals(d.dataID) && Arrays.equals(data, d.data);
    }

    @Override
    public int hashCode() {
        return dataID.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DataElement[dataID=" + dataID + ", data=" + data.length + " bytes]";
    }
}
