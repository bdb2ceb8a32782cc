package org.jwmi.rpc.epm;

import java.util.Arrays;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;

/**
 * [MS-RPCE] 2.2.1.2.2 twr_t: a protocol tower as NDR sees it, an opaque conformant byte array whose contents are
 * the [C706] Appendix L encoding ({@link ProtocolTower}). A conformant structure, so its max_count travels in front
 * of it.
 * <pre>
 * typedef struct {
 *     [range(0,2000)] unsigned long tower_length;
 *     [size_is(tower_length)] BYTE tower_octet_string[];
 * } twr_t, *twr_p_t;
 * </pre>
 *
 * @param towerOctetString the tower octets (at most {@link Epm#MAX_TOWER_LENGTH})
 */
public record Twr(byte[] towerOctetString) {

    public Twr {
        if (towerOctetString.length > Epm.MAX_TOWER_LENGTH) {
            throw new IllegalArgumentException("tower of " + towerOctetString.length + " bytes exceeds "
                    + Epm.MAX_TOWER_LENGTH);
        }
        towerOctetString = towerOctetString.clone();
    }

    public static Twr of(ProtocolTower tower) {
        return new Twr(tower.encode());
    }

    @Override
    public byte[] towerOctetString() {
        return towerOctetString.clone();
    }

    /** The octets decoded as a tower. @throws ProtocolException if they are not a well-formed tower */
    public ProtocolTower tower() {
        return ProtocolTower.decode(towerOctetString);
    }

    public static Twr decode(NdrReader r) {
        int maxCount = r.maxCount();
        return r.struct("twr_t", 4, s -> {
            long towerLength = s.u32();
            if (towerLength > Epm.MAX_TOWER_LENGTH) {
                throw s.fail(ProtocolException.Kind.RANGE, "tower_length " + towerLength + " exceeds "
                        + Epm.MAX_TOWER_LENGTH);
            }
            if (towerLength != maxCount) {
                throw s.fail(ProtocolException.Kind.BAD_VALUE, "tower_length " + towerLength
                        + " differs from max_count " + maxCount);
            }
            return new Twr(s.byteElements(maxCount));
        });
    }

    public static void encode(NdrWriter w, Twr t) {
        w.maxCount(t.towerOctetString.length)
                .struct(4, s -> s.u32(t.towerOctetString.length).byteElements(t.towerOctetString));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Twr t && Arrays.equals(towerOctetString, t.towerOctetString);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(towerOctetString);
    }

    @Override
    public String toString() {
        return "Twr[" + Hex.encode(towerOctetString) + "]";
    }
}
