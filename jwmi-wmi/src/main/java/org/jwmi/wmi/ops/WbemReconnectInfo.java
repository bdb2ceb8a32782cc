package org.jwmi.wmi.ops;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 2.2.22 _WBEM_RECONNECT_INFO.
 * <pre>
 * typedef struct {
 *     long m_lType;                       // _WBEM_RECONNECT_TYPE
 *     [string] LPCWSTR m_pwcsPath;        // embedded unique pointer
 * } _WBEM_RECONNECT_INFO;
 * </pre>
 */
public record WbemReconnectInfo(int mLType, String mPwcsPath) {

    public static WbemReconnectInfo decode(NdrReader r) {
        return r.struct("_WBEM_RECONNECT_INFO", 4,
                s -> new WbemReconnectInfo(s.i32(), s.uniquePtr(NdrReader::stringW)));
    }

    public static void encode(NdrWriter w, WbemReconnectInfo v) {
        w.struct(4, s -> s.i32(v.mLType).uniquePtr(v.mPwcsPath, NdrWriter::stringW));
    }
}
