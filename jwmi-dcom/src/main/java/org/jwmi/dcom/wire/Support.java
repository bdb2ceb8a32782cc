package org.jwmi.dcom.wire;

import java.util.List;
import java.util.UUID;
import org.jwmi.ndr.NdrDecoder;
import org.jwmi.ndr.NdrEncoder;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/** Shared helpers of the codecs in this package. */
final class Support {

    private Support() {
    }

    /** A conformant array ({@code [size_is(n)] T *p} referent) whose max_count must equal {@code expected}. */
    static <T> List<T> sizedArray(NdrReader r, long expected, String what, NdrDecoder<T> element) {
        int max = r.maxCount();
        if (max != expected) {
            throw r.fail(Kind.BAD_VALUE, what + " max_count " + max + " differs from its size_is value "
                    + expected);
        }
        return r.fixedArray(max, element);
    }

    /** The writer side of {@link #sizedArray}. */
    static <T> void sizedArray(NdrWriter w, List<T> values, NdrEncoder<T> element) {
        w.maxCount(values.size()).fixedArray(values.size(), values, element);
    }

    /** Fails with RANGE unless {@code lo <= v <= hi} (v unsigned). */
    static void range(NdrReader r, String what, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw r.fail(Kind.RANGE, what + " " + v + " is outside [" + lo + ", " + hi + "]");
        }
    }

    /** {@code n} UTF-16LE code units as they are (lone surrogates survive); {@code n} already bounds-checked. */
    static String utf16(WireReader r, int n) {
        r.need(2L * n);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) r.u16();
        }
        return new String(c);
    }

    /** The UTF-16 code units of {@code s}, little-endian, as they are. */
    static void utf16(WireWriter w, String s) {
        for (int i = 0; i < s.length(); i++) {
            w.u16(s.charAt(i));
        }
    }

    /** Writes the OBJREF header (signature, flags, iid), little-endian. */
    static void objRefHeader(WireWriter w, ObjRefFlag flag, UUID iid) {
        boolean le = w.isLittleEndian();
        w.littleEndian(true);
        w.i32(DcomConstants.OBJREF_SIGNATURE).i32(flag.value()).uuid(iid);
        w.littleEndian(le);
    }

    /** A failure that occurred in a sub-buffer, moved to the enclosing buffer's offsets and field path. */
    static ProtocolException rebase(ProtocolException e, long delta, String prefix) {
        String message = e.getMessage();
        int cut = message.indexOf(": ");
        String detail = cut < 0 ? message : message.substring(cut + 2);
        String path = e.path().isEmpty() ? prefix : prefix + "." + e.path();
        ProtocolException moved = new ProtocolException(e.kind(), delta + e.offset(), path, detail);
        moved.initCause(e);
        return moved;
    }
}
