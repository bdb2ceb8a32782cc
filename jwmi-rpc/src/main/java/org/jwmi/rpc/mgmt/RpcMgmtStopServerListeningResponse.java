package org.jwmi.rpc.mgmt;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [C706] Appendix Q rpc_mgmt_stop_server_listening (opnum 3), the [out] parameters: the status.
 *
 * @param status 0 if the server stops; this server always answers {@link Mgmt#ERROR_ACCESS_DENIED}
 */
public record RpcMgmtStopServerListeningResponse(int status) {

    public static RpcMgmtStopServerListeningResponse decode(NdrReader r) {
        int status = (int) r.field("status", NdrReader::u32).longValue();
        r.expectEnd();
        return new RpcMgmtStopServerListeningResponse(status);
    }

    public void encode(NdrWriter w) {
        w.u32(status & 0xffffffffL);
    }

    /** Decodes a little-endian stub. */
    public static RpcMgmtStopServerListeningResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
