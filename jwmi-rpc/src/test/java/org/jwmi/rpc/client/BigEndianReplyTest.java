package org.jwmi.rpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jwmi.rpc.RpcTransportException;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.RpcConnectionTest.ScriptedServer;
import org.jwmi.rpc.pdu.Bind;
import org.jwmi.rpc.pdu.BindAck;
import org.jwmi.rpc.pdu.PResult;
import org.jwmi.rpc.pdu.PackedDrep;
import org.jwmi.rpc.pdu.Pdu;
import org.jwmi.rpc.pdu.PfcFlag;
import org.jwmi.rpc.pdu.PfcFlags;
import org.jwmi.rpc.pdu.Request;
import org.jwmi.rpc.pdu.Response;
import org.jwmi.rpc.testing.EchoService;
import org.junit.jupiter.api.Test;

/**
 * A server that answers in big-endian NDR ([C706] 12.6.3.1 lets the sender choose): the client decodes the PDUs in
 * that order, {@link RpcBinding#callForReply} reports the byte order, and {@link RpcBinding#call} refuses to pass
 * such a stub off as little-endian.
 */
class BigEndianReplyTest {

    static final ClientConfig FAST = ClientConfig.defaults().withReadTimeout(Duration.ofMillis(800));
    static final byte[] BE_STUB = {0, 0, 0, 5, 0, 0, 0, 0x2a};

    static List<byte[]> bigEndianServer(Pdu p) {
        if (p instanceof Bind b) {
            return List.of(new BindAck(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, b.callId(), 4280, 4280, 0x01020304,
                    "135", List.of(PResult.accept(SyntaxId.NDR20), PResult.negotiateAck(1)), Optional.empty()).encode());
        }
        Request q = (Request) p;
        if (q.opnum() == 9) {
            // one call whose two fragments disagree on the byte order
            return List.of(
                    new Response(PfcFlags.of(PfcFlag.FIRST_FRAG), PackedDrep.BIG_ENDIAN, q.callId(), 16, 0, 0, 0,
                            BE_STUB, Optional.empty()).encode(),
                    new Response(PfcFlags.of(PfcFlag.LAST_FRAG), PackedDrep.LITTLE_ENDIAN, q.callId(), 8, 0, 0, 0,
                            BE_STUB, Optional.empty()).encode());
        }
        PackedDrep d = q.opnum() == 1 ? PackedDrep.LITTLE_ENDIAN : PackedDrep.BIG_ENDIAN;
        return List.of(new Response(PfcFlags.FIRST_LAST, d, q.callId(), BE_STUB.length, 0, 0, 0, BE_STUB,
                Optional.empty()).encode());
    }

    @Test
    void bigEndianBindAckAndResponseAreDecodedAndReported() throws Exception {
        try (ScriptedServer s = new ScriptedServer(BigEndianReplyTest::bigEndianServer);
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), FAST)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            Negotiated n = c.negotiated();
            assertThat(n.maxXmitFrag()).isEqualTo(4280);
            assertThat(n.assocGroupId()).isEqualTo(0x01020304);
            assertThat(n.featureBits()).isEqualTo(1);

            RpcReply r = b.callForReply(0, new byte[] {1});
            assertThat(r.littleEndian()).isFalse();
            assertThat(r.drep()).isEqualTo(PackedDrep.BIG_ENDIAN);
            assertThat(r.stub()).isEqualTo(BE_STUB);

            assertThatThrownBy(() -> b.call(0, new byte[] {1})).isInstanceOf(RpcTransportException.class)
                    .hasMessageContaining("big-endian").hasMessageContaining("callForReply");
            assertThat(c.isOpen()).as("the reply was read completely; the connection stays usable").isTrue();

            RpcReply le = b.callForReply(1, new byte[0]);
            assertThat(le.littleEndian()).isTrue();
            assertThat(b.call(1, new byte[0])).isEqualTo(BE_STUB);
        }
    }

    @Test
    void responseFragmentsWithDifferentDataRepresentationsAreMalformed() throws Exception {
        try (ScriptedServer s = new ScriptedServer(BigEndianReplyTest::bigEndianServer);
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), FAST)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            assertThatThrownBy(() -> b.callForReply(9, new byte[0])).isInstanceOf(RpcTransportException.class)
                    .hasMessageContaining("data representations");
            assertThat(c.isOpen()).isFalse();
        }
    }
}
