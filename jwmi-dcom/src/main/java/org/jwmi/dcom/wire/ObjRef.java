package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.18 OBJREF: the marshaled form of an object reference. A raw little-endian structure (not NDR),
 * carried in the abData of an {@link MInterfacePointer}.
 * <pre>
 * unsigned long signature;   // 0x574f454d "MEOW"
 * unsigned long flags;       // OBJREF_STANDARD 1 | OBJREF_HANDLER 2 | OBJREF_CUSTOM 4 | OBJREF_EXTENDED 8
 * IID iid;                   // the interface this OBJREF was marshaled for
 * u_objref                   // the form selected by flags
 * </pre>
 * The four forms are {@link ObjRefStandard}, {@link ObjRefHandler}, {@link ObjRefCustom} and
 * {@link ObjRefExtended}.
 */
public sealed interface ObjRef permits ObjRefStandard, ObjRefHandler, ObjRefCustom, ObjRefExtended {

    /** Size of signature + flags + iid. */
    int HEADER_SIZE = 24;

    /** The IID for which this OBJREF was marshaled. */
    UUID iid();

    /** The form (flags). */
    ObjRefFlag flag();

    /** The raw flags value. */
    default int flags() {
        return flag().value();
    }

    /** Writes the whole OBJREF (header and u_objref), little-endian. */
    void encode(WireWriter w);

    /** The whole OBJREF as bytes. */
    default byte[] encode() {
        WireWriter w = new WireWriter(128);
        encode(w);
        return w.toByteArray();
    }

    /** Decodes an OBJREF that fills {@code data} exactly, with the default limits. */
    static ObjRef decode(byte[] data, CustomUnmarshalerRegistry registry) {
        return decode(data, registry, Limits.DEFAULT);
    }

    /** Decodes an OBJREF that fills {@code data} exactly; nothing may follow it. */
    static ObjRef decode(byte[] data, CustomUnmarshalerRegistry registry, Limits limits) {
        WireReader r = new WireReader(data, 0, data.length, limits.maxNesting());
        ObjRef o = decode(r, registry, limits);
        r.expectEnd();
        return o;
    }

    /**
     * Decodes an OBJREF at the reader's position (forced little-endian). OBJREF_CUSTOM takes all remaining bytes
     * as pObjectData; the other forms stop where their structure ends.
     */
    static ObjRef decode(WireReader r, CustomUnmarshalerRegistry registry, Limits limits) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(limits, "limits");
        boolean le = r.isLittleEndian();
        r.littleEndian(true);
        r.enter("OBJREF");
        try {
            int start = r.position();
            r.need(HEADER_SIZE);
            int signature = r.i32();
            if (signature != DcomConstants.OBJREF_SIGNATURE) {
                throw new ProtocolException(Kind.BAD_VALUE, start, r.path(), "signature 0x"
                        + Integer.toHexString(signature) + " is not 0x574f454d (MEOW)");
            }
            ObjRefFlag flag = ObjRefFlag.require(r.i32(), r);
            UUID iid = r.uuid();
            switch (flag) {
                case OBJREF_STANDARD:
                    return ObjRefStandard.decodeBody(iid, r);
                case OBJREF_HANDLER:
                    return ObjRefHandler.decodeBody(iid, r);
                case OBJREF_CUSTOM:
                    return ObjRefCustom.decodeBody(iid, r, registry, limits);
                case OBJREF_EXTENDED:
                    return ObjRefExtended.decodeBody(iid, r, start);
                default:
                    throw new IllegalStateException(String.valueOf(flag));
            }
        } finally {
            r.exit();
            r.littleEndian(le);
        }
    }
}
