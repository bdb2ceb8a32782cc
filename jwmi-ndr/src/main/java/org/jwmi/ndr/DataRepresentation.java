package org.jwmi.ndr;

import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 14.1 data representation format label ({@code packed_drep}), C706-digest section 2: four bytes saying
 * how the sender encoded integers, characters and floating-point numbers. DCE/RPC is receiver-makes-it-right, so
 * a receiver decodes in whatever integer byte order the sender declared.
 *
 * <pre>
 * byte 0 high nibble: integer and float byte order  0 = big-endian, 1 = little-endian
 * byte 0 low nibble:  character set                 0 = ASCII,      1 = EBCDIC
 * byte 1:             floating-point format         0 = IEEE, 1 = VAX, 2 = Cray, 3 = IBM
 * bytes 2, 3:         reserved
 * </pre>
 *
 * This runtime supports both byte orders with ASCII characters and IEEE floats; {@link #requireSupported()}
 * rejects the rest with {@code UNSUPPORTED} rather than decoding them wrongly.
 *
 * @param integerFormat       0 = big-endian, 1 = little-endian
 * @param characterFormat     0 = ASCII, 1 = EBCDIC
 * @param floatingPointFormat 0 = IEEE, 1 = VAX, 2 = Cray, 3 = IBM
 */
public record DataRepresentation(int integerFormat, int characterFormat, int floatingPointFormat) {

    public static final int BIG_ENDIAN_FORMAT = 0;
    public static final int LITTLE_ENDIAN_FORMAT = 1;
    public static final int ASCII = 0;
    public static final int EBCDIC = 1;
    public static final int IEEE = 0;
    public static final int VAX = 1;
    public static final int CRAY = 2;
    public static final int IBM = 3;

    /** {@code 10 00 00 00}: little-endian, ASCII, IEEE - what Windows always sends. */
    public static final DataRepresentation LITTLE_ENDIAN = new DataRepresentation(LITTLE_ENDIAN_FORMAT, ASCII, IEEE);
    /** {@code 00 00 00 00}: big-endian, ASCII, IEEE (Samba can be built to send it). */
    public static final DataRepresentation BIG_ENDIAN = new DataRepresentation(BIG_ENDIAN_FORMAT, ASCII, IEEE);

    public DataRepresentation {
        if (integerFormat < 0 || integerFormat > 15 || characterFormat < 0 || characterFormat > 15
                || floatingPointFormat < 0 || floatingPointFormat > 255) {
            throw new IllegalArgumentException("drep field out of range");
        }
    }

    /**
     * Reads the 4-byte label at {@code offset} without judging it (defined but unsupported formats are returned).
     * Undefined codes fail with {@code BAD_VALUE}; the reserved bytes are ignored.
     */
    public static DataRepresentation parse(byte[] buf, int offset) {
        if (offset < 0 || offset > buf.length - 4) {
            throw new ProtocolException(ProtocolException.Kind.BUFSIZE, Math.max(offset, 0), "packed_drep",
                    "need 4 bytes for the data representation label");
        }
        int b0 = buf[offset] & 0xff;
        int b1 = buf[offset + 1] & 0xff;
        int integer = b0 >>> 4;
        int character = b0 & 0x0f;
        if (integer > LITTLE_ENDIAN_FORMAT) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, offset, "packed_drep",
                    "undefined integer representation " + integer + " (0 = big-endian, 1 = little-endian)");
        }
        if (character > EBCDIC) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, offset, "packed_drep",
                    "undefined character representation " + character + " (0 = ASCII, 1 = EBCDIC)");
        }
        if (b1 > IBM) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, offset + 1, "packed_drep",
                    "undefined floating-point representation " + b1 + " (0 = IEEE .. 3 = IBM)");
        }
        return new DataRepresentation(integer, character, b1);
    }

    /**
     * What the RPC layer calls on the {@code packed_drep} of a PDU header (at {@code offset}, normally 4): parses
     * the label and fails with {@code UNSUPPORTED} (or {@code BAD_VALUE} for undefined codes) unless this runtime
     * can decode data so represented.
     */
    public static DataRepresentation fromHeader(byte[] pdu, int offset) {
        return parse(pdu, offset).requireSupported(offset);
    }

    /** This label, or {@code UNSUPPORTED} unless it is ASCII with IEEE floats (either byte order). */
    public DataRepresentation requireSupported() {
        return requireSupported(0);
    }

    private DataRepresentation requireSupported(long offset) {
        if (characterFormat != ASCII) {
            throw new ProtocolException(ProtocolException.Kind.UNSUPPORTED, offset, "packed_drep",
                    "EBCDIC character representation is not supported; the peer must send ASCII (drep 10 00 00 00)");
        }
        if (floatingPointFormat != IEEE) {
            throw new ProtocolException(ProtocolException.Kind.UNSUPPORTED, offset + 1, "packed_drep",
                    floatName() + " floating-point representation is not supported; the peer must send IEEE"
                            + " (drep 10 00 00 00)");
        }
        return this;
    }

    private String floatName() {
        switch (floatingPointFormat) {
            case VAX:
                return "VAX";
            case CRAY:
                return "Cray";
            case IBM:
                return "IBM";
            default:
                return "format " + floatingPointFormat;
        }
    }

    public boolean isSupported() {
        return characterFormat == ASCII && floatingPointFormat == IEEE;
    }

    public boolean isLittleEndian() {
        return integerFormat == LITTLE_ENDIAN_FORMAT;
    }

    /** The 4 label bytes (reserved bytes zero). */
    public byte[] toBytes() {
        return new byte[] {(byte) (integerFormat << 4 | characterFormat), (byte) floatingPointFormat, 0, 0};
    }

    /** Writes the 4 label bytes. */
    public void write(WireWriter w) {
        w.bytes(toBytes());
    }

    /** An {@link NdrReader} over a stub encoded with this label; the stream (alignment origin) starts at offset. */
    public NdrReader reader(byte[] stub, int offset, int length, Limits limits) {
        return new NdrReader(stub, offset, length, requireSupported(), limits);
    }

    /** An {@link NdrWriter} that encodes with this label's byte order. */
    public NdrWriter writer(Limits limits) {
        return new NdrWriter(requireSupported(), limits);
    }

    @Override
    public String toString() {
        return String.format("drep %02x %02x 00 00 (%s, %s, %s)", integerFormat << 4 | characterFormat,
                floatingPointFormat, isLittleEndian() ? "little-endian" : "big-endian",
                characterFormat == ASCII ? "ASCII" : "EBCDIC", floatingPointFormat == IEEE ? "IEEE" : floatName());
    }
}
