package org.jwmi.auth;

/**
 * One region of a PDU handed to a security context, in the order the bytes appear on the wire. A {@code seal}
 * buffer is encrypted in place (and signed); a sign-only buffer is only signed (with header signing, the RPC
 * header and sec_trailer). Corresponds to SECBUFFER_DATA and SECBUFFER_DATA|SECBUFFER_READONLY_WITH_CHECKSUM.
 *
 * @param data   the array holding the region; sealing rewrites it in place
 * @param offset start of the region in {@code data}
 * @param length length of the region
 * @param seal   whether the region is confidential (encrypted) rather than only signed
 */
public record SecBuffer(byte[] data, int offset, int length, boolean seal) {
    public SecBuffer {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("buffer region out of range");
        }
    }

    public static SecBuffer signOnly(byte[] data, int offset, int length) {
        return new SecBuffer(data, offset, length, false);
    }

    public static SecBuffer sealed(byte[] data, int offset, int length) {
        return new SecBuffer(data, offset, length, true);
    }
}
