package org.jwmi.dcom.ops;

import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.RemQiResult;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.1.5.6.1.1 IRemUnknown::RemQueryInterface (opnum 3), the [out] parameters and the result.
 * <pre>
 * ORPCTHAT orpcthat,                                       // implicit
 * [out, size_is(,cIids)] PREMQIRESULT *ppQIResults,       // unique pointer to cIids REMQIRESULTs; NULL on failure
 * HRESULT
 * </pre>
 *
 * @param orpcThat    ORPCTHAT
 * @param ppQIResults one result per requested IID, or {@code null} for a NULL pointer
 * @param hresult     S_OK, S_FALSE (some IIDs failed) or a failure
 */
public record RemQueryInterfaceResponse(OrpcThat orpcThat, List<RemQiResult> ppQIResults, int hresult) {

    public RemQueryInterfaceResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        if (ppQIResults != null) {
            ppQIResults = List.copyOf(ppQIResults);
        }
    }

    public static RemQueryInterfaceResponse decode(NdrReader r) {
        OrpcThat that = r.field("ORPCthat", OrpcThat::decode);
        List<RemQiResult> results = r.field("ppQIResults",
                s -> s.uniquePtr(p -> p.conformantArray(RemQiResult::decode)));
        int hr = r.field("HRESULT", NdrReader::i32);
        r.expectEnd();
        return new RemQueryInterfaceResponse(that, results, hr);
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        w.uniquePtr(ppQIResults, (p, l) -> p.conformantArray(l, RemQiResult::encode)).i32(hresult);
    }

    public static RemQueryInterfaceResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
