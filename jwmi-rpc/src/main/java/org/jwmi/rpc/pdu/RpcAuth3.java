package org.jwmi.rpc.pdu;

import java.util.Optional;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-RPCE] 2.2.2.10 rpc_auth_3 (PTYPE 16): the last leg of an odd-leg security exchange (NTLM). The server never
 * answers it.
 *
 * <pre>
 * common header (16)     auth_length &gt; 0
 * u_int32 pad;           any value, ignored (the DCE runtime puts max_xmit_frag/max_recv_frag here)
 * sec_trailer, token
 * </pre>
 */
public record RpcAuth3(PfcFlags pfcFlags, PackedDrep drep, int callId, int pad, AuthVerifier verifier) implements Pdu {

    @Override
    public PType type() {
        return PType.RPC_AUTH_3;
    }

    @Override
    public Optional<AuthVerifier> auth() {
        return Optional.of(verifier);
    }

    public static RpcAuth3 decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.RPC_AUTH_3, true);
        if (o.auth().isEmpty()) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 10, "rpc_auth_3.auth_length",
                    "rpc_auth_3 needs auth_length > 0");
        }
        var r = o.reader();
        int pad = r.i32();
        return new RpcAuth3(o.header().pfcFlags(), o.header().drep(), o.header().callId(), pad, o.auth().get());
    }

    @Override
    public byte[] encode() {
        WireWriter w = CommonHeader.start(PType.RPC_AUTH_3, pfcFlags, drep, callId, 40 + verifier.tokenLength());
        w.i32(pad);
        return Codec.finish(w, Optional.of(verifier));
    }
}
