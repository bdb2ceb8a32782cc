package org.jwmi.dcom.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.2.3.2 IRemoteSCMActivator::RemoteGetClassObject (opnum 3) and 3.1.2.5.2.3.3
 * RemoteCreateInstance (opnum 4), the [out] parameters and the result (the two are identical).
 * <pre>
 * [out] ORPCTHAT *orpcthat,
 * [out] MInterfacePointer **ppActProperties      // unique inner pointer: OBJREF_CUSTOM holding
 *                                                 // ActivationPropertiesOut; NULL on failure
 * HRESULT
 * </pre>
 *
 * @param orpcThat        ORPCTHAT
 * @param ppActProperties the activation result, {@code null} for a NULL pointer
 * @param hresult         the method's HRESULT (e.g. REGDB_E_CLASSNOTREG, E_ACCESSDENIED)
 */
public record ScmActivationResponse(OrpcThat orpcThat, MInterfacePointer ppActProperties, int hresult) {

    public ScmActivationResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
    }

    /** A failure: empty ORPCTHAT, NULL properties. */
    public static ScmActivationResponse failure(int hresult) {
        return new ScmActivationResponse(OrpcThat.EMPTY, null, hresult);
    }

    public static ScmActivationResponse decode(NdrReader r) {
        OrpcThat that = r.field("orpcthat", OrpcThat::decode);
        MInterfacePointer props = r.field("ppActProperties", s -> s.uniquePtr(MInterfacePointer::decode));
        int hr = r.field("HRESULT", NdrReader::i32);
        r.expectEnd();
        return new ScmActivationResponse(that, props, hr);
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        w.uniquePtr(ppActProperties, MInterfacePointer::encode).i32(hresult);
    }

    public static ScmActivationResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
