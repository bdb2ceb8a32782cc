package org.jwmi.dcom.wire;

import java.util.List;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 2.2.22.2.4.1 customREMOTE_REQUEST_SCM_INFO: the protocol sequences the client supports.
 * <pre>
 * typedef struct _customREMOTE_REQUEST_SCM_INFO {
 *     DWORD ClientImpLevel;                                          // Windows: 2, ignored
 *     [range(0, MAX_REQUESTED_PROTSEQS)] unsigned short cRequestedProtseqs;
 *     [size_is(cRequestedProtseqs)] unsigned short *pRequestedProtseqs;
 * } customREMOTE_REQUEST_SCM_INFO;
 * </pre>
 *
 * @param clientImpLevel     raw ClientImpLevel
 * @param cRequestedProtseqs number of protocol sequences, 0..0x8000
 * @param pRequestedProtseqs the protocol sequence identifiers ({@code null} for a NULL pointer)
 */
public record CustomRemoteRequestScmInfo(int clientImpLevel, int cRequestedProtseqs,
                                         List<Integer> pRequestedProtseqs) {

    public CustomRemoteRequestScmInfo {
        if (cRequestedProtseqs < 0 || cRequestedProtseqs > 0xffff) {
            throw new IllegalArgumentException("cRequestedProtseqs is an unsigned short");
        }
        if (pRequestedProtseqs != null) {
            pRequestedProtseqs = List.copyOf(pRequestedProtseqs);
        }
    }

    /** ClientImpLevel 2 (what Windows sends) and these protocol sequences. */
    public static CustomRemoteRequestScmInfo of(List<Integer> protseqs) {
        return new CustomRemoteRequestScmInfo(2, protseqs.size(), protseqs);
    }

    /** The requested protocol sequences (never {@code null}). */
    public List<Integer> protseqs() {
        return pRequestedProtseqs == null ? List.of() : pRequestedProtseqs;
    }

    public static CustomRemoteRequestScmInfo decode(NdrReader r) {
        return r.struct("customREMOTE_REQUEST_SCM_INFO", 4, s -> {
            int clientImpLevel = s.i32();
            int c = s.u16();
            Support.range(s, "cRequestedProtseqs", c, 0, DcomConstants.MAX_REQUESTED_PROTSEQS);
            List<Integer> protseqs = s.field("pRequestedProtseqs", f -> f.uniquePtr(p ->
                    Support.sizedArray(p, c, "pRequestedProtseqs", NdrReader::u16)));
            return new CustomRemoteRequestScmInfo(clientImpLevel, c, protseqs);
        });
    }

    public static void encode(NdrWriter w, CustomRemoteRequestScmInfo v) {
        w.struct(4, s -> s.i32(v.clientImpLevel).u16(v.cRequestedProtseqs).uniquePtr(v.pRequestedProtseqs,
                (p, l) -> Support.sizedArray(p, l, NdrWriter::u16)));
    }
}
