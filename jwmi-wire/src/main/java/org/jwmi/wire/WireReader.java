package org.jwmi.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * A bounded cursor over a byte array. Every read checks what remains first and fails with a
 * {@link ProtocolException} carrying the offset (relative to this reader's origin) and the current field path.
 * Byte order is switchable because DCE/RPC is receiver-makes-it-right: the sender's data representation label
 * decides it. Alignment is relative to the origin, which is where the NDR stream or PDU starts.
 */
public final class WireReader {
    private final byte[] buf;
    private final int origin;
    private final int limit;
    private int pos;
    private boolean littleEndian = true;
    private final Deque<String> path = new ArrayDeque<>();
    private final int maxNesting;

    public WireReader(byte[] buf) {
        this(buf, 0, buf.length, Limits.DEFAULT.maxNesting());
    }

    public WireReader(byte[] buf, int offset, int length) {
        this(buf, offset, length, Limits.DEFAULT.maxNesting());
    }

    public WireReader(byte[] buf, int offset, int length, int maxNesting) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("slice out of range");
        }
        this.buf = buf;
        this.origin = offset;
        this.limit = offset + length;
        this.pos = offset;
        this.maxNesting = maxNesting;
    }

    public WireReader littleEndian(boolean le) {
        this.littleEndian = le;
        return this;
    }

    public boolean isLittleEndian() {
        return littleEndian;
    }

    /** Bytes consumed since the origin. */
    public int position() {
        return pos - origin;
    }

    /** Moves to an offset relative to the origin (within bounds). */
    public void seek(int offset) {
        if (offset < 0 || offset > limit - origin) {
            throw fail(ProtocolException.Kind.BUFSIZE, "seek to " + offset + " beyond " + (limit - origin));
        }
        pos = origin + offset;
    }

    public int remaining() {
        return limit - pos;
    }

    public int length() {
        return limit - origin;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    /** Enters a named field (for error paths) and enforces the nesting cap. Pair with {@link #exit()}. */
    public void enter(String field) {
        if (path.size() >= maxNesting) {
            throw fail(ProtocolException.Kind.MAX_RECURSION, "nesting deeper than " + maxNesting);
        }
        path.addLast(field);
    }

    public void exit() {
        path.pollLast();
    }

    public int depth() {
        return path.size();
    }

    public String path() {
        return String.join(".", path);
    }

    public ProtocolException fail(ProtocolException.Kind kind, String detail) {
        return new ProtocolException(kind, position(), path(), detail);
    }

    /** Fails with BUFSIZE unless {@code n} bytes remain; overflow-safe for any int. */
    public void need(long n) {
        if (n < 0 || n > remaining()) {
            throw fail(ProtocolException.Kind.BUFSIZE, "need " + n + " bytes, " + remaining() + " remain");
        }
    }

    /** Skips to the next multiple of {@code n} (a power of two) relative to the origin. */
    public void align(int n) {
        int pad = (n - (position() & (n - 1))) & (n - 1);
        need(pad);
        pos += pad;
    }

    public void skip(int n) {
        need(n);
        pos += n;
    }

    public int u8() {
        need(1);
        return buf[pos++] & 0xff;
    }

    public int u16() {
        need(2);
        int a = buf[pos] & 0xff;
        int b = buf[pos + 1] & 0xff;
        pos += 2;
        return littleEndian ? a | b << 8 : a << 8 | b;
    }

    public int i32() {
        need(4);
        int v;
        if (littleEndian) {
            v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        } else {
            v = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8 | (buf[pos + 3] & 0xff);
        }
        pos += 4;
        return v;
    }

    public long u32() {
        return i32() & 0xffffffffL;
    }

    public long i64() {
        need(8);
        long lo;
        long hi;
        if (littleEndian) {
            lo = i32() & 0xffffffffL;
            hi = i32() & 0xffffffffL;
        } else {
            hi = i32() & 0xffffffffL;
            lo = i32() & 0xffffffffL;
        }
        return hi << 32 | lo;
    }

    /** A u32 that must fit a non-negative int and not exceed {@code max}; used for counts and lengths. */
    public int count(String what, long max) {
        long v = u32();
        if (v > max || v > Integer.MAX_VALUE) {
            pos -= 4;
            throw fail(ProtocolException.Kind.ARRAY_SIZE, what + " " + v + " exceeds " + max);
        }
        return (int) v;
    }

    public byte[] bytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public void bytes(byte[] dst, int off, int n) {
        need(n);
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
    }

    /**
     * A UUID in the DCE/NDR layout: time_low (u32), time_mid (u16), time_hi_and_version (u16) in the reader's byte
     * order, then 8 bytes as they are ([MS-DTYP] 2.3.4).
     */
    public UUID uuid() {
        need(16);
        long timeLow = u32();
        long timeMid = u16();
        long timeHi = u16();
        long msb = timeLow << 32 | timeMid << 16 | timeHi;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            lsb = lsb << 8 | (buf[pos++] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /** {@code n} UTF-16LE code units (no terminator handling). */
    public String utf16(int chars) {
        if (chars < 0 || chars > remaining() / 2) {
            throw fail(ProtocolException.Kind.BUFSIZE, "need " + chars + " UTF-16 units, " + remaining() + " bytes remain");
        }
        if (littleEndian) {
            String s = new String(buf, pos, chars * 2, StandardCharsets.UTF_16LE);
            pos += chars * 2;
            return s;
        }
        String s = new String(buf, pos, chars * 2, StandardCharsets.UTF_16BE);
        pos += chars * 2;
        return s;
    }

    /** A reader over the next {@code n} bytes (same byte order and nesting cap); this reader skips past them. */
    public WireReader slice(int n) {
        need(n);
        WireReader r = new WireReader(buf, pos, n, maxNesting).littleEndian(littleEndian);
        pos += n;
        return r;
    }

    /** Fails with UNREAD_BYTES if anything remains. */
    public void expectEnd() {
        if (hasRemaining()) {
            throw fail(ProtocolException.Kind.UNREAD_BYTES, remaining() + " bytes left over");
        }
    }

    /** The underlying array (shared, not copied) and absolute index of the cursor, for zero-copy consumers. */
    public byte[] array() {
        return buf;
    }

    public int arrayOffset() {
        return pos;
    }
}
