package org.jwmi.dcom.wire;

import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;

/**
 * [MS-DCOM] 2.2.22.2.3 InstanceInfoData (CLSID_InstanceInfo): data for persistent activations.
 * <pre>
 * typedef struct tagInstanceInfoData {
 *     [string] wchar_t *fileName;
 *     DWORD mode;
 *     MInterfacePointer *ifdROT;          // NULL
 *     MInterfacePointer *ifdStg;
 * } InstanceInfoData;
 * </pre>
 *
 * @param fileName file to initialize the object from, or {@code null}
 * @param mode     raw mode
 * @param ifdROT   {@code null} when sent
 * @param ifdStg   storage OBJREF, or {@code null}
 */
public record InstanceInfoData(String fileName, int mode, MInterfacePointer ifdROT, MInterfacePointer ifdStg)
        implements ActivationProperty {

    @Override
    public UUID clsid() {
        return Clsids.CLSID_INSTANCEINFO;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, InstanceInfoData::encode);
    }

    public static InstanceInfoData decode(NdrReader r) {
        return r.struct("InstanceInfoData", 4, s -> new InstanceInfoData(s.uniquePtr(NdrReader::stringW), s.i32(),
                s.uniquePtr(MInterfacePointer::decode), s.uniquePtr(MInterfacePointer::decode)));
    }

    public static void encode(NdrWriter w, InstanceInfoData v) {
        w.struct(4, s -> s.uniquePtr(v.fileName, NdrWriter::stringW).i32(v.mode)
                .uniquePtr(v.ifdROT, MInterfacePointer::encode).uniquePtr(v.ifdStg, MInterfacePointer::encode));
    }
}
