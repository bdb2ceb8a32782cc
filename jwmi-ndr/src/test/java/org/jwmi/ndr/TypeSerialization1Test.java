package org.jwmi.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** [MS-RPCE] 2.2.6 type serialization version 1 headers, golden bytes and round trips. */
class TypeSerialization1Test {

    /** [MS-DCOM] 2.2.22.2.6 LocationInfoData { [string] wchar_t *machineName; DWORD processId, apartmentId, contextId; } */
    record LocationInfoData(String machineName, long processId, long apartmentId, long contextId) {
        static void encode(NdrWriter w, LocationInfoData v) {
            w.struct(4, s -> s.uniquePtr(v.machineName(), NdrWriter::stringW).u32(v.processId())
                    .u32(v.apartmentId()).u32(v.contextId()));
        }

        static LocationInfoData decode(NdrReader r) {
            return r.struct(4, s -> new LocationInfoData(s.uniquePtr(NdrReader::stringW), s.u32(), s.u32(), s.u32()));
        }
    }

    static final String WITH_NAME = """
            01 10 08 00 cc cc cc cc     # common header: version 1, little-endian, length 8, filler
            28 00 00 00 00 00 00 00     # private header: ObjectBufferLength 40 (36 + 4 padding), filler 0
            00 00 02 00                 # machineName referent id
            01 00 00 00 02 00 00 00 03 00 00 00
            04 00 00 00 00 00 00 00 04 00 00 00 73 00 72 00 76 00 00 00   # "srv"
            00 00 00 00                 # padding to a multiple of 8
            """;

    @Test
    void goldenLittleEndianStream() {
        LocationInfoData v = new LocationInfoData("srv", 1, 2, 3);
        byte[] b = TypeSerialization1.encode(v, LocationInfoData::encode);
        assertThat(Hex.encode(b)).isEqualTo(Hex.encode(Hex.decode(WITH_NAME)));
        assertThat(TypeSerialization1.decode(b, Limits.DEFAULT, LocationInfoData::decode)).isEqualTo(v);
    }

    @Test
    void decodesImpacketOutputWhosePrivateFillerIsCc() {
        // impacket 0.10 LocationInfoData(machineName=NULL, 0, 0, 0).getData(): it fills the private header with 0xCC
        byte[] b = Hex.decode("01100800cccccccc10000000cccccccc00000000000000000000000000000000");
        assertThat(TypeSerialization1.decode(b, Limits.DEFAULT, LocationInfoData::decode))
                .isEqualTo(new LocationInfoData(null, 0, 0, 0));
        assertThat(TypeSerialization1.encode(new LocationInfoData(null, 0, 0, 0), LocationInfoData::encode))
                .isEqualTo(Hex.decode("01100800cccccccc10000000000000000000000000000000000000000000000000"
                        .substring(0, 64)));
    }

    @Test
    void bigEndianStreamKeepsTheCommonHeaderLittleEndian() {
        LocationInfoData v = new LocationInfoData("srv", 1, 2, 3);
        byte[] b = TypeSerialization1.encode(DataRepresentation.BIG_ENDIAN, v, LocationInfoData::encode);
        assertThat(Hex.encode(b, 0, 20)).isEqualTo("01000800cccccccc" + "0000002800000000" + "00020000");
        TypeSerialization1.Reader r = new TypeSerialization1.Reader(b, 0, b.length, Limits.DEFAULT);
        assertThat(r.drep()).isEqualTo(DataRepresentation.BIG_ENDIAN);
        assertThat(r.constructed(LocationInfoData::decode)).isEqualTo(v);
        r.expectEnd();
    }

    @Test
    void severalTopLevelTypesEachEightAligned() {
        byte[] b = new TypeSerialization1.Writer(DataRepresentation.LITTLE_ENDIAN, Limits.DEFAULT)
                .constructed(new LocationInfoData(null, 7, 0, 0), LocationInfoData::encode)
                .primitive(w -> w.u16(0xabcd))
                .constructed(new LocationInfoData("a", 1, 1, 1), LocationInfoData::encode)
                .toByteArray();
        assertThat(b.length % 8).isZero();
        assertThat(Hex.encode(b, 32, 8)).isEqualTo("cdab000000000000");
        TypeSerialization1.Reader r = new TypeSerialization1.Reader(b, 0, b.length, Limits.DEFAULT);
        assertThat(r.constructed(LocationInfoData::decode)).isEqualTo(new LocationInfoData(null, 7, 0, 0));
        assertThat(r.primitive(NdrReader::u16)).isEqualTo(0xabcd);
        assertThat(r.constructed(LocationInfoData::decode)).isEqualTo(new LocationInfoData("a", 1, 1, 1));
        assertThat(r.hasRemaining()).isFalse();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("truncated common header", "01100800", Kind.BUFSIZE),
                Arguments.of("version 2", "02100800cccccccc 10000000 00000000" + "00".repeat(16), Kind.BAD_VALUE),
                Arguments.of("endianness 0x20", "01200800cccccccc 10000000 00000000" + "00".repeat(16),
                        Kind.BAD_VALUE),
                Arguments.of("header length 16", "01101000cccccccc 10000000 00000000" + "00".repeat(16),
                        Kind.BAD_VALUE),
                Arguments.of("truncated private header", "01100800cccccccc 1000", Kind.BUFSIZE),
                Arguments.of("object length beyond the buffer", "01100800cccccccc 18000000 00000000" + "00".repeat(16),
                        Kind.BUFSIZE),
                Arguments.of("huge object length", "01100800cccccccc ffffffff 00000000" + "00".repeat(16),
                        Kind.BUFSIZE),
                Arguments.of("object shorter than its type", "01100800cccccccc 08000000 00000000" + "00".repeat(8),
                        Kind.BUFSIZE),
                Arguments.of("more than padding left in the object", "01100800cccccccc 18000000 00000000"
                        + "00".repeat(24), Kind.UNREAD_BYTES),
                Arguments.of("bytes after the object", "01100800cccccccc 10000000 00000000" + "00".repeat(24),
                        Kind.UNREAD_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedStreamsFailWithTheRightKind(String name, String hex, Kind kind) {
        byte[] b = Hex.decode(hex);
        assertThatThrownBy(() -> TypeSerialization1.decode(b, Limits.DEFAULT, LocationInfoData::decode))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(kind);
    }
}
