package org.jwmi.wmio.block;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.66 Heap: a HeapLength (31 bits, most significant bit always set) and the heap items, kept
 * verbatim: items in any order, unreferenced gaps and trailing garbage are all preserved (the spec's examples have
 * both), so a decoded heap is sent back octet for octet.
 *
 * <pre>
 * Heap = HeapLength *HeapItem
 * </pre>
 *
 * <p>The item readers ({@link #string}, {@link #propertyInfo}, {@link #qualifierSet}, {@link #array},
 * {@link #object}, {@link #methodSignatureBlock}) check every bound and fail with {@link ProtocolException}; for a
 * heap that came out of a decoder they cannot fail, because the decoder already resolved every reference. Decoded
 * items are remembered by offset, so a reference followed many times costs one decode.
 */
public final class Heap {
    /** A heap with no items (HeapLength 0x80000000). */
    public static final Heap EMPTY = new Heap(Octets.EMPTY);

    /** The bit that is always set in HeapLength. */
    public static final int LENGTH_MSB = 0x80000000;

    private final Octets heapItems;
    /**
     * Items decoded so far, by {@link #key}; created on first use. Concurrent, because a heap may be shared (a
     * ClassPart from a {@link ClassPartCache} serves decoders on many threads) and is read far more than written.
     */
    private volatile Map<Long, Object> items;

    public Heap(Octets heapItems) {
        this.heapItems = java.util.Objects.requireNonNull(heapItems, "heapItems");
    }

    /** The heap's octets (everything after HeapLength). */
    public Octets heapItems() {
        return heapItems;
    }

    /** The 31-bit length of the heap. */
    public int length() {
        return heapItems.length();
    }

    public int encodedLength() {
        return 4 + heapItems.length();
    }

    public void encode(WireWriter w) {
        w.i32(LENGTH_MSB | heapItems.length());
        heapItems.writeTo(w);
    }

    static Heap decode(BlockDecoder d) {
        int heapLength = d.u32();
        if ((heapLength & LENGTH_MSB) == 0) {
            d.back(4);
            throw d.fail(ProtocolException.Kind.BAD_VALUE,
                    "HeapLength 0x" + Integer.toHexString(heapLength) + " lacks the most significant bit");
        }
        int length = heapLength & ~LENGTH_MSB;
        if (length > d.room()) {
            d.back(4);
            throw d.fail(ProtocolException.Kind.BUFSIZE, "HeapLength " + length + " exceeds the " + (d.room() - 4)
                    + " octets that remain");
        }
        return new Heap(d.octets(length));
    }

    /**
     * The string a HeapStringRef names: a heap Encoded-String, a {@link DictionaryReference}, or null for
     * {@link HeapRef#NULL}.
     */
    public String string(int ref) {
        if (HeapRef.isOffset(ref)) {
            Object c = cached(key(STRING, 0, ref));
            if (c != null) {
                return ((EncodedString) c).value();
            }
        }
        return cursor().string(ref, true);
    }

    /** The Encoded-String at {@code offset}. */
    public EncodedString encodedString(int offset) {
        Object c = cached(key(STRING, 0, offset));
        return c != null ? (EncodedString) c : cursor().encodedString(offset);
    }

    /** The PropertyInfo at {@code ref}. */
    public PropertyInfo propertyInfo(int ref) {
        Object c = cached(key(PROPERTY_INFO, 0, ref));
        return c != null ? (PropertyInfo) c : cursor().propertyInfo(ref);
    }

    /** The QualifierSet at {@code ref} (method qualifiers). */
    public QualifierSet qualifierSet(int ref) {
        Object c = cached(key(QUALIFIER_SET, 0, ref));
        return c != null ? (QualifierSet) c : cursor().qualifierSet(ref);
    }

    /**
     * The Encoded-Array at {@code ref} whose elements have array type {@code type}: the raw element bits
     * (HeapRefs for string, datetime, reference and object arrays).
     */
    public long[] array(int ref, int type) {
        Object c = cached(key(ARRAY, CimTypeCode.base(type), ref));
        return (c != null ? (long[]) c : cursor().array(ref, type)).clone();
    }

    /** The embedded object (ObjectEncodingLength and ObjectBlock) at {@code ref}. */
    public ObjectBlock object(int ref) {
        Object c = cached(key(OBJECT, 0, ref));
        return c != null ? (ObjectBlock) c : cursor().object(ref);
    }

    /** The MethodSignatureBlock at {@code ref}. */
    public MethodSignatureBlock methodSignatureBlock(int ref) {
        Object c = cached(key(METHOD_SIGNATURE, 0, ref));
        return c != null ? (MethodSignatureBlock) c : cursor().methodSignatureBlock(ref);
    }

    private HeapCursor cursor() {
        BlockDecoder d = new BlockDecoder(heapItems.array(), 0, heapItems.length(), Limits.DEFAULT);
        return new HeapCursor(d, 0, heapItems.length(), this, "Heap");
    }

    static final int STRING = 1;
    static final int PROPERTY_INFO = 2;
    static final int QUALIFIER_SET = 3;
    static final int ARRAY = 4;
    static final int OBJECT = 5;
    static final int METHOD_SIGNATURE = 6;

    /** The cache key of the item of {@code kind} (and array base {@code type}) at {@code ref}. */
    static long key(int kind, int type, int ref) {
        return (long) kind << 48 | (long) (type & 0xFFFF) << 32 | (ref & 0xFFFFFFFFL);
    }

    Object cached(long key) {
        Map<Long, Object> m = items;
        return m == null ? null : m.get(key);
    }

    void remember(long key, Object item) {
        Map<Long, Object> m = items;
        if (m == null) {
            synchronized (this) {
                m = items;
                if (m == null) {
                    m = new ConcurrentHashMap<>();
                    items = m;
                }
            }
        }
        m.putIfAbsent(key, item);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Heap h && h.heapItems.equals(heapItems);
    }

    @Override
    public int hashCode() {
        return heapItems.hashCode();
    }

    @Override
    public String toString() {
        return "Heap[" + heapItems + "]";
    }
}
