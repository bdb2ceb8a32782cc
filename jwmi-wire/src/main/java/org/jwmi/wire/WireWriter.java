package org.jwmi.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A growable byte buffer with the same vocabulary as {@link WireReader}. Writes little-endian unless told
 * otherwise; alignment pads with zero bytes relative to where this writer started.
 */
public final class WireWriter {
    private byte[] buf;
    private int pos;
    private boolean littleEndian = true;

    public WireWriter() {
        this(256);
    }

    public WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public WireWriter littleEndian(boolean le) {
        this.littleEndian = le;
        return this;
    }

    public boolean isLittleEndian() {
        return littleEndian;
    }

    public int position() {
        return pos;
    }

    private void ensure(int n) {
        if (n > buf.length - pos) {
            long want = Math.max((long) buf.length * 2, (long) pos + n);
            if (want > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("buffer too large");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    public WireWriter align(int n) {
        int pad = (n - (pos & (n - 1))) & (n - 1);
        return zeros(pad);
    }

    public WireWriter zeros(int n) {
        ensure(n);
        Arrays.fill(buf, pos, pos + n, (byte) 0);
        pos += n;
        return this;
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        putU16(pos, v);
        pos += 2;
        return this;
    }

    public WireWriter i32(int v) {
        ensure(4);
        putI32(pos, v);
        pos += 4;
        return this;
    }

    public WireWriter u32(long v) {
        return i32((int) v);
    }

    public WireWriter i64(long v) {
        if (littleEndian) {
            i32((int) v);
            i32((int) (v >>> 32));
        } else {
            i32((int) (v >>> 32));
            i32((int) v);
        }
        return this;
    }

    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** The DCE/NDR UUID layout; see {@link WireReader#uuid()}. */
    public WireWriter uuid(UUID u) {
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        i32((int) (msb >>> 32));
        u16((int) (msb >>> 16));
        u16((int) msb);
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[pos++] = (byte) (lsb >>> (i * 8));
        }
        return this;
    }

    /** UTF-16 code units of {@code s} in the writer's byte order, no terminator. */
    public WireWriter utf16(String s) {
        return bytes(s.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
    }

    /** Overwrites a u16 at an absolute position already written. */
    public WireWriter putU16(int at, int v) {
        checkPatch(at, 2);
        if (littleEndian) {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >>> 8);
        } else {
            buf[at] = (byte) (v >>> 8);
            buf[at + 1] = (byte) v;
        }
        return this;
    }

    /** Overwrites an i32 at an absolute position already written. */
    public WireWriter putI32(int at, int v) {
        checkPatch(at, 4);
        if (littleEndian) {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >>> 8);
            buf[at + 2] = (byte) (v >>> 16);
            buf[at + 3] = (byte) (v >>> 24);
        } else {
            buf[at] = (byte) (v >>> 24);
            buf[at + 1] = (byte) (v >>> 16);
            buf[at + 2] = (byte) (v >>> 8);
            buf[at + 3] = (byte) v;
        }
        return this;
    }

    private void checkPatch(int at, int n) {
        if (at < 0 || at > buf.length - n) {
            throw new IndexOutOfBoundsException("patch at " + at);
        }
    }

    /** Truncates or keeps the content to {@code n} bytes. */
    public void truncate(int n) {
        if (n < 0 || n > pos) {
            throw new IllegalArgumentException("truncate to " + n);
        }
        pos = n;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** The internal array (valid up to {@link #position()}); shared, not copied. */
    public byte[] array() {
        return buf;
    }
}
