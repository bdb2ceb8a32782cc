package org.jwmi.rpc.client;

import java.util.Arrays;
import org.jwmi.rpc.pdu.PackedDrep;

/**
 * The response stub of a call with the data representation its response PDUs declared ([C706] 12.6.3.1
 * packed_drep, 14.1): DCE/RPC is receiver-makes-it-right, so a server may answer in its own byte order and the
 * stub must be decoded in that order. Windows (and jwmi's server) always answer little-endian.
 *
 * @param stub the reassembled (and, at pktPrivacy, decrypted) response stub
 * @param drep the packed_drep of the response fragments
 */
public record RpcReply(byte[] stub, PackedDrep drep) {

    public RpcReply {
        stub = stub.clone();
    }

    @Override
    public byte[] stub() {
        return stub.clone();
    }

    /** Whether the stub is little-endian NDR (integer representation 1 in the data representation label). */
    public boolean littleEndian() {
        return drep.littleEndian();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RpcReply r && r.drep.equals(drep) && Arrays.equals(r.stub, stub);
    }

    @Override
    public int hashCode() {
        return drep.hashCode() * 31 + Arrays.hashCode(stub);
    }

    @Override
    public String toString() {
        return "RpcReply[" + stub.length + " bytes, drep " + drep + "]";
    }
}
