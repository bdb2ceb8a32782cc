package org.jwmi.cim;

import java.util.EnumSet;
import java.util.Set;

/**
 * [MS-WMIO] 2.2.62 QualifierFlavor: how a qualifier propagates and where it came from, kept as the raw octet so
 * that bits this library does not know survive a round trip.
 *
 * <p>MOF flavors map as: {@code ToInstance} = {@link Flag#PROPAGATE_TO_INSTANCE}, {@code ToSubClass} =
 * {@link Flag#PROPAGATE_TO_DERIVED_CLASS}, {@code DisableOverride} = {@link Flag#NOT_OVERRIDABLE}
 * ({@code EnableOverride} clears it), {@code Amended} = {@link Flag#AMENDED}, {@code Restricted} = neither
 * propagation bit. The origin bits ({@link Flag#ORIGIN_PROPAGATED}, {@link Flag#ORIGIN_SYSTEM}) are set by the
 * model when a qualifier is propagated, never written in MOF.
 *
 * @param bits the flavor octet (0..255)
 */
public record QualifierFlavor(int bits) {

    /** The flavor bits of MS-WMIO 2.2.62. */
    public enum Flag {
        /** WBEM_FLAVOR_FLAG_PROPAGATE_TO_INSTANCE 0x01 (MOF ToInstance). */
        PROPAGATE_TO_INSTANCE(0x01),
        /** WBEM_FLAVOR_FLAG_PROPAGATE_TO_DERIVED_CLASS 0x02 (MOF ToSubClass). */
        PROPAGATE_TO_DERIVED_CLASS(0x02),
        /** WBEM_FLAVOR_NOT_OVERRIDABLE 0x10 (MOF DisableOverride). */
        NOT_OVERRIDABLE(0x10),
        /** WBEM_FLAVOR_ORIGIN_PROPAGATED 0x20: inherited from the class (or parent class), not set here. */
        ORIGIN_PROPAGATED(0x20),
        /** WBEM_FLAVOR_ORIGIN_SYSTEM 0x40. */
        ORIGIN_SYSTEM(0x40),
        /** WBEM_FLAVOR_AMENDED 0x80 (MOF Amended): localized. */
        AMENDED(0x80);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        public int bit() {
            return bit;
        }
    }

    /** Where a qualifier (or method) comes from. */
    public enum Origin {
        LOCAL, PROPAGATED, SYSTEM
    }

    public static final int PROPAGATE_TO_INSTANCE = 0x01;
    public static final int PROPAGATE_TO_DERIVED_CLASS = 0x02;
    public static final int NOT_OVERRIDABLE = 0x10;
    public static final int ORIGIN_PROPAGATED = 0x20;
    public static final int ORIGIN_SYSTEM = 0x40;
    public static final int AMENDED = 0x80;
    private static final int ORIGIN_MASK = ORIGIN_PROPAGATED | ORIGIN_SYSTEM;

    /** Flavor 0: local, restricted (no propagation), overridable — what WMI stores for a plain MOF qualifier. */
    public static final QualifierFlavor DEFAULT = new QualifierFlavor(0);
    /** ToInstance ToSubClass, the flavor WMI gives the CIMTYPE qualifier of a property. */
    public static final QualifierFlavor TO_INSTANCE_AND_SUBCLASS =
            new QualifierFlavor(PROPAGATE_TO_INSTANCE | PROPAGATE_TO_DERIVED_CLASS);

    public QualifierFlavor {
        if (bits < 0 || bits > 0xFF) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_FLAVOR, "flavor is one octet: " + bits);
        }
    }

    public static QualifierFlavor of(int bits) {
        return new QualifierFlavor(bits);
    }

    public static QualifierFlavor of(Flag... flags) {
        int b = 0;
        for (Flag f : flags) {
            b |= f.bit;
        }
        return new QualifierFlavor(b);
    }

    /** The known bits that are set. */
    public Set<Flag> flags() {
        EnumSet<Flag> s = EnumSet.noneOf(Flag.class);
        for (Flag f : Flag.values()) {
            if ((bits & f.bit) != 0) {
                s.add(f);
            }
        }
        return s;
    }

    public boolean has(Flag f) {
        return (bits & f.bit) != 0;
    }

    public QualifierFlavor with(Flag f) {
        return new QualifierFlavor(bits | f.bit);
    }

    public QualifierFlavor without(Flag f) {
        return new QualifierFlavor(bits & ~f.bit);
    }

    public boolean toInstance() {
        return (bits & PROPAGATE_TO_INSTANCE) != 0;
    }

    public boolean toSubclass() {
        return (bits & PROPAGATE_TO_DERIVED_CLASS) != 0;
    }

    /** False if the flavor has DisableOverride. */
    public boolean overridable() {
        return (bits & NOT_OVERRIDABLE) == 0;
    }

    public boolean amended() {
        return (bits & AMENDED) != 0;
    }

    public Origin origin() {
        if ((bits & ORIGIN_SYSTEM) != 0) {
            return Origin.SYSTEM;
        }
        return (bits & ORIGIN_PROPAGATED) != 0 ? Origin.PROPAGATED : Origin.LOCAL;
    }

    /** This flavor with its origin bits replaced. */
    public QualifierFlavor withOrigin(Origin origin) {
        int b = bits & ~ORIGIN_MASK;
        if (origin == Origin.PROPAGATED) {
            b |= ORIGIN_PROPAGATED;
        } else if (origin == Origin.SYSTEM) {
            b |= ORIGIN_SYSTEM;
        }
        return new QualifierFlavor(b);
    }

    /** MOF flavor list, e.g. {@code ToInstance ToSubClass DisableOverride}; origin bits are not shown. */
    public String mofFlavors() {
        StringBuilder sb = new StringBuilder();
        if (toSubclass()) {
            sb.append("ToSubClass ");
        }
        if (toInstance()) {
            sb.append("ToInstance ");
        }
        if (!toSubclass() && !toInstance()) {
            sb.append("Restricted ");
        }
        if (!overridable()) {
            sb.append("DisableOverride ");
        }
        if (amended()) {
            sb.append("Amended ");
        }
        return sb.toString().trim();
    }

    @Override
    public String toString() {
        return String.format("0x%02X%s", bits, flags());
    }
}
