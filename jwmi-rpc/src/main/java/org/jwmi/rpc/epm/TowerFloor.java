package org.jwmi.rpc.epm;

import java.util.Arrays;
import java.util.HexFormat;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [C706] Appendix L, one tower floor: a left-hand side (protocol identifier, then protocol-specific data) and a
 * right-hand side (related or address data), each preceded by its byte count as a little-endian u16.
 * <pre>
 *   | LHS byte count | protocol identifier data | RHS byte count | related or address data |
 * </pre>
 *
 * @param lhs the left-hand side; its first byte is the protocol identifier ([C706] Appendix I)
 * @param rhs the right-hand side
 */
public record TowerFloor(byte[] lhs, byte[] rhs) {

    public TowerFloor {
        if (lhs.length < 1 || lhs.length > 0xffff || rhs.length > 0xffff) {
            throw new IllegalArgumentException("floor sides must hold 1..65535 and 0..65535 bytes");
        }
        lhs = lhs.clone();
        rhs = rhs.clone();
    }

    /** A floor whose left-hand side is only a protocol identifier. */
    public static TowerFloor of(int protocolId, byte[] rhs) {
        return new TowerFloor(new byte[] {(byte) protocolId}, rhs);
    }

    /** The protocol identifier: the first byte of the left-hand side. */
    public int protocolId() {
        return lhs[0] & 0xff;
    }

    @Override
    public byte[] lhs() {
        return lhs.clone();
    }

    @Override
    public byte[] rhs() {
        return rhs.clone();
    }

    int encodedLength() {
        return 4 + lhs.length + rhs.length;
    }

    void encode(WireWriter w) {
        w.u16(lhs.length).bytes(lhs).u16(rhs.length).bytes(rhs);
    }

    static TowerFloor decode(WireReader r) {
        int lhsCount = r.u16();
        if (lhsCount == 0) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "floor without a protocol identifier");
        }
        byte[] lhs = r.bytes(lhsCount);
        int rhsCount = r.u16();
        byte[] rhs = r.bytes(rhsCount);
        return new TowerFloor(lhs, rhs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TowerFloor f && Arrays.equals(lhs, f.lhs) && Arrays.equals(rhs, f.rhs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lhs) + Arrays.hashCode(rhs);
    }

    @Override
    public String toString() {
        HexFormat h = HexFormat.of();
        return "TowerFloor[" + h.formatHex(lhs) + " / " + h.formatHex(rhs) + "]";
    }
}
