package org.jwmi.rpc.pdu;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.4.4 bind_ack (PTYPE 12): the negotiated fragment sizes, association group and one result per proposed
 * context ([MS-RPCE] 3.3.1.5.3, 3.3.1.5.6), with the server's security leg when the bind had one.
 *
 * <pre>
 * common header (16)
 * u_int16         max_xmit_frag;
 * u_int16         max_recv_frag;
 * u_int32         assoc_group_id;
 * port_any_t      sec_addr;        u_int16 length (counting the NUL) + ASCII port_spec
 * u_int8          pad2[];          to a multiple of 4 from the PDU start
 * p_result_list_t p_result_list;
 * [auth padding, sec_trailer, token]
 * </pre>
 *
 * @param secAddr the secondary address without its terminating NUL ({@code "135"}); empty when length is 0
 */
public record BindAck(PfcFlags pfcFlags, PackedDrep drep, int callId, int maxXmitFrag, int maxRecvFrag, int assocGroupId,
                      String secAddr, List<PResult> results, Optional<AuthVerifier> auth) implements Pdu {

    public BindAck {
        results = List.copyOf(results);
        Bind.checkFrags(maxXmitFrag, maxRecvFrag);
        for (int i = 0; i < secAddr.length(); i++) {
            if (secAddr.charAt(i) == 0 || secAddr.charAt(i) > 0x7e) {
                throw new IllegalArgumentException("secondary address must be printable ASCII");
            }
        }
    }

    @Override
    public PType type() {
        return PType.BIND_ACK;
    }

    public static BindAck decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.BIND_ACK, true);
        Fields f = decodeFields(o.reader());
        return new BindAck(o.header().pfcFlags(), o.header().drep(), o.header().callId(), f.xmit, f.recv, f.group,
                f.secAddr, f.results, o.auth());
    }

    @Override
    public byte[] encode() {
        return encodeAckLike(PType.BIND_ACK, pfcFlags, drep, callId, maxXmitFrag, maxRecvFrag, assocGroupId, secAddr,
                results, auth);
    }

    record Fields(int xmit, int recv, int group, String secAddr, List<PResult> results) {
    }

    static Fields decodeFields(WireReader r) {
        int xmit = r.u16();
        int recv = r.u16();
        int group = r.i32();
        r.enter("sec_addr");
        int len = r.u16();
        byte[] spec = r.bytes(len);
        String addr = "";
        if (len > 0) {
            if (spec[len - 1] != 0) {
                throw r.fail(ProtocolException.Kind.BAD_VALUE, "port_spec is not NUL-terminated");
            }
            for (int i = 0; i < len - 1; i++) {
                if (spec[i] == 0 || spec[i] < 0 || spec[i] > 0x7e) {
                    throw r.fail(ProtocolException.Kind.BAD_VALUE, "port_spec holds a non-ASCII or NUL octet");
                }
            }
            addr = new String(spec, 0, len - 1, StandardCharsets.US_ASCII);
        }
        r.exit();
        r.align(4);
        List<PResult> results = PResult.decodeList(r);
        return new Fields(xmit, recv, group, addr, results);
    }

    static byte[] encodeAckLike(PType t, PfcFlags f, PackedDrep d, int callId, int xmit, int recv, int group,
                                String secAddr, List<PResult> results, Optional<AuthVerifier> auth) {
        WireWriter w = CommonHeader.start(t, f, d, callId, 64 + 24 * results.size());
        w.u16(xmit).u16(recv).i32(group);
        if (secAddr.isEmpty()) {
            w.u16(0);
        } else {
            byte[] a = secAddr.getBytes(StandardCharsets.US_ASCII);
            w.u16(a.length + 1).bytes(a).u8(0);
        }
        w.align(4);
        PResult.encodeList(w, results);
        return Codec.finish(w, auth);
    }
}
