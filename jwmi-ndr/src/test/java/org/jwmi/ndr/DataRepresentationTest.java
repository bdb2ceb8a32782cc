package org.jwmi.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.Test;

/** The drep label and receiver-makes-it-right decoding of big-endian senders. */
class DataRepresentationTest {

    @Test
    void parsesWindowsAndBigEndianLabels() {
        assertThat(DataRepresentation.fromHeader(Hex.decode("05000003 10000000"), 4))
                .isEqualTo(DataRepresentation.LITTLE_ENDIAN);
        assertThat(DataRepresentation.fromHeader(Hex.decode("05000003 00000000"), 4))
                .isEqualTo(DataRepresentation.BIG_ENDIAN);
        assertThat(DataRepresentation.parse(Hex.decode("11030000"), 0))
                .isEqualTo(new DataRepresentation(1, 1, 3))
                .matches(d -> !d.isSupported());
        assertThat(Hex.encode(DataRepresentation.LITTLE_ENDIAN.toBytes())).isEqualTo("10000000");
        assertThat(Hex.encode(DataRepresentation.BIG_ENDIAN.toBytes())).isEqualTo("00000000");
    }

    @Test
    void reservedBytesAreIgnored() {
        assertThat(DataRepresentation.fromHeader(Hex.decode("1000aabb"), 0)).isEqualTo(DataRepresentation.LITTLE_ENDIAN);
    }

    @Test
    void bigEndianN1Decodes() {
        byte[] be = Hex.decode("00020000 00000003 00000000 00000003 004800690000 0000 00000065");
        NdrReader r = DataRepresentation.fromHeader(Hex.decode("00000000"), 0).reader(be, 0, be.length,
                Limits.DEFAULT);
        assertThat(r.uniquePtr(NdrReader::stringW)).isEqualTo("Hi");
        assertThat(r.i32()).isEqualTo(101);
        r.expectEnd();
        NdrWriter w = DataRepresentation.BIG_ENDIAN.writer(Limits.DEFAULT);
        w.uniquePtr("Hi", NdrWriter::stringW).i32(101);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(Hex.encode(be));
    }

    @Test
    void bigEndianN4Decodes() {
        byte[] be = Hex.decode("0000000a 0000000b 00000011 0000000c 00000022 00000033");
        NdrReader r = new NdrReader(be, DataRepresentation.BIG_ENDIAN, Limits.DEFAULT);
        assertThat(NdrWorkedExamplesTest.Out.decode(r)).isEqualTo(
                new NdrWorkedExamplesTest.Out(new NdrWorkedExamplesTest.In(0x11, 0x22), 0x33));
    }

    @Test
    void bigEndianPrimitivesAndHoisting() {
        byte[] be = Hex.decode("""
                00000003                         # hoisted max_count
                0005 0006 0007 0008              # outer a, b, inner a, b
                00000001 00000002 00000003       # c[]
                0001 000000000000 3ff0000000000000   # u16 at 24, gap to 32, double 1.0
                3fc00000 00000000 0102030405060708  # float 1.5, gap to 48, hyper
                """);
        NdrReader r = new NdrReader(be, DataRepresentation.BIG_ENDIAN, Limits.DEFAULT);
        assertThat(NdrWorkedExamplesTest.Outer.decode(r)).isEqualTo(new NdrWorkedExamplesTest.Outer((short) 5,
                (short) 6, new NdrWorkedExamplesTest.Inner((short) 7, (short) 8, List.of(1, 2, 3))));
        assertThat(r.u16()).isEqualTo(1);
        assertThat(r.float64()).isEqualTo(1.0);
        assertThat(r.float32()).isEqualTo(1.5f);
        assertThat(r.hyper()).isEqualTo(0x0102030405060708L);
        r.expectEnd();
    }

    @Test
    void bigEndianN5RoundTripsAndDiffersOnlyInByteOrder() {
        NdrWriter w = new NdrWriter(DataRepresentation.BIG_ENDIAN, Limits.DEFAULT);
        w.uniquePtr(null, NdrWriter::stringW);
        w.refPtr(NdrWorkedExamplesTest.N5_VALUE, NdrWorkedExamplesTest.ShareEnumStruct::encode);
        w.u32(0xffffffffL);
        byte[] be = w.toByteArray();
        assertThat(Hex.encode(be, 0x18, 8)).isEqualTo("0000000200020008");
        NdrReader r = new NdrReader(be, DataRepresentation.BIG_ENDIAN, Limits.DEFAULT);
        assertThat(r.uniquePtr(NdrReader::stringW)).isNull();
        assertThat(r.refPtr(NdrWorkedExamplesTest.ShareEnumStruct::decode)).isEqualTo(NdrWorkedExamplesTest.N5_VALUE);
    }
}
