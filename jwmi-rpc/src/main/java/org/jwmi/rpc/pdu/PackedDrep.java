package org.jwmi.rpc.pdu;

import org.jwmi.ndr.DataRepresentation;

/**
 * [C706] 14.1 / 12.6.3.1 packed_drep: the sender's data representation format label, kept as the four raw octets
 * (octet 0 in the most significant byte). Octet 0: integer representation in the high nibble (0 big-endian,
 * 1 little-endian), character set in the low nibble (0 ASCII, 1 EBCDIC); octet 1: floating point (0 IEEE, 1 VAX,
 * 2 Cray, 3 IBM); octets 2-3 reserved. The header's label decides the byte order of the header fields and the stub.
 */
public record PackedDrep(int raw) {

    /** {@code 10 00 00 00}: little-endian, ASCII, IEEE; what Windows sends. */
    public static final PackedDrep LITTLE_ENDIAN = new PackedDrep(0x10000000);
    /** {@code 00 00 00 00}: big-endian, ASCII, IEEE. */
    public static final PackedDrep BIG_ENDIAN = new PackedDrep(0);

    public static PackedDrep of(boolean littleEndian) {
        return littleEndian ? LITTLE_ENDIAN : BIG_ENDIAN;
    }

    public static PackedDrep fromBytes(byte b0, byte b1, byte b2, byte b3) {
        return new PackedDrep((b0 & 0xff) << 24 | (b1 & 0xff) << 16 | (b2 & 0xff) << 8 | (b3 & 0xff));
    }

    public int octet(int i) {
        return raw >>> (24 - 8 * i) & 0xff;
    }

    public int integerRepresentation() {
        return octet(0) >>> 4;
    }

    public int characterRepresentation() {
        return octet(0) & 0x0f;
    }

    public int floatingPointRepresentation() {
        return octet(1);
    }

    /** Little-endian unless the integer nibble says 0 (big-endian). Meaningless when {@link #problem()} is set. */
    public boolean littleEndian() {
        return integerRepresentation() != 0;
    }

    /**
     * The label as the NDR runtime's {@link DataRepresentation}, failing with a {@code ProtocolException}
     * (UNSUPPORTED for EBCDIC or non-IEEE floats, BAD_VALUE for undefined codes) unless stubs so represented can be
     * decoded.
     */
    public DataRepresentation requireSupported() {
        return DataRepresentation.fromHeader(new byte[] {(byte) octet(0), (byte) octet(1), (byte) octet(2),
                (byte) octet(3)}, 0);
    }

    @Override
    public String toString() {
        return String.format("%02x %02x %02x %02x", octet(0), octet(1), octet(2), octet(3));
    }
}
