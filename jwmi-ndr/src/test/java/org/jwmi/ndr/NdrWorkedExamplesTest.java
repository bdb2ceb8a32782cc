package org.jwmi.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.Test;

/** Byte-exact checks against the worked examples of C706-digest section 9, both directions. */
class NdrWorkedExamplesTest {

    static byte[] hex(String s) {
        return Hex.decode(s);
    }

    // ---------------------------------------------------------------- N1: [in, unique, string] wchar_t*, [in] long

    static final String N1 = """
            00 00 02 00   # referent id
            03 00 00 00   # max_count
            00 00 00 00   # offset
            03 00 00 00   # actual_count
            48 00 69 00 00 00
            00 00         # gap
            65 00 00 00   # level
            """;

    @Test
    void n1StringThenLongEncodes() {
        NdrWriter w = new NdrWriter();
        w.uniquePtr("Hi", NdrWriter::stringW).i32(101);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(Hex.encode(hex(N1)));
    }

    @Test
    void n1StringThenLongDecodes() {
        NdrReader r = NdrReader.of(hex(N1));
        assertThat(r.uniquePtr(NdrReader::stringW)).isEqualTo("Hi");
        assertThat(r.i32()).isEqualTo(101);
        r.expectEnd();
    }

    @Test
    void n1NullName() {
        NdrWriter w = new NdrWriter();
        w.uniquePtr(null, NdrWriter::stringW).i32(101);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo("0000000065000000");
        NdrReader r = NdrReader.of(w.toByteArray());
        assertThat(r.uniquePtr(NdrReader::stringW)).isNull();
        assertThat(r.i32()).isEqualTo(101);
    }

    @Test
    void rpcUnicodeStringIsCountedWithoutTerminator() {
        // lsa_String "Hi": {u16 Length; u16 MaximumLength; [size_is(Max/2), length_is(Len/2)] wchar_t *Buffer}
        NdrWriter w = new NdrWriter();
        w.struct(4, s -> s.u16(4).u16(4).uniquePtr("Hi",
                (p, v) -> p.maxCount(2).varyingBounds(0, 2).wchars(v)));
        assertThat(Hex.encode(w.toByteArray()))
                .isEqualTo(Hex.encode(hex("04 00 04 00 00 00 02 00 02 00 00 00 00 00 00 00 02 00 00 00 48 00 69 00")));
        String s = NdrReader.of(w.toByteArray()).struct(4, r -> {
            r.u16();
            r.u16();
            return r.uniquePtr(p -> {
                int max = p.maxCount();
                return p.wchars(p.varyingBounds(max).actualCount());
            });
        });
        assertThat(s).isEqualTo("Hi");
    }

    // ---------------------------------------------------------------- 9.2 enums

    @Test
    void enumsSixteenAndThirtyTwoBits() {
        NdrWriter w = new NdrWriter();
        w.enum16(2).struct(4, s -> s.enum16(1).v1Enum(2));
        assertThat(Hex.encode(w.toByteArray())).isEqualTo("02000000" + "01000000" + "02000000");
        NdrReader r = NdrReader.of(w.toByteArray());
        assertThat(r.enum16()).isEqualTo(2);
        List<Integer> e = r.struct(4, s -> List.of(s.enum16(), s.v1Enum()));
        assertThat(e).containsExactly(1, 2);
    }

    // ---------------------------------------------------------------- 9.5 hoisting

    record S(int a, List<Short> c) {
        static void encode(NdrWriter w, S v) {
            w.maxCount(v.c().size()).struct(4, s -> s.u16(v.a()).i32(v.c().size())
                    .elements(v.c(), (e, x) -> e.i16(x)));
        }

        static S decode(NdrReader r) {
            int max = r.maxCount();
            return r.struct(4, s -> {
                int a = s.u16();
                int n = s.i32();
                assertThat(n).isEqualTo(max);
                return new S(a, s.elements(max, NdrReader::i16));
            });
        }
    }

    @Test
    void conformantArrayCountIsHoistedInFrontOfTheStructure() {
        byte[] expected = hex("02 00 00 00  05 00  00 00  02 00 00 00  01 00 02 00");
        NdrWriter w = new NdrWriter();
        S.encode(w, new S(5, List.of((short) 1, (short) 2)));
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(Hex.encode(expected));
        assertThat(S.decode(NdrReader.of(expected))).isEqualTo(new S(5, List.of((short) 1, (short) 2)));
    }

