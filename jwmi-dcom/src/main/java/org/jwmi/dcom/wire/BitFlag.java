package org.jwmi.dcom.wire;

import java.util.Collection;
import java.util.EnumSet;

/**
 * One named bit of a 32-bit flags field. Wire records keep the raw {@code int} (so unknown bits survive a round
 * trip) and offer an {@link EnumSet} view built with {@link #toSet(Class, int)}.
 */
public interface BitFlag {

    /** The bit (or bits) this flag stands for. */
    int value();

    /** The known flags whose bits are all set in {@code raw}; unknown bits are ignored. */
    static <E extends Enum<E> & BitFlag> EnumSet<E> toSet(Class<E> type, int raw) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if ((raw & e.value()) == e.value()) {
                set.add(e);
            }
        }
        return set;
    }

    /** The bitwise OR of {@code flags}. */
    static int toInt(Collection<? extends BitFlag> flags) {
        int v = 0;
        for (BitFlag f : flags) {
            v |= f.value();
        }
        return v;
    }
}
