package org.jwmi.dcom.ops;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.1.3 IObjectExporter::ComplexPing (opnum 2), the [out] parameters and the result.
 * <pre>
 * [in, out] SETID *pSetId,
 * [out] unsigned short *pPingBackoffFactor
 * error_status_t
 * </pre>
 *
 * @param setId             the (possibly new) ping set
 * @param pingBackoffFactor the ping backoff factor (0: ping every period)
 * @param errorStatus       0, or e.g. OR_INVALID_SET
 */
public record ComplexPingResponse(long setId, int pingBackoffFactor, int errorStatus) {

    public ComplexPingResponse {
        Codec.checkU16("pPingBackoffFactor", pingBackoffFactor);
    }

    public static ComplexPingResponse decode(NdrReader r) {
        long setId = r.field("pSetId", NdrReader::u64);
        int backoff = r.field("pPingBackoffFactor", NdrReader::u16);
        int status = r.field("error_status", NdrReader::i32);
        r.expectEnd();
        return new ComplexPingResponse(setId, backoff, status);
    }

    public void encode(NdrWriter w) {
        w.u64(setId).u16(pingBackoffFactor).i32(errorStatus);
    }

    public static ComplexPingResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
