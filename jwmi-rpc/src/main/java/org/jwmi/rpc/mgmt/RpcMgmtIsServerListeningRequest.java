package org.jwmi.rpc.mgmt;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [C706] Appendix Q rpc_mgmt_is_server_listening (opnum 2), the [in] parameters: none.
 * <pre>
 * boolean32 rpc_mgmt_is_server_listening([in] handle_t binding_handle, [out] error_status_t *status);
 * </pre>
 */
public record RpcMgmtIsServerListeningRequest() {

    public static RpcMgmtIsServerListeningRequest decode(NdrReader r) {
        r.expectEnd();
        return new RpcMgmtIsServerListeningRequest();
    }

    public void encode(NdrWriter w) {
        // no [in] parameters
    }

    public byte[] encode() {
        return new byte[0];
    }
}
