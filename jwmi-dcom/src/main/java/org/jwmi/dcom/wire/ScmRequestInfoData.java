package org.jwmi.dcom.wire;

import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 2.2.22.2.4 ScmRequestInfoData (CLSID_ScmRequestInfo).
 * <pre>
 * typedef struct tagScmRequestInfoData {
 *     DWORD *pdwReserved;                               // NULL
 *     customREMOTE_REQUEST_SCM_INFO *remoteRequest;     // not NULL
 * } ScmRequestInfoData;
 * </pre>
 *
 * @param pdwReserved   the referent of pdwReserved, {@code null} for NULL (as sent)
 * @param remoteRequest the request (the decoder rejects NULL)
 */
public record ScmRequestInfoData(Integer pdwReserved, CustomRemoteRequestScmInfo remoteRequest)
        implements ActivationProperty {

    /** pdwReserved NULL. */
    public static ScmRequestInfoData of(CustomRemoteRequestScmInfo remoteRequest) {
        return new ScmRequestInfoData(null, remoteRequest);
    }

    @Override
    public UUID clsid() {
        return Clsids.CLSID_SCMREQUESTINFO;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, ScmRequestInfoData::encode);
    }

    /** Decodes the top-level type; remoteRequest must not be NULL. */
    public static ScmRequestInfoData decode(NdrReader r) {
        ScmRequestInfoData v = r.struct("ScmRequestInfoData", 4, s -> new ScmRequestInfoData(
                s.uniquePtr(NdrReader::i32), s.field("remoteRequest",
                        f -> f.uniquePtr(CustomRemoteRequestScmInfo::decode))));
        if (v.remoteRequest == null) {
            throw r.fail(Kind.INVALID_POINTER, "ScmRequestInfoData.remoteRequest is NULL");
        }
        return v;
    }

    public static void encode(NdrWriter w, ScmRequestInfoData v) {
        w.struct(4, s -> s.uniquePtr(v.pdwReserved, NdrWriter::i32)
                .uniquePtr(v.remoteRequest, CustomRemoteRequestScmInfo::encode));
    }
}
