package org.jwmi.wmio.objectarray;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;
import org.jwmi.wmio.block.ClassAndMethodsPart;
import org.jwmi.wmio.block.ClassPartCache;
import org.jwmi.wmio.block.EncodingUnitInstanceNoClass;
import org.jwmi.wmio.block.InstanceType;
import org.jwmi.wmio.block.ObjectBlock;

/**
 * [MS-WMI] 2.2.14 ObjectArray: the objects IWbemWCOSmartEnum::Next returns and optimized IWbemObjectSink::Indicate
 * receives, each class sent once per call and instances of an already-sent class without it.
 *
 * <pre>
 * dwByteOrdering (0) | abSignature "WBEMDATA" | dwSizeOfHeader1 (0x1A) | dwDataSize1 | dwFlags (0) | bVersion (1)
 * | bPacketType | dwSizeOfHeader2 (8) | dwDataSize2 | dwSizeOfHeader3 (12) | dwDataSize3 | dwNumObjects
 * | wbemObjects
 * </pre>
 *
 * <p>The sizes and dwNumObjects are computed when encoding and must agree with the content when decoding.
 *
 * @param dwFlags     MUST be 0; kept as received
 * @param bPacketType {@link #PACKET_INDICATE} or {@link #PACKET_SMART_ENUM}; kept as received
 * @param wbemObjects the objects in order
 */
public record ObjectArray(int dwFlags, int bPacketType, List<WbemDatapacketObject> wbemObjects) {
    /** abSignature: "WBEMDATA". */
    public static final byte[] SIGNATURE = "WBEMDATA".getBytes(StandardCharsets.US_ASCII);
    /** dwSizeOfHeader1: dwByteOrdering through bPacketType. */
    public static final int HEADER1_SIZE = 0x1A;
    public static final int HEADER2_SIZE = 8;
    public static final int HEADER3_SIZE = 12;
    public static final int VERSION = 1;
    /** bPacketType of an optimized IWbemObjectSink::Indicate. */
    public static final int PACKET_INDICATE = 0;
    /** bPacketType of IWbemWCOSmartEnum::Next. */
    public static final int PACKET_SMART_ENUM = 1;

    public ObjectArray {
        wbemObjects = List.copyOf(wbemObjects);
        if ((bPacketType & ~0xFF) != 0) {
            throw new IllegalArgumentException("bPacketType is one octet");
        }
    }

    /** dwDataSize3: the wbemObjects. */
    public int dataSize3() {
        int n = 0;
        for (WbemDatapacketObject o : wbemObjects) {
            n += o.encodedLength();
        }
        return n;
    }

    public int encodedLength() {
        return HEADER1_SIZE + HEADER2_SIZE + HEADER3_SIZE + dataSize3();
    }

    public void encode(WireWriter w) {
        int size3 = dataSize3();
        w.i32(0);
        w.bytes(SIGNATURE);
        w.i32(HEADER1_SIZE);
        w.i32(HEADER2_SIZE + HEADER3_SIZE + size3);
        w.i32(dwFlags);
        w.u8(VERSION);
        w.u8(bPacketType);
        w.i32(HEADER2_SIZE);
        w.i32(HEADER3_SIZE + size3);
        w.i32(HEADER3_SIZE);
        w.i32(size3);
        w.i32(wbemObjects.size());
        for (WbemDatapacketObject o : wbemObjects) {
            o.encode(w);
        }
    }

    public byte[] toByteArray() {
        WireWriter w = new WireWriter(encodedLength());
        encode(w);
        return w.toByteArray();
    }

    /**
     * Decodes an ObjectArray that fills {@code bytes} exactly. A WBEMOBJECT_INSTANCE_NOCLASS takes its class from
     * the last WBEMOBJECT_INSTANCE with the same classID, looked up in {@code classes}, to which every
     * WBEMOBJECT_INSTANCE decoded here is added; an unknown classID is an error, as [MS-WMI] 2.2.14.4 says.
     */
    public static ObjectArray decode(byte[] bytes, ClassIdTable classes, Limits limits) {
        return decode(bytes, classes, limits, null);
    }