    record Inner(short a, short b, List<Integer> c) {
    }

    record Outer(short a, short b, Inner inner) {
        static void encode(NdrWriter w, Outer o) {
            w.maxCount(o.inner().c().size()).struct(4, s -> s.i16(o.a()).i16(o.b())
                    .struct(4, t -> t.i16(o.inner().a()).i16(o.inner().b()).elements(o.inner().c(), NdrWriter::i32)));
        }

        static Outer decode(NdrReader r) {
            int max = r.maxCount();
            return r.struct(4, s -> new Outer(s.i16(), s.i16(),
                    s.struct(4, t -> new Inner(t.i16(), t.i16(), t.elements(max, NdrReader::i32)))));
        }
    }

    @Test
    void nestedConformantStructureHoistsToTheOutermost() {
        byte[] expected = hex("03 00 00 00 | 05 00 06 00 07 00 08 00 | 01 00 00 00 02 00 00 00 03 00 00 00"
                .replace("|", ""));
        Outer o = new Outer((short) 5, (short) 6, new Inner((short) 7, (short) 8, List.of(1, 2, 3)));
        NdrWriter w = new NdrWriter();
        Outer.encode(w, o);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(Hex.encode(expected));
        assertThat(Outer.decode(NdrReader.of(expected))).isEqualTo(o);
    }

    // ---------------------------------------------------------------- 9.4 hyper array gap, 9.11 uuid, hyper

    @Test
    void conformantHyperArrayHasAGapAfterTheCount() {
        NdrWriter w = new NdrWriter();
        w.conformantArray(List.of(1L, 2L), NdrWriter::hyper);
        String expected = "02000000" + "00000000" + "0100000000000000" + "0200000000000000";
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(expected);
        assertThat(NdrReader.of(hex(expected)).conformantArray(NdrReader::hyper)).containsExactly(1L, 2L);
    }

    @Test
    void uuidLayout() {
        UUID u = UUID.fromString("12345778-1234-abcd-ef00-0123456789ab");
        String le = "785734123412cdabef000123456789ab";
        assertThat(Hex.encode(new NdrWriter().uuid(u).toByteArray())).isEqualTo(le);
        assertThat(NdrReader.of(hex(le)).uuid()).isEqualTo(u);
        String be = "123457781234abcdef000123456789ab";
        NdrWriter bw = new NdrWriter(DataRepresentation.BIG_ENDIAN, Limits.DEFAULT);
        assertThat(Hex.encode(bw.uuid(u).toByteArray())).isEqualTo(be);
        assertThat(new NdrReader(hex(be), DataRepresentation.BIG_ENDIAN, Limits.DEFAULT).uuid()).isEqualTo(u);
    }

    @Test
    void structWithHyperStartsEightAligned() {
        // {uint8 v1; hyper v2} after a u16: struct at 8, v2 at 16
        NdrWriter w = new NdrWriter();
        w.u16(5).struct(8, s -> s.u8(1).hyper(0x0102030405060708L));
        assertThat(Hex.encode(w.toByteArray()))
                .isEqualTo("0500000000000000" + "0100000000000000" + "0807060504030201");
    }

    // ---------------------------------------------------------------- N3 unions

    static final NdrUnion ECHO_INFO = NdrUnion.natural(SwitchType.USHORT);

    static UnionArms<Long> echoArms() {
        return d -> switch ((int) d) {
            case 1 -> r -> (long) r.u8();
            case 3 -> NdrReader::u32;
            case 4 -> NdrReader::hyper;
            default -> null;
        };
    }

