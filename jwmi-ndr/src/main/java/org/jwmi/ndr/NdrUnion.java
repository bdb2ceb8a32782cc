package org.jwmi.ndr;

import java.util.Objects;

/**
 * The layout of a union: discriminant type and arm alignment, C706-digest 9.8. By default the selected arm is
 * aligned by its own rules ({@link #natural}); with {@code ms_union} ([MS-RPCE] 2.2.4.5, non-encapsulated unions
 * only) the arm starts at the largest alignment of all arms whichever arm is sent ({@link #msUnion}).
 *
 * @param switchType   the discriminant's type
 * @param armAlignment 0 for natural alignment, else the alignment (1, 2, 4 or 8) applied before any arm
 */
public record NdrUnion(SwitchType switchType, int armAlignment) {

    public NdrUnion {
        Objects.requireNonNull(switchType, "switchType");
        if (armAlignment != 0 && armAlignment != 1 && armAlignment != 2 && armAlignment != 4 && armAlignment != 8) {
            throw new IllegalArgumentException("arm alignment must be 0, 1, 2, 4 or 8: " + armAlignment);
        }
    }

    /** Arms aligned by their own rules (Samba pidl, Wine, and Windows' hand-marshalled VARIANT). */
    public static NdrUnion natural(SwitchType switchType) {
        return new NdrUnion(switchType, 0);
    }

    /** {@code [ms_union]}: every arm aligned to {@code largestArmAlignment}, the largest alignment of all arms. */
    public static NdrUnion msUnion(SwitchType switchType, int largestArmAlignment) {
        if (largestArmAlignment == 0) {
            throw new IllegalArgumentException("ms_union needs the largest arm alignment");
        }
        return new NdrUnion(switchType, largestArmAlignment);
    }
}
