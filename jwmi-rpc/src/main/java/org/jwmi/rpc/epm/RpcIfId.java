package org.jwmi.rpc.epm;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.SyntaxId;

/**
 * [C706] Appendix N / [MS-RPCE] 2.2.1.3.1 RPC_IF_ID: an interface UUID and version, as ept_lookup and
 * rpc_mgmt_inq_if_ids carry it.
 * <pre>
 * typedef struct { UUID Uuid; unsigned short VersMajor; unsigned short VersMinor; } RPC_IF_ID;
 * </pre>
 */
public record RpcIfId(UUID uuid, int versMajor, int versMinor) {

    public RpcIfId {
        Objects.requireNonNull(uuid, "uuid");
        if (versMajor < 0 || versMajor > 0xffff || versMinor < 0 || versMinor > 0xffff) {
            throw new IllegalArgumentException("version out of range");
        }
    }

    public static RpcIfId of(SyntaxId s) {
        return new RpcIfId(s.uuid(), s.versionMajor(), s.versionMinor());
    }

    public SyntaxId toSyntaxId() {
        return new SyntaxId(uuid, versMajor, versMinor);
    }

    public static RpcIfId decode(NdrReader r) {
        return r.struct("RPC_IF_ID", 4, s -> new RpcIfId(s.uuid(), s.u16(), s.u16()));
    }

    public static void encode(NdrWriter w, RpcIfId v) {
        w.struct(4, s -> s.uuid(v.uuid).u16(v.versMajor).u16(v.versMinor));
    }

    @Override
    public String toString() {
        return uuid + " v" + versMajor + "." + versMinor;
    }
}
