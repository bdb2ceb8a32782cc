package org.jwmi.dcom.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.20 Context: a marshaled client, prototype or envoy context (raw little-endian). Client and
 * prototype contexts travel as the pObjectData of an OBJREF_CUSTOM with clsid CLSID_ContextMarshaler and iid
 * IID_IContext (see {@link #CODEC}); envoy contexts in the DATAELEMENT of an OBJREF_EXTENDED.
 * <pre>
 * unsigned short MajorVersion;    // 1
 * unsigned short MinVersion;      // 1
 * GUID ContextId;
 * unsigned long Flags;            // CTXMSHLFLAGS_BYVAL (2)
 * unsigned long Reserved;         // 0
 * unsigned long dwNumExtents;     // 0
 * unsigned long cbExtents;        // 0
 * unsigned long MshlFlags;        // implementation-specific, ignored
 * unsigned long Count;            // elements of PropMarshalHeader
 * unsigned long Frozen;           // TRUE
 * PROPMARSHALHEADER PropMarshalHeader[Count];
 * </pre>
 *
 * @param majorVersion      MajorVersion
 * @param minVersion        MinVersion
 * @param contextId         ContextId
 * @param flags             raw Flags
 * @param reserved          raw Reserved
 * @param dwNumExtents      raw dwNumExtents
 * @param cbExtents         raw cbExtents
 * @param mshlFlags         raw MshlFlags
 * @param frozen            raw Frozen
 * @param propMarshalHeader the properties (Count is derived)
 */
public record Context(int majorVersion, int minVersion, UUID contextId, int flags, int reserved, int dwNumExtents,
                      int cbExtents, int mshlFlags, int frozen, List<PropMarshalHeader> propMarshalHeader) {
    /** Flags value: marshaled by value, the only form valid on the wire. */
    public static final int CTXMSHLFLAGS_BYVAL = 0x2;

    /** The codec registered for {@link Clsids#CLSID_CONTEXTMARSHALER}. */
    public static final CustomObjRefCodec<Context> CODEC = CustomObjRefCodec.of(Clsids.CLSID_CONTEXTMARSHALER,
            Context.class, Context::decode, Context::encode);

    public Context {
        if ((majorVersion & ~0xffff) != 0 || (minVersion & ~0xffff) != 0) {
            throw new IllegalArgumentException("versions are unsigned shorts");
        }
        Objects.requireNonNull(contextId, "contextId");
        propMarshalHeader = List.copyOf(propMarshalHeader);
    }

    /** A version 1.1, by-value, frozen context with these properties. */
    public static Context of(UUID contextId, List<PropMarshalHeader> properties) {
        return new Context(1, 1, contextId, CTXMSHLFLAGS_BYVAL, 0, 0, 0, 0, 1, properties);
    }

    /** An OBJREF_CUSTOM (iid IID_IContext, clsid CLSID_ContextMarshaler) carrying this context. */
    public ObjRefCustom toObjRef() {
        return ObjRefCustom.of(Iids.IID_ICONTEXT, CODEC, this);
    }

    public static Context decode(byte[] data, Limits limits) {
        WireReader r = new WireReader(data, 0, data.length, limits.maxNesting());
        r.enter("Context");
        try {
            r.need(48);
            int major = r.u16();
            int minor = r.u16();
            UUID contextId = r.uuid();
            int flags = r.i32();
            int reserved = r.i32();
            int dwNumExtents = r.i32();
            int cbExtents = r.i32();
            int mshlFlags = r.i32();
            long count = r.u32();
            int frozen = r.i32();
            if (count > r.remaining() / 40 || count > limits.maxArrayCount()) {
                throw new ProtocolException(Kind.ARRAY_SIZE, r.position() - 8, r.path(), "Count " + count
                        + " properties of at least 40 bytes but " + r.remaining() + " bytes remain");
            }
            List<PropMarshalHeader> props = new ArrayList<>((int) count);
            for (int i = 0; i < count; i++) {
                props.add(PropMarshalHeader.decode(r));
            }
            r.expectEnd();
            return new Context(major, minor, contextId, flags, reserved, dwNumExtents, cbExtents, mshlFlags,
                    frozen, props);
        } finally {
            r.exit();
        }
    }

    public static byte[] encode(Context v) {
        WireWriter w = new WireWriter(64);
        w.u16(v.majorVersion).u16(v.minVersion).uuid(v.contextId).i32(v.flags).i32(v.reserved)
                .i32(v.dwNumExtents).i32(v.cbExtents).i32(v.mshlFlags).i32(v.propMarshalHeader.size())
                .i32(v.frozen);
        for (PropMarshalHeader p : v.propMarshalHeader) {
            p.encode(w);
        }
        return w.toByteArray();
    }
}
