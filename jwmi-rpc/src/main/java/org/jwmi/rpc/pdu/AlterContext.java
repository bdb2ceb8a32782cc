package org.jwmi.rpc.pdu;

import java.util.List;
import java.util.Optional;

/**
 * [C706] 12.6.4.1 alter_context (PTYPE 14): adds presentation contexts to a bound connection and carries further
 * security legs ([MS-RPCE] 3.3.1.5.2.1). Same layout as bind; Windows ignores the frag sizes and group id here.
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
public record AlterContext(PfcFlags pfcFlags, PackedDrep drep, int callId, int maxXmitFrag, int maxRecvFrag, int assocGroupId,
                   List<PContElem> contexts, Optional<AuthVerifier> auth) implements Pdu {

    public AlterContext {
        contexts = List.copyOf(contexts);
        Bind.checkFrags(maxXmitFrag, maxRecvFrag);
    }

    @Override
    public PType type() {
        return PType.ALTER_CONTEXT;
    }

    public static AlterContext decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.ALTER_CONTEXT, true);
        var r = o.reader();
        int xmit = r.u16();
        int recv = r.u16();
        int group = r.i32();
        List<PContElem> ctx = PContElem.decodeList(r);
        return new AlterContext(o.header().pfcFlags(), o.header().drep(), o.header().callId(), xmit, recv, group, ctx, o.auth());
    }

    @Override
    public byte[] encode() {
        return Bind.encodeBindLike(PType.ALTER_CONTEXT, pfcFlags, drep, callId, maxXmitFrag, maxRecvFrag, assocGroupId, contexts, auth);
    }
}
