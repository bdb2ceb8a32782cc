package org.jwmi.rpc.mgmt;

import java.util.List;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.epm.EptCodec;
import org.jwmi.wire.ProtocolException;

/**
 * [MS-RPCE] 2.2.1.3.3 rpc_mgmt_inq_stats (opnum 1), the [out] parameters: the count returned, then that many
 * unsigned longs (a conformant array), then the status. Index {@link Mgmt#RPC_C_STATS_CALLS_IN} and following.
 *
 * @param statistics the values (unsigned 32-bit, each in a long); count is their number
 * @param status     0 on success
 */
public record RpcMgmtInqStatsResponse(List<Long> statistics, int status) {

    public RpcMgmtInqStatsResponse {
        statistics = List.copyOf(statistics);
        if (statistics.size() > Mgmt.MAX_STATISTICS_COUNT) {
            throw new IllegalArgumentException("more than " + Mgmt.MAX_STATISTICS_COUNT + " statistics");
        }
        for (long v : statistics) {
            if (v < 0 || v > 0xffffffffL) {
                throw new IllegalArgumentException("statistic " + v + " is not an unsigned long");
            }
        }
    }

    public static RpcMgmtInqStatsResponse decode(NdrReader r) {
        int count = r.field("count", s -> EptCodec.range(s, "count", Mgmt.MAX_STATISTICS_COUNT));
        List<Long> values = r.field("statistics", s -> {
            int maxCount = s.maxCount();
            if (maxCount != count) {
                throw s.fail(ProtocolException.Kind.BAD_VALUE, "max_count " + maxCount + " differs from count "
                        + count);
            }
            return s.fixedArray(maxCount, NdrReader::u32);
        });
        int status = (int) r.field("status", NdrReader::u32).longValue();
        r.expectEnd();
        return new RpcMgmtInqStatsResponse(values, status);
    }

    public void encode(NdrWriter w) {
        w.u32(statistics.size())
                .conformantArray(statistics, NdrWriter::u32)
                .u32(status & 0xffffffffL);
    }

    /** Decodes a little-endian stub. */
    public static RpcMgmtInqStatsResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
