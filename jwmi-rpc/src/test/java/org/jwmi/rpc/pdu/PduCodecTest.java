package org.jwmi.rpc.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** Golden PDUs from the C706 digest, big-endian decoding, and table-driven rejections. */
class PduCodecTest {

    static final SyntaxId EPM = new SyntaxId(UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa"), 3, 0);

    static byte[] vector(String name) {
        try (InputStream in = PduCodecTest.class.getResourceAsStream("/vectors/c706/" + name + ".hex")) {
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bindGolden() {
        byte[] v = vector("4.10-bind");
        Bind b = (Bind) Pdu.decode(v);
        assertThat(b.callId()).isEqualTo(1);
        assertThat(b.pfcFlags()).isEqualTo(PfcFlags.FIRST_LAST);
        assertThat(b.maxXmitFrag()).isEqualTo(5840);
        assertThat(b.maxRecvFrag()).isEqualTo(5840);
        assertThat(b.assocGroupId()).isZero();
        assertThat(b.contexts()).containsExactly(new PContElem(0, EPM, List.of(SyntaxId.NDR20)));
        assertThat(b.auth()).isEmpty();
        Bind built = new Bind(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 5840, 5840, 0,
                List.of(new PContElem(0, EPM, List.of(SyntaxId.NDR20))), Optional.empty());
        assertThat(Hex.encode(built.encode())).isEqualTo(Hex.encode(v));
    }

    @Test
    void bindAckGolden() {
        byte[] v = vector("4.10-bind_ack");
        BindAck a = (BindAck) Pdu.decode(v);
        assertThat(a.assocGroupId()).isEqualTo(0x12345);
        assertThat(a.secAddr()).isEqualTo("135");
        assertThat(a.results()).containsExactly(PResult.accept(SyntaxId.NDR20));
        BindAck built = new BindAck(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 5840, 5840, 0x12345, "135",
                List.of(PResult.accept(SyntaxId.NDR20)), Optional.empty());
        assertThat(Hex.encode(built.encode())).isEqualTo(Hex.encode(v));
    }

    @Test
    void faultGolden() {
        byte[] v = vector("4.10-fault");
        Fault f = (Fault) Pdu.decode(v);
        assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_UNK_IF.value());
        assertThat(f.didNotExecute()).isTrue();
        assertThat(f.allocHint()).isEqualTo(24);
        Fault built = new Fault(PfcFlags.FIRST_LAST.with(PfcFlag.DID_NOT_EXECUTE), PackedDrep.LITTLE_ENDIAN, 2, 24, 0, 0,
                0, RpcStatus.NCA_S_UNK_IF.value(), 0, new byte[0], Optional.empty());
        assertThat(Hex.encode(built.encode())).isEqualTo(Hex.encode(v));
    }

    @Test
    void requestWithTrailerAtFragLengthMinusAuthLengthMinus8() {
        byte[] v = vector("7-request-privacy");
        Request r = (Request) Pdu.decode(v);
        assertThat(r.stub()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(r.allocHintUnsigned()).isEqualTo(10);
        assertThat(r.opnum()).isEqualTo(3);
        assertThat(r.pContId()).isEqualTo(1);
        SecTrailer t = r.auth().orElseThrow().trailer();
        assertThat(t).isEqualTo(new SecTrailer(10, 6, 6, 0, 0));
        assertThat(r.auth().get().token()).hasSize(16).containsOnly((byte) 0xaa);
        PduLayout l = PduLayout.of(v, r);
        assertThat(l).isEqualTo(new PduLayout(24, 34, 40, 64));
        assertThat(Hex.encode(r.encode())).isEqualTo(Hex.encode(v));
    }

    @Test
    void bindTimeFeatureSyntaxBytes() {
        WireWriter w = new WireWriter();
        BindTimeFeatures.syntax(0x03).encode(w);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(Hex.encode(vector("5.4-btfn-syntax")));
        assertThat(BindTimeFeatures.isFeatureSyntax(BindTimeFeatures.syntax(1))).isTrue();
        assertThat(BindTimeFeatures.bitmask(BindTimeFeatures.syntax(0x03))).isEqualTo(3);
        assertThat(BindTimeFeatures.isFeatureSyntax(SyntaxId.NDR20)).isFalse();
    }

    @Test
    void ndr20SyntaxBytes() {
        WireWriter w = new WireWriter();
        SyntaxId.NDR20.encode(w);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo("045d888aeb1cc9119fe808002b10486002000000");
    }

    @Test
    void bigEndianPduDecodesWithTheSameValues() {
        Request le = new Request(PfcFlags.FIRST_LAST.with(PfcFlag.OBJECT_UUID), PackedDrep.LITTLE_ENDIAN, 0x01020304,
                0x55, 0x1234, 0x0102, Optional.of(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff")),
                new byte[] {1, 2, 3}, Optional.of(new AuthVerifier(SecTrailer.of(10, 5, 13, 0x0a0b0c0d), new byte[16])));
        Request be = new Request(le.pfcFlags(), PackedDrep.BIG_ENDIAN, le.callId(), le.allocHint(), le.pContId(),
                le.opnum(), le.object(), le.stub(), le.auth());
        byte[] beBytes = be.encode();
        // header fields in big-endian order
        assertThat(Hex.encode(beBytes, 4, 12)).isEqualTo("00000000" + "0050" + "0010" + "01020304");
        assertThat(Hex.encode(beBytes, 16, 8)).isEqualTo("0000005512340102");
        assertThat(Hex.encode(beBytes, 24, 4)).isEqualTo("00112233");
        Request back = (Request) Pdu.decode(beBytes);
        assertThat(back).isEqualTo(be);
        assertThat(back.auth().get().trailer().authContextId()).isEqualTo(0x0a0b0c0d);
        assertThat(CommonHeader.decode(beBytes).littleEndian()).isFalse();
        assertThat(Arrays.copyOfRange(le.encode(), 8, 10)).containsExactly(0x50, 0);
    }

    @Test
    void bigEndianBindAndBindAck() {
        Bind b = new Bind(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 7, 4280, 4280, 0x11223344,
                List.of(new PContElem(1, EPM, List.of(SyntaxId.NDR20, SyntaxId.NDR64))), Optional.empty());
        assertThat(Pdu.decode(b.encode())).isEqualTo(b);
        BindAck a = new BindAck(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 7, 4280, 4280, 0x11223344, "49152",
                List.of(PResult.accept(SyntaxId.NDR20), PResult.reject(2)), Optional.empty());
        assertThat(Pdu.decode(a.encode())).isEqualTo(a);
    }

    private static ProtocolException.Kind kindOf(byte[] b) {
        try {
            Pdu.decode(b);
        } catch (ProtocolException e) {
            return e.kind();
        }
        throw new AssertionError("decoded");
    }

    private static byte[] patch(byte[] v, int at, int... bytes) {
        byte[] c = v.clone();
        for (int i = 0; i < bytes.length; i++) {
            c[at + i] = (byte) bytes[i];
        }
        return c;
    }

    @Test
    void rejections() {
        byte[] bind = vector("4.10-bind");
        byte[] req = vector("7-request-privacy");
        assertThat(kindOf(Arrays.copyOf(bind, 10))).isEqualTo(ProtocolException.Kind.BUFSIZE);
        assertThat(kindOf(Arrays.copyOf(bind, 71))).isEqualTo(ProtocolException.Kind.BAD_VALUE);
        assertThat(kindOf(patch(bind, 0, 4))).isEqualTo(ProtocolException.Kind.UNSUPPORTED);
        assertThat(kindOf(patch(bind, 1, 1))).isEqualTo(ProtocolException.Kind.UNSUPPORTED);
        assertThat(kindOf(patch(bind, 2, 1))).isEqualTo(ProtocolException.Kind.BAD_SWITCH);
        assertThat(kindOf(patch(bind, 2, 20))).isEqualTo(ProtocolException.Kind.BAD_SWITCH);
        assertThat(kindOf(patch(bind, 4, 0x11))).isEqualTo(ProtocolException.Kind.UNSUPPORTED);
        assertThat(kindOf(patch(bind, 5, 1))).isEqualTo(ProtocolException.Kind.UNSUPPORTED);
        assertThat(kindOf(patch(bind, 4, 0x20))).isEqualTo(ProtocolException.Kind.BAD_VALUE);
        assertThat(kindOf(patch(bind, 8, 0xff, 0xff))).isEqualTo(ProtocolException.Kind.BAD_VALUE);
        assertThat(kindOf(patch(bind, 10, 0x40, 0))).isEqualTo(ProtocolException.Kind.BAD_VALUE);
        assertThat(kindOf(patch(bind, 24, 2))).isEqualTo(ProtocolException.Kind.BUFSIZE);
        assertThat(kindOf(patch(bind, 24, 0xff))).isEqualTo(ProtocolException.Kind.BUFSIZE);
        assertThat(kindOf(patch(bind, 30, 0xff))).isEqualTo(ProtocolException.Kind.BUFSIZE);
        assertThat(kindOf(patch(req, 10, 0x30, 0))).isEqualTo(ProtocolException.Kind.BAD_VALUE);
        assertThat(kindOf(patch(req, 42, 17))).isEqualTo(ProtocolException.Kind.BUFSIZE);
        assertThat(kindOf(patch(req, 42, 0xff))).isEqualTo(ProtocolException.Kind.BAD_VALUE);
        assertThat(kindOf(patch(req, 3, 0x83))).isEqualTo(ProtocolException.Kind.BUFSIZE);
        assertThat(kindOf(new byte[0])).isEqualTo(ProtocolException.Kind.BUFSIZE);
        byte[] auth3 = new RpcAuth3(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 0,
                new AuthVerifier(SecTrailer.of(10, 2, 0, 0), new byte[4])).encode();
        assertThat(Pdu.decode(auth3)).isInstanceOf(RpcAuth3.class);
        assertThat(kindOf(patch(auth3, 10, 0, 0))).isEqualTo(ProtocolException.Kind.BAD_VALUE);
        byte[] nak = BindNak.of(3, RejectReason.INVALID_CHECKSUM).encode();
        assertThat(kindOf(patch(nak, 10, 4, 0))).isEqualTo(ProtocolException.Kind.BAD_VALUE);
    }

    @Test
    void unsupportedDataRepresentationsAreNamed() {
        byte[] bind = vector("4.10-bind");
        assertThatThrownBy(() -> Pdu.decode(patch(bind, 4, 0x11))).hasMessageContaining("EBCDIC");
        assertThatThrownBy(() -> Pdu.decode(patch(bind, 5, 1))).hasMessageContaining("VAX");
        assertThatThrownBy(() -> Pdu.decode(patch(bind, 5, 3))).hasMessageContaining("IBM").hasMessageContaining("IEEE");
        assertThatThrownBy(() -> Pdu.decode(patch(bind, 1, 1))).hasMessageContaining("5.1");
    }

    @Test
    void bindNakWithSignatureAndVersions() {
        BindNak n = new BindNak(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 9, 8,
                List.of(new BindNak.Version(5, 0)), Optional.of(BindNak.EXTENDED_ERROR_SIGNATURE), new byte[] {1, 2, 3, 4});
        byte[] b = n.encode();
        assertThat(Hex.encode(b, 16, 8)).isEqualTo("0800" + "01" + "0500" + "000000");
        assertThat(Pdu.decode(b)).isEqualTo(n);
        BindNak plain = BindNak.of(9, RejectReason.AUTHENTICATION_TYPE_NOT_RECOGNIZED);
        assertThat(plain.encode()).hasSize(24);
        assertThat(Pdu.decode(plain.encode())).isEqualTo(plain);
        assertThat(RejectReason.describe(8)).isEqualTo("authentication_type_not_recognized (8)");
    }

    @Test
    void pfcFlagsKeepUnknownBitsAndNameKnownOnes() {
        PfcFlags f = new PfcFlags(0xff);
        assertThat(f.set()).containsExactlyInAnyOrder(PfcFlag.values());
        assertThat(f.without(PfcFlag.MAYBE).raw()).isEqualTo(0xbf);
        assertThat(PfcFlags.of(PfcFlag.FIRST_FRAG, PfcFlag.LAST_FRAG).raw()).isEqualTo(3);
        Shutdown s = new Shutdown(new PfcFlags(0x0b), PackedDrep.LITTLE_ENDIAN, 4, new byte[0]);
        assertThat(((Shutdown) Pdu.decode(s.encode())).pfcFlags().raw()).isEqualTo(0x0b);
    }
}
