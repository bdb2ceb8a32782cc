package org.jwmi.rpc.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.Hex;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;
import org.junit.jupiter.api.Test;

/**
 * [C706] 12.6.3.1: every header and body field is in the byte order of the PDU's packed_drep. The vectors are
 * Samba's big-endian PDUs (binding option {@code bigendian}); each must decode to the record written out here by
 * hand, encode back to the same bytes, and equal its little-endian twin in everything but the label.
 */
class BigEndianPduTest {

    static final SyntaxId MGMT = new SyntaxId(UUID.fromString("afa8bd80-7d8a-11c9-bef4-08002b102989"), 1, 0);
    static final SyntaxId EPM = new SyntaxId(UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa"), 3, 0);
    static final List<PContElem> SAMBA_CONTEXTS = List.of(new PContElem(0, MGMT, List.of(SyntaxId.NDR20)),
            new PContElem(1, MGMT, List.of(BindTimeFeatures.syntax(0x03))));

    static byte[] vector(String name) {
        try (InputStream in = BigEndianPduTest.class.getResourceAsStream("/vectors/samba/" + name + ".hex")) {
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same PDU under another data representation label. */
    static Pdu withDrep(Pdu p, PackedDrep d) {
        if (p instanceof Bind b) {
            return new Bind(b.pfcFlags(), d, b.callId(), b.maxXmitFrag(), b.maxRecvFrag(), b.assocGroupId(),
                    b.contexts(), b.auth());
        }
        if (p instanceof AlterContext a) {
            return new AlterContext(a.pfcFlags(), d, a.callId(), a.maxXmitFrag(), a.maxRecvFrag(), a.assocGroupId(),
                    a.contexts(), a.auth());
        }
        if (p instanceof Request q) {
            return new Request(q.pfcFlags(), d, q.callId(), q.allocHint(), q.pContId(), q.opnum(), q.object(),
                    q.stub(), q.auth());
        }
        if (p instanceof RpcAuth3 a) {
            return new RpcAuth3(a.pfcFlags(), d, a.callId(), a.pad(), a.verifier());
        }
        throw new IllegalArgumentException(p.type().toString());
    }

    /** Decodes to {@code expected}, re-encodes byte for byte, and matches its little-endian twin. */
    static void assertBigEndianGolden(byte[] be, Pdu expected) {
        assertThat(expected.drep()).isEqualTo(PackedDrep.BIG_ENDIAN);
        Pdu decoded = Pdu.decode(be);
        assertThat(decoded).isEqualTo(expected);
        assertThat(Hex.encode(expected.encode())).isEqualTo(Hex.encode(be));
        Pdu twin = withDrep(expected, PackedDrep.LITTLE_ENDIAN);
        byte[] le = twin.encode();
        assertThat(le).hasSameSizeAs(be).isNotEqualTo(be);
        assertThat(Pdu.decode(le)).isEqualTo(twin);
        assertThat(withDrep(decoded, PackedDrep.LITTLE_ENDIAN)).isEqualTo(twin);
    }

    static byte[] tail(byte[] b, int n) {
        return Arrays.copyOfRange(b, b.length - n, b.length);
    }

    @Test
    void sambaAnonymousBind() {
        assertBigEndianGolden(vector("be-bind-anonymous"), new Bind(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 1,
                5840, 5840, 0, SAMBA_CONTEXTS, Optional.empty()));
    }

    @Test
    void sambaNtlmBindKeepsAuthContextIdInBigEndian() {
        byte[] v = vector("be-bind-ntlm-integrity");
        byte[] token = tail(v, 40);
        assertThat(new String(token, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("NTLMSSP\0");
        assertBigEndianGolden(v, new Bind(PfcFlags.FIRST_LAST.with(PfcFlag.SUPPORT_HEADER_SIGN),
                PackedDrep.BIG_ENDIAN, 1, 5840, 5840, 0, SAMBA_CONTEXTS,
                Optional.of(new AuthVerifier(SecTrailer.of(10, 5, 0, 1), token))));
    }

    @Test
    void sambaAlterContext() {
        assertBigEndianGolden(vector("be-alter_context"), new AlterContext(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN,
                2, 5840, 5840, 0x58d54510, List.of(new PContElem(1, EPM, List.of(SyntaxId.NDR20))), Optional.empty()));
    }

    @Test
    void sambaRpcAuth3() {
        byte[] v = vector("be-rpc_auth_3-ntlm");
        byte[] token = tail(v, 378);
        assertThat(new String(token, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("NTLMSSP\0");
        assertBigEndianGolden(v, new RpcAuth3(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 2, 0,
                new AuthVerifier(SecTrailer.of(10, 5, 0, 1), token)));
    }

    @Test
    void sambaRequestWithoutVerifier() {
        assertBigEndianGolden(vector("be-request-inq_princ_name"), new Request(PfcFlags.FIRST_LAST,
                PackedDrep.BIG_ENDIAN, 3, 8, 0, 4, Optional.empty(), Hex.decode("0000000a00000100"), Optional.empty()));
    }

    @Test
    void sambaSignedRequestWithVerificationTrailer() {
        byte[] v = vector("be-request-inq_if_ids-integrity");
        byte[] stub = Arrays.copyOfRange(v, Request.HEADER_LENGTH, Request.HEADER_LENGTH + 60);
        Request expected = new Request(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 3, 60, 0, 0, Optional.empty(),
                stub, Optional.of(new AuthVerifier(SecTrailer.of(10, 5, 4, 1), tail(v, 16))));
        assertBigEndianGolden(v, expected);
        assertThat(PduLayout.of(v, expected)).isEqualTo(new PduLayout(24, 84, 88, 112));
        // [MS-RPCE] 2.2.2.13: the trailer's commands stay little-endian inside a big-endian request
        VerificationTrailer vt = VerificationTrailer.find(stub).orElseThrow();
        assertThat(vt.offset()).isZero();
        assertThat(vt.commands()).extracting(VerificationTrailer.Command::type).containsExactly(
                VerificationTrailer.SEC_VT_COMMAND_BITMASK_1, VerificationTrailer.SEC_VT_COMMAND_PCONTEXT);
        assertThat(vt.commands().get(1).body()).isEqualTo(VerificationTrailer.pcontextBody(MGMT, SyntaxId.NDR20));
    }

    @Test
    void ifVersionHalvesFollowTheByteOrder() {
        SyntaxId v21 = new SyntaxId(UUID.fromString("87654321-4321-dcba-00fe-ba9876543210"), 2, 1);
        WireWriter le = new WireWriter();
        v21.encode(le);
        WireWriter be = new WireWriter().littleEndian(false);
        v21.encode(be);
        // if_version = minor << 16 | major as one u_int32
        assertThat(Hex.encode(le.toByteArray(), 16, 4)).isEqualTo("02000100");
        assertThat(Hex.encode(be.toByteArray(), 16, 4)).isEqualTo("00010002");
        assertThat(Hex.encode(be.toByteArray(), 0, 16)).isEqualTo("876543214321dcba00feba9876543210");
        assertThat(SyntaxId.decode(new WireReader(be.toByteArray()).littleEndian(false))).isEqualTo(v21);
        assertThat(SyntaxId.decode(new WireReader(le.toByteArray()))).isEqualTo(v21);
    }

    @Test
    void bigEndianBindAckWrittenByHand() {
        String hex = "05000c03" + "00000000" + "0054" + "0000" + "00000001"   // header, big-endian label
                + "10b8" + "10b8" + "01020304"                                // max_xmit/recv 4280, assoc_group_id
                + "0004" + "31333500" + "0000"                                // sec_addr "135", pad to 4
                + "02" + "000000"                                             // n_results, reserved
                + "0000" + "0000" + "8a885d041ceb11c99fe808002b104860" + "00000002"  // acceptance, NDR20 v2.0
                + "0003" + "0001" + "00".repeat(20);                          // negotiate_ack, bitmask 1
        BindAck expected = new BindAck(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 1, 4280, 4280, 0x01020304, "135",
                List.of(PResult.accept(SyntaxId.NDR20), PResult.negotiateAck(1)), Optional.empty());
        BindAck decoded = (BindAck) Pdu.decode(Hex.decode(hex));
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoded.results().get(0).transferSyntax()).isEqualTo(SyntaxId.NDR20);
        assertThat(Hex.encode(expected.encode())).isEqualTo(hex);
    }

    @Test
    void bigEndianFaultAndResponseWrittenByHand() {
        String fault = "05000323" + "00000000" + "0020" + "0000" + "00000007"  // FIRST|LAST|DID_NOT_EXECUTE
                + "00000020" + "0001" + "00" + "00"                           // alloc_hint 32, p_cont_id 1
                + "1c010003" + "00000000";                                    // nca_s_unk_if, reserved
        Fault f = (Fault) Pdu.decode(Hex.decode(fault));
        assertThat(f).isEqualTo(new Fault(PfcFlags.FIRST_LAST.with(PfcFlag.DID_NOT_EXECUTE), PackedDrep.BIG_ENDIAN, 7,
                32, 1, 0, 0, 0x1c010003, 0, new byte[0], Optional.empty()));
        assertThat(Hex.encode(f.encode())).isEqualTo(fault);

        String response = "05000203" + "00000000" + "0034" + "0010" + "00000008"
                + "00000002" + "0002" + "00" + "00"                           // alloc_hint 2, p_cont_id 2
                + "abcd" + "0000"                                             // stub, auth pad 2
                + "0a050200" + "01020304"                                     // sec_trailer, auth_context_id
                + "01".repeat(16);
        Response r = (Response) Pdu.decode(Hex.decode(response));
        assertThat(r.stub()).containsExactly(0xab, 0xcd);
        assertThat(r.pContId()).isEqualTo(2);
        assertThat(r.allocHintUnsigned()).isEqualTo(2);
        assertThat(r.auth().orElseThrow().trailer()).isEqualTo(SecTrailer.of(10, 5, 2, 0x01020304));
        assertThat(Hex.encode(r.encode())).isEqualTo(response);
    }
}
