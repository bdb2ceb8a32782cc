package org.jwmi.ndr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * Writes an NDR20 octet stream (C706-digest section 9), the mirror of {@link NdrReader}. Alignment gaps are
 * zeros, measured from the start of this writer.
 *
 * <p>Structures, unions, arrays with element encoders and pointer referents are constructions. An embedded
 * pointer writes its referent id in place and queues its referent; the queue of the outermost construction is
 * flushed when it ends, each referent finished with its own referents before the next (depth-first,
 * C706-digest 9.7 N4). A pointer written at top level (a parameter) is followed directly by its referent.
 *
 * <p>Referent ids are 0x00020000, 0x00020004, ... (as Samba and Windows number them) unless
 * {@link #referentIds(int, int)} says otherwise; an embedded {@code [ref]} pointer takes an id too.
 *
 * <p>Writing a NULL {@code [ref]} pointer fails with {@link ProtocolException} {@code INVALID_POINTER}; nesting
 * deeper than {@link Limits#maxNesting()} with {@code MAX_RECURSION}. Other misuse (a list longer than its fixed
 * bound, a string that does not fit) is an {@link IllegalArgumentException}.
 */
public final class NdrWriter {

    private final WireWriter out;
    private final DataRepresentation drep;
    private final Limits limits;
    private ArrayDeque<Runnable> queue;
    private int depth;
    private int nesting;
    private int nextId = 0x00020000;
    private int idStep = 4;
    private Map<Object, FullReferent> fullPointers;

    public NdrWriter(DataRepresentation drep, Limits limits) {
        this(drep, limits, 256);
    }

    /** A writer whose buffer starts with room for {@code initialCapacity} bytes. */
    public NdrWriter(DataRepresentation drep, Limits limits, int initialCapacity) {
        this.drep = Objects.requireNonNull(drep, "drep").requireSupported();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.out = new WireWriter(initialCapacity).littleEndian(drep.isLittleEndian());
    }

    /** A little-endian writer with the default limits. */
    public NdrWriter() {
        this(DataRepresentation.LITTLE_ENDIAN, Limits.DEFAULT);
    }

    /** Sets the next referent id and the step between ids (both non-zero); returns this writer. */
    public NdrWriter referentIds(int first, int step) {
        if (first == 0 || step == 0) {
            throw new IllegalArgumentException("referent ids must be non-zero");
        }
        this.nextId = first;
        this.idStep = step;
        return this;
    }

    // ------------------------------------------------------------------------------------------------ stream

    /** The underlying buffer, for hand-written formats embedded in NDR. */
    public WireWriter wire() {
        return out;
    }

    public DataRepresentation drep() {
        return drep;
    }

    public int position() {
        return out.position();
    }

    public NdrWriter align(int n) {
        out.align(n);
        return this;
    }

    /** The bytes written so far. Call after the last top-level value (its referents are then written). */
    public byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException("a construction is still open");
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ primitives

    public NdrWriter small(int v) {
        out.u8(v);
        return this;
    }

    public NdrWriter usmall(int v) {
        out.u8(v);
        return this;
    }

    public NdrWriter u8(int v) {
        out.u8(v);
        return this;
    }

    public NdrWriter bool(boolean v) {
        out.u8(v ? 1 : 0);
        return this;
    }

    /** {@code char}: one byte; characters above 0xFF are rejected. */
    public NdrWriter charA(char c) {
        if (c > 0xff) {
            throw new IllegalArgumentException("char U+" + Integer.toHexString(c) + " does not fit an NDR char");
        }
        out.u8(c);
        return this;
    }

    public NdrWriter i16(int v) {
        out.align(2).u16(v);
        return this;
    }

    public NdrWriter u16(int v) {
        out.align(2).u16(v);
        return this;
    }

    public NdrWriter wchar(char c) {
        out.align(2).u16(c);
        return this;
    }

    public NdrWriter i32(int v) {
        out.align(4).i32(v);
        return this;
    }

    public NdrWriter u32(long v) {
        out.align(4).i32((int) v);
        return this;
    }

    public NdrWriter hyper(long v) {
        out.align(8).i64(v);
        return this;
    }

    public NdrWriter i64(long v) {
        return hyper(v);
    }

    public NdrWriter u64(long v) {
        return hyper(v);
    }

    public NdrWriter float32(float v) {
        out.align(4).i32(Float.floatToRawIntBits(v));
        return this;
    }

    public NdrWriter float64(double v) {
        out.align(8).i64(Double.doubleToRawLongBits(v));
        return this;
    }

    /** A default NDR20 enum (16 bits); [MS-RPCE] 2.2.4.11 limits values to 0..32767. */
    public NdrWriter enum16(int v) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException("enum value " + v + " does not fit 16 bits");
        }
        return u16(v);
    }

    /** A {@code [v1_enum]} enum (32 bits). */
    public NdrWriter v1Enum(int v) {
        return i32(v);
    }

    public NdrWriter uuid(UUID u) {
        out.align(4).uuid(Objects.requireNonNull(u, "uuid"));
        return this;
    }

    public NdrWriter contextHandle(NdrContextHandle h) {
        Objects.requireNonNull(h, "context handle");
        out.align(4).i32(h.contextHandleAttributes()).uuid(h.contextHandleUuid());
        return this;
    }

    /** Raw bytes (no alignment, no conversion). */
    public NdrWriter bytes(byte[] b) {
        out.bytes(b);
        return this;
    }

    // ------------------------------------------------------------------------------------------------ structures

    /** A structure aligned to {@code alignment}; write a hoisted {@link #maxCount(int)} before this call. */
    public NdrWriter struct(int alignment, Consumer<NdrWriter> body) {
        out.align(alignment);
        construct(() -> body.accept(this));
        return this;
    }

    // ------------------------------------------------------------------------------------------------ arrays

    /** A conformance count {@code max_count} (also the hoisted count in front of a structure). */
    public NdrWriter maxCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative max_count");
        }
        return u32(n);
    }

    /** {@code offset}, {@code actual_count} of a varying array. */
    public NdrWriter varyingBounds(int offset, int actualCount) {
        if (offset < 0 || actualCount < 0) {
            throw new IllegalArgumentException("negative varying bounds");
        }
        out.align(4).i32(offset).i32(actualCount);
        return this;
    }

    /** Elements in place (no counts). */
    public <T> NdrWriter elements(List<T> values, NdrEncoder<T> element) {
        for (T v : values) {
            element.encode(this, v);
        }
        return this;
    }

    /** Bytes in place (no counts). */
    public NdrWriter byteElements(byte[] b) {
        return bytes(b);
    }

    /** {@code wchar_t}s in place (no counts, no terminator). */
    public NdrWriter wchars(String s) {
        if (!s.isEmpty()) {
            out.align(2);
            utf16(s);
        }
        return this;
    }

    /** The UTF-16 code units of {@code s} as they are (lone surrogates survive), in the stream's byte order. */
    private void utf16(String s) {
        int n = s.length();
        byte[] b = new byte[2 * n];
        boolean le = out.isLittleEndian();
        for (int i = 0, p = 0; i < n; i++, p += 2) {
            char c = s.charAt(i);
            b[le ? p : p + 1] = (byte) c;
            b[le ? p + 1 : p] = (byte) (c >>> 8);
        }
        out.bytes(b);
    }

    /** {@code char}s in place (no counts, no terminator), ISO-8859-1. */
    public NdrWriter chars(String s) {
        out.bytes(latin1(s));
        return this;
    }

    /** A fixed array {@code T a[n]} (the list must have exactly {@code n} elements). */
    public <T> NdrWriter fixedArray(int n, List<T> values, NdrEncoder<T> element) {
        if (values.size() != n) {
            throw new IllegalArgumentException("fixed array of " + n + " given " + values.size() + " elements");
        }
        construct(() -> elements(values, element));
        return this;
    }

    /** A conformant array: {@code max_count} = size, then the elements. */
    public <T> NdrWriter conformantArray(List<T> values, NdrEncoder<T> element) {
        maxCount(values.size());
        construct(() -> elements(values, element));
        return this;
    }

    /** A varying array of fixed bound {@code bound}: offset 0, {@code actual_count} = size, elements. */
    public <T> NdrWriter varyingArray(int bound, List<T> values, NdrEncoder<T> element) {
        if (values.size() > bound) {
            throw new IllegalArgumentException(values.size() + " elements exceed the bound " + bound);
        }
        varyingBounds(0, values.size());
        construct(() -> elements(values, element));
        return this;
    }

    /** A conformant varying array with {@code max_count} = offset 0 + actual = size. */
    public <T> NdrWriter conformantVaryingArray(List<T> values, NdrEncoder<T> element) {
        return conformantVaryingArray(values.size(), values, element);
    }

    /**
     * A conformant varying array with a larger {@code max_count} (e.g. a {@code size_is(max_ents)} buffer);
     * {@code maxCount} is the unsigned 32-bit wire value.
     */
    public <T> NdrWriter conformantVaryingArray(int maxCount, List<T> values, NdrEncoder<T> element) {
        if (Integer.toUnsignedLong(values.size()) > Integer.toUnsignedLong(maxCount)) {
            throw new IllegalArgumentException(values.size() + " elements exceed max_count "
                    + Integer.toUnsignedString(maxCount));
        }
        u32(maxCount);
        varyingBounds(0, values.size());
        construct(() -> elements(values, element));
        return this;
    }

    /** A conformant byte array. */
    public NdrWriter conformantBytes(byte[] b) {
        maxCount(b.length);
        return bytes(b);
    }

    /** A conformant varying byte array (max = actual = length, offset 0). */
    public NdrWriter conformantVaryingBytes(byte[] b) {
        maxCount(b.length);
        varyingBounds(0, b.length);
        return bytes(b);
    }

    // ------------------------------------------------------------------------------------------------ strings

    /** {@code [string] wchar_t *}: max = actual = length + 1, offset 0, characters, 2-byte terminator. */
    public NdrWriter stringW(String s) {
        maxCount(s.length() + 1);
        return varyingStringW(s.length() + 1, s);
    }

    /**
     * {@code [string] wchar_t s[bound]} or a string member whose {@code max_count} was hoisted: offset 0,
     * {@code actual_count} = length + 1, characters, terminator.
     */
    public NdrWriter varyingStringW(int bound, String s) {
        int n = s.length() + 1;
        if (n > bound) {
            throw new IllegalArgumentException("string of " + s.length() + " characters does not fit [string] bound "
                    + bound);
        }
        varyingBounds(0, n);
        out.align(2);
        utf16(s);
        out.u16(0);
        return this;
    }

    /** {@code [string] char *} (ISO-8859-1, 1-byte terminator). */
    public NdrWriter stringA(String s) {
        maxCount(s.length() + 1);
        return varyingStringA(s.length() + 1, s);
    }

    /** {@code [string] char s[bound]}. */
    public NdrWriter varyingStringA(int bound, String s) {
        byte[] b = latin1(s);
        if (b.length + 1 > bound) {
            throw new IllegalArgumentException("string of " + b.length + " characters does not fit [string] bound "
                    + bound);
        }
        varyingBounds(0, b.length + 1);
        out.bytes(b).u8(0);
        return this;
    }

    private static byte[] latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(s.charAt(i))
                        + " does not fit an NDR char string");
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------------------------------------ pointers

    /** A {@code [unique]} pointer: id 0 for {@code null}, else an id and the referent (deferred if embedded). */
    public <T> NdrWriter uniquePtr(T value, NdrEncoder<T> referent) {
        if (value == null) {
            return u32(0);
        }
        u32(newId());
        referent(value, referent);
        return this;
    }

    /**
     * A {@code [ref]} pointer: at top level only the referent; embedded, an id and a deferred referent.
     * {@code null} fails with {@code INVALID_POINTER}.
     */
    public <T> NdrWriter refPtr(T value, NdrEncoder<T> referent) {
        if (value == null) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_POINTER, out.position(), "",
                    "a [ref] pointer must not be NULL");
        }
        if (depth == 0) {
            construct(() -> referent.encode(this, value));
            return this;
        }
        u32(newId());
        referent(value, referent);
        return this;
    }

    /**
     * A {@code [ptr]} (full) pointer: the same object (by identity) gets the same id and its referent is sent once.
     * The id is assigned where the object's first pointer is written, but the referent goes where the first of
     * its pointers reaches its deferred position (C706 14.3.12.3 order: depth-first), which can be a pointer
     * written later: in {@code {[unique] NODE *child; [ptr] T *p}[2]} with {@code [1].p == child->p} the body of
     * {@code [1]} precedes that of {@code *child}, yet the referent follows {@code *child} and {@code [1].p} has
     * none. This is when DCE's node table marks a node marshalled, and where {@link NdrReader} expects it.
     */
    public <T> NdrWriter fullPtr(T value, NdrEncoder<T> referent) {
        if (value == null) {
            return u32(0);
        }
        if (fullPointers == null) {
            fullPointers = new IdentityHashMap<>();
        }
        FullReferent f = fullPointers.get(value);
        if (f == null) {
            f = new FullReferent(newId());
            fullPointers.put(value, f);
        }
        u32(f.id & 0xffffffffL);
        if (!f.sent) {
            FullReferent object = f;
            referent(value, (w, v) -> {
                if (!object.sent) {
                    object.sent = true;
                    referent.encode(w, v);
                }
            });
        }
        return this;
    }

    /** A full pointer's object: its referent id, and whether its referent has been written. */
    private static final class FullReferent {
        final int id;
        boolean sent;

        FullReferent(int id) {
            this.id = id;
        }
    }

    private int newId() {
        int id = nextId;
        nextId += idStep;
        if (nextId == 0) {
            nextId += idStep;
        }
        return id;
    }

    private <T> void referent(T value, NdrEncoder<T> referent) {
        if (depth == 0) {
            construct(() -> referent.encode(this, value));
        } else {
            queue.addLast(() -> referent.encode(this, value));
        }
    }

    private void construct(Runnable body) {
        if (++nesting > limits.maxNesting()) {
            nesting--;
            throw new ProtocolException(ProtocolException.Kind.MAX_RECURSION, out.position(), "",
                    "nesting deeper than " + limits.maxNesting());
        }
        try {
            if (depth > 0) {
                depth++;
                try {
                    body.run();
                } finally {
                    depth--;
                }
                return;
            }
            ArrayDeque<Runnable> mine = new ArrayDeque<>();
            queue = mine;
            depth = 1;
            try {
                body.run();
            } finally {
                depth = 0;
                queue = null;
            }
            while (!mine.isEmpty()) {
                construct(mine.pollFirst());
            }
        } finally {
            nesting--;
        }
    }

    // ------------------------------------------------------------------------------------------------ unions

    /**
     * A union: the discriminant {@code d} (aligned to its type), then the arm written by {@code arm}, aligned per
     * {@code layout} first. For a non-encapsulated union write the {@code switch_is} value as its own field too.
     */
    public NdrWriter union(NdrUnion layout, long discriminant, Consumer<NdrWriter> arm) {
        Objects.requireNonNull(layout, "layout");
        construct(() -> {
            discriminant(layout.switchType(), discriminant);
            if (layout.armAlignment() > 0) {
                out.align(layout.armAlignment());
            }
            arm.accept(this);
        });
        return this;
    }

    /** A discriminant of the given type (truncated to its size). */
    public NdrWriter discriminant(SwitchType type, long d) {
        switch (type) {
            case SMALL:
            case USMALL:
                return u8((int) d);
            case SHORT:
            case USHORT:
                return u16((int) d);
            case LONG:
            case ULONG:
                return u32(d);
            case HYPER:
                return hyper(d);
            default:
                throw new IllegalArgumentException(String.valueOf(type));
        }
    }
}
