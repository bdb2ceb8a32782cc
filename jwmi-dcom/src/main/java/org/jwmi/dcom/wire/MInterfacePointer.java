package org.jwmi.dcom.wire;

import java.util.Arrays;
import java.util.Objects;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 2.2.14 MInterfacePointer: an NDR conformant structure whose bytes hold a hand-marshaled OBJREF.
 * <pre>
 * typedef struct tagMInterfacePointer {
 *     unsigned long ulCntData;
 *     [size_is(ulCntData)] byte abData[];
 * } MInterfacePointer;
 * typedef [unique] MInterfacePointer *PMInterfacePointer;   // 2.2.16: r.uniquePtr(MInterfacePointer::decode)
 * </pre>
 * ulCntData is derived from {@code abData}. The OBJREF is decoded on demand with {@link #objRef}.
 *
 * @param abData the OBJREF bytes (not copied; do not modify)
 */
public record MInterfacePointer(byte[] abData) {

    public MInterfacePointer {
        Objects.requireNonNull(abData, "abData");
    }

    /** An interface pointer holding {@code objRef}. */
    public static MInterfacePointer of(ObjRef objRef) {
        return new MInterfacePointer(objRef.encode());
    }

    /** The OBJREF in abData (which it must fill exactly). */
    public ObjRef objRef(CustomUnmarshalerRegistry registry) {
        return ObjRef.decode(abData, registry, Limits.DEFAULT);
    }

    public ObjRef objRef(CustomUnmarshalerRegistry registry, Limits limits) {
        return ObjRef.decode(abData, registry, limits);
    }

    /** The hoisted max_count, then ulCntData (must equal it), then the bytes. */
    public static MInterfacePointer decode(NdrReader r) {
        int max = r.maxByteCount();
        return r.struct("MInterfacePointer", 4, s -> {
            long ulCntData = s.u32();
            if (ulCntData != max) {
                throw s.fail(Kind.BAD_VALUE, "ulCntData " + ulCntData + " differs from max_count " + max);
            }
            return new MInterfacePointer(s.byteElements(max));
        });
    }

    public static void encode(NdrWriter w, MInterfacePointer v) {
        w.maxCount(v.abData.length).struct(4, s -> s.u32(v.abData.length).byteElements(v.abData));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MInterfacePointer m && Arrays.equals(abData, m.abData);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(abData);
    }

    @Override
    public String toString() {
        return "MInterfacePointer[" + abData.length + " bytes]";
    }
}
