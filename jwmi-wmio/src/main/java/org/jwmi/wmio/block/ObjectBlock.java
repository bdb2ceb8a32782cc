package org.jwmi.wmio.block;

import java.util.Objects;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.5 ObjectBlock: a class or an instance, optionally decorated with its origin. It is also
 * [MS-WMIO] 2.2.2 EncodingUnitObjectBlock, the form WBEMOBJECT_CLASS and WBEMOBJECT_INSTANCE carry in an
 * ObjectArray.
 *
 * <pre>
 * ObjectBlock = ObjectFlags [Decoration] Encoding
 * </pre>
 *
 * @param objectFlags [MS-WMIO] 2.2.6 (see {@link ObjectFlag}); exactly one of 0x01 and 0x02; unknown bits kept
 * @param decoration  [MS-WMIO] 2.2.7, present exactly when ObjectFlags has 0x04
 * @param encoding    a {@link ClassType} when ObjectFlags has 0x01, an {@link InstanceType} when it has 0x02
 */
public record ObjectBlock(int objectFlags, Decoration decoration, Encoding encoding) {

    public ObjectBlock {
        Objects.requireNonNull(encoding, "encoding");
        if ((objectFlags & ~0xFF) != 0) {
            throw new IllegalArgumentException("ObjectFlags is one octet");
        }
        boolean isClass = (objectFlags & ObjectFlag.CIM_CLASS.bit()) != 0;
        boolean isInstance = (objectFlags & ObjectFlag.CIM_INSTANCE.bit()) != 0;
        if (isClass == isInstance) {
            throw new IllegalArgumentException("ObjectFlags needs exactly one of 0x01 (class) and 0x02 (instance)");
        }
        if (isClass != encoding instanceof ClassType) {
            throw new IllegalArgumentException("ObjectFlags does not match the Encoding");
        }
        if (((objectFlags & ObjectFlag.HAS_DECORATION.bit()) != 0) != (decoration != null)) {
            throw new IllegalArgumentException("a Decoration is present exactly when ObjectFlags has 0x04");
        }
    }

    /** An ObjectBlock whose flags are derived: class or instance, plus 0x04 when decorated. */
    public static ObjectBlock of(Decoration decoration, Encoding encoding) {
        int flags = (encoding instanceof ClassType ? ObjectFlag.CIM_CLASS : ObjectFlag.CIM_INSTANCE).bit()
                | (decoration != null ? ObjectFlag.HAS_DECORATION.bit() : 0);
        return new ObjectBlock(flags, decoration, encoding);
    }

    public boolean isClass() {
        return encoding instanceof ClassType;
    }

    public int encodedLength() {
        return 1 + (decoration == null ? 0 : decoration.encodedLength()) + encoding.encodedLength();
    }

    public void encode(WireWriter w) {
        w.u8(objectFlags);
        if (decoration != null) {
            decoration.encode(w);
        }
        encoding.encode(w);
    }

    public byte[] toByteArray() {
        WireWriter w = new WireWriter(encodedLength());
        encode(w);
        return w.toByteArray();
    }

    /**
     * Decodes an EncodingUnitObjectBlock that fills {@code bytes} exactly, resolving and bounds-checking every heap
     * reference in it.
     */
    public static ObjectBlock decode(byte[] bytes, Limits limits) {
        return decode(bytes, 0, bytes.length, limits);
    }

    /**
     * {@link #decode(byte[], Limits)} over {@code length} bytes of {@code bytes} from {@code offset}; error offsets
     * are offsets in {@code bytes}.
     */
    public static ObjectBlock decode(byte[] bytes, int offset, int length, Limits limits) {
        return decode(bytes, offset, length, limits, null);
    }

    /**
     * {@link #decode(byte[], int, int, Limits)}, taking the object's ClassParts from {@code classParts} when it
     * holds them (null for no cache); the result is the same either way.
     */
    public static ObjectBlock decode(byte[] bytes, int offset, int length, Limits limits,
                                     ClassPartCache classParts) {
        BlockDecoder d = BlockDecoder.over(bytes, offset, length, limits).classParts(classParts);
        ObjectBlock ob = decode(d);
        if (d.room() > 0) {
            throw d.fail(ProtocolException.Kind.UNREAD_BYTES, d.room() + " octets follow the ObjectBlock");
        }
        return ob;
    }

    static ObjectBlock decode(BlockDecoder d) {
        d.enter("ObjectBlock");
        int flags = d.u8();
        checkFlags(d, flags);
        Decoration decoration = (flags & ObjectFlag.HAS_DECORATION.bit()) != 0 ? Decoration.decode(d) : null;
        Encoding encoding = (flags & ObjectFlag.CIM_CLASS.bit()) != 0 ? ClassType.decode(d) : InstanceType.decode(d);
        d.exit();
        return new ObjectBlock(flags, decoration, encoding);
    }

    static void checkFlags(BlockDecoder d, int flags) {
        boolean isClass = (flags & ObjectFlag.CIM_CLASS.bit()) != 0;
        boolean isInstance = (flags & ObjectFlag.CIM_INSTANCE.bit()) != 0;
        if (isClass == isInstance) {
            d.back(1);
            throw d.fail(ProtocolException.Kind.BAD_VALUE, "ObjectFlags 0x" + Integer.toHexString(flags)
                    + " must mark either a class (0x01) or an instance (0x02)");
        }
    }
}
