package org.jwmi.rpc.pdu;

import java.util.List;
import java.util.Optional;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.4.3 bind (PTYPE 11): opens a connection's first presentation contexts and, with a verifier, the first
 * leg of a security context ([MS-RPCE] 3.3.1.5.2.1).
 *
 * <pre>
 * common header (16)
 * u_int16      max_xmit_frag;   largest fragment the client sends
 * u_int16      max_recv_frag;   largest fragment the client receives
 * u_int32      assoc_group_id;  0 = new association group
 * p_cont_list_t p_context_elem;
 * [auth padding, sec_trailer, token]
 * </pre>
 */
public record Bind(PfcFlags pfcFlags, PackedDrep drep, int callId, int maxXmitFrag, int maxRecvFrag, int assocGroupId,
                   List<PContElem> contexts, Optional<AuthVerifier> auth) implements Pdu {

    public Bind {
        contexts = List.copyOf(contexts);
        checkFrags(maxXmitFrag, maxRecvFrag);
    }

    static void checkFrags(int xmit, int recv) {
        if (xmit < 0 || xmit > 0xffff || recv < 0 || recv > 0xffff) {
            throw new IllegalArgumentException("fragment sizes are u16");
        }
    }

    @Override
    public PType type() {
        return PType.BIND;
    }

    public static Bind decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.BIND, true);
        var r = o.reader();
        int xmit = r.u16();
        int recv = r.u16();
        int group = r.i32();
        List<PContElem> ctx = PContElem.decodeList(r);
        return new Bind(o.header().pfcFlags(), o.header().drep(), o.header().callId(), xmit, recv, group, ctx, o.auth());
    }

    @Override
    public byte[] encode() {
        return encodeBindLike(PType.BIND, pfcFlags, drep, callId, maxXmitFrag, maxRecvFrag, assocGroupId, contexts, auth);
    }

    static byte[] encodeBindLike(PType t, PfcFlags f, PackedDrep d, int callId, int xmit, int recv, int group,
                                 List<PContElem> contexts, Optional<AuthVerifier> auth) {
        WireWriter w = CommonHeader.start(t, f, d, callId, 72);
        w.u16(xmit).u16(recv).i32(group);
        PContElem.encodeList(w, contexts);
        return Codec.finish(w, auth);
    }
}
