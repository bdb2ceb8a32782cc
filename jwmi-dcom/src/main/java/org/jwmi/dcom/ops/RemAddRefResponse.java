package org.jwmi.dcom.ops;

import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.1.5.6.1.2 IRemUnknown::RemAddRef (opnum 4), the [out] parameters and the result.
 * <pre>
 * ORPCTHAT orpcthat,                                       // implicit
 * [out, size_is(cInterfaceRefs)] HRESULT *pResults,
 * HRESULT
 * </pre>
 *
 * @param orpcThat ORPCTHAT
 * @param pResults one HRESULT per REMINTERFACEREF of the request
 * @param hresult  S_OK, S_FALSE (some failed) or a failure
 */
public record RemAddRefResponse(OrpcThat orpcThat, List<Integer> pResults, int hresult) {

    public RemAddRefResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        pResults = List.copyOf(pResults);
    }

    public static RemAddRefResponse decode(NdrReader r) {
        OrpcThat that = r.field("ORPCthat", OrpcThat::decode);
        List<Integer> results = r.field("pResults", s -> s.conformantArray(NdrReader::i32));
        int hr = r.field("HRESULT", NdrReader::i32);
        r.expectEnd();
        return new RemAddRefResponse(that, results, hr);
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        Codec.sized(w, pResults, NdrWriter::i32);
        w.i32(hresult);
    }

    public static RemAddRefResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
