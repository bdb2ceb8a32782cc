package org.jwmi.ndr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;

/**
 * Reads an NDR20 octet stream (C706-digest section 9): one call's stub, or one type-serialization object.
 * Alignment is relative to the start of the stream; integers are in the byte order of the sender's
 * {@link DataRepresentation}.
 *
 * <h2>Constructions and deferred referents</h2>
 * Structures, unions, arrays with element decoders and pointer referents are <em>constructions</em>. Inside a
 * construction an embedded pointer is only its referent id; the referents of the outermost construction follow
 * it, in pointer order, each finished with its own referents before the next (depth-first, C706-digest 9.7).
 * A top-level {@code [unique]} or {@code [ptr]} pointer (a parameter, not inside a construction) is followed
 * directly by its referent; a top-level {@code [ref]} pointer is only its referent.
 *
 * <p>Pointer methods return the referent itself, so a codec reads like the IDL:
 * {@code new ShareInfo1(s.uniquePtr(NdrReader::stringW), s.u32(), s.uniquePtr(NdrReader::stringW))}. To do that,
 * the outermost construction is decoded twice when it has non-null embedded pointers: a first pass finds where
 * its body ends (pointer methods return {@code null} there), a second pass decodes it again and reads each
 * referent from the deferred area as it goes. Decoders must therefore be side-effect free and must not reject a
 * {@code null} pointer value themselves. A construction without non-null embedded pointers is decoded once.
 *
 * <h2>Failures</h2>
 * Every failure is a {@link ProtocolException}: counts are checked against {@link Limits#maxArrayCount()} and
 * against the bytes that remain before anything is allocated, and constructions nest at most
 * {@link Limits#maxNesting()} deep ({@code MAX_RECURSION}).
 */
public final class NdrReader {

    private enum Mode { TOP, MEASURE, RESOLVE }

    private static final Object IN_PROGRESS = new Object();

    private final WireReader in;
    private final DataRepresentation drep;
    private final Limits limits;
    private Mode mode = Mode.TOP;
    private int deferredAt;
    private boolean sawReferent;
    private Map<Long, Object> fullPointers;

    /** A reader over {@code buf[offset, offset + length)}; the stream (alignment origin) starts at offset. */
    public NdrReader(byte[] buf, int offset, int length, DataRepresentation drep, Limits limits) {
        Objects.requireNonNull(buf, "buf");
        this.drep = Objects.requireNonNull(drep, "drep").requireSupported();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.in = new WireReader(buf, offset, length, limits.maxNesting()).littleEndian(drep.isLittleEndian());
    }

    public NdrReader(byte[] buf, DataRepresentation drep, Limits limits) {
        this(buf, 0, buf.length, drep, limits);
    }

    /** A little-endian reader with the default limits. */
    public static NdrReader of(byte[] buf) {
        return new NdrReader(buf, 0, buf.length, DataRepresentation.LITTLE_ENDIAN, Limits.DEFAULT);
    }

    // ------------------------------------------------------------------------------------------------ stream

    /** The underlying cursor, for hand-written formats embedded in NDR (same position and byte order). */
    public WireReader wire() {
        return in;
    }

    public DataRepresentation drep() {
        return drep;
    }

    public Limits limits() {
        return limits;
    }

    /** Bytes consumed since the start of the stream. */
    public int position() {
        return in.position();
    }

    public int remaining() {
        return in.remaining();
    }

    /** Skips to the next multiple of {@code n} (1, 2, 4 or 8) from the stream start. */
    public NdrReader align(int n) {
        in.align(n);
        return this;
    }

    /** Fails with {@code UNREAD_BYTES} if anything is left. */
    public void expectEnd() {
        in.expectEnd();
    }

    /** A failure at the current offset and field path, for codecs' own checks. */
    public ProtocolException fail(ProtocolException.Kind kind, String detail) {
        return in.fail(kind, detail);
    }

    /** Decodes {@code d} with {@code name} appended to the field path of any failure. */
    public <T> T field(String name, NdrDecoder<T> d) {
        in.enter(name);
        try {
            return d.decode(this);
        } finally {
            in.exit();
        }
    }

    // ------------------------------------------------------------------------------------------------ primitives

    /** {@code small} (signed 8-bit). */
    public byte small() {
        return (byte) in.u8();
    }

    /** {@code unsigned small} / {@code byte} / {@code UCHAR}. */
    public int usmall() {
        return in.u8();
    }

    /** Unsigned 8-bit, same as {@link #usmall()}. */
    public int u8() {
        return in.u8();
    }

