package org.jwmi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WireReaderTest {

    @Test
    void uuidUsesTheDceLayoutInBothByteOrders() {
        // C706 digest 9.11: 12345778-1234-abcd-ef00-0123456789ab in little-endian.
        byte[] le = Hex.decode("78 57 34 12 34 12 cd ab ef 00 01 23 45 67 89 ab");
        UUID expected = UUID.fromString("12345778-1234-abcd-ef00-0123456789ab");
        assertThat(new WireReader(le).uuid()).isEqualTo(expected);
        byte[] be = Hex.decode("12 34 57 78 12 34 ab cd ef 00 01 23 45 67 89 ab");
        assertThat(new WireReader(be).littleEndian(false).uuid()).isEqualTo(expected);
        assertThat(new WireWriter().uuid(expected).toByteArray()).isEqualTo(le);
        assertThat(new WireWriter().littleEndian(false).uuid(expected).toByteArray()).isEqualTo(be);
    }

    @Test
    void integersHonourByteOrder() {
        byte[] b = Hex.decode("01 02 03 04 05 06 07 08");
        assertThat(new WireReader(b).i32()).isEqualTo(0x04030201);
        assertThat(new WireReader(b).littleEndian(false).i32()).isEqualTo(0x01020304);
        assertThat(new WireReader(b).i64()).isEqualTo(0x0807060504030201L);
        assertThat(new WireReader(b).littleEndian(false).i64()).isEqualTo(0x0102030405060708L);
        assertThat(new WireReader(b).littleEndian(false).u16()).isEqualTo(0x0102);
    }

    @Test
    void alignmentIsRelativeToTheOrigin() {
        byte[] b = new byte[32];
        WireReader r = new WireReader(b, 3, 20);
        r.u8();
        r.align(4);
        assertThat(r.position()).isEqualTo(4);
        r.align(8);
        assertThat(r.position()).isEqualTo(8);
    }

    @Test
    void truncatedReadsFailWithOffsetAndPath() {
        WireReader r = new WireReader(new byte[3]);
        r.enter("hdr");
        r.enter("frag_length");
        r.u16();
        assertThatThrownBy(r::i32).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProtocolException.Kind.BUFSIZE);
            assertThat(e.offset()).isEqualTo(2);
            assertThat(e.path()).isEqualTo("hdr.frag_length");
        });
    }

    @Test
    void countsAreCheckedBeforeUse() {
        WireReader r = new WireReader(Hex.decode("ff ff ff ff"));
        assertThatThrownBy(() -> r.count("max_count", 1000)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.ARRAY_SIZE));
        assertThatThrownBy(() -> new WireReader(new byte[4]).utf16(Integer.MAX_VALUE))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new WireReader(new byte[4]).bytes(-1)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void nestingIsCapped() {
        WireReader r = new WireReader(new byte[0], 0, 0, 3);
        r.enter("a");
        r.enter("b");
        r.enter("c");
        assertThatThrownBy(() -> r.enter("d")).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.MAX_RECURSION));
    }

    @Test
    void slicesAreBoundedAndLeftoversDetected() {
        WireReader r = new WireReader(new byte[10]);
        WireReader s = r.slice(4);
        s.i32();
        assertThatThrownBy(s::u8).isInstanceOf(ProtocolException.class);
        assertThat(r.remaining()).isEqualTo(6);
        assertThatThrownBy(r::expectEnd).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.UNREAD_BYTES));
    }

    @Property
    void writerAndReaderRoundTrip(@ForAll int a, @ForAll long b, @ForAll short c, @ForAll boolean le) {
        WireWriter w = new WireWriter(1).littleEndian(le);
        w.u8(7).align(4).i32(a).align(8).i64(b).u16(c);
        WireReader r = new WireReader(w.toByteArray()).littleEndian(le);
        assertThat(r.u8()).isEqualTo(7);
        r.align(4);
        assertThat(r.i32()).isEqualTo(a);
        r.align(8);
        assertThat(r.i64()).isEqualTo(b);
        assertThat((short) r.u16()).isEqualTo(c);
        r.expectEnd();
    }

    @Property
    void arbitraryReadsOnArbitraryBytesOnlyRaiseProtocolException(@ForAll byte[] data, @ForAll int n) {
        WireReader r = new WireReader(data);
        try {
            r.bytes(n);
            r.utf16(n);
            r.count("n", Long.MAX_VALUE);
            r.uuid();
        } catch (ProtocolException expected) {
            assertThat(expected.offset()).isBetween(0L, (long) data.length);
        }
    }

    @Test
    void hexDecodeIgnoresCommentsAndSpacing() {
        assertThat(Hex.decode("# header\n0a 0B // x\n:ff")).containsExactly(0x0a, 0x0b, 0xff);
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
