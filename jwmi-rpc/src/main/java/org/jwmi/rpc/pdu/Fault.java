package org.jwmi.rpc.pdu;

import java.util.Arrays;
import java.util.Optional;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.4.7 fault (PTYPE 3) with the [MS-RPCE] 2.2.2.8 rules: the status field is authoritative, stub data is
 * ignored by clients and never sent by servers; bit 0 of the reserved octet flags extended error information.
 *
 * <pre>
 * common header (16)          PFC_DID_NOT_EXECUTE may be set
 * u_int32        alloc_hint;
 * p_context_id_t p_cont_id;
 * u_int8         cancel_count;
 * u_int8         reserved;    (flags)
 * u_int32        status;
 * u_int32        reserved2;
 * byte           stub[];      starts at 32
 * [auth padding, sec_trailer, token]
 * </pre>
 */
public record Fault(PfcFlags pfcFlags, PackedDrep drep, int callId, int allocHint, int pContId, int cancelCount,
                    int flags, int status, int reserved2, byte[] stub, Optional<AuthVerifier> auth) implements Pdu {

    public static final int HEADER_LENGTH = 32;

    public Fault {
        stub = stub.clone();
        if (pContId < 0 || pContId > 0xffff || (cancelCount | flags) >>> 8 != 0) {
            throw new IllegalArgumentException("fault field out of range");
        }
    }

    /** A fault as servers send it: no stub, no verifier, alloc_hint 32 (Samba/Windows send a non-zero hint). */
    public static Fault of(int callId, int pContId, int status, boolean didNotExecute) {
        PfcFlags f = didNotExecute ? PfcFlags.FIRST_LAST.with(PfcFlag.DID_NOT_EXECUTE) : PfcFlags.FIRST_LAST;
        return new Fault(f, PackedDrep.LITTLE_ENDIAN, callId, HEADER_LENGTH, pContId, 0, 0, status, 0, new byte[0],
                Optional.empty());
    }

    @Override
    public byte[] stub() {
        return stub.clone();
    }

    public boolean didNotExecute() {
        return pfcFlags.has(PfcFlag.DID_NOT_EXECUTE);
    }

    @Override
    public PType type() {
        return PType.FAULT;
    }

    public static Fault decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.FAULT, true);
        var r = o.reader();
        int hint = r.i32();
        int ctx = r.u16();
        int cancel = r.u8();
        int flags = r.u8();
        int status = r.i32();
        int reserved2 = r.i32();
        byte[] stub = Codec.rest(r);
        return new Fault(o.header().pfcFlags(), o.header().drep(), o.header().callId(), hint, ctx, cancel, flags,
                status, reserved2, stub, o.auth());
    }

    @Override
    public byte[] encode() {
        WireWriter w = CommonHeader.start(PType.FAULT, pfcFlags, drep, callId, 32 + stub.length);
        w.i32(allocHint).u16(pContId).u8(cancelCount).u8(flags).i32(status).i32(reserved2);
        w.bytes(stub);
        return Codec.finish(w, auth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault q && q.pfcFlags.equals(pfcFlags) && q.drep.equals(drep) && q.callId == callId
                && q.allocHint == allocHint && q.pContId == pContId && q.cancelCount == cancelCount
                && q.flags == flags && q.status == status && q.reserved2 == reserved2 && Arrays.equals(q.stub, stub)
                && q.auth.equals(auth);
    }

    @Override
    public int hashCode() {
        return callId * 31 + status;
    }

    @Override
    public String toString() {
        return "Fault[call_id=" + callId + ", flags=" + pfcFlags + ", ctx=" + pContId + ", status="
                + RpcStatus.describe(status) + "]";
    }
}