    /** {@code boolean}: one byte, non-zero is TRUE. ([MS-DTYP] {@code BOOL} is a long: use {@link #i32()}.) */
    public boolean bool() {
        return in.u8() != 0;
    }

    /** {@code char}: one ASCII byte (ISO-8859-1 mapping, so every byte value survives). */
    public char charA() {
        return (char) in.u8();
    }

    /** {@code short}, 2-aligned. */
    public short i16() {
        in.align(2);
        return (short) in.u16();
    }

    /** {@code unsigned short}, 2-aligned. */
    public int u16() {
        in.align(2);
        return in.u16();
    }

    /** {@code wchar_t} ([MS-RPCE] 2.2.4.1.1: an unsigned short). */
    public char wchar() {
        in.align(2);
        return (char) in.u16();
    }

    /** {@code long} / {@code int} / {@code __int32}, 4-aligned. */
    public int i32() {
        in.align(4);
        return in.i32();
    }

    /** {@code unsigned long} / {@code DWORD} / {@code error_status_t}, 4-aligned. */
    public long u32() {
        in.align(4);
        return in.u32();
    }

    /** {@code hyper} / {@code __int64}, 8-aligned. */
    public long hyper() {
        in.align(8);
        return in.i64();
    }

    /** Same as {@link #hyper()}. */
    public long i64() {
        return hyper();
    }

    /** {@code unsigned hyper}; the bits in a long (use {@link Long#toUnsignedString(long)}). */
    public long u64() {
        return hyper();
    }

    /** IEEE {@code float}, 4-aligned. */
    public float float32() {
        in.align(4);
        return Float.intBitsToFloat(in.i32());
    }

    /** IEEE {@code double}, 8-aligned. */
    public double float64() {
        in.align(8);
        return Double.longBitsToDouble(in.i64());
    }

    /** A default NDR20 {@code enum}: 16 bits ([MS-RPCE] 2.2.4.11 allows 0..32767; larger values are returned). */
    public int enum16() {
        return u16();
    }

    /** A {@code [v1_enum]} enum: signed 32 bits ([MS-RPCE] 2.2.4.6). */
    public int v1Enum() {
        return i32();
    }

    /** An NDR {@code uuid_t} / [MS-DTYP] GUID, 4-aligned (C706-digest 9.11). */
    public UUID uuid() {
        in.align(4);
        return in.uuid();
    }

    /** C706-digest 9.10 {@code ndr_context_handle}, 20 bytes, 4-aligned. */
    public NdrContextHandle contextHandle() {
        in.align(4);
        int attributes = in.i32();
        UUID uuid = in.uuid();
        return new NdrContextHandle(attributes, uuid);
    }

    /** {@code n} raw bytes (no alignment, no conversion). */
    public byte[] bytes(int n) {
        return in.bytes(n);
    }

    // ------------------------------------------------------------------------------------------------ structures

    /**
     * A structure aligned to {@code alignment} (the largest alignment of its members, C706-digest 9.3). A hoisted
     * conformance count ({@link #maxCount()}) must be read before this call.
     */
    public <T> T struct(int alignment, NdrDecoder<T> body) {
        return struct("struct", alignment, body);
    }

    /** {@link #struct(int, NdrDecoder)} with a name for the field path of failures. */
    public <T> T struct(String name, int alignment, NdrDecoder<T> body) {
        in.align(alignment);
        return construct(name, body);
    }

    // ------------------------------------------------------------------------------------------------ arrays

    /**
     * A conformance count {@code max_count} (u32, 4-aligned), checked against {@link Limits#maxArrayCount()}.
     * Also the hoisted count in front of a structure ending in a conformant array (C706-digest 9.5).
     */
    public int maxCount() {
        in.align(4);
        return in.count("max_count", limits.maxArrayCount());
    }

    /**
     * The variance of a varying array ({@code offset}, {@code actual_count}, 4-aligned), checked so that
     * {@code offset + actual_count <= maxCount}; {@code maxCount} is the conformance or the fixed bound.
     */
    public VaryingBounds varyingBounds(long maxCount) {
        return varyingBounds(maxCount, limits.maxArrayCount());
    }

