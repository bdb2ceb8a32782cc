package org.jwmi.rpc.pdu;

import java.util.Optional;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.4.6 co_cancel (PTYPE 18): the client forwards a cancel for the call named by call_id. The
 * common header, optionally a verifier.
 *
 * @param body octets between the header and the auth padding (none in well-formed PDUs; kept for round trips)
 */
public record CoCancel(PfcFlags pfcFlags, PackedDrep drep, int callId, byte[] body, Optional<AuthVerifier> auth)
        implements Pdu {

    public CoCancel {
        body = body.clone();
    }

    public static CoCancel of(int callId) {
        return new CoCancel(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, callId, new byte[0], Optional.empty());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public PType type() {
        return PType.CO_CANCEL;
    }

    public static CoCancel decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.CO_CANCEL, true);
        return new CoCancel(o.header().pfcFlags(), o.header().drep(), o.header().callId(), Codec.rest(o.reader()), o.auth());
    }

    @Override
    public byte[] encode() {
        WireWriter w = CommonHeader.start(PType.CO_CANCEL, pfcFlags, drep, callId, 32 + body.length);
        w.bytes(body);
        return Codec.finish(w, auth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoCancel q && q.pfcFlags.equals(pfcFlags) && q.drep.equals(drep) && q.callId == callId
                && java.util.Arrays.equals(q.body, body) && q.auth.equals(auth);
    }

    @Override
    public int hashCode() {
        return callId;
    }

    @Override
    public String toString() {
        return "CoCancel[call_id=" + callId + ", flags=" + pfcFlags + auth.map(a -> ", " + a).orElse("") + "]";
    }
}
