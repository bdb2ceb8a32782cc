package org.jwmi.dcom.wire;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-DCOM] 2.2.22.1 CustomHeader: the format and order of the properties of an activation properties BLOB.
 * {@link ActivationProperties} builds and checks it; this record is the faithful wire form.
 * <pre>
 * typedef struct tagCustomHeader {
 *     DWORD totalSize;                                          // CustomHeader start to end of last property
 *     DWORD headerSize;                                         // the serialized CustomHeader
 *     DWORD dwReserved;                                         // 0
 *     DWORD destCtx;                                            // Windows: MSHCTX_DIFFERENTMACHINE (2)
 *     [range(MIN_ACTPROP_LIMIT, MAX_ACTPROP_LIMIT)] DWORD cIfs; // 1..10
 *     CLSID classInfoClsid;                                     // GUID_NULL
 *     [size_is(cIfs)] CLSID *pclsid;
 *     [size_is(cIfs)] DWORD *pSizes;
 *     DWORD *pdwReserved;                                       // NULL
 * } CustomHeader;
 * </pre>
 *
 * @param totalSize      raw totalSize (unsigned)
 * @param headerSize     raw headerSize (unsigned)
 * @param dwReserved     raw dwReserved
 * @param destCtx        raw destCtx
 * @param cIfs           number of properties, 1..10
 * @param classInfoClsid classInfoClsid
 * @param pclsid         the property CLSIDs ({@code null} only if the pointer was NULL)
 * @param pSizes         the serialized size of each property, unsigned ({@code null} only if NULL)
 * @param pdwReserved    referent of pdwReserved, {@code null} for NULL
 */
public record CustomHeader(int totalSize, int headerSize, int dwReserved, int destCtx, int cIfs,
                           UUID classInfoClsid, List<UUID> pclsid, List<Integer> pSizes, Integer pdwReserved) {

    public CustomHeader {
        Objects.requireNonNull(classInfoClsid, "classInfoClsid");
        if (pclsid != null) {
            pclsid = List.copyOf(pclsid);
        }
        if (pSizes != null) {
            pSizes = List.copyOf(pSizes);
        }
    }

    /** Decodes the top-level type; pclsid and pSizes must not be NULL. */
    public static CustomHeader decode(NdrReader r) {
        CustomHeader h = r.struct("CustomHeader", 4, s -> {
            int totalSize = s.i32();
            int headerSize = s.i32();
            int dwReserved = s.i32();
            int destCtx = s.i32();
            long cIfs = s.u32();
            Support.range(s, "cIfs", cIfs, DcomConstants.MIN_ACTPROP_LIMIT, DcomConstants.MAX_ACTPROP_LIMIT);
            UUID classInfoClsid = s.uuid();
            List<UUID> pclsid = s.field("pclsid", f -> f.uniquePtr(p -> Support.sizedArray(p, cIfs, "pclsid",
                    NdrReader::uuid)));
            List<Integer> pSizes = s.field("pSizes", f -> f.uniquePtr(p -> Support.sizedArray(p, cIfs, "pSizes",
                    NdrReader::i32)));
            Integer pdwReserved = s.uniquePtr(NdrReader::i32);
            return new CustomHeader(totalSize, headerSize, dwReserved, destCtx, (int) cIfs, classInfoClsid, pclsid,
                    pSizes, pdwReserved);
        });
        if (h.pclsid == null || h.pSizes == null) {
            throw r.fail(Kind.INVALID_POINTER, "CustomHeader.pclsid and pSizes must not be NULL");
        }
        return h;
    }

    public static void encode(NdrWriter w, CustomHeader h) {
        w.struct(4, s -> s.i32(h.totalSize).i32(h.headerSize).i32(h.dwReserved).i32(h.destCtx).i32(h.cIfs)
                .uuid(h.classInfoClsid)
                .uniquePtr(h.pclsid, (p, l) -> Support.sizedArray(p, l, NdrWriter::uuid))
                .uniquePtr(h.pSizes, (p, l) -> Support.sizedArray(p, l, NdrWriter::i32))
                .uniquePtr(h.pdwReserved, NdrWriter::i32));
    }
}
