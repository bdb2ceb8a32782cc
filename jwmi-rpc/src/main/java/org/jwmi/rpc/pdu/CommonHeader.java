package org.jwmi.rpc.pdu;

import org.jwmi.ndr.DataRepresentation;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.3.1 common header of every connection-oriented PDU (16 octets).
 *
 * <pre>
 * u_int8  rpc_vers = 5;  u_int8 rpc_vers_minor;  u_int8 PTYPE;  u_int8 pfc_flags;
 * byte    packed_drep[4];
 * u_int16 frag_length;   u_int16 auth_length;    u_int32 call_id;
 * </pre>
 *
 * @param ptype the raw PTYPE octet (see {@link PType#of(int)}; unknown values are kept so errors can name them)
 */
public record CommonHeader(int rpcVers, int rpcVersMinor, int ptype, PfcFlags pfcFlags, PackedDrep drep,
                           int fragLength, int authLength, int callId) {

    /** Size of the common header. */
    public static final int LENGTH = 16;
    /** Bytes needed to learn frag_length (DCE RPC_C_CN_FRAGLEN_HEADER_BYTES). */
    public static final int FRAG_LENGTH_BYTES = 10;

    public PType type() {
        return PType.of(ptype);
    }

    public boolean littleEndian() {
        return drep.littleEndian();
    }

    /** Decodes the header at the start of {@code frag} without checking the version or the type. */
    public static CommonHeader decode(byte[] frag) {
        WireReader r = new WireReader(frag);
        r.enter("common_header");
        r.need(LENGTH);
        int vers = r.u8();
        int minor = r.u8();
        int ptype = r.u8();
        int flags = r.u8();
        PackedDrep drep = PackedDrep.fromBytes((byte) r.u8(), (byte) r.u8(), (byte) r.u8(), (byte) r.u8());
        r.littleEndian(drep.littleEndian());
        int fragLength = r.u16();
        int authLength = r.u16();
        int callId = r.i32();
        r.exit();
        return new CommonHeader(vers, minor, ptype, new PfcFlags(flags), drep, fragLength, authLength, callId);
    }

    /**
     * Checks what every decoder relies on: version 5.0, a connection-oriented PTYPE, a supported data
     * representation, frag_length equal to the bytes present, and room for the sec_trailer and token.
     */
    public void validate(int actualLength) {
        if (rpcVers != 5 || rpcVersMinor != 0) {
            throw new ProtocolException(ProtocolException.Kind.UNSUPPORTED, 0, "common_header.rpc_vers",
                    "protocol version " + rpcVers + "." + rpcVersMinor + " (only 5.0 is spoken)");
        }
        if (type() == null) {
            throw new ProtocolException(ProtocolException.Kind.BAD_SWITCH, 2, "common_header.PTYPE",
                    "PTYPE " + ptype + " is not a connection-oriented PDU type");
        }
        try {
            DataRepresentation.fromHeader(new byte[] {(byte) drep.octet(0), (byte) drep.octet(1), 0, 0}, 0);
        } catch (ProtocolException e) {
            throw new ProtocolException(e.kind(), 4 + e.offset(), "common_header.packed_drep",
                    "data representation " + drep + ": " + e.getMessage());
        }
        if (fragLength != actualLength) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 8, "common_header.frag_length",
                    "frag_length " + fragLength + " but " + actualLength + " bytes present");
        }
        if (fragLength < LENGTH) {
            throw new ProtocolException(ProtocolException.Kind.BUFSIZE, 8, "common_header.frag_length",
                    "frag_length " + fragLength + " is shorter than the header");
        }
        if (authLength != 0 && (long) authLength + SecTrailer.LENGTH > fragLength - LENGTH) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 10, "common_header.auth_length",
                    "auth_length " + authLength + " does not fit frag_length " + fragLength);
        }
    }

    /** Writes a header with frag_length and auth_length 0, to be patched by {@link #patchLengths}. */
    static WireWriter start(PType type, PfcFlags flags, PackedDrep drep, int callId, int capacity) {
        WireWriter w = new WireWriter(capacity);
        w.u8(5).u8(0).u8(type.value()).u8(flags.raw());
        w.u8(drep.octet(0)).u8(drep.octet(1)).u8(drep.octet(2)).u8(drep.octet(3));
        w.littleEndian(drep.littleEndian());
        w.u16(0).u16(0).i32(callId);
        return w;
    }

    static void patchLengths(WireWriter w, int authLength) {
        if (w.position() > 0xffff) {
            throw new IllegalArgumentException("PDU of " + w.position() + " bytes exceeds the 65535-byte fragment limit");
        }
        w.putU16(8, w.position());
        w.putU16(10, authLength);
    }
}
