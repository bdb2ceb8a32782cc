package org.jwmi.dcom.wire;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 2.2.22.2.1 InstantiationInfoData (CLSID_InstantiationInfo): the class to activate and the interfaces
 * requested.
 * <pre>
 * typedef struct tagInstantiationInfoData {
 *     CLSID classId;
 *     DWORD classCtx;                                        // CLSCTX, ignored
 *     DWORD actvflags;                                       // ACTVFLAGS_*
 *     long fIsSurrogate;                                     // FALSE
 *     [range(1, MAX_REQUESTED_INTERFACES)] DWORD cIID;
 *     DWORD instFlag;                                        // 0
 *     [size_is(cIID)] IID *pIID;
 *     DWORD thisSize;                                        // serialized size, ignored
 *     COMVERSION clientCOMVersion;
 * } InstantiationInfoData;
 * </pre>
 *
 * @param classId          the CLSID to activate
 * @param classCtx         raw classCtx
 * @param actvflags        raw actvflags (see {@link #actvflagSet()})
 * @param fIsSurrogate     raw fIsSurrogate
 * @param cIID             number of requested interfaces, 1..0x8000
 * @param instFlag         raw instFlag
 * @param pIID             the requested IIDs (cIID of them; {@code null} only if the pointer was NULL)
 * @param thisSize         raw thisSize
 * @param clientCOMVersion the client's COM version
 */
public record InstantiationInfoData(UUID classId, int classCtx, int actvflags, int fIsSurrogate, int cIID,
                                    int instFlag, List<UUID> pIID, int thisSize, ComVersion clientCOMVersion)
        implements ActivationProperty {
    /** CLSCTX_REMOTE_SERVER, what {@link #of} puts in classCtx. */
    public static final int CLSCTX_REMOTE_SERVER = 0x10;

    public InstantiationInfoData {
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(clientCOMVersion, "clientCOMVersion");
        if (pIID != null) {
            pIID = List.copyOf(pIID);
        }
    }

    /** A request for {@code iids} of {@code classId}, with thisSize filled in. */
    public static InstantiationInfoData of(UUID classId, List<UUID> iids, ComVersion clientCOMVersion) {
        InstantiationInfoData v = new InstantiationInfoData(classId, CLSCTX_REMOTE_SERVER, 0, 0, iids.size(), 0,
                iids, 0, clientCOMVersion);
        return new InstantiationInfoData(classId, CLSCTX_REMOTE_SERVER, 0, 0, iids.size(), 0, iids,
                v.serialize().length, clientCOMVersion);
    }

    public EnumSet<ActvFlag> actvflagSet() {
        return BitFlag.toSet(ActvFlag.class, actvflags);
    }

    /** The requested IIDs (never {@code null}). */
    public List<UUID> iids() {
        return pIID == null ? List.of() : pIID;
    }

    @Override
    public UUID clsid() {
        return Clsids.CLSID_INSTANTIATIONINFO;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, InstantiationInfoData::encode);
    }

    /** Decodes the top-level type; pIID must not be NULL. */
    public static InstantiationInfoData decode(NdrReader r) {
        InstantiationInfoData v = r.struct("InstantiationInfoData", 4, s -> {
            UUID classId = s.uuid();
            int classCtx = s.i32();
            int actvflags = s.i32();
            int fIsSurrogate = s.i32();
            long cIID = s.u32();
            Support.range(s, "cIID", cIID, 1, DcomConstants.MAX_REQUESTED_INTERFACES);
            int instFlag = s.i32();
            List<UUID> iids = s.field("pIID", f -> f.uniquePtr(p -> Support.sizedArray(p, cIID, "pIID",
                    NdrReader::uuid)));
            int thisSize = s.i32();
            return new InstantiationInfoData(classId, classCtx, actvflags, fIsSurrogate, (int) cIID, instFlag, iids,
                    thisSize, ComVersion.decode(s));
        });
        if (v.pIID == null) {
            throw r.fail(Kind.INVALID_POINTER, "InstantiationInfoData.pIID is NULL");
        }
        return v;
    }

    public static void encode(NdrWriter w, InstantiationInfoData v) {
        w.struct(4, s -> {
            s.uuid(v.classId).i32(v.classCtx).i32(v.actvflags).i32(v.fIsSurrogate).i32(v.cIID).i32(v.instFlag)
                    .uniquePtr(v.pIID, (p, l) -> Support.sizedArray(p, l, NdrWriter::uuid))
                    .i32(v.thisSize);
            ComVersion.encode(s, v.clientCOMVersion);
        });
    }
}
