package org.jwmi.rpc.pdu;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.4.9 request (PTYPE 0): one fragment of a call.
 *
 * <pre>
 * common header (16)
 * u_int32        alloc_hint;   stub bytes remaining from this fragment on ([MS-RPCE] 2.2.2.6), or 0
 * p_context_id_t p_cont_id;    (u_int16)
 * u_int16        opnum;
 * uuid_t         object;       only with PFC_OBJECT_UUID (DCOM: the IPID)
 * byte           stub[];       starts at 24 (40 with object)
 * [auth padding, sec_trailer, token]
 * </pre>
 *
 * @param allocHint the raw u32 (see {@link #allocHintUnsigned()})
 * @param stub      the stub part of this fragment, without auth padding (ciphertext when sealed and not yet
 *                  unsealed)
 */
public record Request(PfcFlags pfcFlags, PackedDrep drep, int callId, int allocHint, int pContId, int opnum,
                      Optional<UUID> object, byte[] stub, Optional<AuthVerifier> auth) implements Pdu {

    public static final int HEADER_LENGTH = 24;
    public static final int HEADER_LENGTH_WITH_OBJECT = 40;

    public Request {
        stub = stub.clone();
        if (pContId < 0 || pContId > 0xffff || opnum < 0 || opnum > 0xffff) {
            throw new IllegalArgumentException("p_cont_id and opnum are u16");
        }
        if (pfcFlags.has(PfcFlag.OBJECT_UUID) != object.isPresent()) {
            throw new IllegalArgumentException("PFC_OBJECT_UUID must be set exactly when an object UUID is given");
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
        return PType.REQUEST;
    }

    /** Where the stub starts in a request fragment with these flags. */
    public static int stubOffset(PfcFlags flags) {
        return flags.has(PfcFlag.OBJECT_UUID) ? HEADER_LENGTH_WITH_OBJECT : HEADER_LENGTH;
    }

    public static Request decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.REQUEST, true);
        var r = o.reader();
        int hint = r.i32();
        int ctx = r.u16();
        int opnum = r.u16();
        Optional<UUID> object = Optional.empty();
        if (o.header().pfcFlags().has(PfcFlag.OBJECT_UUID)) {
            r.enter("object");
            object = Optional.of(r.uuid());
            r.exit();
        }
        if (o.auth().isPresent() && o.trailerOffset() < r.position()) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 10, "request.auth_length",
                    "sec_trailer overlaps the request header");
        }
        byte[] stub = Codec.rest(r);
        return new Request(o.header().pfcFlags(), o.header().drep(), o.header().callId(), hint, ctx, opnum, object,
                stub, o.auth());
    }

    @Override
    public byte[] encode() {
        WireWriter w = CommonHeader.start(PType.REQUEST, pfcFlags, drep, callId, 64 + stub.length);
        w.i32(allocHint).u16(pContId).u16(opnum);
        object.ifPresent(w::uuid);
        w.bytes(stub);
        return Codec.finish(w, auth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request q && q.pfcFlags.equals(pfcFlags) && q.drep.equals(drep) && q.callId == callId
                && q.allocHint == allocHint && q.pContId == pContId && q.opnum == opnum && q.object.equals(object)
                && Arrays.equals(q.stub, stub) && q.auth.equals(auth);
    }

    @Override
    public int hashCode() {
        return (callId * 31 + opnum) * 31 + Arrays.hashCode(stub);
    }

    @Override
    public String toString() {
        return "Request[call_id=" + callId + ", flags=" + pfcFlags + ", ctx=" + pContId + ", opnum=" + opnum
                + object.map(u -> ", object=" + u).orElse("") + ", stub=" + stub.length + " bytes, alloc_hint="
                + allocHintUnsigned() + auth.map(a -> ", " + a).orElse("") + "]";
    }
}
