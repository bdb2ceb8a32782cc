package org.jwmi.dcom.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.wire.Limits;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.18.6 OBJREF_CUSTOM: an object marshaled by a custom marshaler into an opaque BLOB.
 * <pre>
 * CLSID clsid;                  // the unmarshaler
 * unsigned long cbExtension;    // zero when sent, ignored on receipt
 * unsigned long reserved;       // arbitrary when sent, ignored on receipt (Windows' "size")
 * byte pObjectData[];           // the rest of the OBJREF
 * </pre>
 * On decoding, pObjectData is handed to the codec registered for {@code clsid} in a
 * {@link CustomUnmarshalerRegistry}; {@link #objectData()} is the result, or {@code null} when no codec is
 * registered (the raw bytes are always kept in {@link #pObjectData()} and are what is encoded).
 *
 * <p>Windows names {@code reserved} "size" and fills it with the size of the marshaled data; impacket sends that
 * size plus 8. The factories here set it to the length of pObjectData.
 *
 * @param iid         the IID the reference was marshaled for
 * @param clsid       the custom unmarshaler's CLSID
 * @param cbExtension raw cbExtension
 * @param reserved    raw reserved
 * @param pObjectData the opaque data (not copied; do not modify)
 * @param objectData  the decoded data, or {@code null} when its CLSID is unknown; not part of equality
 */
public record ObjRefCustom(UUID iid, UUID clsid, int cbExtension, int reserved, byte[] pObjectData,
                           Object objectData) implements ObjRef {

    public ObjRefCustom {
        Objects.requireNonNull(iid, "iid");
        Objects.requireNonNull(clsid, "clsid");
        Objects.requireNonNull(pObjectData, "pObjectData");
    }

    /** Opaque data with cbExtension 0 and reserved = its length. */
    public static ObjRefCustom of(UUID iid, UUID clsid, byte[] pObjectData) {
        return new ObjRefCustom(iid, clsid, 0, pObjectData.length, pObjectData, null);
    }

    /** {@code value} encoded by {@code codec}; the value is kept as {@link #objectData()}. */
    public static <T> ObjRefCustom of(UUID iid, CustomObjRefCodec<T> codec, T value) {
        byte[] data = codec.encode(value);
        return new ObjRefCustom(iid, codec.clsid(), 0, data.length, data, value);
    }

    /** The decoded data if it is a {@code type}. */
    public <T> Optional<T> objectData(Class<T> type) {
        return type.isInstance(objectData) ? Optional.of(type.cast(objectData)) : Optional.empty();
    }

    @Override
    public ObjRefFlag flag() {
        return ObjRefFlag.OBJREF_CUSTOM;
    }

    static ObjRefCustom decodeBody(UUID iid, WireReader r, CustomUnmarshalerRegistry registry, Limits limits) {
        r.enter("u_custom");
        try {
            r.need(24);
            UUID clsid = r.uuid();
            int cbExtension = r.i32();
            int reserved = r.i32();
            byte[] data = r.bytes(r.remaining());
            Object decoded = null;
            Optional<CustomObjRefCodec<?>> codec = registry.lookup(clsid);
            if (codec.isPresent()) {
                decoded = codec.get().decode(data, limits);
            }
            return new ObjRefCustom(iid, clsid, cbExtension, reserved, data, decoded);
        } finally {
            r.exit();
        }
    }

    @Override
    public void encode(WireWriter w) {
        Support.objRefHeader(w, flag(), iid);
        boolean le = w.isLittleEndian();
        w.littleEndian(true);
        w.uuid(clsid).i32(cbExtension).i32(reserved).bytes(pObjectData);
        w.littleEndian(le);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjRefCustom c && iid.equals(c.iid) && clsid.equals(c.clsid)
                && cbExtension == c.cbExtension && reserved == c.reserved
                && Arrays.equals(pObjectData, c.pObjectData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(iid, clsid, cbExtension, reserved) * 31 + Arrays.hashCode(pObjectData);
    }

    @Override
    public String toString() {
        return "ObjRefCustom[iid=" + iid + ", clsid=" + clsid + ", cbExtension=" + cbExtension + ", reserved="
                + reserved + ", pObjectData=" + pObjectData.length + " bytes, objectData="
                + (objectData == null ? "raw" : objectData.getClass().getSimpleName()) + "]";
    }
}
