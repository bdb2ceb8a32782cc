package org.jwmi.rpc.mgmt;

import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.epm.EptCodec;

/**
 * [MS-RPCE] 2.2.1.3.4 rpc_mgmt_inq_princ_name (opnum 4), the [in] parameters.
 * <pre>
 * void rpc_mgmt_inq_princ_name([in] handle_t binding_handle, [in] unsigned long authn_proto,
 *                              [in, range(0, 4096)] unsigned long princ_name_size,
 *                              [out, string, size_is(princ_name_size)] char princ_name[],
 *                              [out] error_status_t* status);
 * </pre>
 *
 * @param authnProto    the RPC auth_type whose principal name is wanted (10 = NTLM, 9 = SPNEGO, 16 = Kerberos)
 * @param princNameSize the size of the caller's buffer in characters, terminator included (0..4096)
 */
public record RpcMgmtInqPrincNameRequest(int authnProto, int princNameSize) {

    public RpcMgmtInqPrincNameRequest {
        if (princNameSize < 0 || princNameSize > Mgmt.MAX_PRINC_NAME_SIZE) {
            throw new IllegalArgumentException("princ_name_size must be 0.." + Mgmt.MAX_PRINC_NAME_SIZE);
        }
    }

    public static RpcMgmtInqPrincNameRequest decode(NdrReader r) {
        int authnProto = (int) r.field("authn_proto", NdrReader::u32).longValue();
        int size = r.field("princ_name_size", s -> EptCodec.range(s, "princ_name_size", Mgmt.MAX_PRINC_NAME_SIZE));
        r.expectEnd();
        return new RpcMgmtInqPrincNameRequest(authnProto, size);
    }

    public void encode(NdrWriter w) {
        w.u32(authnProto & 0xffffffffL).u32(princNameSize);
    }

    /** Decodes a little-endian stub. */
    public static RpcMgmtInqPrincNameRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
