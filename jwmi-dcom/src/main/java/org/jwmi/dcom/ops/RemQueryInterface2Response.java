package org.jwmi.dcom.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 3.1.1.5.7.1.1 IRemUnknown2::RemQueryInterface2 (opnum 6), the [out] parameters and the result.
 * <pre>
 * ORPCTHAT orpcthat,                                              // implicit
 * [out, size_is(cIids)] HRESULT *phr,
 * [out, size_is(cIids)] PMInterfacePointerInternal *ppMIF,       // array of unique pointers
 * HRESULT
 * </pre>
 *
 * @param orpcThat ORPCTHAT
 * @param phr      one HRESULT per requested IID
 * @param ppMIF    one interface pointer per requested IID ({@code null} elements for failures)
 * @param hresult  S_OK, S_FALSE (some IIDs failed) or a failure
 */
public record RemQueryInterface2Response(OrpcThat orpcThat, List<Integer> phr, List<MInterfacePointer> ppMIF,
                                         int hresult) {

    public RemQueryInterface2Response {
        Objects.requireNonNull(orpcThat, "orpcThat");
        phr = List.copyOf(phr);
        ppMIF = Collections.unmodifiableList(new ArrayList<>(ppMIF));
        if (phr.size() != ppMIF.size()) {
            throw new IllegalArgumentException("phr and ppMIF must have the same length");
        }
    }

    public static RemQueryInterface2Response decode(NdrReader r) {
        OrpcThat that = r.field("ORPCthat", OrpcThat::decode);
        List<Integer> phr = r.field("phr", s -> s.conformantArray(NdrReader::i32));
        List<MInterfacePointer> mif = r.field("ppMIF",
                s -> s.conformantArray(e -> e.uniquePtr(MInterfacePointer::decode)));
        int hr = r.field("HRESULT", NdrReader::i32);
        r.expectEnd();
        if (phr.size() != mif.size()) {
            throw r.fail(Kind.BAD_VALUE, "phr and ppMIF differ in length");
        }
        return new RemQueryInterface2Response(that, phr, mif, hr);
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        Codec.sized(w, phr, NdrWriter::i32);
        w.conformantArray(ppMIF, (e, ip) -> e.uniquePtr(ip, MInterfacePointer::encode)).i32(hresult);
    }

    public static RemQueryInterface2Response decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
