package org.jwmi.rpc.pdu;

import java.util.Optional;
import org.jwmi.wire.ProtocolException;

/**
 * A connection-oriented PDU ([C706] 12.6.4): one record per PTYPE. {@link #decode} checks the whole fragment
 * (version, type, data representation, frag_length against the bytes present, auth_length against frag_length,
 * counts against what remains) and fails only with {@link ProtocolException}.
 */
public sealed interface Pdu permits Bind, BindAck, BindNak, AlterContext, AlterContextResp, Request, Response, Fault,
        RpcAuth3, Shutdown, CoCancel, Orphaned {

    PType type();

    PfcFlags pfcFlags();

    PackedDrep drep();

    int callId();

    /** The sec_trailer and token, when auth_length is not 0. */
    Optional<AuthVerifier> auth();

    /** The complete fragment, frag_length and auth_length filled in. */
    byte[] encode();

    /** Decodes one complete fragment. */
    static Pdu decode(byte[] frag) {
        CommonHeader h = CommonHeader.decode(frag);
        h.validate(frag.length);
        return switch (h.type()) {
            case BIND -> Bind.decode(frag);
            case BIND_ACK -> BindAck.decode(frag);
            case BIND_NAK -> BindNak.decode(frag);
            case ALTER_CONTEXT -> AlterContext.decode(frag);
            case ALTER_CONTEXT_RESP -> AlterContextResp.decode(frag);
            case REQUEST -> Request.decode(frag);
            case RESPONSE -> Response.decode(frag);
            case FAULT -> Fault.decode(frag);
            case RPC_AUTH_3 -> RpcAuth3.decode(frag);
            case SHUTDOWN -> Shutdown.decode(frag);
            case CO_CANCEL -> CoCancel.decode(frag);
            case ORPHANED -> Orphaned.decode(frag);
        };
    }
}
