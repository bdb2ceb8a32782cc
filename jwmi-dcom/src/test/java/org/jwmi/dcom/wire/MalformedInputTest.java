package org.jwmi.dcom.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jwmi.ndr.NdrDecoder;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.TypeSerialization1;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven malformed input: each case must fail with exactly one ProtocolException kind. */
class MalformedInputTest {

    record Case(String name, byte[] input, Consumer<byte[]> decoder, Kind kind) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final CustomUnmarshalerRegistry REGISTRY = CustomUnmarshalerRegistry.withDcomDefaults();
    static final Consumer<byte[]> OBJREF = b -> ObjRef.decode(b, REGISTRY);
    static final Consumer<byte[]> BLOB = b -> ActivationProperties.decode(b, Limits.DEFAULT);
    static final Consumer<byte[]> ERROR = b -> ErrorObjectData.decode(b, Limits.DEFAULT);
    static final Consumer<byte[]> CONTEXT = b -> Context.decode(b, Limits.DEFAULT);
    static final Consumer<byte[]> PACKED_DSA = b -> {
        WireReader r = new WireReader(b);
        DualStringArray.decode(r);
        r.expectEnd();
    };

    static Consumer<byte[]> ndr(NdrDecoder<?> d) {
        return b -> {
            NdrReader r = NdrReader.of(b);
            d.decode(r);
            r.expectEnd();
        };
    }

    static Consumer<byte[]> property(NdrDecoder<?> d) {
        return b -> new TypeSerialization1.Reader(b, 0, b.length, Limits.DEFAULT).constructed(d);
    }

    static byte[] vector(String name) {
        return DcomVectors.load(name);
    }

    /** {@code name} with a little-endian u32 {@code v} written at {@code at}. */
    static byte[] u32(String name, int at, long v) {
        return u32(vector(name), at, v);
    }

    static byte[] u32(byte[] b, int at, long v) {
        byte[] c = b.clone();
        for (int i = 0; i < 4; i++) {
            c[at + i] = (byte) (v >>> (8 * i));
        }
        return c;
    }

    static byte[] u16(String name, int at, int v) {
        byte[] c = vector(name).clone();
        c[at] = (byte) v;
        c[at + 1] = (byte) (v >>> 8);
        return c;
    }

