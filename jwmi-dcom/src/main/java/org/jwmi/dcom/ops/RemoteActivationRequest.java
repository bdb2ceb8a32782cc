package org.jwmi.dcom.ops;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.wire.DcomConstants;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 3.1.2.5.2.3.1 IActivation::RemoteActivation (opnum 0), the [in] parameters.
 * <pre>
 * [in] ORPCTHIS *ORPCthis,
 * [in] GUID *Clsid,
 * [in, string, unique] wchar_t *pwszObjectName,
 * [in, unique] MInterfacePointer *pObjectStorage,
 * [in] DWORD ClientImpLevel,
 * [in] DWORD Mode,                                              // 0xFFFFFFFF: class factory
 * [in, range(1, MAX_REQUESTED_INTERFACES)] DWORD Interfaces,
 * [in, unique, size_is(Interfaces)] IID *pIIDs,
 * [in, range(0, MAX_REQUESTED_PROTSEQS)] unsigned short cRequestedProtseqs,
 * [in, size_is(cRequestedProtseqs)] unsigned short aRequestedProtseqs[]
 * </pre>
 *
 * @param orpcThis          ORPCTHIS (extensions NULL)
 * @param clsid             the class to activate
 * @param pwszObjectName    initialization string, or {@code null}
 * @param pObjectStorage    initialization object, or {@code null}
 * @param clientImpLevel    raw ClientImpLevel
 * @param mode              raw Mode
 * @param interfaces        Interfaces, 1..0x8000
 * @param pIIDs             the requested IIDs ({@code interfaces} of them), or {@code null} for a NULL pointer
 * @param requestedProtseqs the client's protocol sequences (cRequestedProtseqs is their number)
 */
public record RemoteActivationRequest(OrpcThis orpcThis, UUID clsid, String pwszObjectName,
                                      MInterfacePointer pObjectStorage, int clientImpLevel, int mode, int interfaces,
                                      List<UUID> pIIDs, List<Integer> requestedProtseqs) {
    /** Mode of an activation that asks for the class factory. */
    public static final int MODE_GET_CLASS_OBJECT = 0xffffffff;

    public RemoteActivationRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(clsid, "clsid");
        if (pIIDs != null) {
            pIIDs = List.copyOf(pIIDs);
            if (pIIDs.size() != interfaces) {
                throw new IllegalArgumentException("Interfaces " + interfaces + " but " + pIIDs.size() + " IIDs");
            }
        }
        if (interfaces < 1 || interfaces > DcomConstants.MAX_REQUESTED_INTERFACES) {
            throw new IllegalArgumentException("Interfaces must be 1.." + DcomConstants.MAX_REQUESTED_INTERFACES);
        }
        requestedProtseqs = List.copyOf(requestedProtseqs);
        if (requestedProtseqs.size() > DcomConstants.MAX_REQUESTED_PROTSEQS) {
            throw new IllegalArgumentException("at most " + DcomConstants.MAX_REQUESTED_PROTSEQS + " protseqs");
        }
    }

    /** Activation of {@code clsid} for {@code iids} over ncacn_ip_tcp, Mode 0, ClientImpLevel 2. */
    public static RemoteActivationRequest of(OrpcThis orpcThis, UUID clsid, List<UUID> iids) {
        return new RemoteActivationRequest(orpcThis, clsid, null, null, 2, 0, iids.size(), iids,
                List.of(DcomConstants.NCACN_IP_TCP));
    }

    /** The requested IIDs (never {@code null}). */
    public List<UUID> iids() {
        return pIIDs == null ? List.of() : pIIDs;
    }

    public static RemoteActivationRequest decode(NdrReader r) {
        OrpcThis orpcThis = r.field("ORPCthis", OrpcThis::decode);
        UUID clsid = r.field("Clsid", NdrReader::uuid);
        String name = r.field("pwszObjectName", s -> s.uniquePtr(NdrReader::stringW));
        MInterfacePointer storage = r.field("pObjectStorage", s -> s.uniquePtr(MInterfacePointer::decode));
        int impLevel = r.field("ClientImpLevel", NdrReader::i32);
        int mode = r.field("Mode", NdrReader::i32);
        int interfaces = r.field("Interfaces", s -> Codec.u32Count(s, "Interfaces", 1,
                DcomConstants.MAX_REQUESTED_INTERFACES));
        List<UUID> iids = r.field("pIIDs", s -> s.uniquePtr(p -> Codec.sized(p, interfaces, "pIIDs",
                NdrReader::uuid)));
        int c = r.field("cRequestedProtseqs", s -> Codec.u16Count(s, "cRequestedProtseqs",
                DcomConstants.MAX_REQUESTED_PROTSEQS));
        List<Integer> protseqs = r.field("aRequestedProtseqs", s -> Codec.sized(s, c, "aRequestedProtseqs",
                NdrReader::u16));
        r.expectEnd();
        if (iids == null) {
            throw r.fail(Kind.INVALID_POINTER, "pIIDs is NULL");
        }
        return new RemoteActivationRequest(orpcThis, clsid, name, storage, impLevel, mode, interfaces, iids,
                protseqs);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        w.uuid(clsid).uniquePtr(pwszObjectName, NdrWriter::stringW)
                .uniquePtr(pObjectStorage, MInterfacePointer::encode)
                .i32(clientImpLevel).i32(mode).i32(interfaces)
                .uniquePtr(pIIDs, (p, l) -> Codec.sized(p, l, NdrWriter::uuid))
                .u16(requestedProtseqs.size());
        Codec.sized(w, requestedProtseqs, NdrWriter::u16);
    }

    public static RemoteActivationRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
