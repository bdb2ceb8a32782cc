package org.jwmi.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.wire.Limits;
import org.jwmi.wmio.ObjectArrayReader;
import org.jwmi.wmio.ObjectArrayWriter;
import org.jwmi.wmio.Wmio;
import org.jwmi.wmio.objectarray.ObjectArray;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * [MS-WMIO] encode and decode of Win32_Process instances, CIM objects to octets and back ({@link Wmio},
 * {@link ObjectArrayWriter}, {@link ObjectArrayReader}). The class is the one Windows Server 2019 sends (45
 * properties, 7 methods; decoded in the setup from a capture, see {@link Win32Process}); the instances carry
 * realistic values. Two shapes ({@code shape}):
 * <ul>
 * <li>{@code instance}: one instance as an EncodingUnit ([MS-WMIO] 2.2.1; what IWbemClassObject marshals, e.g.
 *     a GetObject result): 8.5 KB, of which 7.9 KB is the class part every instance carries (Win32_Process's
 *     qualifiers and property qualifiers), the rest the instance's NdTable, values and heap.</li>
 * <li>{@code objectArray100}: 100 instances in one [MS-WMI] 2.2.14 ObjectArray as the smart enumerator sends them:
 *     the first with its class part under a new classID, the 99 others as WBEMOBJECT_INSTANCE_NOCLASS (instance
 *     part only, about 0.7 KB each; 75 KB in all). A new writer and reader per operation: the class cache lives
 *     for one call.</li>
 * </ul>
 * {@code decode} yields CIM objects ({@code CimInstance}, values converted), {@code encode} lays out fresh heaps
 * from CIM objects. The same-run baseline, {@code baselineCopyAndScan}, is the least any decoder of these octets
 * does: it copies the blob and makes a String of every run of two or more printable octets (the heap's
 * compressed strings, and nothing else) - no structure, no checks, no CIM values. Compare each operation with the
 * baseline of the same shape.
 *
 * <p>Throughput mode: {@code ops/s} is blobs per second; auxiliary counters: {@code bytes} (encoded bytes per
 * second; divide by 10^6 for MB/s) and {@code objects} (instances per second: ops/s, or 100 x ops/s for
 * {@code objectArray100}). Run: {@code java -jar jwmi-bench/target/benchmarks.jar WmioBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WmioBenchmark {

    /** Encoded bytes and objects processed, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long bytes;
        public long objects;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            objects = 0;
        }
    }

    private static final UUID CLASS_ID = UUID.fromString("6c1bd40a-0b25-4f3e-9d5c-2a4f2b7a61e0");

    @Param({"instance", "objectArray100"})
    public String shape;

    private boolean array;
    private List<CimInstance> instances;
    private byte[] encoded;

    @Setup
    public void setUp() {
        CimClass c = Win32Process.cimClass();
        Random rnd = new Random(42);
        array = switch (shape) {
            case "instance" -> false;
            case "objectArray100" -> true;
            default -> throw new IllegalArgumentException("shape " + shape);
        };
        instances = new ArrayList<>();
        for (int i = 0; i < (array ? 100 : 1); i++) {
            instances.add(Win32Process.instance(c, rnd, i));
        }
        encoded = encodeOnce();
        if (!Arrays.equals(encodeDecoded(decodeOnce()), encoded)) {
            throw new IllegalStateException("decoding then encoding does not give back the same octets");
        }
        if (baselineCopyAndScan(encoded) == 0) {
            throw new IllegalStateException("the baseline found no strings");
        }
    }

    private byte[] encodeOnce() {
        if (array) {
            return new ObjectArrayWriter(() -> CLASS_ID).write(ObjectArray.PACKET_SMART_ENUM, instances);
        }
        return Wmio.encode(instances.get(0));
    }

    private static byte[] encodeDecoded(List<CimObject> objects) {
        if (objects.size() > 1) {
            return new ObjectArrayWriter(() -> CLASS_ID).write(ObjectArray.PACKET_SMART_ENUM, objects);
        }
        return Wmio.encode(objects.get(0));
    }

    private List<CimObject> decodeOnce() {
        if (array) {
            return new ObjectArrayReader(Limits.DEFAULT).read(encoded);
        }
        return List.of(Wmio.decode(encoded));
    }

    /**
     * The baseline: a copy of the blob, then one pass making a String of every run of at least two printable
     * octets; returns a hash of them so nothing is dead code.
     */
    static long baselineCopyAndScan(byte[] blob) {
        byte[] b = blob.clone();
        long h = 0;
        int start = -1;
        for (int i = 0; i <= b.length; i++) {
            int c = i < b.length ? b[i] & 0xff : 0;
            if (c >= 0x20 && c < 0x7f) {
                if (start < 0) {
                    start = i;
                }
            } else {
                if (start >= 0 && i - start >= 2) {
                    h = 31 * h + new String(b, start, i - start, StandardCharsets.ISO_8859_1).hashCode();
                }
                start = -1;
            }
        }
        return h;
    }

    @Benchmark
    public List<CimObject> decode(Counters counters) {
        List<CimObject> objects = decodeOnce();
        counters.bytes += encoded.length;
        counters.objects += objects.size();
        return objects;
    }

    @Benchmark
    public byte[] encode(Counters counters) {
        byte[] b = encodeOnce();
        counters.bytes += b.length;
        counters.objects += instances.size();
        return b;
    }

    @Benchmark
    public long baselineCopyAndScan(Counters counters) {
        counters.bytes += encoded.length;
        counters.objects += instances.size();
        return baselineCopyAndScan(encoded);
    }
}
