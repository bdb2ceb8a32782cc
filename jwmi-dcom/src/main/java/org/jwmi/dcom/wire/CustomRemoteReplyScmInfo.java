package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 2.2.22.2.8.1 customREMOTE_REPLY_SCM_INFO: where and how to reach the object exporter.
 * <pre>
 * typedef struct _customREMOTE_REPLY_SCM_INFO {
 *     OXID Oxid;
 *     DUALSTRINGARRAY *pdsaOxidBindings;   // not NULL; string bindings with endpoints
 *     IPID ipidRemUnknown;
 *     DWORD authnHint;                     // minimum authentication level of the exporter
 *     COMVERSION serverVersion;
 * } customREMOTE_REPLY_SCM_INFO;
 * </pre>
 *
 * @param oxid             the exporter's OXID
 * @param pdsaOxidBindings the exporter's bindings ({@code null} only if the pointer was NULL)
 * @param ipidRemUnknown   IPID of the exporter's IRemUnknown
 * @param authnHint        [MS-RPCE] 2.2.1.1.8 authentication level
 * @param serverVersion    the server's COM version
 */
public record CustomRemoteReplyScmInfo(long oxid, DualStringArray pdsaOxidBindings, UUID ipidRemUnknown,
                                       int authnHint, ComVersion serverVersion) {

    public CustomRemoteReplyScmInfo {
        Objects.requireNonNull(ipidRemUnknown, "ipidRemUnknown");
        Objects.requireNonNull(serverVersion, "serverVersion");
    }

    public static CustomRemoteReplyScmInfo decode(NdrReader r) {
        return r.struct("customREMOTE_REPLY_SCM_INFO", 8, s -> new CustomRemoteReplyScmInfo(s.u64(),
                s.field("pdsaOxidBindings", f -> f.uniquePtr(DualStringArray::decode)), s.uuid(), s.i32(),
                ComVersion.decode(s)));
    }

    public static void encode(NdrWriter w, CustomRemoteReplyScmInfo v) {
        w.struct(8, s -> {
            s.u64(v.oxid).uniquePtr(v.pdsaOxidBindings, DualStringArray::encode).uuid(v.ipidRemUnknown)
                    .i32(v.authnHint);
            ComVersion.encode(s, v.serverVersion);
        });
    }
}
