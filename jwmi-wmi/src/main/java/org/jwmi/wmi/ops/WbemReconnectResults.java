package org.jwmi.wmi.ops;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 2.2.23 _WBEM_RECONNECT_RESULTS.
 * <pre>
 * typedef struct { long m_lId; HRESULT m_hr; } _WBEM_RECONNECT_RESULTS;
 * </pre>
 */
public record WbemReconnectResults(int mLId, int mHr) {

    public static WbemReconnectResults decode(NdrReader r) {
        return r.struct("_WBEM_RECONNECT_RESULTS", 4, s -> new WbemReconnectResults(s.i32(), s.i32()));
    }

    public static void encode(NdrWriter w, WbemReconnectResults v) {
        w.struct(4, s -> s.i32(v.mLId).i32(v.mHr));
    }
}
