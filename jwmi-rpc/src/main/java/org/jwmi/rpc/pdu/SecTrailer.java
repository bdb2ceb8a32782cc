package org.jwmi.rpc.pdu;

import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-RPCE] 2.2.2.11 sec_trailer (C706 auth_verifier_co_t without the credentials), 8 octets starting at
 * {@code frag_length - auth_length - 8}. auth_context_id follows the header's byte order.
 *
 * <pre>
 * u_int8 auth_type; u_int8 auth_level; u_int8 auth_pad_length; u_int8 auth_reserved; u_int32 auth_context_id;
 * </pre>
 */
public record SecTrailer(int authType, int authLevel, int authPadLength, int authReserved, int authContextId) {

    public static final int LENGTH = 8;

    public SecTrailer {
        if ((authType | authLevel | authPadLength | authReserved) >>> 8 != 0) {
            throw new IllegalArgumentException("sec_trailer octet out of range");
        }
    }

    public static SecTrailer of(int authType, int authLevel, int authPadLength, int authContextId) {
        return new SecTrailer(authType, authLevel, authPadLength, 0, authContextId);
    }

    public static SecTrailer decode(WireReader r) {
        r.enter("sec_trailer");
        int type = r.u8();
        int level = r.u8();
        int pad = r.u8();
        int reserved = r.u8();
        int ctx = r.i32();
        r.exit();
        return new SecTrailer(type, level, pad, reserved, ctx);
    }

    public void encode(WireWriter w) {
        w.u8(authType).u8(authLevel).u8(authPadLength).u8(authReserved).i32(authContextId);
    }

    public SecTrailer withPad(int pad) {
        return new SecTrailer(authType, authLevel, pad, authReserved, authContextId);
    }
}
