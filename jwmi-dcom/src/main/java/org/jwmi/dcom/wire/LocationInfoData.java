package org.jwmi.dcom.wire;

import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;

/**
 * [MS-DCOM] 2.2.22.2.6 LocationInfoData (CLSID_ServerLocationInfo): must be present, ignored by the server.
 * <pre>
 * typedef struct tagLocationInfoData {
 *     [string] wchar_t *machineName;   // NULL
 *     DWORD processId;                 // 0
 *     DWORD apartmentId;               // 0
 *     DWORD contextId;                 // 0
 * } LocationInfoData;
 * </pre>
 *
 * @param machineName {@code null} when sent
 * @param processId   raw processId
 * @param apartmentId raw apartmentId
 * @param contextId   raw contextId
 */
public record LocationInfoData(String machineName, int processId, int apartmentId, int contextId)
        implements ActivationProperty {
    /** All NULL / zero, as sent. */
    public static final LocationInfoData EMPTY = new LocationInfoData(null, 0, 0, 0);

    @Override
    public UUID clsid() {
        return Clsids.CLSID_SERVERLOCATIONINFO;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, LocationInfoData::encode);
    }

    public static LocationInfoData decode(NdrReader r) {
        return r.struct("LocationInfoData", 4, s -> new LocationInfoData(s.uniquePtr(NdrReader::stringW), s.i32(),
                s.i32(), s.i32()));
    }

    public static void encode(NdrWriter w, LocationInfoData v) {
        w.struct(4, s -> s.uniquePtr(v.machineName, NdrWriter::stringW).i32(v.processId).i32(v.apartmentId)
                .i32(v.contextId));
    }
}
