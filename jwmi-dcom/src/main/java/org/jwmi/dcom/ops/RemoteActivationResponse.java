package org.jwmi.dcom.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 3.1.2.5.2.3.1 IActivation::RemoteActivation (opnum 0), the [out] parameters and the result.
 * <pre>
 * [out] ORPCTHAT *ORPCthat,
 * [out] OXID *pOxid,
 * [out] DUALSTRINGARRAY **ppdsaOxidBindings,                    // unique inner pointer
 * [out] IPID *pipidRemUnknown,
 * [out] DWORD *pAuthnHint,
 * [out] COMVERSION *pServerVersion,
 * [out] HRESULT *phr,
 * [out, size_is(Interfaces)] MInterfacePointer **ppInterfaceData,   // array of unique pointers
 * [out, size_is(Interfaces)] HRESULT *pResults
 * error_status_t
 * </pre>
 * The two arrays have the request's Interfaces elements; the decoder requires that they have the same length.
 *
 * @param orpcThat          ORPCTHAT
 * @param oxid              the exporter's OXID
 * @param ppdsaOxidBindings the exporter's bindings, {@code null} for a NULL pointer
 * @param ipidRemUnknown    the IPID of the exporter's IRemUnknown
 * @param authnHint         the exporter's minimum authentication level
 * @param serverVersion     the exporter's COM version
 * @param hr                the activation's HRESULT
 * @param ppInterfaceData   one interface pointer per requested IID ({@code null} elements for failures)
 * @param pResults          one HRESULT per requested IID
 * @param errorStatus       the method's error_status_t
 */
public record RemoteActivationResponse(OrpcThat orpcThat, long oxid, DualStringArray ppdsaOxidBindings,
                                       UUID ipidRemUnknown, int authnHint, ComVersion serverVersion, int hr,
                                       List<MInterfacePointer> ppInterfaceData, List<Integer> pResults,
                                       int errorStatus) {

    public RemoteActivationResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        Objects.requireNonNull(ipidRemUnknown, "ipidRemUnknown");
        Objects.requireNonNull(serverVersion, "serverVersion");
        ppInterfaceData = Collections.unmodifiableList(new ArrayList<>(ppInterfaceData));
        pResults = List.copyOf(pResults);
        if (ppInterfaceData.size() != pResults.size()) {
            throw new IllegalArgumentException("ppInterfaceData and pResults must have the same length");
        }
    }

    /**
     * A failed activation as a server answers it: {@code hr}, NULL bindings, and for each of the {@code interfaces}
     * a NULL pointer and a zero result.
     */
    public static RemoteActivationResponse failure(int hr, int interfaces, ComVersion serverVersion) {
        List<MInterfacePointer> none = new ArrayList<>(Collections.nCopies(interfaces, null));
        return new RemoteActivationResponse(OrpcThat.EMPTY, 0, null, new UUID(0, 0), 0, serverVersion, hr, none,
                Collections.nCopies(interfaces, 0), 0);
    }

    public static RemoteActivationResponse decode(NdrReader r) {
        OrpcThat that = r.field("ORPCthat", OrpcThat::decode);
        long oxid = r.field("pOxid", NdrReader::u64);
        DualStringArray dsa = r.field("ppdsaOxidBindings", s -> s.uniquePtr(DualStringArray::decode));
        UUID ipid = r.field("pipidRemUnknown", NdrReader::uuid);
        int hint = r.field("pAuthnHint", NdrReader::i32);
        ComVersion version = r.field("pServerVersion", ComVersion::decode);
        int hr = r.field("phr", NdrReader::i32);
        List<MInterfacePointer> data = r.field("ppInterfaceData",
                s -> s.conformantArray(e -> e.uniquePtr(MInterfacePointer::decode)));
        List<Integer> results = r.field("pResults", s -> Codec.sized(s, data.size(), "pResults", NdrReader::i32));
        int status = r.field("error_status", NdrReader::i32);
        r.expectEnd();
        if (data.size() != results.size()) {
            throw r.fail(Kind.BAD_VALUE, "ppInterfaceData and pResults differ in length");
        }
        return new RemoteActivationResponse(that, oxid, dsa, ipid, hint, version, hr, data, results, status);
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        w.u64(oxid).uniquePtr(ppdsaOxidBindings, DualStringArray::encode).uuid(ipidRemUnknown).i32(authnHint);
        ComVersion.encode(w, serverVersion);
        w.i32(hr).conformantArray(ppInterfaceData, (e, ip) -> e.uniquePtr(ip, MInterfacePointer::encode));
        Codec.sized(w, pResults, NdrWriter::i32);
        w.i32(errorStatus);
    }

    public static RemoteActivationResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
