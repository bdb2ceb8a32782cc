package org.jwmi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * NDR20 encode and decode throughput of a representative stub: a conformant varying array of 1000 structures
 * {@code {long; hyper; GUID; [unique, string] wchar_t *}} (element bodies, then the strings as deferred referents)
 * followed by a 64 KiB conformant byte array - 169 KiB per operation.
 *
 * <p>Throughput mode: {@code ops/s} is stubs per second; the {@code bytes} auxiliary counter is stub bytes per
 * second (divide by 10^6 for MB/s). Run: {@code java -jar jwmi-bench/target/benchmarks.jar NdrBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class NdrBenchmark {

    /** {@code typedef struct { long id; hyper stamp; GUID guid; [unique, string] wchar_t *name; } ENTRY;} */
    record Entry(int id, long stamp, UUID guid, String name) {
        static void encode(NdrWriter w, Entry e) {
            w.struct(8, s -> s.i32(e.id()).hyper(e.stamp()).uuid(e.guid()).uniquePtr(e.name(), NdrWriter::stringW));
        }

        static Entry decode(NdrReader r) {
            return r.struct(8, s -> new Entry(s.i32(), s.hyper(), s.uuid(), s.uniquePtr(NdrReader::stringW)));
        }
    }

    /** Decoded form of the stub. */
    record Stub(List<Entry> entries, byte[] blob) {
    }

    /** Counts stub bytes processed, reported by JMH as bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    private List<Entry> entries;
    private byte[] blob;
    private byte[] encoded;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        entries = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
            String name = i % 10 == 0 ? null : "Win32_Process.Handle=\"" + rnd.nextInt(100000) + "\"";
            entries.add(new Entry(i, rnd.nextLong(), new UUID(rnd.nextLong(), rnd.nextLong()), name));
        }
        blob = new byte[64 * 1024];
        rnd.nextBytes(blob);
        encoded = encodeStub();
        if (!decodeByteBuffer(encoded).equals(NdrReader.of(encoded).conformantVaryingArray(Entry::decode))) {
            throw new IllegalStateException("baseline decoder disagrees with the NDR decoder");
        }
    }

    /**
     * The baseline: the same stub decoded by hand with a little-endian ByteBuffer that knows the exact layout in
     * advance and checks nothing (no bounds, no counts, no terminators) - what NDR decoding costs at the least.
     */
    static List<Entry> decodeByteBuffer(byte[] b) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int n = bb.getInt(8);
        bb.position(16);
        int[] ids = new int[n];
        long[] stamps = new long[n];
        UUID[] guids = new UUID[n];
        boolean[] named = new boolean[n];
        for (int i = 0; i < n; i++) {
            bb.position((bb.position() + 7) & ~7);
            ids[i] = bb.getInt();
            bb.position(bb.position() + 4);
            stamps[i] = bb.getLong();
            long msb = (bb.getInt() & 0xffffffffL) << 32 | (bb.getShort() & 0xffffL) << 16 | (bb.getShort() & 0xffffL);
            long lsb = bb.order(java.nio.ByteOrder.BIG_ENDIAN).getLong();
            bb.order(java.nio.ByteOrder.LITTLE_ENDIAN);
            guids[i] = new UUID(msb, lsb);
            named[i] = bb.getInt() != 0;
        }
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = null;
            if (named[i]) {
                bb.position((bb.position() + 3) & ~3);
                bb.position(bb.position() + 8);
                int chars = bb.getInt();
                name = new String(b, bb.position(), (chars - 1) * 2, java.nio.charset.StandardCharsets.UTF_16LE);
                bb.position(bb.position() + chars * 2);
            }
            out.add(new Entry(ids[i], stamps[i], guids[i], name));
        }
        bb.position((bb.position() + 3) & ~3);
        byte[] blob = new byte[bb.getInt()];
        bb.get(blob);
        return out;
    }

    private byte[] encodeStub() {
        NdrWriter w = new NdrWriter();
        w.conformantVaryingArray(entries, Entry::encode);
        w.conformantBytes(blob);
        return w.toByteArray();
    }

    @Benchmark
    public byte[] encode(Bytes counter) {
        byte[] b = encodeStub();
        counter.bytes += b.length;
        return b;
    }

    @Benchmark
    public List<Entry> baselineByteBufferDecode(Bytes counter) {
        counter.bytes += encoded.length;
        return decodeByteBuffer(encoded);
    }

    @Benchmark
    public Stub decode(Bytes counter) {
        NdrReader r = NdrReader.of(encoded);
        List<Entry> e = r.conformantVaryingArray(Entry::decode);
        byte[] b = r.conformantBytes();
        r.expectEnd();
        counter.bytes += encoded.length;
        return new Stub(e, b);
    }
}
