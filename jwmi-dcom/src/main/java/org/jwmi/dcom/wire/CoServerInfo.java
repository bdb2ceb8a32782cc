package org.jwmi.dcom.wire;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 2.2.22.2.7.1 COSERVERINFO: should not be sent, ignored on receipt.
 * <pre>
 * typedef struct _COSERVERINFO {
 *     DWORD dwReserved1;
 *     [string] wchar_t *pwszName;
 *     DWORD *pdwReserved;
 *     DWORD dwReserved2;
 * } COSERVERINFO;
 * </pre>
 *
 * @param dwReserved1 raw dwReserved1
 * @param pwszName    server name, or {@code null}
 * @param pdwReserved referent of pdwReserved, or {@code null}
 * @param dwReserved2 raw dwReserved2
 */
public record CoServerInfo(int dwReserved1, String pwszName, Integer pdwReserved, int dwReserved2) {

    public static CoServerInfo decode(NdrReader r) {
        return r.struct("COSERVERINFO", 4, s -> new CoServerInfo(s.i32(), s.uniquePtr(NdrReader::stringW),
                s.uniquePtr(NdrReader::i32), s.i32()));
    }

    public static void encode(NdrWriter w, CoServerInfo v) {
        w.struct(4, s -> s.i32(v.dwReserved1).uniquePtr(v.pwszName, NdrWriter::stringW)
                .uniquePtr(v.pdwReserved, NdrWriter::i32).i32(v.dwReserved2));
    }
}