    @Test
    void n3UnionsWithNaturalArmAlignment() {
        assertThat(Hex.encode(new NdrWriter().union(ECHO_INFO, 1, a -> a.u8(0xaa)).toByteArray()))
                .isEqualTo("0100aa");
        assertThat(Hex.encode(new NdrWriter().union(ECHO_INFO, 3, a -> a.u32(0xccccccccL)).toByteArray()))
                .isEqualTo("01000000cccccccc".replaceFirst("01", "03"));
        assertThat(Hex.encode(new NdrWriter().union(ECHO_INFO, 4, a -> a.hyper(0x0102030405060708L)).toByteArray()))
                .isEqualTo("0400000000000000" + "0807060504030201");
        assertThat(NdrReader.of(hex("0100aa")).union(ECHO_INFO, 1, echoArms())).isEqualTo(0xaaL);
        assertThat(NdrReader.of(hex("03000000cccccccc")).union(ECHO_INFO, 3, echoArms())).isEqualTo(0xccccccccL);
        assertThat(NdrReader.of(hex("04000000000000000807060504030201")).union(ECHO_INFO, 4, echoArms()))
                .isEqualTo(0x0102030405060708L);
    }

    @Test
    void msUnionAlignsEveryArmToTheLargest() {
        NdrUnion ms = NdrUnion.msUnion(SwitchType.USHORT, 8);
        byte[] b = new NdrWriter().union(ms, 1, a -> a.u8(0xaa)).toByteArray();
        assertThat(Hex.encode(b)).isEqualTo("0100000000000000aa");
        assertThat(NdrReader.of(b).union(ms, 1, echoArms())).isEqualTo(0xaaL);
    }

    // ---------------------------------------------------------------- N4 depth-first deferral

    record In(int x, Integer pc) {
        static void encode(NdrWriter w, In v) {
            w.struct(4, s -> s.i32(v.x()).uniquePtr(v.pc(), NdrWriter::i32));
        }

        static In decode(NdrReader r) {
            return r.struct(4, s -> new In(s.i32(), s.uniquePtr(NdrReader::i32)));
        }
    }

    record Out(In pa, Integer pb) {
        static void encode(NdrWriter w, Out v) {
            w.struct(4, s -> s.uniquePtr(v.pa(), In::encode).uniquePtr(v.pb(), NdrWriter::i32));
        }

        static Out decode(NdrReader r) {
            return r.struct(4, s -> new Out(s.uniquePtr(In::decode), s.uniquePtr(NdrReader::i32)));
        }
    }

    static final String N4 = "0a000000 0b000000 11000000 0c000000 22000000 33000000";

    @Test
    void n4DeferralIsDepthFirst() {
        Out v = new Out(new In(0x11, 0x22), 0x33);
        NdrWriter w = new NdrWriter().referentIds(0x0a, 1);
        Out.encode(w, v);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(Hex.encode(hex(N4)));
        NdrReader r = NdrReader.of(hex(N4));
        assertThat(Out.decode(r)).isEqualTo(v);
        r.expectEnd();
    }

    // ---------------------------------------------------------------- 9.7 full pointer aliased across deferral levels

    /** {@code typedef struct NODE { [unique] struct NODE *child; [ptr, string] wchar_t *s; } NODE;} */
    record Node(Node child, String s) {
        static void encode(NdrWriter w, Node v) {
            w.struct(4, t -> t.uniquePtr(v.child(), Node::encode).fullPtr(v.s(), NdrWriter::stringW));
        }

        static Node decode(NdrReader r) {
            return r.struct(4, t -> new Node(t.uniquePtr(Node::decode), t.fullPtr(String.class, NdrReader::stringW)));
        }
    }

    /**
     * {@code [in] long n, [in, size_is(n)] NODE nodes[]} with {@code nodes[1].s == nodes[0].child->s}: the id of
     * the shared string is first written in the body of {@code nodes[1]}, but its referent is first reached in the
     * depth-first deferral walk below {@code *nodes[0].child}, so it goes there (before {@code *nodes[0].s}), and
     * {@code nodes[1].s} has no referent of its own. A writer that sent it at {@code nodes[1]}'s turn would have the
     * receiver swap the two strings silently.
     */
    static final String FULL_ALIAS_BELOW = """
            02 00 00 00                  # max_count
            00 00 02 00  04 00 02 00     # [0]: child id, s id ("a")
            00 00 00 00  08 00 02 00     # [1]: child NULL, s id (shared "Hi", first id in the stream)
            00 00 00 00  08 00 02 00     # *[0].child: child NULL, s = the shared id again
            03 00 00 00 00 00 00 00 03 00 00 00 48 00 69 00 00 00  00 00   # "Hi": first in deferral order
            02 00 00 00 00 00 00 00 02 00 00 00 61 00 00 00                # *[0].s "a"; [1].s: nothing
            """;

