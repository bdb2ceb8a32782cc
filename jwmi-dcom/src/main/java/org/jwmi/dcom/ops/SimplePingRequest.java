package org.jwmi.dcom.ops;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.1.2 IObjectExporter::SimplePing (opnum 1), the [in] parameter.
 * <pre>
 * [in] SETID *pSetId
 * </pre>
 *
 * @param setId the ping set to ping
 */
public record SimplePingRequest(long setId) {

    public static SimplePingRequest decode(NdrReader r) {
        long setId = r.field("pSetId", NdrReader::u64);
        r.expectEnd();
        return new SimplePingRequest(setId);
    }

    public void encode(NdrWriter w) {
        w.u64(setId);
    }

    public static SimplePingRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
