package org.jwmi.rpc.mgmt;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [C706] Appendix Q rpc_mgmt_stop_server_listening (opnum 3), the [in] parameters: none.
 * <pre>
 * void rpc_mgmt_stop_server_listening([in] handle_t binding_handle, [out] error_status_t *status);
 * </pre>
 */
public record RpcMgmtStopServerListeningRequest() {

    public static RpcMgmtStopServerListeningRequest decode(NdrReader r) {
        r.expectEnd();
        return new RpcMgmtStopServerListeningRequest();
    }

    public void encode(NdrWriter w) {
        // no [in] parameters
    }

    public byte[] encode() {
        return new byte[0];
    }
}
