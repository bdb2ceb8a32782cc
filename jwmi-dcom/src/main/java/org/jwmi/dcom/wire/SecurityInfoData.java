package org.jwmi.dcom.wire;

import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;

/**
 * [MS-DCOM] 2.2.22.2.7 SecurityInfoData (CLSID_SecurityInfo): should not be sent (Windows clients send it, note
 * 34), ignored on receipt.
 * <pre>
 * typedef struct tagSecurityInfoData {
 *     DWORD dwAuthnFlags;           // 0
 *     COSERVERINFO *pServerInfo;    // should be NULL
 *     DWORD *pdwReserved;           // NULL
 * } SecurityInfoData;
 * </pre>
 *
 * @param dwAuthnFlags raw dwAuthnFlags
 * @param pServerInfo  the server info, or {@code null}
 * @param pdwReserved  referent of pdwReserved, or {@code null}
 */
public record SecurityInfoData(int dwAuthnFlags, CoServerInfo pServerInfo, Integer pdwReserved)
        implements ActivationProperty {

    @Override
    public UUID clsid() {
        return Clsids.CLSID_SECURITYINFO;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, SecurityInfoData::encode);
    }

    public static SecurityInfoData decode(NdrReader r) {
        return r.struct("SecurityInfoData", 4, s -> new SecurityInfoData(s.i32(), s.uniquePtr(CoServerInfo::decode),
                s.uniquePtr(NdrReader::i32)));
    }

    public static void encode(NdrWriter w, SecurityInfoData v) {
        w.struct(4, s -> s.i32(v.dwAuthnFlags).uniquePtr(v.pServerInfo, CoServerInfo::encode)
                .uniquePtr(v.pdwReserved, NdrWriter::i32));
    }
}
