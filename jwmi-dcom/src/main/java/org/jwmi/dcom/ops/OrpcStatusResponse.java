package org.jwmi.dcom.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * An ORPC response with no [out] parameters: ORPCTHAT and the HRESULT. [MS-DCOM] 3.1.1.5.6.1.3
 * IRemUnknown::RemRelease (opnum 5) answers with it.
 * <pre>
 * ORPCTHAT orpcthat,      // implicit
 * HRESULT
 * </pre>
 *
 * @param orpcThat ORPCTHAT
 * @param hresult  the method's HRESULT
 */
public record OrpcStatusResponse(OrpcThat orpcThat, int hresult) {

    public OrpcStatusResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
    }

    public static OrpcStatusResponse decode(NdrReader r) {
        OrpcThat that = r.field("ORPCthat", OrpcThat::decode);
        int hr = r.field("HRESULT", NdrReader::i32);
        r.expectEnd();
        return new OrpcStatusResponse(that, hr);
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        w.i32(hresult);
    }

    public static OrpcStatusResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
