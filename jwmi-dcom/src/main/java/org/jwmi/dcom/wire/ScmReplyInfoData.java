package org.jwmi.dcom.wire;

import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 2.2.22.2.8 ScmReplyInfoData (CLSID_ScmReplyInfo).
 * <pre>
 * typedef struct tagScmReplyInfoData {
 *     DWORD *pdwReserved;                            // NULL
 *     customREMOTE_REPLY_SCM_INFO *remoteReply;
 * } ScmReplyInfoData;
 * </pre>
 *
 * @param pdwReserved referent of pdwReserved, {@code null} for NULL (as sent)
 * @param remoteReply the exporter information (the decoder rejects NULL, and a NULL pdsaOxidBindings in it)
 */
public record ScmReplyInfoData(Integer pdwReserved, CustomRemoteReplyScmInfo remoteReply)
        implements ActivationProperty {

    /** pdwReserved NULL. */
    public static ScmReplyInfoData of(CustomRemoteReplyScmInfo remoteReply) {
        return new ScmReplyInfoData(null, remoteReply);
    }

    @Override
    public UUID clsid() {
        return Clsids.CLSID_SCMREPLYINFO;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, ScmReplyInfoData::encode);
    }

    /** Decodes the top-level type; remoteReply and its pdsaOxidBindings must not be NULL. */
    public static ScmReplyInfoData decode(NdrReader r) {
        ScmReplyInfoData v = r.struct("ScmReplyInfoData", 4, s -> new ScmReplyInfoData(s.uniquePtr(NdrReader::i32),
                s.field("remoteReply", f -> f.uniquePtr(CustomRemoteReplyScmInfo::decode))));
        if (v.remoteReply == null) {
            throw r.fail(Kind.INVALID_POINTER, "ScmReplyInfoData.remoteReply is NULL");
        }
        if (v.remoteReply.pdsaOxidBindings() == null) {
            throw r.fail(Kind.INVALID_POINTER, "customREMOTE_REPLY_SCM_INFO.pdsaOxidBindings is NULL");
        }
        return v;
    }

    public static void encode(NdrWriter w, ScmReplyInfoData v) {
        w.struct(4, s -> s.uniquePtr(v.pdwReserved, NdrWriter::i32)
                .uniquePtr(v.remoteReply, CustomRemoteReplyScmInfo::encode));
    }
}
