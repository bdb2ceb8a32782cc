package org.jwmi.wmio.block;

import org.jwmi.wire.WireWriter;

/**
 * Lays out a new heap: items are appended in the order they are added and each add returns the item's HeapRef.
 * Items that refer to later items (a PropertyInfo whose qualifier values follow it, an Encoded-Array of strings
 * followed by the strings) are written with placeholder references and patched with {@link #patch}.
 */
public final class HeapBuilder {
    private final WireWriter w = new WireWriter(256);

    /** The offset the next item will get. */
    public int position() {
        return w.position();
    }

    /** Appends an Encoded-String (canonical form) and returns its offset. */
    public int addString(String s) {
        return addString(EncodedString.of(s));
    }

    public int addString(EncodedString s) {
        int at = w.position();
        s.encode(w);
        return at;
    }

    /** Appends a PropertyInfo and returns its offset. */
    public int addPropertyInfo(PropertyInfo info) {
        int at = w.position();
        info.encode(w);
        return at;
    }

    /** Appends a QualifierSet and returns its offset. */
    public int addQualifierSet(QualifierSet set) {
        int at = w.position();
        set.encode(w);
        return at;
    }

    /** Appends an embedded object (ObjectEncodingLength and ObjectBlock) and returns its offset. */
    public int addObject(ObjectBlock ob) {
        int at = w.position();
        w.i32(ob.encodedLength());
        ob.encode(w);
        return at;
    }

    /** Appends a MethodSignatureBlock and returns its offset. */
    public int addMethodSignatureBlock(MethodSignatureBlock block) {
        int at = w.position();
        block.encode(w);
        return at;
    }

    /**
     * Appends an Encoded-Array of {@code count} elements of {@code elementSize} octets, all zero, and returns its
     * offset; fill the elements with {@link #patch}. The first element is at offset + 4.
     */
    public int addArray(int count, int elementSize) {
        int at = w.position();
        w.i32(count);
        w.zeros(count * elementSize);
        return at;
    }

    /** Appends {@code n} zero octets to be filled later with {@link #put} and returns their offset. */
    public int reserve(int n) {
        int at = w.position();
        w.zeros(n);
        return at;
    }

    /** Overwrites octets already in the heap at {@code offset} with {@code octets}. */
    public void put(int offset, byte[] octets) {
        if (offset < 0 || offset + octets.length > w.position()) {
            throw new IllegalArgumentException("put outside the heap");
        }
        System.arraycopy(octets, 0, w.array(), offset, octets.length);
    }

    /** Appends raw octets and returns their offset. */
    public int addOctets(byte[] octets) {
        int at = w.position();
        w.bytes(octets);
        return at;
    }

    /** Overwrites {@code size} octets at {@code offset} with the little-endian bits of {@code value}. */
    public void patch(int offset, long value, int size) {
        byte[] b = w.array();
        if (offset < 0 || offset + size > w.position()) {
            throw new IllegalArgumentException("patch outside the heap");
        }
        Values.putRaw(b, offset, value, size);
    }

    public Heap build() {
        return new Heap(Octets.wrap(w.toByteArray()));
    }
}
