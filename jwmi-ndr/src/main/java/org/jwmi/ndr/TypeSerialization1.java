package org.jwmi.ndr;

import java.util.Objects;
import java.util.function.Consumer;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-RPCE] 2.2.6 Type Serialization Version 1: NDR "pickling" of top-level types into an application buffer, as
 * DCOM activation property blobs ([MS-DCOM] 2.2.22) and the PAC use it.
 *
 * <pre>
 * common header (8 bytes, 8-aligned, always little-endian):
 *   u8 Version = 1 | u8 Endianness (0x10 little, 0x00 big) | u16 CommonHeaderLength = 8 | u32 Filler = 0xCCCCCCCC
 * per top-level constructed type, 8-aligned:
 *   private header: u32 ObjectBufferLength (incl. padding, multiple of 8) | u32 Filler = 0
 *   the type in NDR, padded with zeros to a multiple of 8
 * per top-level primitive type: the value, 8-aligned, padded to a multiple of 8 (no private header)
 * </pre>
 *
 * The private header is written in the stream's byte order (it belongs to the serialized data; Samba does the
 * same); for the little-endian streams Windows produces both readings agree.
 */
public final class TypeSerialization1 {
    public static final int VERSION = 1;
    public static final int LITTLE_ENDIAN = 0x10;
    public static final int BIG_ENDIAN = 0x00;
    public static final int COMMON_HEADER_LENGTH = 8;
    public static final int COMMON_HEADER_FILLER = 0xCCCCCCCC;

    private TypeSerialization1() {
    }

    /**
     * [MS-RPCE] 2.2.6.1 Common Type Header for the Serialization Stream.
     *
     * @param version            1
     * @param endianness         0x10 little-endian, 0x00 big-endian
     * @param commonHeaderLength 8
     * @param filler             0xCCCCCCCC when sent, ignored on receipt
     */
    public record CommonHeader(int version, int endianness, int commonHeaderLength, int filler) {

        public static CommonHeader of(DataRepresentation drep) {
            return new CommonHeader(VERSION, drep.isLittleEndian() ? LITTLE_ENDIAN : BIG_ENDIAN,
                    COMMON_HEADER_LENGTH, COMMON_HEADER_FILLER);
        }

