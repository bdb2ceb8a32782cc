package org.jwmi.dcom.ops;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * A request without [in] parameters: [MS-DCOM] 3.1.2.5.1.4 IObjectExporter::ServerAlive (opnum 3) and 3.1.2.5.1.6
 * ServerAlive2 (opnum 5). The stub is empty.
 */
public record EmptyRequest() {

    /** The only value. */
    public static final EmptyRequest INSTANCE = new EmptyRequest();

    public static EmptyRequest decode(NdrReader r) {
        r.expectEnd();
        return INSTANCE;
    }

    public void encode(NdrWriter w) {
        // no parameters
    }

    public static EmptyRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        return new byte[0];
    }
}