    private VaryingBounds varyingBounds(long maxCount, int limit) {
        in.align(4);
        int at = in.position();
        long offset = in.u32();
        long actual = in.u32();
        if (offset + actual > maxCount) {
            throw new ProtocolException(ProtocolException.Kind.ARRAY_SIZE, at, in.path(),
                    "offset " + offset + " + actual_count " + actual + " exceeds max_count " + maxCount);
        }
        if (actual > limit) {
            throw new ProtocolException(ProtocolException.Kind.ARRAY_SIZE, at + 4, in.path(),
                    "actual_count " + actual + " exceeds the limit " + limit);
        }
        return new VaryingBounds((int) offset, (int) actual);
    }

    /**
     * The {@code max_count} of a {@code byte} array: bounded by {@link Limits#maxBodySize()} (a byte array can be
     * as large as the stub) instead of {@link Limits#maxArrayCount()}, and by what remains.
     */
    public int maxByteCount() {
        in.align(4);
        return in.count("max_count", byteLimit());
    }

    private int byteLimit() {
        return Math.max(limits.maxArrayCount(), limits.maxBodySize());
    }

    /** {@code n} elements in place (no counts), each decoded by {@code element}. */
    public <T> List<T> elements(int n, NdrDecoder<T> element) {
        checkCount(n, 1);
        List<T> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(element.decode(this));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code n} bytes in place (no counts). */
    public byte[] byteElements(int n) {
        if (n < 0 || n > byteLimit() || n > in.remaining()) {
            throw fail(ProtocolException.Kind.ARRAY_SIZE, "byte array of " + n + " bytes but only " + in.remaining()
                    + " bytes remain");
        }
        return in.bytes(n);
    }

    /** {@code n} {@code wchar_t} in place (no counts, no terminator), e.g. an RPC_UNICODE_STRING buffer. */
    public String wchars(int n) {
        checkCount(n, 2);
        if (n == 0) {
            return "";
        }
        in.align(2);
        return utf16(n);
    }

    /** {@code n} UTF-16 code units as they are (lone surrogates survive), in the stream's byte order. */
    private String utf16(int n) {
        in.need(2L * n);
        byte[] a = in.array();
        int p = in.arrayOffset();
        char[] c = new char[n];
        if (in.isLittleEndian()) {
            for (int i = 0; i < n; i++, p += 2) {
                c[i] = (char) ((a[p] & 0xff) | (a[p + 1] & 0xff) << 8);
            }
        } else {
            for (int i = 0; i < n; i++, p += 2) {
                c[i] = (char) ((a[p] & 0xff) << 8 | (a[p + 1] & 0xff));
            }
        }
        in.skip(2 * n);
        return new String(c);
    }

    /** {@code n} {@code char} in place (no counts, no terminator), ISO-8859-1. */
    public String chars(int n) {
        checkCount(n, 1);
        return new String(in.bytes(n), StandardCharsets.ISO_8859_1);
    }

    /** A fixed array {@code T a[n]}: the elements only. */
    public <T> List<T> fixedArray(int n, NdrDecoder<T> element) {
        return construct("[]", r -> r.elements(n, element));
    }

    /** A conformant array: {@code max_count}, then that many elements. */
    public <T> List<T> conformantArray(NdrDecoder<T> element) {
        int n = maxCount();
        return construct("[]", r -> r.elements(n, element));
    }

    /** A varying array of fixed bound {@code bound}: {@code offset}, {@code actual_count}, the sent elements. */
    public <T> List<T> varyingArray(int bound, NdrDecoder<T> element) {
        VaryingBounds b = varyingBounds(bound);
        return construct("[]", r -> r.elements(b.actualCount(), element));
    }

    /**
     * A conformant varying array: {@code max_count}, {@code offset}, {@code actual_count}, then the
     * {@code actual_count} sent elements (which start at index {@code offset}; use {@link #maxCount()} and
     * {@link #varyingBounds(long)} directly if the offset matters).
     */
    public <T> List<T> conformantVaryingArray(NdrDecoder<T> element) {
        int max = maxCount();
        VaryingBounds b = varyingBounds(max);
        return construct("[]", r -> r.elements(b.actualCount(), element));
    }

    /** A conformant {@code byte} array: {@code max_count}, then the bytes. */
    public byte[] conformantBytes() {
        return byteElements(maxByteCount());
    }

    /** A conformant varying {@code byte} array: {@code max_count}, {@code offset}, {@code actual_count}, bytes. */
    public byte[] conformantVaryingBytes() {
        int max = maxByteCount();
        return byteElements(varyingBounds(max, byteLimit()).actualCount());
    }

    // ------------------------------------------------------------------------------------------------ strings

