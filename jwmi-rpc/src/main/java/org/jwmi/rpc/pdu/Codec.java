package org.jwmi.rpc.pdu;

import java.util.Optional;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/** Shared decoding and encoding steps of every PDU record. */
final class Codec {

    private Codec() {
    }

    /** A validated fragment: its header, a reader over the content (header up to the auth padding), the verifier. */
    record Opened(CommonHeader header, WireReader reader, Optional<AuthVerifier> auth, int contentEnd,
                  int trailerOffset) {
    }

    static Opened open(byte[] frag, PType expected, boolean authAllowed) {
        CommonHeader h = CommonHeader.decode(frag);
        h.validate(frag.length);
        if (h.type() != expected) {
            throw new ProtocolException(ProtocolException.Kind.BAD_SWITCH, 2, "common_header.PTYPE",
                    "expected " + expected + ", found " + h.type());
        }
        String path = expected.name().toLowerCase(java.util.Locale.ROOT);
        int contentEnd = h.fragLength();
        int trailerOffset = h.fragLength();
        Optional<AuthVerifier> auth = Optional.empty();
        if (h.authLength() != 0) {
            if (!authAllowed) {
                throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 10, path + ".auth_length",
                        expected + " carries no authentication verifier, auth_length " + h.authLength());
            }
            trailerOffset = h.fragLength() - h.authLength() - SecTrailer.LENGTH;
            WireReader tr = new WireReader(frag, trailerOffset, SecTrailer.LENGTH + h.authLength())
                    .littleEndian(h.littleEndian());
            tr.enter(path);
            SecTrailer trailer = SecTrailer.decode(tr);
            byte[] token = tr.bytes(h.authLength());
            tr.exit();
            if (trailer.authPadLength() > trailerOffset - CommonHeader.LENGTH) {
                throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, trailerOffset + 2L,
                        path + ".sec_trailer.auth_pad_length", "auth_pad_length " + trailer.authPadLength()
                        + " exceeds the " + (trailerOffset - CommonHeader.LENGTH) + " bytes before the trailer");
            }
            contentEnd = trailerOffset - trailer.authPadLength();
            auth = Optional.of(new AuthVerifier(trailer, token));
        }
        WireReader r = new WireReader(frag, 0, contentEnd).littleEndian(h.littleEndian());
        r.skip(CommonHeader.LENGTH);
        r.enter(path);
        return new Opened(h, r, auth, contentEnd, trailerOffset);
    }

    /** Writes auth padding, the verifier, and patches frag_length and auth_length. */
    static byte[] finish(WireWriter w, Optional<AuthVerifier> auth) {
        int authLength = 0;
        if (auth.isPresent()) {
            AuthVerifier a = auth.get();
            w.zeros(a.trailer().authPadLength());
            a.trailer().encode(w);
            w.bytes(a.token());
            authLength = a.tokenLength();
        }
        CommonHeader.patchLengths(w, authLength);
        return w.toByteArray();
    }

    static byte[] rest(WireReader r) {
        return r.bytes(r.remaining());
    }
}
