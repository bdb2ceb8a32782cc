package org.jwmi.server.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * [MS-WMI] 5.2 namespace access rights (and the event rights of the same section). The names are those of the
 * Windows SDK ({@code wbemcli.h}, WMI SDK "Namespace Access Rights Constants"); MS-WMI 5.2 spells three of them
 * differently: WBEM_FULL_WRITE (0x4), WBEM_REMOTE_ENABLE (0x20), WBEM_RIGHTS_PUBLISH (0x80). Masks stay raw
 * {@code int}s everywhere; this enum names their bits.
 */
public enum WmiRight {
    /** Read (enable the account); "Enable Account". */
    WBEM_ENABLE(0x1),
    /** Execute methods. */
    WBEM_METHOD_EXECUTE(0x2),
    /** Write classes and instances, static and dynamic ("Full Write"; MS-WMI: WBEM_FULL_WRITE). */
    WBEM_FULL_WRITE_REP(0x4),
    /** Write static instances ("Partial Write"). */
    WBEM_PARTIAL_WRITE_REP(0x8),
    /** Write dynamic (provider) instances ("Provider Write"). */
    WBEM_WRITE_PROVIDER(0x10),
    /** Access from another computer ("Remote Enable"; MS-WMI: WBEM_REMOTE_ENABLE). */
    WBEM_REMOTE_ACCESS(0x20),
    /** Receive events. */
    WBEM_RIGHT_SUBSCRIBE(0x40),
    /** Publish events (MS-WMI: WBEM_RIGHTS_PUBLISH). */
    WBEM_RIGHT_PUBLISH(0x80),
    /** Read the namespace's security descriptor. */
    READ_CONTROL(0x20000),
    /** Change the namespace's DACL. */
    WRITE_DAC(0x40000);

    /**
     * Every right in the [MS-WMI] 5.2 namespace table (0x6003F), what note &lt;88&gt; says administrators have and
     * what Windows grants BUILTIN\Administrators on root ("CCDCLCSWRPWPRCWD").
     */
    public static final int ALL_NAMESPACE_RIGHTS = 0x3F | 0x20000 | 0x40000;
    /** Every bit this enum names. */
    public static final int ALL_KNOWN = ALL_NAMESPACE_RIGHTS | 0x40 | 0x80;

    private final int mask;

    WmiRight(int mask) {
        this.mask = mask;
    }

    public int mask() {
        return mask;
    }

    /** True if {@code rights} holds this right. */
    public boolean in(int rights) {
        return (rights & mask) == mask;
    }

    /** The named rights set in {@code mask} (unknown bits are dropped; keep the int to keep them). */
    public static Set<WmiRight> of(int mask) {
        EnumSet<WmiRight> s = EnumSet.noneOf(WmiRight.class);
        for (WmiRight r : values()) {
            if (r.in(mask)) {
                s.add(r);
            }
        }
        return s;
    }

    /** The OR of {@code rights}. */
    public static int mask(WmiRight... rights) {
        int m = 0;
        for (WmiRight r : rights) {
            m |= r.mask;
        }
        return m;
    }

    /** {@code WBEM_ENABLE|WBEM_METHOD_EXECUTE|0x100000} (names, then unknown bits in hex); {@code 0} for none. */
    public static String describe(int mask) {
        if (mask == 0) {
            return "0";
        }
        StringJoiner j = new StringJoiner("|");
        for (WmiRight r : of(mask)) {
            j.add(r.name());
        }
        int unknown = mask & ~ALL_KNOWN;
        if (unknown != 0) {
            j.add(String.format("0x%X", unknown));
        }
        return j.toString();
    }
}
