package org.jwmi.wmio.block;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.17 DerivationList: the superclass names, immediate superclass first, root last; EncodingLength
 * counts itself, so an empty list is the single value 4.
 *
 * <pre>
 * DerivationList = EncodingLength *ClassNameEncoding
 * </pre>
 */
public record DerivationList(List<ClassNameEncoding> classNameEncodings) {
    public static final DerivationList EMPTY = new DerivationList(List.of());

    public DerivationList {
        classNameEncodings = List.copyOf(classNameEncodings);
    }

    /** The canonical list for {@code names} (immediate superclass first). */
    public static DerivationList of(List<String> names) {
        List<ClassNameEncoding> list = new ArrayList<>(names.size());
        for (String n : names) {
            list.add(ClassNameEncoding.of(n));
        }
        return new DerivationList(list);
    }

    /** The superclass names, immediate superclass first. */
    public List<String> names() {
        List<String> out = new ArrayList<>(classNameEncodings.size());
        for (ClassNameEncoding c : classNameEncodings) {
            out.add(c.className().value());
        }
        return out;
    }

    public int encodedLength() {
        int n = 4;
        for (ClassNameEncoding c : classNameEncodings) {
            n += c.encodedLength();
        }
        return n;
    }

    public void encode(WireWriter w) {
        w.i32(encodedLength());
        for (ClassNameEncoding c : classNameEncodings) {
            c.encode(w);
        }
    }

    static DerivationList decode(BlockDecoder d) {
        d.enter("DerivationList");
        int start = d.position();
        long length = d.length("DerivationList EncodingLength", 4, 4);
        int outer = d.limit(start + length);
        List<ClassNameEncoding> list = new ArrayList<>();
        while (d.room() > 0) {
            d.enter("ClassNameEncoding", list.size());
            EncodedString name = EncodedString.decode(d);
            int len = d.u32();
            list.add(new ClassNameEncoding(name, len));
            d.exit();
        }
        d.restore(outer);
        d.exit();
        return list.isEmpty() ? EMPTY : new DerivationList(list);
    }
}