    @Test
    void fullPointerReferentGoesWhereDeferralFirstReachesIt() {
        String shared = new String("Hi");
        List<Node> nodes = List.of(new Node(new Node(null, shared), "a"), new Node(null, shared));
        NdrWriter w = new NdrWriter();
        w.conformantArray(nodes, Node::encode);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(Hex.encode(hex(FULL_ALIAS_BELOW)));

        NdrReader r = NdrReader.of(hex(FULL_ALIAS_BELOW));
        List<Node> back = r.conformantArray(Node::decode);
        r.expectEnd();
        assertThat(back).isEqualTo(nodes);
        assertThat(back.get(1).s()).isSameAs(back.get(0).child().s());
    }

    // ---------------------------------------------------------------- N5 NetShareEnumAll

    record ShareInfo1(String netname, long type, String remark) {
        static void encode(NdrWriter w, ShareInfo1 v) {
            w.struct(4, s -> s.uniquePtr(v.netname(), NdrWriter::stringW).u32(v.type())
                    .uniquePtr(v.remark(), NdrWriter::stringW));
        }

        static ShareInfo1 decode(NdrReader r) {
            return r.struct(4, s -> new ShareInfo1(s.uniquePtr(NdrReader::stringW), s.u32(),
                    s.uniquePtr(NdrReader::stringW)));
        }
    }

    record ShareInfo1Container(List<ShareInfo1> buffer) {
        static void encode(NdrWriter w, ShareInfo1Container v) {
            w.struct(4, s -> s.u32(v.buffer().size())
                    .uniquePtr(v.buffer(), (p, l) -> p.conformantArray(l, ShareInfo1::encode)));
        }

        static ShareInfo1Container decode(NdrReader r) {
            return r.struct(4, s -> {
                long entriesRead = s.u32();
                List<ShareInfo1> buffer = s.uniquePtr(p -> p.conformantArray(ShareInfo1::decode));
                if (buffer != null && buffer.size() != entriesRead) {
                    throw s.fail(org.jwmi.wire.ProtocolException.Kind.BAD_VALUE, "EntriesRead mismatch");
                }
                return new ShareInfo1Container(buffer);
            });
        }
    }

    record ShareEnumStruct(long level, ShareInfo1Container level1) {
        static final NdrUnion UNION = NdrUnion.natural(SwitchType.ULONG);

        static void encode(NdrWriter w, ShareEnumStruct v) {
            w.struct(4, s -> s.u32(v.level()).union(UNION, v.level(),
                    a -> a.uniquePtr(v.level1(), ShareInfo1Container::encode)));
        }

        static ShareEnumStruct decode(NdrReader r) {
            return r.struct(4, s -> {
                long level = s.u32();
                ShareInfo1Container c = s.union(UNION, level, d -> d == 1
                        ? a -> a.uniquePtr(ShareInfo1Container::decode) : null);
                return new ShareEnumStruct(level, c);
            });
        }
    }

    static final String N5 = """
            00: 00 00 00 00
            04: 01 00 00 00
            08: 01 00 00 00
            0c: 00 00 02 00
            10: 02 00 00 00 04 00 02 00
            18: 02 00 00 00
            1c: 08 00 02 00 00 00 00 00 0c 00 02 00
            28: 10 00 02 00 00 00 00 00 00 00 00 00
            34: 02 00 00 00 00 00 00 00 02 00 00 00 41 00 00 00
            44: 02 00 00 00 00 00 00 00 02 00 00 00 78 00 00 00
            54: 02 00 00 00 00 00 00 00 02 00 00 00 42 00 00 00
            64: ff ff ff ff
            68: 00 00 00 00
            """.replaceAll("(?m)^[0-9a-f]{2}:", "");

    static final ShareEnumStruct N5_VALUE = new ShareEnumStruct(1, new ShareInfo1Container(List.of(
            new ShareInfo1("A", 0, "x"), new ShareInfo1("B", 0, null))));