    static byte[] hex(String h) {
        return Hex.decode(h);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static final String STD = "2.2.18.4-OBJREF_STANDARD.hex";
    static final String EXT = "2.2.18.7-OBJREF_EXTENDED.hex";
    static final String OUT = "2.2.22-ActivationPropertiesOut.hex";
    static final String INST = "2.2.22.2.1-InstantiationInfoData.hex";
    static final String ERR = "2.2.21.2-ErrorObjectData.hex";
    static final String NIL_IID = "00000000 00000000 00000000 00000000";

    static Stream<Case> cases() {
        byte[] std = vector(STD);
        return Stream.of(
                // OBJREF
                new Case("OBJREF shorter than its header", hex("4d454f57 01000000 0000"), OBJREF, Kind.BUFSIZE),
                new Case("OBJREF signature not MEOW", u32(STD, 0, 0x574f454e), OBJREF, Kind.BAD_VALUE),
                new Case("OBJREF flags not one form", u32(STD, 4, 3), OBJREF, Kind.BAD_SWITCH),
                new Case("OBJREF flags zero", u32(STD, 4, 0), OBJREF, Kind.BAD_SWITCH),
                new Case("OBJREF_STANDARD truncated STDOBJREF", Arrays.copyOf(std, 50), OBJREF, Kind.BUFSIZE),
                new Case("OBJREF_STANDARD without saResAddr", Arrays.copyOf(std, 64), OBJREF, Kind.BUFSIZE),
                new Case("OBJREF_STANDARD with a trailing byte", concat(std, new byte[1]), OBJREF,
                        Kind.UNREAD_BYTES),
                new Case("OBJREF_CUSTOM without cbExtension/reserved", hex("4d454f57 04000000" + NIL_IID
                        + NIL_IID + "00000000"), OBJREF, Kind.BUFSIZE),
                new Case("OBJREF_EXTENDED Signature1", u32(EXT, 64, 0x4e535957), OBJREF, Kind.BAD_VALUE),
                new Case("OBJREF_EXTENDED nElms 2", u32(EXT, 96, 2), OBJREF, Kind.BAD_VALUE),
                new Case("OBJREF_EXTENDED Signature2", u32(EXT, 100, 0), OBJREF, Kind.BAD_VALUE),
                new Case("DATAELEMENT cbRounded not cbSize rounded", u32(EXT, 124, 0x130), OBJREF, Kind.BAD_VALUE),
                new Case("DATAELEMENT cbRounded beyond the OBJREF", u32(u32(EXT, 120, 0x1001), 124, 0x1008), OBJREF,
                        Kind.ARRAY_SIZE),
                new Case("OBJREF_EXTENDED cut inside the padding before nElms", Arrays.copyOf(vector(EXT), 95),
                        OBJREF, Kind.BUFSIZE),
                // DUALSTRINGARRAY
                new Case("wNumEntries beyond the buffer", hex("0500 0200 0000 0000 0000 0000"), PACKED_DSA,
                        Kind.ARRAY_SIZE),
                new Case("wSecurityOffset beyond wNumEntries", hex("0400 0500 0000 0000 0000 0000"), PACKED_DSA,
                        Kind.RANGE),
                new Case("wSecurityOffset 0: no STRINGBINDING terminator", hex("0200 0000 0000 0000"), PACKED_DSA,
                        Kind.BAD_VALUE),
                new Case("wNumEntries 0", hex("0000 0000"), PACKED_DSA, Kind.BAD_VALUE),
                new Case("aNetworkAddr runs into the security bindings", hex("0600 0300 0700 4100 4200 0000 0a00 ffff"),
                        PACKED_DSA, Kind.BAD_VALUE),
                new Case("STRINGBINDING array without nullterm1", hex("0500 0300 0700 4100 0000 0000 0000"),
                        PACKED_DSA, Kind.BAD_VALUE),
                new Case("data after nullterm1", hex("0400 0200 0000 0700 0000 0000"), PACKED_DSA, Kind.BAD_VALUE),
                new Case("SECURITYBINDING array without nullterm2", hex("0400 0200 0000 0000 0a00 ffff"), PACKED_DSA,
                        Kind.BAD_VALUE),
                new Case("SECURITYBINDING without Reserved", hex("0300 0200 0000 0000 0a00"), PACKED_DSA,
                        Kind.BAD_VALUE),
                new Case("data after nullterm2", hex("0500 0200 0000 0000 0000 0a00 0000"), PACKED_DSA,
                        Kind.BAD_VALUE),
                new Case("NDR DUALSTRINGARRAY max_count differs from wNumEntries",
                        hex("05000000 0400 0200 0000 0000 0000 0000 0000"), ndr(DualStringArray::decode),
                        Kind.BAD_VALUE),
                // MInterfacePointer, ORPC
                new Case("MInterfacePointer ulCntData differs from max_count", hex("04000000 03000000 01020304"),
                        ndr(MInterfacePointer::decode), Kind.BAD_VALUE),
                new Case("MInterfacePointer max_count beyond the stub", hex("00010000 00010000 01020304"),
                        ndr(MInterfacePointer::decode), Kind.ARRAY_SIZE),
                new Case("ORPC_EXTENT max_count is not (size+7)&~7", hex("10000000" + NIL_IID + "03000000"
                        + "00000000 00000000 00000000 00000000"), ndr(OrpcExtent::decode), Kind.BAD_VALUE),
                new Case("ORPC_EXTENT_ARRAY max_count is not (size+1)&~1", hex("01000000 00000000 00000200 01000000"
                        + "00000000"), ndr(OrpcExtentArray::decode), Kind.BAD_VALUE),
                new Case("ORPC_EXTENT_ARRAY size 0xffffffff", hex("ffffffff 00000000 00000200 00000000"),
                        ndr(OrpcExtentArray::decode), Kind.BAD_VALUE),
                new Case("ORPCTHIS truncated", hex("05000700 00000000 00000000 0000"), ndr(OrpcThis::decode),
                        Kind.BUFSIZE),
                // error object
                new Case("error signature neither 0 nor 0xFFFFFFFF", u32(ERR, 24, 1), ERROR, Kind.BAD_VALUE),
                new Case("ErrorInfoString dwOffSet not 0", u32(ERR, 32, 1), ERROR, Kind.BAD_VALUE),
                new Case("ErrorInfoString dwActual differs from dwMax", u32(ERR, 36, 4), ERROR, Kind.BAD_VALUE),
                new Case("ErrorInfoString longer than the data", u32(u32(ERR, 28, 0x7fffffff), 36, 0x7fffffff), ERROR,
                        Kind.ARRAY_SIZE),
                new Case("ErrorInfoString Name not terminated", u16(ERR, 48, 0x41), ERROR, Kind.BAD_VALUE),
                new Case("ErrorInfoString Name with an inner zero", u16(ERR, 42, 0), ERROR, Kind.BAD_VALUE),
                new Case("error object with trailing bytes", concat(vector(ERR), new byte[4]), ERROR,
                        Kind.UNREAD_BYTES),
                // context
                new Case("Context Count beyond the data", u32("2.2.20-Context.hex", 40, 0x10000), CONTEXT,
                        Kind.ARRAY_SIZE),
                new Case("PROPMARSHALHEADER cb beyond the data", u32("2.2.20-Context.hex", 48 + 36, 0x7fffffff),
                        CONTEXT, Kind.ARRAY_SIZE),
                new Case("Context with trailing bytes", concat(vector("2.2.20-Context.hex"), new byte[1]), CONTEXT,
                        Kind.UNREAD_BYTES),
                // activation properties BLOB
                new Case("blob shorter than dwSize/dwReserved", hex("0000"), BLOB, Kind.BUFSIZE),
                new Case("dwSize beyond the blob", u32(OUT, 0, 0x229), BLOB, Kind.BUFSIZE),
                new Case("dwSize short of the blob", u32(OUT, 0, 0x227), BLOB, Kind.UNREAD_BYTES),
                new Case("totalSize differs from dwSize", u32(OUT, 24, 0x220), BLOB, Kind.BAD_VALUE),
                new Case("headerSize smaller than the CustomHeader", u32(OUT, 28, 0x68), BLOB, Kind.BAD_VALUE),
                new Case("headerSize 8 bytes too large", u32(OUT, 28, 0x78), BLOB, Kind.BAD_VALUE),
                new Case("cIfs 0", u32(OUT, 40, 0), BLOB, Kind.RANGE),
                new Case("cIfs 11", u32(OUT, 40, 11), BLOB, Kind.RANGE),
                new Case("pclsid max_count differs from cIfs", u32(OUT, 72, 1), BLOB, Kind.BAD_VALUE),
                new Case("CustomHeader ObjectBufferLength beyond the blob", u32(OUT, 16, 0x10000), BLOB,
                        Kind.BUFSIZE),
                new Case("duplicate property CLSID", dupClsid(), BLOB, Kind.BAD_VALUE),
                new Case("pSizes entry beyond the blob", u32(OUT, 112, 0xfffffff0L), BLOB, Kind.ARRAY_SIZE),
                new Case("pSizes short of dwSize", grown(false), BLOB, Kind.BAD_VALUE),
                new Case("property ObjectBufferLength beyond its pSizes entry", u32(OUT, 128, 0x108), BLOB,
                        Kind.BUFSIZE),
                new Case("property followed by 8 unread bytes", grown(true), BLOB, Kind.UNREAD_BYTES),
                new Case("PropsOutInfo piid NULL", new PropsOutInfo(1, null, java.util.List.of(0),
                        java.util.Arrays.asList((MInterfacePointer) null)).serialize(), property(PropsOutInfo::decode),
                        Kind.INVALID_POINTER),
                new Case("PropsOutInfo cIfs 0", u32(OUT, 136, 0), BLOB, Kind.RANGE),
                new Case("ScmReplyInfoData remoteReply NULL", u32(OUT, 396, 0), BLOB, Kind.INVALID_POINTER),
                new Case("InstantiationInfoData cIID 0", u32(INST, 44, 0), property(InstantiationInfoData::decode),
                        Kind.RANGE),
                new Case("InstantiationInfoData cIID above MAX_REQUESTED_INTERFACES", u32(INST, 44, 0x8001),
                        property(InstantiationInfoData::decode), Kind.RANGE),
                new Case("InstantiationInfoData pIID NULL", u32(INST, 52, 0), property(InstantiationInfoData::decode),
                        Kind.INVALID_POINTER),
                new Case("InstantiationInfoData pIID max_count differs from cIID", u32(INST, 64, 1),
                        property(InstantiationInfoData::decode), Kind.BAD_VALUE),
                new Case("ScmRequestInfoData remoteRequest NULL", u32("2.2.22.2.4-ScmRequestInfoData.hex", 20, 0),
                        property(ScmRequestInfoData::decode), Kind.INVALID_POINTER),
                new Case("cRequestedProtseqs above MAX_REQUESTED_PROTSEQS",
                        u16("2.2.22.2.4-ScmRequestInfoData.hex", 28, 0x8001), property(ScmRequestInfoData::decode),
                        Kind.RANGE),
                new Case("pdsaOxidBindings NULL", u32("2.2.22.2.8-ScmReplyInfoData.hex", 32, 0),
                        property(ScmReplyInfoData::decode), Kind.INVALID_POINTER));
    }

    /** The Out blob with 8 more bytes at its end (dwSize and totalSize grown), also in the last pSizes entry. */
    private static byte[] grown(boolean inLastProperty) {
        byte[] b = concat(vector(OUT), new byte[8]);
        b = u32(b, 0, 0x230);
        b = u32(b, 24, 0x230);
        return inLastProperty ? u32(b, 116, 0xc0) : b;
    }

    private static byte[] dupClsid() {
        byte[] b = vector(OUT).clone();
        System.arraycopy(b, 76, b, 92, 16);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneKind(Case c) {
        assertThatThrownBy(() -> c.decoder.accept(c.input)).isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).kind()).as(e.getMessage()).isEqualTo(c.kind));
    }

    @Test
    void propertyFailuresCarryTheBlobOffsetAndPath() {
        byte[] b = u32(OUT, 396, 0);
        assertThatThrownBy(() -> ActivationProperties.decode(b, Limits.DEFAULT))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.path()).startsWith("ActivationPropertiesBlob.Property[1]");
                    assertThat(e.offset()).isGreaterThanOrEqualTo(376);
                });
    }

    @Test
    void customCodecFailureIsAProtocolException() {
        byte[] objref = Fixtures.ERROR_OBJREF_BROKEN;
        assertThatThrownBy(() -> ObjRef.decode(objref, REGISTRY)).isInstanceOf(ProtocolException.class);
        assertThat(ObjRef.decode(objref, new CustomUnmarshalerRegistry())).isInstanceOf(ObjRefCustom.class);
    }
}
