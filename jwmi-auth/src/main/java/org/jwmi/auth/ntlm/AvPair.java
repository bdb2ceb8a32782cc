package org.jwmi.auth.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jwmi.wire.Hex;

/**
 * [MS-NLMP] 2.2.2.1 AV_PAIR: an attribute id and its value. Unknown ids are kept as they are.
 *
 * @param avId  AvId (see {@link AvId}; any 16-bit value)
 * @param value Value (AvLen bytes)
 */
public record AvPair(int avId, byte[] value) {

    public AvPair {
        if ((avId & ~0xffff) != 0 || value.length > 0xffff) {
            throw new IllegalArgumentException("AV_PAIR id or length out of range");
        }
        value = value.clone();
    }

    public static AvPair of(AvId id, byte[] value) {
        return new AvPair(id.value(), value);
    }

    /** A pair whose value is {@code text} in UTF-16LE, not terminated. */
    public static AvPair text(AvId id, String text) {
        return new AvPair(id.value(), text.getBytes(StandardCharsets.UTF_16LE));
    }

    /** A 32-bit little-endian value (MsvAvFlags). */
    public static AvPair u32(AvId id, int v) {
        return new AvPair(id.value(), new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    /** A 64-bit little-endian value (MsvAvTimestamp). */
    public static AvPair u64(AvId id, long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return new AvPair(id.value(), b);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public boolean is(AvId id) {
        return avId == id.value();
    }

    /** The value read as UTF-16LE. */
    public String text() {
        return new String(value, StandardCharsets.UTF_16LE);
    }

    /** The value read as a little-endian unsigned integer (up to 8 bytes). */
    public long number() {
        long v = 0;
        for (int i = Math.min(8, value.length) - 1; i >= 0; i--) {
            v = v << 8 | (value[i] & 0xff);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvPair p && p.avId == avId && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return avId * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String name = AvId.fromValue(avId).map(Enum::name).orElse(String.format("AvId 0x%04x", avId));
        boolean isText = AvId.fromValue(avId).map(AvId::isText).orElse(false);
        return name + "=" + (isText ? "'" + text() + "'" : Hex.encode(value));
    }
}
