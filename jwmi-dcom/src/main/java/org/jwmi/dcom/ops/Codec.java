package org.jwmi.dcom.ops;

import java.util.List;
import org.jwmi.ndr.DataRepresentation;
import org.jwmi.ndr.NdrDecoder;
import org.jwmi.ndr.NdrEncoder;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException.Kind;

/** What the operation codecs share: readers and writers for whole stubs, sized arrays, counts. */
public final class Codec {

    private Codec() {
    }

    /** A reader over a whole stub in the given byte order. */
    public static NdrReader reader(byte[] stub, boolean littleEndian, Limits limits) {
        DataRepresentation drep = littleEndian ? DataRepresentation.LITTLE_ENDIAN : DataRepresentation.BIG_ENDIAN;
        return drep.reader(stub, 0, stub.length, limits);
    }

    /** A little-endian writer with the given limits. */
    public static NdrWriter writer(Limits limits) {
        return new NdrWriter(DataRepresentation.LITTLE_ENDIAN, limits);
    }

    /**
     * The max_count and elements of a conformant array whose size_is value was sent before it ({@code expected});
     * the two must agree.
     */
    static <T> List<T> sized(NdrReader r, long expected, String what, NdrDecoder<T> element) {
        int max = r.maxCount();
        if (max != expected) {
            throw r.fail(Kind.BAD_VALUE, what + " max_count " + max + " differs from its size_is value " + expected);
        }
        return r.fixedArray(max, element);
    }

    static <T> void sized(NdrWriter w, List<T> values, NdrEncoder<T> element) {
        w.maxCount(values.size()).fixedArray(values.size(), values, element);
    }

    /** An unsigned short count, 0..max. */
    static int u16Count(NdrReader r, String what, int max) {
        int c = r.u16();
        if (c > max) {
            throw r.fail(Kind.RANGE, what + " " + c + " exceeds " + max);
        }
        return c;
    }

    /** An unsigned long count in [lo, hi]. */
    static int u32Count(NdrReader r, String what, long lo, long hi) {
        long c = r.u32();
        if (c < lo || c > hi) {
            throw r.fail(Kind.RANGE, what + " " + c + " is outside [" + lo + ", " + hi + "]");
        }
        return (int) c;
    }

    static void checkU16(String what, int n) {
        if (n < 0 || n > 0xffff) {
            throw new IllegalArgumentException(what + " must fit an unsigned short: " + n);
        }
    }
}
