package org.jwmi.rpc.pdu;

import java.util.Optional;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.4.8 orphaned (PTYPE 19): the client abandons the call named by call_id ([MS-RPCE] 3.3.1.5.10).
 * The common header, optionally a verifier.
 *
 * @param body octets between the header and the auth padding (none in well-formed PDUs; kept for round trips)
 */
public record Orphaned(PfcFlags pfcFlags, PackedDrep drep, int callId, byte[] body, Optional<AuthVerifier> auth)
        implements Pdu {

    public Orphaned {
        body = body.clone();
    }

    public static Orphaned of(int callId) {
        return new Orphaned(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, callId, new byte[0], Optional.empty());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public PType type() {
        return PType.ORPHANED;
    }

    public static Orphaned decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.ORPHANED, true);
        return new Orphaned(o.header().pfcFlags(), o.header().drep(), o.header().callId(), Codec.rest(o.reader()), o.auth());
    }

    @Override
    public byte[] encode() {
        WireWriter w = CommonHeader.start(PType.ORPHANED, pfcFlags, drep, callId, 32 + body.length);
        w.bytes(body);
        return Codec.finish(w, auth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Orphaned q && q.pfcFlags.equals(pfcFlags) && q.drep.equals(drep) && q.callId == callId
                && java.util.Arrays.equals(q.body, body) && q.auth.equals(auth);
    }

    @Override
    public int hashCode() {
        return callId;
    }

    @Override
    public String toString() {
        return "Orphaned[call_id=" + callId + ", flags=" + pfcFlags + auth.map(a -> ", " + a).orElse("") + "]";
    }
}
