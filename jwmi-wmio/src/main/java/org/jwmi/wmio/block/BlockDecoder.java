package org.jwmi.wmio.block;

import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;

/**
 * The decoding state shared by every block decoder: a {@link WireReader} over the whole encoding (so that error
 * offsets are offsets in the buffer being decoded), the end of the structure being read (nested length fields
 * narrow it, so no structure can read into its neighbour), the {@link Limits}, and the depth of embedded objects.
 */
final class BlockDecoder {
    private static final long NO_INDEX = -1L;
    private static final long HEX = 1L << 40;
    private static final int MAX_PATH = 1 << 16;

    final WireReader r;
    final Limits limits;
    private int end;
    private int objectDepth;
    private String[] names = new String[16];
    private long[] indexes = new long[16];
    private int depth;
    private ClassPartCache classParts;

    BlockDecoder(byte[] buf, int offset, int length, Limits limits) {
        this.limits = limits;
        this.r = new WireReader(buf, offset, length).littleEndian(true);
        this.end = length;
    }

    /** A decoder over all of {@code buf}, positioned at {@code offset} with {@code length} octets to read. */
    static BlockDecoder over(byte[] buf, int offset, int length, Limits limits) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("range outside the buffer");
        }
        BlockDecoder d = new BlockDecoder(buf, 0, buf.length, limits);
        d.jump(offset, offset + length);
        return d;
    }

    int position() {
        return r.position();
    }

    /** Index of the current position in the buffer being decoded. */
    int absolutePosition() {
        return r.arrayOffset();
    }

    /** Uses {@code cache} (null for none) for the ClassParts of the outermost object; returns this decoder. */
    BlockDecoder classParts(ClassPartCache cache) {
        this.classParts = cache;
        return this;
    }

    /** The cache for a ClassPart starting here: null inside embedded objects or without a cache. */
    ClassPartCache classPartCache() {
        return objectDepth == 0 ? classParts : null;
    }

    /** Octets left before the end of the current structure. */
    int room() {
        return end - r.position();
    }

    int end() {
        return end;
    }

    /** Narrows the current structure to end at {@code newEnd}; returns the previous end for {@link #restore}. */
    int limit(long newEnd) {
        if (newEnd < r.position() || newEnd > end) {
            throw fail(ProtocolException.Kind.BUFSIZE,
                    "length reaches offset " + newEnd + " beyond the enclosing structure ending at " + end);
        }
        int old = end;
        end = (int) newEnd;
        return old;
    }

    void restore(int oldEnd) {
        end = oldEnd;
    }

    /** Moves to {@code position} and sets the end to {@code newEnd} regardless of the current structure. */
    void jump(int position, int newEnd) {
        r.seek(position);
        end = newEnd;
    }

    void need(long n) {
        if (n < 0 || n > room()) {
            throw fail(ProtocolException.Kind.BUFSIZE, "need " + n + " octets, " + room() + " remain");
        }
    }

    int u8() {
        need(1);
        return r.u8();
    }

    int u16() {
        need(2);
        return r.u16();
    }

    /** A raw 32-bit field. */
    int u32() {
        need(4);
        return r.i32();
    }

    /** A little-endian value of {@code size} (1, 2, 4 or 8) octets as raw bits. */
    long value(int size) {
        need(size);
        return switch (size) {
            case 1 -> r.u8();
            case 2 -> r.u16();
            case 4 -> r.u32();
            default -> r.i64();
        };
    }

    void skip(int n) {
        need(n);
        r.skip(n);
    }

    void back(int n) {
        r.seek(r.position() - n);
    }

    Octets octets(long n) {
        need(n);
        return Octets.wrap(r.bytes((int) n));
    }

    /**
     * Reads a count field of {@code width} (2 or 4) octets and checks it as {@link #count(String, long, int)} does;
     * a failure is reported at the field's offset.
     */
    int readCount(String what, int width, int minSize) {
        int at = r.position();
        long v = width == 2 ? u16() : u32() & 0xFFFFFFFFL;
        String problem = countProblem(what, v, minSize);
        if (problem != null) {
            r.seek(at);
            throw fail(ProtocolException.Kind.ARRAY_SIZE, problem);
        }
        return (int) v;
    }

    /**
     * Checks a count before anything is allocated for it: at most {@link Limits#maxArrayCount()} and, at
     * {@code minSize} octets per element, within what remains of the current structure.
     */
    int count(String what, long count, int minSize) {
        String problem = countProblem(what, count, minSize);
        if (problem != null) {
            throw fail(ProtocolException.Kind.ARRAY_SIZE, problem);
        }
        return (int) count;
    }

    private String countProblem(String what, long count, int minSize) {
        if (count < 0 || count > limits.maxArrayCount()) {
            return what + " " + count + " exceeds " + limits.maxArrayCount();
        }
        if (count * minSize > room()) {
            return what + " " + count + " needs " + count * minSize + " octets, " + room() + " remain";
        }
        return null;
    }

    /** Reads an EncodingLength-style u32 that counts {@code itself} octets before the current position. */
    long length(String what, int itself, int minimum) {
        long v = u32() & 0xFFFFFFFFL;
        if (v < minimum) {
            back(4);
            throw fail(ProtocolException.Kind.BAD_VALUE, what + " " + v + " is below the minimum " + minimum);
        }
        if (v - itself > room()) {
            back(4);
            throw fail(ProtocolException.Kind.BUFSIZE, what + " " + v + " exceeds the " + (room() + itself)
                    + " octets that remain");
        }
        return v;
    }

    /** Enters a named field; the path is only turned into text when a failure is reported. */
    void enter(String field) {
        push(field, NO_INDEX);
    }

    /** Enters element {@code index} of a repeated field ({@code name[index]}). */
    void enter(String field, int index) {
        push(field, index);
    }

    private void push(String field, long index) {
        if (depth == names.length) {
            if (depth >= MAX_PATH) {
                throw fail(ProtocolException.Kind.MAX_RECURSION, "field path deeper than " + MAX_PATH);
            }
            names = java.util.Arrays.copyOf(names, depth * 2);
            indexes = java.util.Arrays.copyOf(indexes, depth * 2);
        }
        names[depth] = field;
        indexes[depth] = index;
        depth++;
    }

    /** Enters the heap item at {@code ref} of heap {@code heap} ({@code heap[0x..]}). */
    void enterRef(String heap, int ref) {
        push(heap, HEX | (ref & 0xFFFFFFFFL));
    }

    void exit() {
        depth--;
    }

    /** The dotted field path, e.g. {@code EncodingUnit.ObjectBlock.ClassType.CurrentClass.ClassPart}. */
    String path() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(names[i]);
            long ix = indexes[i];
            if (ix != NO_INDEX) {
                sb.append('[').append((ix & HEX) != 0 ? "0x" + Integer.toHexString((int) ix) : Long.toString(ix))
                        .append(']');
            }
        }
        return sb.toString();
    }

    /** Enters an embedded object (a heap ObjectBlock or method signature), enforcing the nesting cap. */
    void enterObject() {
        if (objectDepth >= limits.maxNesting()) {
            throw fail(ProtocolException.Kind.MAX_RECURSION, "embedded objects nested deeper than " + limits.maxNesting());
        }
        objectDepth++;
    }

    void exitObject() {
        objectDepth--;
    }

    ProtocolException fail(ProtocolException.Kind kind, String detail) {
        return new ProtocolException(kind, r.position(), path(), detail);
    }
}
