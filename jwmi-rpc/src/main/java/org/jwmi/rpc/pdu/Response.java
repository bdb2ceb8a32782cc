package org.jwmi.rpc.pdu;

import java.util.Arrays;
import java.util.Optional;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.4.10 response (PTYPE 2): one fragment of a call's results.
 *
 * <pre>
 * common header (16)
 * u_int32        alloc_hint;
 * p_context_id_t p_cont_id;
 * u_int8         cancel_count;
 * u_int8         reserved;
 * byte           stub[];      starts at 24
 * [auth padding, sec_trailer, token]
 * </pre>
 */
public record Response(PfcFlags pfcFlags, PackedDrep drep, int callId, int allocHint, int pContId, int cancelCount,
                       int reserved, byte[] stub, Optional<AuthVerifier> auth) implements Pdu {

    public static final int HEADER_LENGTH = 24;

    public Response {
        stub = stub.clone();
        if (pContId < 0 || pContId > 0xffff || (cancelCount | reserved) >>> 8 != 0) {
            throw new IllegalArgumentException("response field out of range");
        }
    }

    @Override
    public byte[] stub() {
        return stub.clone();
    }

    public int stubLength() {
        return stub.length;
    }

    public long allocHintUnsigned() {
        return allocHint & 0xffffffffL;
    }

    @Override
    public PType type() {
        return PType.RESPONSE;
    }

    public static Response decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.RESPONSE, true);
        var r = o.reader();
        int hint = r.i32();
        int ctx = r.u16();
        int cancel = r.u8();
        int reserved = r.u8();
        if (o.auth().isPresent() && o.trailerOffset() < HEADER_LENGTH) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 10, "response.auth_length",
                    "sec_trailer overlaps the response header");
        }
        byte[] stub = Codec.rest(r);
        return new Response(o.header().pfcFlags(), o.header().drep(), o.header().callId(), hint, ctx, cancel, reserved,
                stub, o.auth());
    }

    @Override
    public byte[] encode() {
        WireWriter w = CommonHeader.start(PType.RESPONSE, pfcFlags, drep, callId, 64 + stub.length);
        w.i32(allocHint).u16(pContId).u8(cancelCount).u8(reserved);
        w.bytes(stub);
        return Codec.finish(w, auth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Response q && q.pfcFlags.equals(pfcFlags) && q.drep.equals(drep) && q.callId == callId
                && q.allocHint == allocHint && q.pContId == pContId && q.cancelCount == cancelCount
                && q.reserved == reserved && Arrays.equals(q.stub, stub) && q.auth.equals(auth);
    }

    @Override
    public int hashCode() {
        return callId * 31 + Arrays.hashCode(stub);
    }

    @Override
    public String toString() {
        return "Response[call_id=" + callId + ", flags=" + pfcFlags + ", ctx=" + pContId + ", stub=" + stub.length
                + " bytes, alloc_hint=" + allocHintUnsigned() + auth.map(a -> ", " + a).orElse("") + "]";
    }
}
