package org.jwmi.dcom.ops;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * A response that is nothing but the method's error_status_t: [MS-DCOM] 3.1.2.5.1.2 IObjectExporter::SimplePing
 * (opnum 1) and 3.1.2.5.1.4 ServerAlive (opnum 3).
 * <pre>
 * error_status_t
 * </pre>
 *
 * @param errorStatus 0, or e.g. OR_INVALID_SET
 */
public record StatusResponse(int errorStatus) {

    public static StatusResponse decode(NdrReader r) {
        int status = r.field("error_status", NdrReader::i32);
        r.expectEnd();
        return new StatusResponse(status);
    }

    public void encode(NdrWriter w) {
        w.i32(errorStatus);
    }

    public static StatusResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
