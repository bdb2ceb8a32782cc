package org.jwmi.dcom.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 2.2.22.2.9 PropsOutInfo (CLSID_PropsOutInfo): the interfaces returned by an activation and an HRESULT
 * for each.
 * <pre>
 * typedef struct tagPropsOutInfo {
 *     [range(1, MAX_REQUESTED_INTERFACES)] DWORD cIfs;
 *     [size_is(cIfs)] IID *piid;
 *     [size_is(cIfs)] HRESULT *phresults;
 *     [size_is(cIfs)] MInterfacePointer **ppIntfData;   // NULL element where the HRESULT is a failure
 * } PropsOutInfo;
 * </pre>
 *
 * @param cIfs       number of interfaces, 1..0x8000
 * @param piid       the IIDs (the decoder rejects NULL)
 * @param phresults  one HRESULT per IID (the decoder rejects NULL)
 * @param ppIntfData one interface pointer per IID, {@code null} elements allowed (the decoder rejects a NULL array)
 */
public record PropsOutInfo(int cIfs, List<UUID> piid, List<Integer> phresults, List<MInterfacePointer> ppIntfData)
        implements ActivationProperty {

    public PropsOutInfo {
        if (piid != null) {
            piid = List.copyOf(piid);
        }
        if (phresults != null) {
            phresults = List.copyOf(phresults);
        }
        if (ppIntfData != null) {
            ppIntfData = Collections.unmodifiableList(new ArrayList<>(ppIntfData));
        }
    }

    /** cIfs from the lists, which must have the same length. */
    public static PropsOutInfo of(List<UUID> iids, List<Integer> hresults, List<MInterfacePointer> interfaces) {
        if (iids.size() != hresults.size() || iids.size() != interfaces.size()) {
            throw new IllegalArgumentException("piid, phresults and ppIntfData must have the same length");
        }
        return new PropsOutInfo(iids.size(), iids, hresults, interfaces);
    }

    @Override
    public UUID clsid() {
        return Clsids.CLSID_PROPSOUTINFO;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, PropsOutInfo::encode);
    }

    /** Decodes the top-level type; the three arrays must be present. */
    public static PropsOutInfo decode(NdrReader r) {
        PropsOutInfo v = r.struct("PropsOutInfo", 4, s -> {
            long cIfs = s.u32();
            Support.range(s, "cIfs", cIfs, 1, DcomConstants.MAX_REQUESTED_INTERFACES);
            List<UUID> piid = s.field("piid", f -> f.uniquePtr(p -> Support.sizedArray(p, cIfs, "piid",
                    NdrReader::uuid)));
            List<Integer> phresults = s.field("phresults", f -> f.uniquePtr(p -> Support.sizedArray(p, cIfs,
                    "phresults", NdrReader::i32)));
            List<MInterfacePointer> ppIntfData = s.field("ppIntfData", f -> f.uniquePtr(p -> Support.sizedArray(p,
                    cIfs, "ppIntfData", e -> e.uniquePtr(MInterfacePointer::decode))));
            return new PropsOutInfo((int) cIfs, piid, phresults, ppIntfData);
        });
        if (v.piid == null || v.phresults == null || v.ppIntfData == null) {
            throw r.fail(Kind.INVALID_POINTER, "PropsOutInfo.piid, phresults and ppIntfData must not be NULL");
        }
        return v;
    }

    public static void encode(NdrWriter w, PropsOutInfo v) {
        w.struct(4, s -> s.i32(v.cIfs)
                .uniquePtr(v.piid, (p, l) -> Support.sizedArray(p, l, NdrWriter::uuid))
                .uniquePtr(v.phresults, (p, l) -> Support.sizedArray(p, l, NdrWriter::i32))
                .uniquePtr(v.ppIntfData, (p, l) -> Support.sizedArray(p, l,
                        (e, ip) -> e.uniquePtr(ip, MInterfacePointer::encode))));
    }
}
