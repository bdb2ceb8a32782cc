package org.jwmi.auth.ntlm;

import java.util.EnumSet;
import java.util.Set;

/**
 * [MS-NLMP] 2.2.2.5 NEGOTIATE: the NegotiateFlags field as the raw 32-bit value, so bits this implementation does
 * not know survive decoding and re-encoding, plus a typed view.
 *
 * @param value the field as it appears on the wire (little-endian u32)
 */
public record NegotiateFlags(int value) {

    /** Flags with exactly the given bits set. */
    public static NegotiateFlags of(NegotiateFlag... flags) {
        int v = 0;
        for (NegotiateFlag f : flags) {
            v |= f.mask();
        }
        return new NegotiateFlags(v);
    }

    public boolean has(NegotiateFlag f) {
        return (value & f.mask()) != 0;
    }

    public NegotiateFlags with(NegotiateFlag... flags) {
        return new NegotiateFlags(value | of(flags).value);
    }

    public NegotiateFlags without(NegotiateFlag... flags) {
        return new NegotiateFlags(value & ~of(flags).value);
    }

    /** The bits set in both. */
    public NegotiateFlags and(NegotiateFlags other) {
        return new NegotiateFlags(value & other.value);
    }

    /** The known flags that are set. */
    public Set<NegotiateFlag> set() {
        EnumSet<NegotiateFlag> s = EnumSet.noneOf(NegotiateFlag.class);
        for (NegotiateFlag f : NegotiateFlag.values()) {
            if (has(f)) {
                s.add(f);
            }
        }
        return s;
    }

    /** The set bits that no {@link NegotiateFlag} names. */
    public int unknownBits() {
        int known = 0;
        for (NegotiateFlag f : NegotiateFlag.values()) {
            known |= f.mask();
        }
        return value & ~known;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("0x%08x", value)).append(' ').append(set());
        if (unknownBits() != 0) {
            sb.append(String.format(" +0x%08x", unknownBits()));
        }
        return sb.toString();
    }
}
