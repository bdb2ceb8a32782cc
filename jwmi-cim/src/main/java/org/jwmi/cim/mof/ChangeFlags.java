package org.jwmi.cim.mof;

import java.util.EnumSet;
import java.util.Set;

/**
 * [MS-WMI] 2.2.5 WBEM_CHANGE_FLAG_TYPE: how a put creates or updates, as {@code #pragma classflags} and
 * {@code #pragma instanceflags} request it. Raw bits plus an {@link EnumSet} view.
 *
 * <pre>
 * WBEM_FLAG_CREATE_OR_UPDATE = 0x00, WBEM_FLAG_UPDATE_ONLY = 0x01, WBEM_FLAG_CREATE_ONLY = 0x02,
 * WBEM_FLAG_UPDATE_SAFE_MODE = 0x20, WBEM_FLAG_UPDATE_FORCE_MODE = 0x40
 * </pre>
 *
 * @param bits the flags
 */
public record ChangeFlags(int bits) {

    /** The flag bits and their MOF pragma words. */
    public enum Flag {
        /** WBEM_FLAG_UPDATE_ONLY, MOF {@code updateonly}. */
        UPDATE_ONLY(0x01, "updateonly"),
        /** WBEM_FLAG_CREATE_ONLY, MOF {@code createonly}. */
        CREATE_ONLY(0x02, "createonly"),
        /** WBEM_FLAG_UPDATE_SAFE_MODE, MOF {@code safeupdate} (classes only). */
        UPDATE_SAFE_MODE(0x20, "safeupdate"),
        /** WBEM_FLAG_UPDATE_FORCE_MODE, MOF {@code forceupdate} (classes only). */
        UPDATE_FORCE_MODE(0x40, "forceupdate");

        private final int bit;
        private final String mofWord;

        Flag(int bit, String mofWord) {
            this.bit = bit;
            this.mofWord = mofWord;
        }

        public int bit() {
            return bit;
        }

        /** The word {@code #pragma classflags} / {@code instanceflags} uses. */
        public String mofWord() {
            return mofWord;
        }

        /** The flag named {@code word} (case-insensitive), or null. */
        public static Flag ofMofWord(String word) {
            for (Flag f : values()) {
                if (f.mofWord.equalsIgnoreCase(word)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** WBEM_FLAG_CREATE_OR_UPDATE. */
    public static final ChangeFlags CREATE_OR_UPDATE = new ChangeFlags(0);

    public static ChangeFlags of(Set<Flag> flags) {
        int b = 0;
        for (Flag f : flags) {
            b |= f.bit;
        }
        return new ChangeFlags(b);
    }

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

    /** The pragma argument list, e.g. {@code "updateonly", "forceupdate"}; empty for CREATE_OR_UPDATE. */
    public String mofWords() {
        StringBuilder sb = new StringBuilder();
        for (Flag f : flags()) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(f.mofWord).append('"');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format("0x%02X%s", bits, flags());
    }
}
