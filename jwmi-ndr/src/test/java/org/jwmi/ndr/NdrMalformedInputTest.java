package org.jwmi.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Table-driven malformed inputs: each must fail with exactly one ProtocolException kind. */
class NdrMalformedInputTest {

    record Case(String name, String hex, NdrDecoder<?> decoder, Kind kind) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final NdrDecoder<Object> N1 = r -> {
        String s = r.uniquePtr(NdrReader::stringW);
        r.i32();
        return s;
    };

    static final NdrUnion U16 = NdrUnion.natural(SwitchType.USHORT);

    static Stream<Case> cases() {
        return Stream.of(
                new Case("truncated referent id", "0000", N1, Kind.BUFSIZE),
                new Case("truncated string counts", "00000200 03000000 00000000", N1, Kind.BUFSIZE),
                new Case("truncated string characters", "00000200 03000000 00000000 03000000 4800", N1,
                        Kind.ARRAY_SIZE),
                new Case("truncated trailing long", "00000200 03000000 00000000 03000000 480069000000 0000 6500",
                        N1, Kind.BUFSIZE),
                new Case("huge max_count", "ffffffff 00000000 ffffffff", NdrReader::stringW, Kind.ARRAY_SIZE),
                new Case("max_count above the array limit", "01001000", r -> r.conformantArray(NdrReader::u8),
                        Kind.ARRAY_SIZE),
                new Case("max_count above remaining bytes", "00000100 00", r -> r.conformantArray(NdrReader::u8),
                        Kind.ARRAY_SIZE),
                new Case("huge byte array", "ffffff7f 00", NdrReader::conformantBytes, Kind.ARRAY_SIZE),
                new Case("byte array longer than remaining", "10000000 0102", NdrReader::conformantBytes,
                        Kind.ARRAY_SIZE),
                new Case("string offset > 0", "04000000 01000000 03000000 410042000000", NdrReader::stringW,
                        Kind.BAD_VALUE),
                new Case("actual_count > max_count", "02000000 00000000 03000000 410042000000",
                        NdrReader::stringW, Kind.ARRAY_SIZE),
                new Case("offset + actual_count > max_count", "03000000 02000000 02000000 01020304",
                        r -> r.conformantVaryingArray(NdrReader::u8), Kind.ARRAY_SIZE),
                new Case("offset + actual overflow 32 bits", "ffffffff ffffffff 02000000 0102",
                        r -> r.conformantVaryingArray(NdrReader::u8), Kind.ARRAY_SIZE),
                new Case("missing wide terminator", "02000000 00000000 02000000 48006900", NdrReader::stringW,
                        Kind.BAD_VALUE),
                new Case("missing char terminator", "02000000 00000000 02000000 4869", NdrReader::stringA,
                        Kind.BAD_VALUE),
                new Case("empty string without terminator", "00000000 00000000 00000000", NdrReader::stringW,
                        Kind.BAD_VALUE),
                new Case("varying string beyond its bound", "00000000 41000000", r -> r.varyingStringA(64),
                        Kind.ARRAY_SIZE),
                new Case("bad switch", "0200 aa", r -> r.union(U16, NdrWorkedExamplesTest.echoArms()),
                        Kind.BAD_SWITCH),
                new Case("discriminant differs from switch_is", "0300 0000 cccccccc",
                        r -> r.union(U16, 1, NdrWorkedExamplesTest.echoArms()), Kind.BAD_SWITCH),
                new Case("null embedded [ref]", "00000000",
                        r -> r.struct(4, s -> s.refPtr(NdrReader::i32)), Kind.INVALID_POINTER),
                new Case("truncated deferred referent", "0a000000 0b000000 11000000 0c000000",
                        NdrWorkedExamplesTest.Out::decode, Kind.BUFSIZE),
                new Case("truncated uuid", "78573412 3412cdab ef00", NdrReader::uuid, Kind.BUFSIZE),
                new Case("truncated context handle", "00000000 78573412 3412", NdrReader::contextHandle,
                        Kind.BUFSIZE),
                new Case("misaligned hyper runs out", "01 000000 0000", r -> {
                    r.u8();
                    return r.hyper();
                }, Kind.BUFSIZE),
                new Case("left-over bytes", "01000000 02", r -> {
                    r.i32();
                    r.expectEnd();
                    return null;
                }, Kind.UNREAD_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithTheRightKind(Case c) {
        NdrReader r = NdrReader.of(Hex.decode(c.hex()));
        assertThatThrownBy(() -> c.decoder().decode(r))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(c.kind());
    }

    @Test
    void everyPrefixOfN5FailsCleanly() {
        byte[] full = Hex.decode(NdrWorkedExamplesTest.N5);
        for (int len = 0; len < full.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(full, len);
            NdrReader r = NdrReader.of(cut);
            assertThatThrownBy(() -> {
                r.uniquePtr(NdrReader::stringW);
                r.refPtr(NdrWorkedExamplesTest.ShareEnumStruct::decode);
                r.u32();
                r.uniquePtr(NdrReader::u32);
            }).as("prefix of %d bytes", len).isInstanceOf(ProtocolException.class)
                    .extracting(e -> ((ProtocolException) e).kind()).isIn(Kind.BUFSIZE, Kind.ARRAY_SIZE);
        }
    }

    /** struct Node { long v; [unique] Node *next; } */
    record Node(int v, Node next) {
        static void encode(NdrWriter w, Node n) {
            w.struct(4, s -> s.i32(n.v()).uniquePtr(n.next(), Node::encode));
        }

        static Node decode(NdrReader r) {
            return r.struct(4, s -> new Node(s.i32(), s.uniquePtr(Node::decode)));
        }
    }

    static Node chain(int n) {
        Node head = null;
        for (int i = n; i > 0; i--) {
            head = new Node(i, head);
        }
        return head;
    }

    @Test
    void pointerChainDeeperThanTheLimitFailsWithMaxRecursion() {
        Limits roomy = new Limits(65535, 4 << 20, 1 << 20, 10_000, 256, 65535);
        NdrWriter w = new NdrWriter(DataRepresentation.LITTLE_ENDIAN, roomy);
        Node.encode(w, chain(500));
        byte[] b = w.toByteArray();
        assertThat(Node.decode(new NdrReader(b, DataRepresentation.LITTLE_ENDIAN, roomy))).isEqualTo(chain(500));
        assertThatThrownBy(() -> Node.decode(NdrReader.of(b)))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(Kind.MAX_RECURSION);
    }

    @Test
    void inlineNestingDeeperThanTheLimitFailsWithMaxRecursion() {
        byte[] b = new byte[4 * 300];
        assertThatThrownBy(() -> nested(NdrReader.of(b)))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(Kind.MAX_RECURSION);
    }

    static int nested(NdrReader r) {
        return r.struct(4, s -> s.i32() == 0 ? 1 + nested(s) : 0);
    }

    @Test
    void writerRefusesToNestBeyondTheLimit() {
        assertThatThrownBy(() -> Node.encode(new NdrWriter(), chain(500)))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(Kind.MAX_RECURSION);
    }

    @Test
    void writerRefusesANullRefPointer() {
        assertThatThrownBy(() -> new NdrWriter().struct(4, s -> s.refPtr(null, NdrWriter::i32)))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(Kind.INVALID_POINTER);
    }

    @Test
    void hugeCountsWithAHugeLimitStillDoNotAllocate() {
        Limits unlimited = new Limits(65535, Integer.MAX_VALUE, Integer.MAX_VALUE, 128, 256, 65535);
        for (String hex : List.of("ffffff7f", "feffff7f 00000000 feffff7f", "ffffffff")) {
            byte[] b = Hex.decode(hex);
            for (NdrDecoder<?> d : List.<NdrDecoder<?>>of(NdrReader::conformantBytes, NdrReader::stringW,
                    r -> r.conformantArray(NdrReader::hyper), r -> r.conformantVaryingArray(NdrReader::u8))) {
                assertThatThrownBy(() -> d.decode(new NdrReader(b, DataRepresentation.LITTLE_ENDIAN, unlimited)))
                        .isInstanceOf(ProtocolException.class)
                        .extracting(e -> ((ProtocolException) e).kind()).isIn(Kind.ARRAY_SIZE, Kind.BUFSIZE);
            }
        }
    }

    static Stream<Arguments> dreps() {
        return Stream.of(
                Arguments.of("11000000", Kind.UNSUPPORTED),   // EBCDIC
                Arguments.of("10010000", Kind.UNSUPPORTED),   // VAX
                Arguments.of("10020000", Kind.UNSUPPORTED),   // Cray
                Arguments.of("10030000", Kind.UNSUPPORTED),   // IBM
                Arguments.of("20000000", Kind.BAD_VALUE),     // undefined integer format
                Arguments.of("12000000", Kind.BAD_VALUE),     // undefined character set
                Arguments.of("10040000", Kind.BAD_VALUE),     // undefined float format
                Arguments.of("1000", Kind.BUFSIZE));
    }

    @ParameterizedTest(name = "drep {0} -> {1}")
    @MethodSource("dreps")
    void unsupportedDataRepresentationsAreRejected(String hex, Kind kind) {
        byte[] pdu = Hex.decode("0500 0003" + hex);
        assertThatThrownBy(() -> DataRepresentation.fromHeader(pdu, 4))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("packed_drep")
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(kind);
    }
}
