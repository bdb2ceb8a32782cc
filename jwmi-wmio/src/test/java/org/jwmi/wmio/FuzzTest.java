package org.jwmi.wmio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jwmi.cim.CimObject;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.block.EncodingUnit;
import org.jwmi.wmio.objectarray.ClassIdTable;
import org.jwmi.wmio.objectarray.ObjectArray;
import org.junit.jupiter.api.Test;

/**
 * Throws mutated encodings at the decoders: the spec's examples, classes captured from Windows, generated objects
 * and ObjectArrays, each with one to three mutations (bit flips, interesting octets and 32-bit values, truncation,
 * insertion, deletion, duplication). Only {@link ProtocolException} may come out; whatever decodes must encode back
 * to the same octets.
 */
class FuzzTest {
    private static final int BLOBS = 100_000;
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 8, 12, 13, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000,
        0x7FFFFFFFL, 0x80000000L, 0x80000001L, 0x8000000AL, 0xFFFFFFFEL, 0xFFFFFFFFL};

    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        byte[] base = Vectors.load(Vectors.BASE);
        base[4] = (byte) 0xC0;
        seeds.add(base);
        seeds.add(Vectors.load(Vectors.MY_CLASS));
        seeds.add(Vectors.load(Vectors.MY_INSTANCE));
        byte[] my2 = Vectors.load(Vectors.MY_CLASS2);
        seeds.add(Arrays.copyOf(my2, my2.length - 2));
        seeds.add(Vectors.load(Vectors.WIN32_PROCESS_STARTUP));
        Random r = new Random(7);
        List<CimObject> objects = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ModelGen g = new ModelGen(r);
            CimObject o = i % 2 == 0 ? g.cimClass() : g.instance(g.cimClass(), 0);
            objects.add(o);
            seeds.add(Wmio.encode(o));
        }
        long[] n = {0};
        ModelGen g = new ModelGen(r);
        org.jwmi.cim.CimClass c = g.cimClass();
        List<CimObject> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(g.instance(c, 0));
        }
        batch.add(objects.get(0));
        seeds.add(new ObjectArrayWriter(() -> new UUID(1, ++n[0])).write(1, batch));
        return seeds;
    }

    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in;
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds && b.length > 0; k++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(8)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) new int[] {0, 0xFF, 0x80, 0x7F, 1, 2, 4}[r.nextInt(7)];
                case 2, 3 -> {
                    if (at + 4 <= b.length) {
                        long v = r.nextInt(3) == 0 ? b.length - at + r.nextInt(9) - 4 : INTERESTING[r.nextInt(INTERESTING.length)];
                        for (int i = 0; i < 4; i++) {
                            b[at + i] = (byte) (v >>> (8 * i));
                        }
                    }
                }
                case 4 -> b = Arrays.copyOf(b, at);
                case 5 -> {
                    int n = 1 + r.nextInt(8);
                    byte[] c = new byte[b.length + n];
                    System.arraycopy(b, 0, c, 0, at);
                    for (int i = 0; i < n; i++) {
                        c[at + i] = (byte) r.nextInt(256);
                    }
                    System.arraycopy(b, at, c, at + n, b.length - at);
                    b = c;
                }
                case 6 -> {
                    int n = Math.min(1 + r.nextInt(16), b.length - at);
                    byte[] c = new byte[b.length - n];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + n, c, at, b.length - at - n);
                    b = c;
                }
                default -> {
                    int n = Math.min(1 + r.nextInt(32), b.length - at);
                    int to = r.nextInt(b.length);
                    byte[] c = new byte[b.length + n];
                    System.arraycopy(b, 0, c, 0, to);
                    System.arraycopy(b, at, c, to, n);
                    System.arraycopy(b, to, c, to + n, b.length - to);
                    b = c;
                }
            }
        }
        return b;
    }

    @Test
    void mutatedBlobsRaiseOnlyProtocolException() {
        List<byte[]> seeds = seeds();
        Random r = new Random(20240501);
        Limits limits = Limits.DEFAULT;
        int decoded = 0;
        int rejected = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < BLOBS && failures.size() < 5; i++) {
            byte[] seed = seeds.get(r.nextInt(seeds.size()));
            if (seed.length > 2048 && r.nextInt(4) != 0) {
                seed = seeds.get(r.nextInt(seeds.size()));
            }
            byte[] blob = mutate(seed.clone(), r);
            try {
                if (blob.length >= 12 && blob[4] == 'W') {
                    ObjectArray array = ObjectArray.decode(blob, new ClassIdTable(), limits);
                    if (!Arrays.equals(array.toByteArray(), blob)) {
                        failures.add("re-encoding differs: " + Hex.encode(blob));
                    }
                    new ObjectArrayReader(limits).read(blob);
                } else {
                    EncodingUnit unit = EncodingUnit.decode(blob, limits);
                    if (!Arrays.equals(unit.toByteArray(), blob)) {
                        failures.add("re-encoding differs: " + Hex.encode(blob));
                    }
                    Wmio.toCim(unit.objectBlock());
                }
                decoded++;
            } catch (ProtocolException e) {
                rejected++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add(e + " for " + Hex.encode(blob));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(decoded + rejected).isEqualTo(BLOBS);
        assertThat(rejected).isGreaterThan(BLOBS / 2);
        assertThat(decoded).isGreaterThan(100);
    }
}
