package org.jwmi.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;

/** Properties: round trips are identity, arbitrary bytes raise only ProtocolException, huge counts never allocate. */
class NdrPropertiesTest {

    static final NdrUnion UNION = NdrUnion.natural(SwitchType.ULONG);
    static final NdrUnion MS_UNION = NdrUnion.msUnion(SwitchType.USHORT, 8);

    /** A structure exercising every construct: primitives, uuid, pointers, strings, arrays, unions, recursion. */
    record Item(int l, long h, UUID g, String name, byte small, short sh, double d, float f, boolean b,
                String annotation, List<Integer> nums, Item child, long kind, Object arm, Object msArm,
                NdrContextHandle handle, byte[] blob) {

        static void encode(NdrWriter w, Item v) {
            w.maxCount(v.blob().length).struct(8, s -> s
                    .i32(v.l()).hyper(v.h()).uuid(v.g())
                    .uniquePtr(v.name(), NdrWriter::stringW)
                    .small(v.small()).i16(v.sh()).float64(v.d()).float32(v.f()).bool(v.b())
                    .varyingStringA(32, v.annotation())
                    .uniquePtr(v.nums(), (p, l) -> p.conformantVaryingArray(l.size() + 3, l, NdrWriter::i32))
                    .uniquePtr(v.child(), Item::encode)
                    .u32(v.kind())
                    .union(UNION, v.kind(), a -> {
                        switch ((int) v.kind()) {
                            case 1 -> a.u8((Integer) v.arm());
                            case 2 -> a.hyper((Long) v.arm());
                            case 3 -> a.uniquePtr((String) v.arm(), NdrWriter::stringW);
                            default -> { }
                        }
                    })
                    .union(MS_UNION, v.kind() == 2 ? 2 : 1, a -> {
                        if (v.kind() == 2) {
                            a.fullPtr(v.msArm(), (p, x) -> p.stringW((String) x));
                        } else {
                            a.u16((Integer) v.msArm());
                        }
                    })
                    .contextHandle(v.handle())
                    .u32(v.blob().length).byteElements(v.blob()));
        }

        static Item decode(NdrReader r) {
            int blobMax = r.maxByteCount();
            return r.struct(8, s -> {
                int l = s.i32();
                long h = s.hyper();
                UUID g = s.uuid();
                String name = s.uniquePtr(NdrReader::stringW);
                byte small = s.small();
                short sh = s.i16();
                double d = s.float64();
                float f = s.float32();
                boolean b = s.bool();
                String ann = s.varyingStringA(32);
                List<Integer> nums = s.uniquePtr(p -> p.conformantVaryingArray(NdrReader::i32));
                Item child = s.uniquePtr(Item::decode);
                long kind = s.u32();
                Object arm = s.union(UNION, kind, k -> switch ((int) k) {
                    case 1 -> a -> a.u8();
                    case 2 -> NdrReader::hyper;
                    case 3 -> a -> a.uniquePtr(NdrReader::stringW);
                    case 4 -> a -> null;
                    default -> null;
                });
                Object msArm = s.union(MS_UNION, k -> k == 2 ? a -> a.fullPtr(NdrReader::stringW)
                        : k == 1 ? NdrReader::u16 : null);
                NdrContextHandle handle = s.contextHandle();
                long blobLen = s.u32();
                if (blobLen != blobMax) {
                    throw s.fail(ProtocolException.Kind.BAD_VALUE, "length differs from max_count");
                }
                byte[] blob = s.byteElements(blobMax);
                return new Item(l, h, g, name, small, sh, d, f, b, ann, nums, child, kind, arm, msArm, handle, blob);
            });
        }

        /** Structural equality (records compare arrays by reference). */
        boolean same(Item o) {
            if (o == null) {
                return false;
            }
            return l == o.l && h == o.h && g.equals(o.g) && java.util.Objects.equals(name, o.name)
                    && small == o.small && sh == o.sh && Double.compare(d, o.d) == 0 && Float.compare(f, o.f) == 0
                    && b == o.b && annotation.equals(o.annotation) && java.util.Objects.equals(nums, o.nums)
                    && (child == null ? o.child == null : child.same(o.child)) && kind == o.kind
                    && java.util.Objects.equals(arm, o.arm) && java.util.Objects.equals(msArm, o.msArm)
                    && handle.equals(o.handle) && java.util.Arrays.equals(blob, o.blob);
        }
    }

