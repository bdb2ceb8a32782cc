package org.jwmi.rpc.mgmt;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.epm.EptCodec;

/**
 * [MS-RPCE] 2.2.1.3.3 rpc_mgmt_inq_stats (opnum 1), the [in] parameters.
 * <pre>
 * void rpc_mgmt_inq_stats([in] handle_t binding_handle, [in, out] StatisticsCount* count,
 *                         [out, size_is(*count)] unsigned long statistics[], [out] error_status_t* status);
 * </pre>
 *
 * @param count how many statistics the caller wants (0..50)
 */
public record RpcMgmtInqStatsRequest(int count) {

    public RpcMgmtInqStatsRequest {
        if (count < 0 || count > Mgmt.MAX_STATISTICS_COUNT) {
            throw new IllegalArgumentException("count must be 0.." + Mgmt.MAX_STATISTICS_COUNT);
        }
    }

    public static RpcMgmtInqStatsRequest decode(NdrReader r) {
        int count = r.field("count", s -> EptCodec.range(s, "count", Mgmt.MAX_STATISTICS_COUNT));
        r.expectEnd();
        return new RpcMgmtInqStatsRequest(count);
    }

    public void encode(NdrWriter w) {
        w.u32(count);
    }

    /** Decodes a little-endian stub. */
    public static RpcMgmtInqStatsRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