    /**
     * {@code [string] wchar_t *} / {@code [string] wchar_t s[]} (C706-digest 9.6): a conformant varying array
     * whose counts include the 2-byte terminator; offset must be 0. Returns the text without the terminator.
     */
    public String stringW() {
        int max = maxCount();
        return varyingStringW(max);
    }

    /**
     * {@code [string] wchar_t s[bound]} (varying: {@code offset}, {@code actual_count}, characters + terminator),
     * also the inline part of a {@code [string]} structure member whose {@code max_count} was hoisted.
     */
    public String varyingStringW(int bound) {
        VaryingBounds b = varyingBounds(bound);
        int n = stringCount(b, 2);
        in.align(2);
        String s = n == 1 ? "" : utf16(n - 1);
        if (in.u16() != 0) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, in.position() - 2, in.path(),
                    "[string] is not terminated by a zero wchar_t");
        }
        return s;
    }

    /** {@code [string] char *}: like {@link #stringW()} with 1-byte characters (ISO-8859-1) and a 1-byte NUL. */
    public String stringA() {
        int max = maxCount();
        return varyingStringA(max);
    }

    /** {@code [string] char s[bound]}, e.g. {@code ept_entry_t.annotation[64]}. */
    public String varyingStringA(int bound) {
        VaryingBounds b = varyingBounds(bound);
        int n = stringCount(b, 1);
        String s = new String(in.bytes(n - 1), StandardCharsets.ISO_8859_1);
        if (in.u8() != 0) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, in.position() - 1, in.path(),
                    "[string] is not terminated by a zero char");
        }
        return s;
    }

    private int stringCount(VaryingBounds b, int unit) {
        if (b.offset() != 0) {
            throw fail(ProtocolException.Kind.BAD_VALUE, "[string] offset must be 0, got " + b.offset());
        }
        if (b.actualCount() == 0) {
            throw fail(ProtocolException.Kind.BAD_VALUE, "[string] actual_count 0 leaves no room for the terminator");
        }
        checkCount(b.actualCount(), unit);
        return b.actualCount();
    }

    // ------------------------------------------------------------------------------------------------ pointers

    /**
     * A {@code [unique]} pointer: {@code null} for referent id 0, else the referent decoded by {@code referent} -
     * directly after the id at top level, from the deferred area inside a construction.
     */
    public <T> T uniquePtr(NdrDecoder<T> referent) {
        long id = referentId();
        if (id == 0) {
            return null;
        }
        return referent(referent);
    }

    /**
     * A {@code [ref]} pointer: at top level nothing is on the wire but the referent; embedded, a non-zero id
     * (zero fails with {@code INVALID_POINTER}) and a deferred referent.
     */
    public <T> T refPtr(NdrDecoder<T> referent) {
        if (mode == Mode.TOP) {
            return construct("*", referent);
        }
        long id = referentId();
        if (id == 0) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_POINTER, in.position() - 4, in.path(),
                    "a [ref] pointer is NULL");
        }
        return deferred(referent);
    }

    /**
     * A {@code [ptr]} (full) pointer: like {@link #uniquePtr}, but an id seen before in this stream is the same
     * object and has no second referent. The referent is read at the first pointer with that id to be resolved in
     * deferral order (depth-first), which need not be the first occurrence of the id in the stream (see
     * {@link NdrWriter#fullPtr}). Where the IDL has full pointers of different types in one stream, use
     * {@link #fullPtr(Class, NdrDecoder)} so that a sender aliasing them is refused.
     */
    public <T> T fullPtr(NdrDecoder<T> referent) {
        return fullPtr(Object.class, referent);
    }

    /**
     * A {@code [ptr]} pointer to a {@code type}: an id seen before that resolved to something else fails with
     * INVALID_POINTER (never a ClassCastException in the caller).
     */
    @SuppressWarnings("unchecked")
    public <T> T fullPtr(Class<? super T> type, NdrDecoder<T> referent) {
        long id = referentId();
        if (id == 0) {
            return null;
        }
        if (mode == Mode.MEASURE) {
            sawReferent = true;
            return null;
        }
        if (fullPointers == null) {
            fullPointers = new HashMap<>();
        }
        Object known = fullPointers.get(id);
        if (known == IN_PROGRESS) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_POINTER, in.position() - 4, in.path(),
                    "full pointer 0x" + Long.toHexString(id) + " refers to an object that contains it");
        }
        if (known != null && !type.isInstance(known)) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_POINTER, in.position() - 4, in.path(),
                    "full pointer 0x" + Long.toHexString(id) + " aliases an object of another type");
        }
        if (known != null || fullPointers.containsKey(id)) {
            return (T) known;
        }
        fullPointers.put(id, IN_PROGRESS);
        T v = referent(referent);
        fullPointers.put(id, v);
        return v;
    }

    private long referentId() {
        in.align(4);
        return in.u32();
    }

    private <T> T referent(NdrDecoder<T> d) {
        if (mode == Mode.TOP) {
            return construct("*", d);
        }
        return deferred(d);
    }

    private <T> T deferred(NdrDecoder<T> d) {
        if (mode == Mode.MEASURE) {
            sawReferent = true;
            return null;
        }
        int back = in.position();
        in.seek(deferredAt);
        mode = Mode.TOP;
        T v;
        try {
            v = construct("*", d);
        } finally {
            mode = Mode.RESOLVE;
        }
        deferredAt = in.position();
        in.seek(back);
        return v;
    }

    /**
     * Runs {@code body} as a construction. At top level it is the outermost one: measured, then (only if it has
     * non-null embedded pointers) decoded again with its referents read from behind its body.
     */
    private <T> T construct(String label, NdrDecoder<T> body) {
        in.enter(label);
        try {
            if (mode != Mode.TOP) {
                return body.decode(this);
            }
            int start = in.position();
            mode = Mode.MEASURE;
            sawReferent = false;
            try {
                T v = body.decode(this);
                if (!sawReferent) {
                    return v;
                }
                int end = in.position();
                mode = Mode.RESOLVE;
                deferredAt = end;
                in.seek(start);
                v = body.decode(this);
                if (in.position() != end) {
                    throw new IllegalStateException("decoder read " + (in.position() - start) + " bytes, then "
                            + (end - start) + ": a decoder's layout must not depend on pointer values");
                }
                in.seek(deferredAt);
                return v;
            } finally {
                mode = Mode.TOP;
            }
        } finally {
            in.exit();
        }
    }

    // ------------------------------------------------------------------------------------------------ unions

    /** A union whose discriminant is read from the wire (encapsulated, or non-encapsulated without a check). */
    public <T> T union(NdrUnion layout, UnionArms<T> arms) {
        return union(layout, false, 0, arms);
    }

    /**
     * A non-encapsulated union ({@code [switch_is(x)]}): the discriminant sent again in front of the arm must
     * equal {@code switchIs}, the value of {@code x} (C706-digest 9.8), else {@code BAD_SWITCH}.
     */
    public <T> T union(NdrUnion layout, long switchIs, UnionArms<T> arms) {
        return union(layout, true, switchIs, arms);
    }

    private <T> T union(NdrUnion layout, boolean check, long switchIs, UnionArms<T> arms) {
        Objects.requireNonNull(layout, "layout");
        return construct("union", r -> {
            int at = in.position();
            long d = r.discriminant(layout.switchType());
            long mask = layout.switchType().size() == 8 ? -1L : (1L << (8 * layout.switchType().size())) - 1;
            if (check && ((d ^ switchIs) & mask) != 0) {
                throw new ProtocolException(ProtocolException.Kind.BAD_SWITCH, at, in.path(),
                        "union discriminant " + d + " differs from switch_is value " + switchIs);
            }
            NdrDecoder<T> arm = arms.arm(d);
            if (arm == null) {
                throw new ProtocolException(ProtocolException.Kind.BAD_SWITCH, at, in.path(),
                        "no union arm for discriminant " + d + " and no default");
            }
            if (layout.armAlignment() > 0) {
                in.align(layout.armAlignment());
            }
            return arm.decode(r);
        });
    }

    /** A discriminant of the given type, sign-extended if the type is signed. */
    public long discriminant(SwitchType type) {
        switch (type) {
            case SMALL:
                return small();
            case USMALL:
                return usmall();
            case SHORT:
                return i16();
            case USHORT:
                return u16();
            case LONG:
                return i32();
            case ULONG:
                return u32();
            case HYPER:
                return hyper();
            default:
                throw new IllegalArgumentException(String.valueOf(type));
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    private void checkCount(int n, int unit) {
        if (n < 0 || n > limits.maxArrayCount()) {
            throw fail(ProtocolException.Kind.ARRAY_SIZE, "count " + n + " exceeds the limit "
                    + limits.maxArrayCount());
        }
        if ((long) n * unit > in.remaining()) {
            throw fail(ProtocolException.Kind.ARRAY_SIZE, n + " elements of at least " + unit
                    + " bytes but only " + in.remaining() + " bytes remain");
        }
    }
}
