package org.jwmi.wmio.block;

import java.util.Objects;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.1 EncodingUnit: the whole encoding of one object as IWbemClassObject marshals it ([MS-WMI] 2.2.4,
 * the payload of its OBJREF_CUSTOM).
 *
 * <pre>
 * EncodingUnit = Signature ObjectEncodingLength ObjectBlock
 * </pre>
 *
 * <p>Signature ([MS-WMIO] 2.2.77) is the constant {@link #SIGNATURE}; ObjectEncodingLength ([MS-WMIO] 2.2.4) is
 * computed. Windows often makes ObjectEncodingLength larger than the ObjectBlock (the MyClass example of section 3
 * has 38 such octets, a Win32_ProcessStartup class from Windows Server 2019 has 70); they are kept in
 * {@link #unusedOctets}.
 *
 * @param objectBlock  [MS-WMIO] 2.2.5
 * @param unusedOctets octets after the ObjectBlock that ObjectEncodingLength covers
 */
public record EncodingUnit(ObjectBlock objectBlock, Octets unusedOctets) {
    /** [MS-WMIO] 2.2.77 Signature. */
    public static final int SIGNATURE = 0x12345678;

    public EncodingUnit {
        Objects.requireNonNull(objectBlock, "objectBlock");
        Objects.requireNonNull(unusedOctets, "unusedOctets");
    }

    public static EncodingUnit of(ObjectBlock objectBlock) {
        return new EncodingUnit(objectBlock, Octets.EMPTY);
    }

    /** ObjectEncodingLength. */
    public int objectEncodingLength() {
        return objectBlock.encodedLength() + unusedOctets.length();
    }

    public int encodedLength() {
        return 8 + objectEncodingLength();
    }

    public void encode(WireWriter w) {
        w.i32(SIGNATURE);
        w.i32(objectEncodingLength());
        objectBlock.encode(w);
        unusedOctets.writeTo(w);
    }

    public byte[] toByteArray() {
        WireWriter w = new WireWriter(encodedLength());
        encode(w);
        return w.toByteArray();
    }

    /** Decodes an EncodingUnit that fills {@code bytes} exactly, with the default {@link Limits}. */
    public static EncodingUnit decode(byte[] bytes) {
        return decode(bytes, Limits.DEFAULT);
    }

    /** Decodes an EncodingUnit that fills {@code bytes} exactly. */
    public static EncodingUnit decode(byte[] bytes, Limits limits) {
        return decode(bytes, limits, null);
    }

    /**
     * Decodes an EncodingUnit that fills {@code bytes} exactly, taking the object's ClassParts from
     * {@code classParts} when it holds them (null for no cache); the result is the same either way.
     */
    public static EncodingUnit decode(byte[] bytes, Limits limits, ClassPartCache classParts) {
        BlockDecoder d = new BlockDecoder(bytes, 0, bytes.length, limits).classParts(classParts);
        EncodingUnit unit = decode(d);
        if (d.room() > 0) {
            throw d.fail(ProtocolException.Kind.UNREAD_BYTES, d.room() + " octets follow the EncodingUnit");
        }
        return unit;
    }

    /**
     * Decodes the EncodingUnit at {@code r}'s position and moves {@code r} past it; what follows is left to the
     * caller. Error offsets are relative to the start of the EncodingUnit.
     */
    public static EncodingUnit read(WireReader r, Limits limits) {
        return read(r, limits, null);
    }

    /** {@link #read(WireReader, Limits)} with a {@link ClassPartCache} (null for none). */
    public static EncodingUnit read(WireReader r, Limits limits, ClassPartCache classParts) {
        BlockDecoder d = new BlockDecoder(r.array(), r.arrayOffset(), r.remaining(), limits).classParts(classParts);
        EncodingUnit unit = decode(d);
        r.skip(d.position());
        return unit;
    }

    static EncodingUnit decode(BlockDecoder d) {
        d.enter("EncodingUnit");
        int signature = d.u32();
        if (signature != SIGNATURE) {
            d.back(4);
            throw d.fail(ProtocolException.Kind.BAD_VALUE, "Signature 0x" + Integer.toHexString(signature)
                    + " is not 0x12345678");
        }
        long length = d.length("ObjectEncodingLength", 0, 1);
        int outer = d.limit(d.position() + length);
        ObjectBlock ob = ObjectBlock.decode(d);
        Octets unused = d.octets(d.room());
        d.restore(outer);
        d.exit();
        return new EncodingUnit(ob, unused);
    }
}