    /**
     * {@link #decode(byte[], ClassIdTable, Limits)}, taking the ClassParts of WBEMOBJECT_CLASS and
     * WBEMOBJECT_INSTANCE objects from {@code classParts} when it holds them (null for no cache); the result is the
     * same either way.
     */
    public static ObjectArray decode(byte[] bytes, ClassIdTable classes, Limits limits, ClassPartCache classParts) {
        Objects.requireNonNull(classes, "classes");
        WireReader r = new WireReader(bytes, 0, bytes.length, limits.maxNesting()).littleEndian(true);
        r.enter("ObjectArray");
        expect(r, "dwByteOrdering", r.i32(), 0, ProtocolException.Kind.UNSUPPORTED);
        byte[] signature = r.bytes(SIGNATURE.length);
        if (!Arrays.equals(signature, SIGNATURE)) {
            r.seek(r.position() - SIGNATURE.length);
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "abSignature is not WBEMDATA");
        }
        expect(r, "dwSizeOfHeader1", r.i32(), HEADER1_SIZE, ProtocolException.Kind.BAD_VALUE);
        int size1 = r.count("dwDataSize1", r.remaining() - 6L);
        int flags = r.i32();
        expect(r, "bVersion", r.u8(), VERSION, ProtocolException.Kind.UNSUPPORTED);
        int packetType = r.u8();
        expect(r, "dwDataSize1", size1, r.remaining(), ProtocolException.Kind.BAD_VALUE);
        expect(r, "dwSizeOfHeader2", r.i32(), HEADER2_SIZE, ProtocolException.Kind.BAD_VALUE);
        expect(r, "dwDataSize2", r.i32(), r.remaining(), ProtocolException.Kind.BAD_VALUE);
        expect(r, "dwSizeOfHeader3", r.i32(), HEADER3_SIZE, ProtocolException.Kind.BAD_VALUE);
        expect(r, "dwDataSize3", r.i32(), r.remaining() - 4, ProtocolException.Kind.BAD_VALUE);
        int count = r.count("dwNumObjects", Math.min(limits.maxArrayCount(),
                r.remaining() / (WbemDatapacketObject.HEADER_SIZE + WbemObjectClass.HEADER_SIZE)));
        List<WbemDatapacketObject> objects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            r.enter("wbemObjects[" + i + "]");
            objects.add(new WbemDatapacketObject(object(r, bytes, classes, limits, classParts)));
            r.exit();
        }
        r.expectEnd();
        r.exit();
        return new ObjectArray(flags, packetType, objects);
    }

    private static WbemObject object(WireReader r, byte[] bytes, ClassIdTable classes, Limits limits,
                                     ClassPartCache classParts) {
        expect(r, "dwSizeOfHeader", r.i32(), WbemDatapacketObject.HEADER_SIZE, ProtocolException.Kind.BAD_VALUE);
        int size = r.count("dwSizeOfData", r.remaining() - 1L);
        int type = r.u8();
        int end = r.position() + size;
        WbemObject object;
        switch (type) {
            case WbemObjectClass.TYPE -> {
                r.enter("WBEMOBJECT_CLASS");
                int dataSize = header(r, WbemObjectClass.HEADER_SIZE, size);
                ObjectBlock ob = ObjectBlock.decode(bytes, r.arrayOffset(), dataSize, limits, classParts);
                if (!ob.isClass()) {
                    throw r.fail(ProtocolException.Kind.BAD_VALUE, "WBEMOBJECT_CLASS carries an instance");
                }
                object = new WbemObjectClass(ob);
            }
            case WbemObjectInstance.TYPE -> {
                r.enter("WBEMOBJECT_INSTANCE");
                int dataSize = header(r, WbemObjectInstance.HEADER_SIZE, size);
                UUID classId = r.uuid();
                ObjectBlock ob = ObjectBlock.decode(bytes, r.arrayOffset(), dataSize, limits, classParts);
                if (ob.isClass()) {
                    throw r.fail(ProtocolException.Kind.BAD_VALUE, "WBEMOBJECT_INSTANCE carries a class");
                }
                if (!classes.remember(classId, ((InstanceType) ob.encoding()).currentClass())) {
                    throw r.fail(ProtocolException.Kind.ARRAY_SIZE, "more than " + classes.capacity()
                            + " classIDs in one enumeration");
                }
                object = new WbemObjectInstance(classId, ob);
            }
            case WbemObjectInstanceNoClass.TYPE -> {
                r.enter("WBEMOBJECT_INSTANCE_NOCLASS");
                int dataSize = header(r, WbemObjectInstanceNoClass.HEADER_SIZE, size);
                UUID classId = r.uuid();
                ClassAndMethodsPart current = classes.lookup(classId);
                if (current == null) {
                    r.seek(r.position() - 16);
                    throw r.fail(ProtocolException.Kind.BAD_VALUE, "classID " + classId
                            + " names no class sent earlier in a WBEMOBJECT_INSTANCE");
                }
                object = new WbemObjectInstanceNoClass(classId,
                        EncodingUnitInstanceNoClass.decode(bytes, r.arrayOffset(), dataSize, current, limits));
            }
            default -> {
                r.seek(r.position() - 1);
                throw r.fail(ProtocolException.Kind.BAD_SWITCH, "bObjectType " + type + " is not 1, 2 or 3");
            }
        }
        r.seek(end);
        r.exit();
        return object;
    }

    /** Reads dwSizeOfHeader and dwSizeOfData of a WBEMOBJECT_*; returns the ObjectData length. */
    private static int header(WireReader r, int headerSize, int objectSize) {
        expect(r, "dwSizeOfHeader", r.i32(), headerSize, ProtocolException.Kind.BAD_VALUE);
        int dataSize = r.count("dwSizeOfData", r.remaining());
        expect(r, "dwSizeOfData", dataSize, objectSize - headerSize, ProtocolException.Kind.BAD_VALUE);
        r.need(dataSize + (headerSize - 8L));
        return dataSize;
    }

    private static void expect(WireReader r, String field, long actual, long expected, ProtocolException.Kind kind) {
        if (actual != expected) {
            throw r.fail(kind, field + " is " + actual + ", expected " + expected);
        }
    }
}