    @Test
    void n5NetShareEnumAllEncodes() {
        NdrWriter w = new NdrWriter();
        w.uniquePtr(null, NdrWriter::stringW);
        w.refPtr(N5_VALUE, ShareEnumStruct::encode);
        w.u32(0xffffffffL);
        w.uniquePtr(null, NdrWriter::u32);
        assertThat(Hex.dump(w.toByteArray())).isEqualTo(Hex.dump(hex(N5)));
    }

    @Test
    void n5NetShareEnumAllDecodes() {
        NdrReader r = NdrReader.of(hex(N5));
        assertThat(r.uniquePtr(NdrReader::stringW)).isNull();
        assertThat(r.refPtr(ShareEnumStruct::decode)).isEqualTo(N5_VALUE);
        assertThat(r.u32()).isEqualTo(0xffffffffL);
        assertThat(r.<Long>uniquePtr(NdrReader::u32)).isNull();
        r.expectEnd();
    }

    // ---------------------------------------------------------------- more hoisting

    /** [MS-DTYP] 2.4.2.3 RPC_SID: a conformant structure; S-1-5-32-544. */
    record RpcSid(int revision, byte[] identifierAuthority, List<Long> subAuthority) {
        static void encode(NdrWriter w, RpcSid v) {
            w.maxCount(v.subAuthority().size()).struct(4, s -> s.u8(v.revision()).u8(v.subAuthority().size())
                    .bytes(v.identifierAuthority()).elements(v.subAuthority(), NdrWriter::u32));
        }

        static RpcSid decode(NdrReader r) {
            int max = r.maxCount();
            return r.struct(4, s -> {
                int revision = s.u8();
                int count = s.u8();
                if (count != max) {
                    throw s.fail(org.jwmi.wire.ProtocolException.Kind.BAD_VALUE, "SubAuthorityCount != max_count");
                }
                return new RpcSid(revision, s.bytes(6), s.elements(max, NdrReader::u32));
            });
        }
    }

    @Test
    void rpcSidHoistsItsSubAuthorityCount() {
        String expected = "02000000" + "0102000000000005" + "20000000" + "20020000";
        NdrWriter w = new NdrWriter();
        RpcSid sid = new RpcSid(1, new byte[] {0, 0, 0, 0, 0, 5}, List.of(32L, 544L));
        RpcSid.encode(w, sid);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(expected);
        RpcSid back = RpcSid.decode(NdrReader.of(hex(expected)));
        assertThat(back.subAuthority()).containsExactly(32L, 544L);
        assertThat(back.identifierAuthority()).containsExactly(0, 0, 0, 0, 0, 5);
    }

    @Test
    void conformantVaryingMemberHoistsOnlyMaxCount() {
        // struct { short a; [size_is(4), length_is(2)] short c[]; } -> max_count in front; offset/actual inline
        String expected = "04000000" + "0700" + "0000" + "00000000" + "02000000" + "01000200";
        NdrWriter w = new NdrWriter();
        w.maxCount(4).struct(4, s -> s.i16(7).varyingBounds(0, 2).elements(List.of((short) 1, (short) 2),
                (e, x) -> e.i16(x)));
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(expected);
        NdrReader r = NdrReader.of(hex(expected));
        int max = r.maxCount();
        List<Short> c = r.struct(4, s -> {
            s.i16();
            return s.elements(s.varyingBounds(max).actualCount(), NdrReader::i16);
        });
        assertThat(c).containsExactly((short) 1, (short) 2);
        r.expectEnd();
    }

    @Test
    void contextHandleIsTwentyBytes() {
        NdrContextHandle h = new NdrContextHandle(0, UUID.fromString("12345778-1234-abcd-ef00-0123456789ab"));
        byte[] b = new NdrWriter().u8(1).contextHandle(h).toByteArray();
        assertThat(Hex.encode(b)).isEqualTo("01000000" + "00000000" + "785734123412cdabef000123456789ab");
        NdrReader r = NdrReader.of(b);
        r.u8();
        assertThat(r.contextHandle()).isEqualTo(h);
        assertThat(NdrReader.of(new byte[20]).contextHandle().isNull()).isTrue();
    }
}
