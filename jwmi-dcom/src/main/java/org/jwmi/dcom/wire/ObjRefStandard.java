package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.18.4 OBJREF_STANDARD: a STDOBJREF and the bindings of the server's object resolver.
 * <pre>
 * STDOBJREF std;               // 40 bytes
 * DUALSTRINGARRAY saResAddr;   // packet version, resolver bindings (no endpoints)
 * </pre>
 *
 * @param iid       the IID the reference was marshaled for
 * @param std       the standard object reference
 * @param saResAddr the object resolver's string and security bindings
 */
public record ObjRefStandard(UUID iid, StdObjRef std, DualStringArray saResAddr) implements ObjRef {

    public ObjRefStandard {
        Objects.requireNonNull(iid, "iid");
        Objects.requireNonNull(std, "std");
        Objects.requireNonNull(saResAddr, "saResAddr");
    }

    @Override
    public ObjRefFlag flag() {
        return ObjRefFlag.OBJREF_STANDARD;
    }

    static ObjRefStandard decodeBody(UUID iid, WireReader r) {
        return new ObjRefStandard(iid, StdObjRef.decode(r), DualStringArray.decode(r));
    }

    @Override
    public void encode(WireWriter w) {
        Support.objRefHeader(w, flag(), iid);
        boolean le = w.isLittleEndian();
        w.littleEndian(true);
        std.encode(w);
        saResAddr.encode(w);
        w.littleEndian(le);
    }
}
