package org.jwmi.wmio.block;

import java.util.function.Supplier;
import org.jwmi.wire.ProtocolException;

/**
 * Resolves heap references against one heap while decoding: each reference is checked to be a heap offset inside
 * the heap before anything is read there, and each item is read within the heap's bounds. Items are remembered in
 * the {@link Heap} by offset and kind, so a reference followed many times (the spec forbids sharing items, but a
 * decoder must not trust that) is decoded once.
 */
final class HeapCursor {
    private static final int STRING = Heap.STRING;
    private static final int PROPERTY_INFO = Heap.PROPERTY_INFO;
    private static final int QUALIFIER_SET = Heap.QUALIFIER_SET;
    private static final int ARRAY = Heap.ARRAY;
    private static final int OBJECT = Heap.OBJECT;
    private static final int METHOD_SIGNATURE = Heap.METHOD_SIGNATURE;

    private final BlockDecoder d;
    private final int base;
    private final int length;
    private final Heap heap;
    private final String label;

    /**
     * @param base  where the heap's items start in {@code d}'s buffer (after HeapLength)
     * @param label the heap's name in error paths ({@code ClassHeap}, {@code InstanceHeap}, {@code MethodHeap})
     */
    HeapCursor(BlockDecoder d, int base, int length, Heap heap, String label) {
        this.d = d;
        this.base = base;
        this.length = length;
        this.heap = heap;
        this.label = label;
    }

    Heap heap() {
        return heap;
    }

    BlockDecoder decoder() {
        return d;
    }

    private static long key(int kind, int type, int ref) {
        return Heap.key(kind, type, ref);
    }

    private <T> T at(int ref, String what, Supplier<T> body) {
        if (!HeapRef.isOffset(ref)) {
            throw d.fail(ProtocolException.Kind.INVALID_POINTER,
                    what + " reference " + HeapRef.format(ref) + " is not a heap offset");
        }
        if (ref >= length) {
            throw d.fail(ProtocolException.Kind.INVALID_POINTER, what + " reference " + HeapRef.format(ref)
                    + " lies outside the " + length + "-octet " + label);
        }
        int savedPosition = d.position();
        int savedEnd = d.end();
        d.enterRef(label, ref);
        d.jump(base + ref, base + length);
        try {
            return body.get();
        } finally {
            d.jump(savedPosition, savedEnd);
            d.exit();
        }
    }

    EncodedString encodedString(int ref) {
        long k = key(STRING, 0, ref);
        Object c = heap.cached(k);
        if (c != null) {
            return (EncodedString) c;
        }
        EncodedString s = at(ref, "Encoded-String", () -> EncodedString.decode(d));
        heap.remember(k, s);
        return s;
    }

    /** A HeapStringRef: dictionary entry, heap string, or (if allowed) null for NULL. */
    String string(int ref, boolean allowNull) {
        if (ref == HeapRef.NULL) {
            if (allowNull) {
                return null;
            }
            throw d.fail(ProtocolException.Kind.INVALID_POINTER, "NULL HeapStringRef where a name is required");
        }
        if (HeapRef.isDictionary(ref)) {
            DictionaryReference e = DictionaryReference.byIndex(ref & ~HeapRef.DICTIONARY_BIT);
            if (e == null) {
                throw d.fail(ProtocolException.Kind.BAD_VALUE, "DictionaryReference " + HeapRef.format(ref)
                        + " is not in the dictionary");
            }
            return e.text();
        }
        return encodedString(ref).value();
    }

    PropertyInfo propertyInfo(int ref) {
        long k = key(PROPERTY_INFO, 0, ref);
        Object c = heap.cached(k);
        if (c != null) {
            return (PropertyInfo) c;
        }
        PropertyInfo pi = at(ref, "PropertyInfo", () -> {
            PropertyInfo p = PropertyInfo.decode(d);
            qualifiers(p.propertyQualifierSet());
            return p;
        });
        heap.remember(k, pi);
        return pi;
    }

    QualifierSet qualifierSet(int ref) {
        long k = key(QUALIFIER_SET, 0, ref);
        Object c = heap.cached(k);
        if (c != null) {
            return (QualifierSet) c;
        }
        QualifierSet qs = at(ref, "QualifierSet", () -> {
            QualifierSet q = QualifierSet.decode(d);
            qualifiers(q);
            return q;
        });
        heap.remember(k, qs);
        return qs;
    }

    /** Resolves the name and value of every qualifier of a set in this heap. */
    void qualifiers(QualifierSet set) {
        for (Qualifier q : set.qualifiers()) {
            string(q.qualifierName(), false);
            value(q.qualifierType(), q.qualifierValue());
        }
    }

    /** Resolves whatever an EncodedValue of {@code type} refers to; NULL references are NULL values. */
    void value(int type, long raw) {
        int ref = (int) raw;
        if (CimTypeCode.isArray(type)) {
            if (ref != HeapRef.NULL) {
                array(ref, type);
            }
            return;
        }
        int b = CimTypeCode.base(type);
        if (CimTypeCode.isStringBase(b)) {
            string(ref, true);
        } else if (b == CimTypeCode.OBJECT && ref != HeapRef.NULL) {
            object(ref);
        }
    }

    long[] array(int ref, int type) {
        int b = CimTypeCode.base(type);
        long k = key(ARRAY, b, ref);
        Object c = heap.cached(k);
        if (c != null) {
            return (long[]) c;
        }
        long[] values = at(ref, "Encoded-Array", () -> {
            int size = CimTypeCode.elementSize(b);
            int n = d.readCount("ArrayCount", 4, size);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = d.value(size);
            }
            if (CimTypeCode.isStringBase(b)) {
                for (long e : v) {
                    string((int) e, true);
                }
            } else if (b == CimTypeCode.OBJECT) {
                for (long e : v) {
                    if ((int) e != HeapRef.NULL) {
                        object((int) e);
                    }
                }
            }
            return v;
        });
        heap.remember(k, values);
        return values;
    }

    /** An embedded object: ObjectEncodingLength, then an ObjectBlock (unused octets after it are allowed). */
    ObjectBlock object(int ref) {
        long k = key(OBJECT, 0, ref);
        Object c = heap.cached(k);
        if (c != null) {
            return (ObjectBlock) c;
        }
        ObjectBlock ob = at(ref, "object", () -> {
            long len = d.length("ObjectEncodingLength", 0, 1);
            return embedded(len);
        });
        heap.remember(k, ob);
        return ob;
    }

    MethodSignatureBlock methodSignatureBlock(int ref) {
        long k = key(METHOD_SIGNATURE, 0, ref);
        Object c = heap.cached(k);
        if (c != null) {
            return (MethodSignatureBlock) c;
        }
        MethodSignatureBlock msb = at(ref, "MethodSignatureBlock", () -> {
            long len = d.length("MethodSignatureBlock EncodingLength", 0, 0);
            return new MethodSignatureBlock(len == 0 ? null : embedded(len));
        });
        heap.remember(k, msb);
        return msb;
    }

    private ObjectBlock embedded(long len) {
        int outer = d.limit(d.position() + len);
        d.enterObject();
        ObjectBlock ob = ObjectBlock.decode(d);
        d.exitObject();
        d.restore(outer);
        return ob;
    }
}
