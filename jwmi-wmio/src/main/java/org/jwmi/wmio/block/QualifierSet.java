package org.jwmi.wmio.block;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.59 QualifierSet: an EncodingLength (which counts itself) and the qualifiers that fill it exactly.
 *
 * <pre>
 * QualifierSet = EncodingLength *Qualifier
 * </pre>
 */
public record QualifierSet(List<Qualifier> qualifiers) {
    /** The set with no qualifiers (EncodingLength 4). */
    public static final QualifierSet EMPTY = new QualifierSet(List.of());

    public QualifierSet {
        qualifiers = List.copyOf(qualifiers);
    }

    /** EncodingLength: 4 plus the qualifiers. */
    public int encodedLength() {
        int n = 4;
        for (Qualifier q : qualifiers) {
            n += q.encodedLength();
        }
        return n;
    }

    public void encode(WireWriter w) {
        w.i32(encodedLength());
        for (Qualifier q : qualifiers) {
            q.encode(w);
        }
    }

    static QualifierSet decode(BlockDecoder d) {
        d.enter("QualifierSet");
        int start = d.position();
        long length = d.length("QualifierSet EncodingLength", 4, 4);
        int outer = d.limit(start + length);
        List<Qualifier> list = new ArrayList<>();
        while (d.room() > 0) {
            d.enter("Qualifier", list.size());
            list.add(Qualifier.decode(d));
            d.exit();
        }
        d.restore(outer);
        d.exit();
        return list.isEmpty() ? EMPTY : new QualifierSet(list);
    }
}