    static String randomWide(Random rnd) {
        int n = rnd.nextInt(6);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) (rnd.nextBoolean() ? 'a' + rnd.nextInt(26) : 1 + rnd.nextInt(0xfffe)));
        }
        return sb.toString();
    }

    static String randomLatin1(Random rnd, int max) {
        int n = rnd.nextInt(max);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) (1 + rnd.nextInt(0xff)));
        }
        return sb.toString();
    }

    static Item randomItem(Random rnd, int depth) {
        long kind = 1 + rnd.nextInt(4);
        Object arm = switch ((int) kind) {
            case 1 -> rnd.nextInt(256);
            case 2 -> rnd.nextLong();
            case 3 -> rnd.nextBoolean() ? randomWide(rnd) : null;
            default -> null;
        };
        Object msArm = kind == 2 ? (rnd.nextBoolean() ? randomWide(rnd) : null) : (Object) rnd.nextInt(0x10000);
        List<Integer> nums = null;
        if (rnd.nextBoolean()) {
            nums = new ArrayList<>();
            for (int i = rnd.nextInt(5); i > 0; i--) {
                nums.add(rnd.nextInt());
            }
        }
        byte[] blob = new byte[rnd.nextInt(12)];
        rnd.nextBytes(blob);
        return new Item(rnd.nextInt(), rnd.nextLong(), new UUID(rnd.nextLong(), rnd.nextLong()),
                rnd.nextBoolean() ? randomWide(rnd) : null, (byte) rnd.nextInt(), (short) rnd.nextInt(),
                rnd.nextBoolean() ? rnd.nextDouble() : Double.longBitsToDouble(rnd.nextLong()),
                rnd.nextFloat(), rnd.nextBoolean(), randomLatin1(rnd, 31), nums,
                depth > 0 && rnd.nextBoolean() ? randomItem(rnd, depth - 1) : null, kind, arm, msArm,
                rnd.nextBoolean() ? NdrContextHandle.NULL : new NdrContextHandle(0, new UUID(rnd.nextLong(), 7)),
                blob);
    }

    static byte[] encodeParams(DataRepresentation drep, List<Item> items, Item top) {
        NdrWriter w = new NdrWriter(drep, Limits.DEFAULT);
        w.conformantVaryingArray(items.size() + 1, items, Item::encode);
        w.uniquePtr(top, Item::encode);
        w.u16(0x5a5a);
        return w.toByteArray();
    }

    @Property(tries = 300)
    void roundTripIsIdentity(@ForAll long seed, @ForAll boolean bigEndian) {
        Random rnd = new Random(seed);
        List<Item> items = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            items.add(randomItem(rnd, 3));
        }
        Item top = rnd.nextBoolean() ? randomItem(rnd, 3) : null;
        DataRepresentation drep = bigEndian ? DataRepresentation.BIG_ENDIAN : DataRepresentation.LITTLE_ENDIAN;
        byte[] b = encodeParams(drep, items, top);

        NdrReader r = new NdrReader(b, drep, Limits.DEFAULT);
        List<Item> back = r.conformantVaryingArray(Item::decode);
        Item topBack = r.uniquePtr(Item::decode);
        assertThat(r.u16()).isEqualTo(0x5a5a);
        r.expectEnd();
        assertThat(back).hasSameSizeAs(items);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).same(back.get(i))).as("item %d", i).isTrue();
        }
        assertThat(top == null ? topBack == null : top.same(topBack)).isTrue();
        // re-encoding the decoded values gives the same bytes
        assertThat(encodeParams(drep, back, topBack)).isEqualTo(b);
    }

    @Property(tries = 200)
    void stringsRoundTrip(@ForAll @Size(max = 40) String s, @ForAll boolean bigEndian) {
        DataRepresentation drep = bigEndian ? DataRepresentation.BIG_ENDIAN : DataRepresentation.LITTLE_ENDIAN;
        NdrWriter w = new NdrWriter(drep, Limits.DEFAULT);
        w.stringW(s).uniquePtr(s, NdrWriter::stringW).varyingStringW(s.length() + 1, s);
        NdrReader r = new NdrReader(w.toByteArray(), drep, Limits.DEFAULT);
        assertThat(r.stringW()).isEqualTo(s);
        assertThat(r.uniquePtr(NdrReader::stringW)).isEqualTo(s);
        assertThat(r.varyingStringW(s.length() + 1)).isEqualTo(s);
        r.expectEnd();
    }

    @Property(tries = 100)
    void fullPointersKeepIdentity(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 3) Integer> picks) {
        List<String> pool = List.of(new String("a"), new String("b"), new String("a"), new String("c"));
        List<String> values = new ArrayList<>();
        for (int p : picks) {
            values.add(pool.get(p));
        }
        NdrWriter w = new NdrWriter();
        w.conformantArray(values, (e, v) -> e.fullPtr(v, NdrWriter::stringW));
        NdrReader r = NdrReader.of(w.toByteArray());
        List<String> back = r.conformantArray(e -> e.fullPtr(NdrReader::stringW));
        r.expectEnd();
        assertThat(back).isEqualTo(values);
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < values.size(); j++) {
                assertThat(back.get(i) == back.get(j)).isEqualTo(values.get(i) == values.get(j));
            }
        }
        // each distinct object is sent once
        long distinct = values.stream().map(System::identityHashCode).distinct().count();
        assertThat(w.toByteArray().length).isEqualTo(4 + 4 * values.size() + (int) distinct * 16);
    }

    @Provide
    Arbitrary<byte[]> junk() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    static final List<NdrDecoder<?>> DECODERS = List.of(
            Item::decode,
            r -> r.conformantVaryingArray(Item::decode),
            r -> r.uniquePtr(Item::decode),
            NdrWorkedExamplesTest.Out::decode,
            NdrWorkedExamplesTest.ShareEnumStruct::decode,
            NdrWorkedExamplesTest.Outer::decode,
            NdrReader::stringW,
            NdrReader::stringA,
            NdrReader::conformantBytes,
            NdrReader::conformantVaryingBytes,
            r -> r.conformantArray(NdrReader::hyper),
            r -> r.varyingArray(16, NdrReader::u16),
            r -> r.fullPtr(r2 -> r2.conformantArray(e -> e.fullPtr(NdrReader::stringW))),
            r -> TypeSerialization1.decode(r.bytes(r.remaining()), Limits.DEFAULT, Item::decode));

    @Property(tries = 400)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll("junk") byte[] junk, @ForAll boolean bigEndian) {
        DataRepresentation drep = bigEndian ? DataRepresentation.BIG_ENDIAN : DataRepresentation.LITTLE_ENDIAN;
        for (NdrDecoder<?> d : DECODERS) {
            try {
                d.decode(new NdrReader(junk, drep, Limits.DEFAULT));
            } catch (ProtocolException expected) {
                // the only allowed failure
            }
        }
    }

    @Property(tries = 200)
    void mutatedValidStreamsRaiseOnlyProtocolException(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4095) int at,
                                                        @ForAll byte value) {
        Random rnd = new Random(seed);
        List<Item> items = List.of(randomItem(rnd, 2), randomItem(rnd, 2));
        byte[] b = encodeParams(DataRepresentation.LITTLE_ENDIAN, items, randomItem(rnd, 2));
        b[at % b.length] = value;
        try {
            NdrReader r = NdrReader.of(b);
            r.conformantVaryingArray(Item::decode);
            r.uniquePtr(Item::decode);
        } catch (ProtocolException expected) {
            // allowed
        }
    }

    @Property(tries = 200)
    void hugeCountsNeverAllocate(@ForAll @IntRange(min = 4096) int count, @ForAll @Size(max = 64) byte[] tail) {
        Limits unlimited = new Limits(65535, Integer.MAX_VALUE, Integer.MAX_VALUE, 128, 256, 65535);
        NdrWriter w = new NdrWriter();
        w.u32(count).u32(0).u32(count).bytes(tail);
        byte[] b = w.toByteArray();
        for (NdrDecoder<?> d : List.<NdrDecoder<?>>of(NdrReader::conformantBytes, NdrReader::stringW,
                NdrReader::stringA, r -> r.conformantArray(Item::decode), r -> r.conformantVaryingArray(NdrReader::u8),
                NdrReader::conformantVaryingBytes)) {
            assertThatThrownBy(() -> d.decode(new NdrReader(b, DataRepresentation.LITTLE_ENDIAN, unlimited)))
                    .isInstanceOf(ProtocolException.class);
        }
    }
}
