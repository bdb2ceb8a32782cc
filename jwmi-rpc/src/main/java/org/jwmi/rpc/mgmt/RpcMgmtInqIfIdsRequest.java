package org.jwmi.rpc.mgmt;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [C706] Appendix Q rpc_mgmt_inq_if_ids (opnum 0), the [in] parameters: none, the stub is empty.
 * <pre>
 * void rpc_mgmt_inq_if_ids([in] handle_t binding_handle, [out] rpc_if_id_vector_p_t *if_id_vector,
 *                          [out] error_status_t *status);
 * </pre>
 */
public record RpcMgmtInqIfIdsRequest() {

    public static RpcMgmtInqIfIdsRequest decode(NdrReader r) {
        r.expectEnd();
        return new RpcMgmtInqIfIdsRequest();
    }

    public void encode(NdrWriter w) {
        // no [in] parameters
    }

    public byte[] encode() {
        return new byte[0];
    }
}