        /** Reads and validates the header (little-endian whatever the stream's byte order). */
        public static CommonHeader decode(WireReader r) {
            boolean le = r.isLittleEndian();
            r.littleEndian(true);
            try {
                r.need(8);
                int version = r.u8();
                int endianness = r.u8();
                int length = r.u16();
                int filler = r.i32();
                if (version != VERSION) {
                    throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, r.position() - 8, "CommonHeader",
                            "type serialization version " + version + " (only version 1 is supported)");
                }
                if (endianness != LITTLE_ENDIAN && endianness != BIG_ENDIAN) {
                    throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, r.position() - 7, "CommonHeader",
                            "endianness 0x" + Integer.toHexString(endianness) + " is neither 0x10 nor 0x00");
                }
                if (length != COMMON_HEADER_LENGTH) {
                    throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, r.position() - 6, "CommonHeader",
                            "CommonHeaderLength " + length + " must be 8");
                }
                return new CommonHeader(version, endianness, length, filler);
            } finally {
                r.littleEndian(le);
            }
        }

        public void encode(WireWriter w) {
            boolean le = w.isLittleEndian();
            w.littleEndian(true);
            w.u8(version).u8(endianness).u16(commonHeaderLength).i32(filler);
            w.littleEndian(le);
        }

        public DataRepresentation drep() {
            return endianness == LITTLE_ENDIAN ? DataRepresentation.LITTLE_ENDIAN : DataRepresentation.BIG_ENDIAN;
        }
    }

    /**
     * [MS-RPCE] 2.2.6.2 Private Header for Constructed Type.
     *
     * @param objectBufferLength length of the serialized type including its padding, excluding this header
     * @param filler             0 when sent, ignored on receipt
     */
    public record PrivateHeader(long objectBufferLength, int filler) {

        public static PrivateHeader decode(WireReader r) {
            r.need(8);
            long length = r.u32();
            int filler = r.i32();
            return new PrivateHeader(length, filler);
        }

        public void encode(WireWriter w) {
            w.i32((int) objectBufferLength).i32(filler);
        }
    }

    /** One little-endian stream holding one top-level constructed type. */
    public static <T> byte[] encode(T value, NdrEncoder<T> encoder) {
        return encode(DataRepresentation.LITTLE_ENDIAN, value, encoder);
    }

    /** One stream in {@code drep}'s byte order holding one top-level constructed type. */
    public static <T> byte[] encode(DataRepresentation drep, T value, NdrEncoder<T> encoder) {
        return new Writer(drep, Limits.DEFAULT).constructed(value, encoder).toByteArray();
    }

    /** Decodes a stream holding exactly one top-level constructed type (nothing may follow it). */
    public static <T> T decode(byte[] buf, Limits limits, NdrDecoder<T> decoder) {
        Reader r = new Reader(buf, 0, buf.length, limits);
        T v = r.constructed(decoder);
        r.expectEnd();
        return v;
    }

    /** Builds a serialization stream: the common header, then each top-level type. */
    public static final class Writer {
        private final DataRepresentation drep;
        private final Limits limits;
        private final WireWriter out;

        public Writer(DataRepresentation drep, Limits limits) {
            this.drep = Objects.requireNonNull(drep, "drep").requireSupported();
            this.limits = Objects.requireNonNull(limits, "limits");
            this.out = new WireWriter(64).littleEndian(drep.isLittleEndian());
            CommonHeader.of(drep).encode(out);
        }

        /** A top-level constructed type: private header, the NDR of {@code value}, zero padding to 8. */
        public <T> Writer constructed(T value, NdrEncoder<T> encoder) {
            NdrWriter w = new NdrWriter(drep, limits);
            encoder.encode(w, value);
            byte[] body = w.toByteArray();
            int padded = (body.length + 7) & ~7;
            out.align(8);
            new PrivateHeader(padded, 0).encode(out);
            out.bytes(body).zeros(padded - body.length);
            return this;
        }

        /** A top-level primitive type: no private header, 8-aligned and padded to 8. */
        public Writer primitive(Consumer<NdrWriter> encoder) {
            NdrWriter w = new NdrWriter(drep, limits);
            encoder.accept(w);
            byte[] body = w.toByteArray();
            out.align(8).bytes(body).align(8);
            return this;
        }

        public byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Reads a serialization stream: validates the common header, then yields top-level types in order. */
    public static final class Reader {
        private final WireReader in;
        private final CommonHeader header;
        private final Limits limits;

        public Reader(byte[] buf, int offset, int length, Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            this.in = new WireReader(buf, offset, length, limits.maxNesting());
            this.header = CommonHeader.decode(in);
            in.littleEndian(header.endianness() == LITTLE_ENDIAN);
        }

        public CommonHeader header() {
            return header;
        }

        public DataRepresentation drep() {
            return header.drep();
        }

        /**
         * A top-level constructed type: the private header, then the type decoded within ObjectBufferLength
         * bytes; only padding (fewer than 8 bytes) may be left over.
         */
        public <T> T constructed(NdrDecoder<T> decoder) {
            in.align(8);
            PrivateHeader ph = PrivateHeader.decode(in);
            if (ph.objectBufferLength() > in.remaining()) {
                throw in.fail(ProtocolException.Kind.BUFSIZE, "ObjectBufferLength " + ph.objectBufferLength()
                        + " exceeds the " + in.remaining() + " bytes that remain");
            }
            int length = (int) ph.objectBufferLength();
            int start = in.arrayOffset();
            NdrReader r = new NdrReader(in.array(), start, length, header.drep(), limits);
            T v = decoder.decode(r);
            if (r.remaining() >= 8) {
                throw new ProtocolException(ProtocolException.Kind.UNREAD_BYTES, in.position() + r.position(),
                        "", r.remaining() + " bytes left over in a serialized type of " + length + " bytes");
            }
            in.skip(length);
            return v;
        }

        /** A top-level primitive type (8-aligned, padded to 8, no private header). */
        public <T> T primitive(NdrDecoder<T> decoder) {
            in.align(8);
            NdrReader r = new NdrReader(in.array(), in.arrayOffset(), in.remaining(), header.drep(), limits);
            T v = decoder.decode(r);
            in.skip(r.position());
            if (in.hasRemaining()) {
                in.align(8);
            }
            return v;
        }

        public boolean hasRemaining() {
            return in.hasRemaining();
        }

        public int remaining() {
            return in.remaining();
        }

        /** Fails with {@code UNREAD_BYTES} if anything is left. */
        public void expectEnd() {
            in.expectEnd();
        }
    }
}
