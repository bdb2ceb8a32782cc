package org.jwmi.rpc.pdu;

import java.util.List;
import java.util.Optional;

/**
 * [C706] 12.6.4.2 alter_context_resp (PTYPE 15): same layout as {@link BindAck}; Windows sends an empty
 * secondary address here.
 */
public record AlterContextResp(PfcFlags pfcFlags, PackedDrep drep, int callId, int maxXmitFrag, int maxRecvFrag,
                               int assocGroupId, String secAddr, List<PResult> results, Optional<AuthVerifier> auth)
        implements Pdu {

    public AlterContextResp {
        results = List.copyOf(results);
        Bind.checkFrags(maxXmitFrag, maxRecvFrag);
    }

    @Override
    public PType type() {
        return PType.ALTER_CONTEXT_RESP;
    }

    public static AlterContextResp decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.ALTER_CONTEXT_RESP, true);
        BindAck.Fields f = BindAck.decodeFields(o.reader());
        return new AlterContextResp(o.header().pfcFlags(), o.header().drep(), o.header().callId(), f.xmit(), f.recv(),
                f.group(), f.secAddr(), f.results(), o.auth());
    }

    @Override
    public byte[] encode() {
        return BindAck.encodeAckLike(PType.ALTER_CONTEXT_RESP, pfcFlags, drep, callId, maxXmitFrag, maxRecvFrag,
                assocGroupId, secAddr, results, auth);
    }
}
