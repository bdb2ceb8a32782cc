package org.jwmi.wmio.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.Test;

/** Lookups in a {@link ClassPartCache} compare every octet and the limits, whatever the hashes say. */
class ClassPartCacheTest {
    private static final ClassPart PART = ClassPart.NO_CLASS;

    private static byte[] octets(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void keysWithEqualHashesButOtherOctetsDoNotMatch() {
        ClassPartCache cache = new ClassPartCache(8, 1 << 20);
        byte[] a = octets(4096, 1);
        byte[] b = a.clone();
        b[4000] ^= 1;
        cache.store(new ClassPartCache.Key(a, 0, a.length, Limits.DEFAULT, 7), PART);
        assertThat(cache.lookup(new ClassPartCache.Key(b, 0, b.length, Limits.DEFAULT, 7))).isNull();
        assertThat(cache.lookup(new ClassPartCache.Key(a.clone(), 0, a.length, Limits.DEFAULT, 7))).isSameAs(PART);
    }

    @Test
    void keysCompareOnlyTheirOwnRange() {
        ClassPartCache cache = new ClassPartCache(8, 1 << 20);
        byte[] a = octets(1000, 3);
        byte[] framed = new byte[1200];
        Arrays.fill(framed, (byte) 0x5A);
        System.arraycopy(a, 0, framed, 100, a.length);
        cache.store(ClassPartCache.key(framed, 100, a.length, Limits.DEFAULT), PART);
        Arrays.fill(framed, (byte) 0);
        assertThat(cache.lookup(ClassPartCache.key(a, 0, a.length, Limits.DEFAULT))).isSameAs(PART);
        assertThat(cache.lookup(ClassPartCache.key(a, 0, a.length - 1, Limits.DEFAULT))).isNull();
        assertThat(cache.lookup(ClassPartCache.key(a, 0, a.length, Limits.DEFAULT.withMaxBodySize(1)))).isNull();
    }

    @Test
    void octetsHashesAgreeWithEquality() {
        byte[] a = octets(300, 5);
        Octets x = Octets.of(a);
        Octets y = Octets.of(a);
        assertThat(x.hashCode()).isEqualTo(y.hashCode()).isEqualTo(Arrays.hashCode(a));
        assertThat(x).isEqualTo(y);
        a[0] ^= 1;
        assertThat(Octets.of(a)).isNotEqualTo(x);
    }
}
