package org.jwmi.wmio.block;

import org.jwmi.wire.WireWriter;

/** Raw little-endian value helpers for ValueTables, qualifier values and Encoded-Arrays. */
final class Values {
    private Values() {
    }

    static void writeRaw(WireWriter w, long bits, int size) {
        switch (size) {
            case 1 -> w.u8((int) bits);
            case 2 -> w.u16((int) bits);
            case 4 -> w.i32((int) bits);
            case 8 -> w.i64(bits);
            default -> throw new IllegalArgumentException("value size " + size);
        }
    }

    /** Reads {@code size} octets at {@code offset} of {@code table} as raw bits; the caller checked the bounds. */
    static long readRaw(Octets table, int offset, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | table.get(offset + i);
        }
        return v;
    }

    /** {@code bits} as {@code size} little-endian octets. */
    static void putRaw(byte[] dst, int offset, long bits, int size) {
        for (int i = 0; i < size; i++) {
            dst[offset + i] = (byte) (bits >>> (8 * i));
        }
    }
}
