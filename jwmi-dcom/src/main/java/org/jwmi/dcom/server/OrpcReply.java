package org.jwmi.dcom.server;

import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrWriter;

/**
 * The result of an ORPC call: ORPCTHAT and the rest of the response stub (the [out] parameters and the HRESULT),
 * NDR20 little-endian encoded as if it started at offset 0. ORPCTHAT always takes a multiple of 8 bytes, so the
 * body's alignment is the same once the exporter puts it after ORPCTHAT.
 *
 * @param orpcThat ORPCTHAT (usually {@link OrpcThat#EMPTY})
 * @param body     the stub after ORPCTHAT (not copied)
 */
public record OrpcReply(OrpcThat orpcThat, byte[] body) {

    public OrpcReply {
        Objects.requireNonNull(orpcThat, "orpcThat");
        Objects.requireNonNull(body, "body");
    }

    /** ORPCTHAT flags 0 without extensions, then {@code body}. */
    public static OrpcReply of(byte[] body) {
        return new OrpcReply(OrpcThat.EMPTY, body);
    }

    /** ORPCTHAT flags 0 without extensions, then what {@code w} holds. */
    public static OrpcReply of(NdrWriter w) {
        return of(w.toByteArray());
    }
}
