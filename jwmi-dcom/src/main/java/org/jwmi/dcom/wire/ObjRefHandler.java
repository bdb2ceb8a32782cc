package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.18.5 OBJREF_HANDLER: like OBJREF_STANDARD, plus the CLSID of a client-side handler.
 * <pre>
 * STDOBJREF std;               // 40 bytes
 * CLSID clsid;                 // handler class on the client
 * DUALSTRINGARRAY saResAddr;   // packet version
 * </pre>
 *
 * @param iid       the IID the reference was marshaled for
 * @param std       the standard object reference
 * @param clsid     the handler's CLSID
 * @param saResAddr the object resolver's string and security bindings
 */
public record ObjRefHandler(UUID iid, StdObjRef std, UUID clsid, DualStringArray saResAddr) implements ObjRef {

    public ObjRefHandler {
        Objects.requireNonNull(iid, "iid");
        Objects.requireNonNull(std, "std");
        Objects.requireNonNull(clsid, "clsid");
        Objects.requireNonNull(saResAddr, "saResAddr");
    }

    @Override
    public ObjRefFlag flag() {
        return ObjRefFlag.OBJREF_HANDLER;
    }

    static ObjRefHandler decodeBody(UUID iid, WireReader r) {
        StdObjRef std = StdObjRef.decode(r);
        r.enter("clsid");
        UUID clsid;
        try {
            clsid = r.uuid();
        } finally {
            r.exit();
        }
        return new ObjRefHandler(iid, std, clsid, DualStringArray.decode(r));
    }

    @Override
    public void encode(WireWriter w) {
        Support.objRefHeader(w, flag(), iid);
        boolean le = w.isLittleEndian();
        w.littleEndian(true);
        std.encode(w);
        w.uuid(clsid);
        saResAddr.encode(w);
        w.littleEndian(le);
    }
}
