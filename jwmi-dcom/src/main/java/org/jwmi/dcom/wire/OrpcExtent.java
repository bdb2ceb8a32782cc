package org.jwmi.dcom.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 2.2.13.1 ORPC_EXTENT: out-of-band data of an ORPC call, identified by a GUID (NDR conformant
 * structure).
 * <pre>
 * typedef struct tagORPC_EXTENT {
 *     GUID id;
 *     unsigned long size;                       // bytes of data without padding
 *     [size_is((size+7) &amp; ~7)] byte data[];    // padded to a multiple of 8
 * } ORPC_EXTENT;
 * </pre>
 * {@code size} is derived from {@code data}; padding is dropped on decoding and zeros are sent. Receivers ignore
 * extents they do not recognise.
 *
 * @param id   what the data is, e.g. {@link Clsids#CLSID_ERROR_EXTENSION}
 * @param data the {@code size} bytes of data (not copied; do not modify)
 */
public record OrpcExtent(UUID id, byte[] data) {

    public OrpcExtent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(data, "data");
    }

    /** [MS-DCOM] 2.2.21.1 error-information extension: an OBJREF (usually custom, CLSID_ErrorObject). */
    public static OrpcExtent errorInfo(ObjRef objRef) {
        return new OrpcExtent(Clsids.CLSID_ERROR_EXTENSION, objRef.encode());
    }

    /** [MS-DCOM] 2.2.21.1/2.2.21.2 error information as Windows marshals it: OBJREF_CUSTOM of an ErrorObjectData. */
    public static OrpcExtent errorInfo(ErrorObjectData error) {
        return errorInfo(ObjRefCustom.of(Iids.IID_IERRORINFO, ErrorObjectData.CODEC, error));
    }

    /** The OBJREF of an error-information extension. */
    public ObjRef errorObjRef(CustomUnmarshalerRegistry registry, Limits limits) {
        return ObjRef.decode(data, registry, limits);
    }

    /** The hoisted max_count (must be (size+7)&amp;~7), id, size, then the padded bytes. */
    public static OrpcExtent decode(NdrReader r) {
        int max = r.maxByteCount();
        return r.struct("ORPC_EXTENT", 4, s -> {
            UUID id = s.uuid();
            long size = s.u32();
            if (((size + 7) & ~7L) != max) {
                throw s.fail(Kind.BAD_VALUE, "max_count " + max + " is not size " + size
                        + " rounded up to a multiple of 8");
            }
            byte[] padded = s.byteElements(max);
            return new OrpcExtent(id, Arrays.copyOf(padded, (int) size));
        });
    }

    public static void encode(NdrWriter w, OrpcExtent v) {
        int padded = (v.data.length + 7) & ~7;
        w.maxCount(padded).struct(4, s -> s.uuid(v.id).u32(v.data.length).byteElements(Arrays.copyOf(v.data, padded)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrpcExtent e && id.equals(e.id) && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "OrpcExtent[id=" + id + ", size=" + data.length + "]";
    }
}
