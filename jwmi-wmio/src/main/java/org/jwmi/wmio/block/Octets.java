package org.jwmi.wmio.block;

import java.util.Arrays;
import org.jwmi.wire.Hex;
import org.jwmi.wire.WireWriter;

/**
 * An immutable run of octets with value semantics, used for the parts of an encoding that are kept verbatim so
 * that decoding then encoding gives back the same bytes: heaps, NdTables, value tables and unused octets.
 */
public final class Octets {
    /** No octets. */
    public static final Octets EMPTY = new Octets(new byte[0]);

    private final byte[] bytes;
    /** {@link Arrays#hashCode(byte[])} of the octets once computed, 0 before (as String caches its hash). */
    private int hash;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Octets of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
    }

    /** A copy of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static Octets of(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new Octets(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** {@code length} octets all set to {@code value}. */
    public static Octets filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return length == 0 ? EMPTY : new Octets(b);
    }

    /** Takes ownership of {@code bytes}; the caller must not modify the array afterwards. */
    static Octets wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes);
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The octet at {@code index} as an unsigned value. */
    public int get(int index) {
        return bytes[index] & 0xff;
    }

    /** A copy of the octets. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The backing array, shared: callers in this package only read it. */
    byte[] array() {
        return bytes;
    }

    public void writeTo(WireWriter w) {
        w.bytes(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return bytes.length <= 64 ? Hex.encode(bytes) : Hex.encode(bytes, 0, 64) + "...(" + bytes.length + " octets)";
    }
}
