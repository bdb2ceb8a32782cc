package org.jwmi.wmi.ops;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 2.2.21 _WBEM_REFRESHER_ID.
 * <pre>
 * typedef struct {
 *     [string] LPSTR m_szMachineName;      // embedded unique pointer to a char string
 *     DWORD m_dwProcessId;
 *     GUID m_guidRefresherId;
 * } _WBEM_REFRESHER_ID;
 * </pre>
 */
public record WbemRefresherId(String mSzMachineName, int mDwProcessId, UUID mGuidRefresherId) {

    public WbemRefresherId {
        Objects.requireNonNull(mGuidRefresherId, "mGuidRefresherId");
    }

    public static WbemRefresherId decode(NdrReader r) {
        return r.struct("_WBEM_REFRESHER_ID", 4, s -> new WbemRefresherId(s.uniquePtr(NdrReader::stringA),
                s.i32(), s.uuid()));
    }

    public static void encode(NdrWriter w, WbemRefresherId v) {
        w.struct(4, s -> s.uniquePtr(v.mSzMachineName, NdrWriter::stringA).i32(v.mDwProcessId)
                .uuid(v.mGuidRefresherId));
    }
}
