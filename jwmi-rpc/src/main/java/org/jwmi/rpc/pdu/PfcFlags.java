package org.jwmi.rpc.pdu;

import java.util.EnumSet;
import java.util.Set;

/** [C706] 12.6.3.1 pfc_flags: the raw octet (unknown bits survive a round trip) with an {@link EnumSet} view. */
public record PfcFlags(int raw) {

    /** PFC_FIRST_FRAG | PFC_LAST_FRAG: an unfragmented PDU. */
    public static final PfcFlags FIRST_LAST = of(PfcFlag.FIRST_FRAG, PfcFlag.LAST_FRAG);

    public PfcFlags {
        if (raw < 0 || raw > 0xff) {
            throw new IllegalArgumentException("pfc_flags is one octet");
        }
    }

    public static PfcFlags of(PfcFlag... flags) {
        int v = 0;
        for (PfcFlag f : flags) {
            v |= f.bit();
        }
        return new PfcFlags(v);
    }

    public boolean has(PfcFlag f) {
        return (raw & f.bit()) != 0;
    }

    public PfcFlags with(PfcFlag f) {
        return new PfcFlags(raw | f.bit());
    }

    public PfcFlags without(PfcFlag f) {
        return new PfcFlags(raw & ~f.bit());
    }

    public Set<PfcFlag> set() {
        EnumSet<PfcFlag> s = EnumSet.noneOf(PfcFlag.class);
        for (PfcFlag f : PfcFlag.values()) {
            if (has(f)) {
                s.add(f);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format("0x%02x%s", raw, set());
    }
}
