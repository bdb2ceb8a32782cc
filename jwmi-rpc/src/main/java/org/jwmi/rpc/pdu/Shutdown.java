package org.jwmi.rpc.pdu;

import java.util.Optional;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.4.11 shutdown (PTYPE 17): the server asks the client to close the connection (Windows never
 * sends it, [MS-RPCE] 3.3.3.4.2). Only the common header; never a verifier.
 *
 * @param body octets after the header (none in well-formed PDUs; kept for round trips)
 */
public record Shutdown(PfcFlags pfcFlags, PackedDrep drep, int callId, byte[] body) implements Pdu {

    public Shutdown {
        body = body.clone();
    }

    public static Shutdown of(int callId) {
        return new Shutdown(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, callId, new byte[0]);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public PType type() {
        return PType.SHUTDOWN;
    }

    @Override
    public Optional<AuthVerifier> auth() {
        return Optional.empty();
    }

    public static Shutdown decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.SHUTDOWN, false);
        return new Shutdown(o.header().pfcFlags(), o.header().drep(), o.header().callId(), Codec.rest(o.reader()));
    }

    @Override
    public byte[] encode() {
        WireWriter w = CommonHeader.start(PType.SHUTDOWN, pfcFlags, drep, callId, 16 + body.length);
        w.bytes(body);
        return Codec.finish(w, Optional.empty());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shutdown q && q.pfcFlags.equals(pfcFlags) && q.drep.equals(drep) && q.callId == callId
                && java.util.Arrays.equals(q.body, body);
    }

    @Override
    public int hashCode() {
        return callId;
    }

    @Override
    public String toString() {
        return "Shutdown[call_id=" + callId + "]";
    }
}
