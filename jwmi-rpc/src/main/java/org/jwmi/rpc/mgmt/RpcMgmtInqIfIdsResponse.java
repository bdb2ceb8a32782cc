package org.jwmi.rpc.mgmt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.epm.RpcIfId;
import org.jwmi.wire.ProtocolException;

/**
 * [C706] Appendix Q rpc_mgmt_inq_if_ids (opnum 0), the [out] parameters. The vector is a conformant structure
 * (its max_count travels in front of it) of pointers to interface identifiers ([MS-RPCE] 2.2.1.3.1).
 * <pre>
 * typedef struct { unsigned long Count; [size_is(Count)] RPC_IF_ID* IfId[]; } rpc_if_id_vector_t,
 *     *rpc_if_id_vector_p_t;
 *   [out] rpc_if_id_vector_p_t *if_id_vector,
 *   [out] error_status_t *status
 * </pre>
 *
 * @param ifIdVector the interfaces, empty for a NULL vector pointer
 * @param status     0 on success
 */
public record RpcMgmtInqIfIdsResponse(Optional<List<RpcIfId>> ifIdVector, int status) {

    public RpcMgmtInqIfIdsResponse {
        Objects.requireNonNull(ifIdVector, "ifIdVector");
        ifIdVector = ifIdVector.map(List::copyOf);
    }

    public static RpcMgmtInqIfIdsResponse decode(NdrReader r) {
        List<RpcIfId> vector = r.field("if_id_vector", s -> s.uniquePtr(RpcMgmtInqIfIdsResponse::decodeVector));
        if (vector != null && vector.contains(null)) {
            throw r.fail(ProtocolException.Kind.INVALID_POINTER, "rpc_if_id_vector_t holds a NULL IfId");
        }
        int status = (int) r.field("status", NdrReader::u32).longValue();
        r.expectEnd();
        return new RpcMgmtInqIfIdsResponse(Optional.ofNullable(vector), status);
    }

    private static List<RpcIfId> decodeVector(NdrReader r) {
        int maxCount = r.maxCount();
        return r.struct("rpc_if_id_vector_t", 4, s -> {
            long count = s.u32();
            if (count != maxCount) {
                throw s.fail(ProtocolException.Kind.BAD_VALUE, "Count " + count + " differs from max_count "
                        + maxCount);
            }
            return s.elements(maxCount, e -> e.uniquePtr(RpcIfId::decode));
        });
    }

    public void encode(NdrWriter w) {
        w.uniquePtr(ifIdVector.orElse(null), (v, ids) -> v.maxCount(ids.size())
                .struct(4, s -> s.u32(ids.size()).elements(ids, (e, id) -> e.uniquePtr(id, RpcIfId::encode))));
        w.u32(status & 0xffffffffL);
    }

    /** Decodes a little-endian stub. */
    public static RpcMgmtInqIfIdsResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
