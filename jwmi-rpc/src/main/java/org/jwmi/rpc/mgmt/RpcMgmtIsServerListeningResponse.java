package org.jwmi.rpc.mgmt;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [C706] Appendix Q rpc_mgmt_is_server_listening (opnum 2), the [out] parameters: the status, then the
 * boolean32 return value (an unsigned long, non-zero for TRUE).
 *
 * @param status    0 on success
 * @param listening the return value
 */
public record RpcMgmtIsServerListeningResponse(int status, boolean listening) {

    public static RpcMgmtIsServerListeningResponse decode(NdrReader r) {
        int status = (int) r.field("status", NdrReader::u32).longValue();
        long result = r.field("return", NdrReader::u32);
        r.expectEnd();
        return new RpcMgmtIsServerListeningResponse(status, result != 0);
    }

    public void encode(NdrWriter w) {
        w.u32(status & 0xffffffffL).u32(listening ? 1 : 0);
    }

    /** Decodes a little-endian stub. */
    public static RpcMgmtIsServerListeningResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
