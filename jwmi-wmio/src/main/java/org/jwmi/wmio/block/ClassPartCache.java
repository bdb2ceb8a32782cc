package org.jwmi.wmio.block;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jwmi.wire.Limits;

/**
 * Decoded [MS-WMIO] 2.2.15 ClassParts remembered by their exact octets, so that objects which carry the same class
 * again (every EncodingUnit of an instance does, [MS-WMIO] 2.2.53; so does every first WBEMOBJECT_INSTANCE of an
 * [MS-WMI] 2.2.14 ObjectArray) skip decoding and checking it a second time.
 *
 * <p>What is remembered is exactly what a decoder produced from the same octets under the same {@link Limits}:
 * only ClassParts that decoded without error, only those of the outermost object (never of an embedded one, whose
 * result also depends on its nesting depth), and only with a key that compares every octet, so a cached decode
 * and an uncached one give equal parts and raise the same failures. The parts are immutable; sharing them is not
 * observable except through object identity.
 *
 * <p>Bounded: at most {@code maxEntries} parts and {@code maxOctets} octets of ClassPart encodings; the least
 * recently used entry goes first. Each entry also keeps the decoded part and one {@link #derived derived} value (the
 * CIM class of its instances): about 13 times the octets in all for Win32_Process (a 7.9 KB ClassPart keeps about
 * 100 KB of heap). Parts shorter than {@link #MIN_LENGTH} octets are cheaper to decode than to look up and are not
 * cached. Thread-safe.
 */
public final class ClassPartCache {
    /** ClassParts shorter than this are not cached. */
    public static final int MIN_LENGTH = 128;

    private static final ClassPartCache SHARED = new ClassPartCache(32, 256 * 1024);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final int maxEntries;
    private final long maxOctets;
    private final LinkedHashMap<Key, Entry> byOctets = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<ClassPart, Entry> byPart = new IdentityHashMap<>();
    private long octets;

    /**
     * @param maxEntries most ClassParts kept (0 disables the cache)
     * @param maxOctets  most octets of ClassPart encodings kept
     */
    public ClassPartCache(int maxEntries, long maxOctets) {
        if (maxEntries < 0 || maxOctets < 0) {
            throw new IllegalArgumentException("bounds must not be negative");
        }
        this.maxEntries = maxEntries;
        this.maxOctets = maxOctets;
    }

    /**
     * The process-wide cache {@code Wmio.decode} and {@code ObjectArrayReader} use by default: 32 parts, 256 KiB of
     * ClassPart octets (some 3.5 MB of heap at most).
     */
    public static ClassPartCache shared() {
        return SHARED;
    }

    /** The number of parts held. */
    public synchronized int size() {
        return byOctets.size();
    }

    /** The octets of ClassPart encodings held. */
    public synchronized long octets() {
        return octets;
    }

    /** Forgets every part. */
    public synchronized void clear() {
        byOctets.clear();
        byPart.clear();
        octets = 0;
    }

    /**
     * A value computed from {@code part} by {@code compute}, remembered with the part when it is one this cache
     * holds (compared by identity) and computed anew otherwise. One value per part: a value of another class
     * replaces it. {@code compute} must be a pure function of the part's content; it runs without the cache's lock
     * and may throw (nothing is remembered then).
     */
    public <T> T derived(ClassPart part, Class<T> type, Function<? super ClassPart, ? extends T> compute) {
        Objects.requireNonNull(type, "type");
        Entry e;
        synchronized (this) {
            e = byPart.get(part);
            if (e != null && type.isInstance(e.derived)) {
                return type.cast(e.derived);
            }
        }
        T value = Objects.requireNonNull(compute.apply(part), "derived value");
        if (e != null) {
            synchronized (this) {
                if (byPart.get(part) == e) {
                    if (type.isInstance(e.derived)) {
                        return type.cast(e.derived);
                    }
                    e.derived = value;
                }
            }
        }
        return value;
    }

    /** Whether a part of {@code length} octets is worth a lookup. */
    boolean accepts(long length) {
        return length >= MIN_LENGTH && length <= maxOctets && maxEntries > 0;
    }

    /** The lookup key of the {@code length} octets of {@code buf} at {@code offset}; nothing is copied. */
    static Key key(byte[] buf, int offset, int length, Limits limits) {
        return new Key(buf, offset, length, limits, hash(buf, offset, length));
    }

    /** The part decoded earlier from the key's octets under its limits, or null. */
    synchronized ClassPart lookup(Key key) {
        Entry e = byOctets.get(key);
        return e == null ? null : e.part;
    }

    /** Remembers {@code part}, decoded without error from the key's octets, keeping a copy of the octets. */
    synchronized void store(Key key, ClassPart part) {
        if (byOctets.containsKey(key)) {
            return;
        }
        Key own = key.copy();
        Entry e = new Entry(part);
        byOctets.put(own, e);
        byPart.put(part, e);
        octets += own.length;
        Iterator<Map.Entry<Key, Entry>> it = byOctets.entrySet().iterator();
        while ((byOctets.size() > maxEntries || octets > maxOctets) && it.hasNext()) {
            Map.Entry<Key, Entry> eldest = it.next();
            it.remove();
            byPart.remove(eldest.getValue().part);
            octets -= eldest.getKey().length;
        }
    }

    /** A hash of every octet, eight at a time. */
    private static int hash(byte[] buf, int offset, int length) {
        long h = length * 0x9E3779B97F4A7C15L;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ (long) LONGS.get(buf, offset + i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        for (; i < length; i++) {
            h = (h ^ (buf[offset + i] & 0xFF)) * 0x94D049BB133111EBL;
        }
        return (int) (h ^ h >>> 32);
    }

    private static final class Entry {
        final ClassPart part;
        /** Guarded by the cache. */
        Object derived;

        Entry(ClassPart part) {
            this.part = part;
        }
    }

    /** The octets of a ClassPart and the limits it was decoded under. */
    static final class Key {
        private final byte[] buf;
        private final int offset;
        private final int length;
        private final Limits limits;
        private final int hash;

        Key(byte[] buf, int offset, int length, Limits limits, int hash) {
            this.buf = buf;
            this.offset = offset;
            this.length = length;
            this.limits = limits;
            this.hash = hash;
        }

        Key copy() {
            return new Key(Arrays.copyOfRange(buf, offset, offset + length), 0, length, limits, hash);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.length == length && k.limits.equals(limits)
                    && Arrays.equals(k.buf, k.offset, k.offset + k.length, buf, offset, offset + length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
