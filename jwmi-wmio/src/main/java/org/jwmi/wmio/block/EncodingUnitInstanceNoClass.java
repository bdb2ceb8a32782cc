package org.jwmi.wmio.block;

import java.util.Objects;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.3 EncodingUnitInstanceNoClass: an instance without its CurrentClass, as WBEMOBJECT_INSTANCE_NOCLASS
 * carries it in an ObjectArray ([MS-WMI] 2.2.14.4). The CurrentClass comes from an earlier WBEMOBJECT_INSTANCE of
 * the same classID; decoding and encoding then proceed exactly as for InstanceType.
 *
 * <pre>
 * EncodingUnitInstanceNoClass = ObjectFlags [Decoration] EncodingLength InstanceFlags InstanceClassName NdTable
 *                               InstanceData InstanceQualifierSet InstanceHeap
 * </pre>
 *
 * @param objectFlags  [MS-WMIO] 2.2.6: 0x02 set, 0x01 clear
 * @param decoration   present exactly when ObjectFlags has 0x04
 * @param instanceType the instance, with the borrowed CurrentClass (not encoded)
 */
public record EncodingUnitInstanceNoClass(int objectFlags, Decoration decoration, InstanceType instanceType) {

    public EncodingUnitInstanceNoClass {
        Objects.requireNonNull(instanceType, "instanceType");
        new ObjectBlock(objectFlags, decoration, instanceType);
    }

    /** The same instance as a complete ObjectBlock (with its CurrentClass). */
    public ObjectBlock toObjectBlock() {
        return new ObjectBlock(objectFlags, decoration, instanceType);
    }

    /** The instance of {@code ob} without its class. */
    public static EncodingUnitInstanceNoClass of(ObjectBlock ob) {
        if (!(ob.encoding() instanceof InstanceType it)) {
            throw new IllegalArgumentException("not an instance");
        }
        return new EncodingUnitInstanceNoClass(ob.objectFlags(), ob.decoration(), it);
    }

    public int encodedLength() {
        return 1 + (decoration == null ? 0 : decoration.encodedLength()) + instanceType.instanceEncodingLength();
    }

    public void encode(WireWriter w) {
        w.u8(objectFlags);
        if (decoration != null) {
            decoration.encode(w);
        }
        instanceType.encodeWithoutClass(w);
    }

    public byte[] toByteArray() {
        WireWriter w = new WireWriter(encodedLength());
        encode(w);
        return w.toByteArray();
    }

    /**
     * Decodes one that fills {@code length} bytes of {@code bytes} from {@code offset} exactly, with
     * {@code currentClass} as its class; error offsets are offsets in {@code bytes}.
     */
    public static EncodingUnitInstanceNoClass decode(byte[] bytes, int offset, int length,
                                                     ClassAndMethodsPart currentClass, Limits limits) {
        Objects.requireNonNull(currentClass, "currentClass");
        if (currentClass.methodsPart() != null) {
            currentClass = new ClassAndMethodsPart(currentClass.classPart(), null);
        }
        BlockDecoder d = BlockDecoder.over(bytes, offset, length, limits);
        d.enter("EncodingUnitInstanceNoClass");
        int flags = d.u8();
        ObjectBlock.checkFlags(d, flags);
        if ((flags & ObjectFlag.CIM_CLASS.bit()) != 0) {
            d.back(1);
            throw d.fail(ProtocolException.Kind.BAD_VALUE, "ObjectFlags 0x" + Integer.toHexString(flags)
                    + " marks a class; only instances travel without their class");
        }
        Decoration decoration = (flags & ObjectFlag.HAS_DECORATION.bit()) != 0 ? Decoration.decode(d) : null;
        InstanceType it = InstanceType.decodeWithoutClass(d, currentClass);
        if (d.room() > 0) {
            throw d.fail(ProtocolException.Kind.UNREAD_BYTES, d.room() + " octets follow the instance");
        }
        d.exit();
        return new EncodingUnitInstanceNoClass(flags, decoration, it);
    }
}
