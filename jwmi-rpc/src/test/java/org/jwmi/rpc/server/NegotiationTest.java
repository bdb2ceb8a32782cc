package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.rpc.BindRejectedException;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.pdu.AlterContext;
import org.jwmi.rpc.pdu.AlterContextResp;
import org.jwmi.rpc.pdu.Bind;
import org.jwmi.rpc.pdu.BindAck;
import org.jwmi.rpc.pdu.BindNak;
import org.jwmi.rpc.pdu.BindTimeFeatures;
import org.jwmi.rpc.pdu.CommonHeader;
import org.jwmi.rpc.pdu.Fault;
import org.jwmi.rpc.pdu.PContElem;
import org.jwmi.rpc.pdu.PResult;
import org.jwmi.rpc.pdu.PackedDrep;
import org.jwmi.rpc.pdu.PfcFlag;
import org.jwmi.rpc.pdu.PfcFlags;
import org.jwmi.rpc.pdu.RejectReason;
import org.jwmi.rpc.pdu.Request;
import org.jwmi.rpc.pdu.Response;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.jwmi.rpc.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presentation-context and fragment-size negotiation, checked on the wire with hand-built PDUs. */
class NegotiationTest {
    static final SyntaxId UNKNOWN_IF = new SyntaxId(UUID.fromString("99999999-9999-9999-9999-999999999999"), 1, 0);
    static final SyntaxId UNKNOWN_TS = new SyntaxId(UUID.fromString("aaaaaaaa-0000-0000-0000-000000000000"), 1, 0);

    private final EchoService echo = new EchoService();
    private final EchoService other = new EchoService(EchoService.OTHER);
    private RpcServer server;

    @BeforeEach
    void start() {
        server = Fixtures.server(b -> b.register(echo, other).maxFragmentSize(5840));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Bind bind(int callId, int frag, List<PContElem> elems) {
        return new Bind(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, callId, frag, frag, 0, elems, Optional.empty());
    }

    static PContElem ctx(int id, SyntaxId abs, SyntaxId... ts) {
        return new PContElem(id, abs, List.of(ts));
    }

    static Request request(int callId, int ctx, int opnum, byte[] stub) {
        return new Request(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, callId, stub.length, ctx, opnum,
                Optional.empty(), stub, Optional.empty());
    }

    @Test
    void severalContextsInOneBindGetOneResultEachInOrder() {
        try (RawClient c = new RawClient(server)) {
            c.send(bind(1, 5840, List.of(
                    ctx(0, EchoService.SYNTAX, SyntaxId.NDR20),
                    ctx(1, EchoService.SYNTAX, SyntaxId.NDR64),
                    ctx(2, UNKNOWN_IF, SyntaxId.NDR20),
                    ctx(3, EchoService.OTHER, UNKNOWN_TS, SyntaxId.NDR64),
                    ctx(4, EchoService.OTHER, SyntaxId.NDR64, SyntaxId.NDR20),
                    ctx(5, EchoService.SYNTAX, BindTimeFeatures.syntax(0x03)),
                    ctx(6, new SyntaxId(EchoService.SYNTAX.uuid(), 2, 0), SyntaxId.NDR20),
                    ctx(7, new SyntaxId(EchoService.OTHER.uuid(), 2, 0), SyntaxId.NDR20))));
            BindAck ack = c.read(BindAck.class);
            assertThat(ack.callId()).isEqualTo(1);
            assertThat(ack.secAddr()).isEqualTo(Integer.toString(server.port()));
            assertThat(ack.assocGroupId()).isNotZero();
            assertThat(ack.results()).containsExactly(
                    PResult.accept(SyntaxId.NDR20),
                    PResult.reject(PResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED),
                    PResult.reject(PResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                    PResult.reject(PResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED),
                    PResult.accept(SyntaxId.NDR20),
                    new PResult(PResult.NEGOTIATE_ACK, 0x03, PResult.ZERO_SYNTAX),
                    PResult.reject(PResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                    PResult.accept(SyntaxId.NDR20));
            c.send(request(2, 4, 0, new byte[] {42}));
            assertThat(c.read(Response.class).stub()).containsExactly(42);
            assertThat(other.dispatches).hasValue(1);
        }
    }

    @Test
    void featureNegotiationOnlyAnswersKnownBitsAndOnce() {
        try (RawClient c = new RawClient(server)) {
            c.send(bind(1, 5840, List.of(ctx(0, PResult.ZERO_SYNTAX, BindTimeFeatures.syntax(0xff)))));
            BindAck ack = c.read(BindAck.class);
            assertThat(ack.results()).containsExactly(PResult.negotiateAck(0x03));
        }
        try (RawClient c = new RawClient(server)) {
            c.send(bind(1, 5840, List.of(ctx(0, EchoService.SYNTAX, BindTimeFeatures.syntax(1)),
                    ctx(1, EchoService.SYNTAX, BindTimeFeatures.syntax(2)))));
            assertThat(c.read(BindNak.class).providerRejectReason()).isEqualTo(RejectReason.REASON_NOT_SPECIFIED.value());
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void fragmentSizesAreNegotiatedDownToThe1432Minimum() {
        try (RawClient c = new RawClient(server)) {
            c.send(new Bind(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 1432, 0, 0,
                    List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20)), Optional.empty()));
            BindAck ack = c.read(BindAck.class);
            assertThat(ack.maxXmitFrag()).isEqualTo(1432);
            assertThat(ack.maxRecvFrag()).isEqualTo(1432);
            // a response of 5000 bytes comes in fragments of at most 1432 bytes
            c.send(request(2, 0, 1, EchoService.le32(5000)));
            int total = 0;
            Response r;
            do {
                byte[] raw = c.readRaw();
                assertThat(raw.length).isLessThanOrEqualTo(1432);
                r = (Response) org.jwmi.rpc.pdu.Pdu.decode(raw);
                assertThat(r.allocHintUnsigned()).isEqualTo(5000 - total);
                total += r.stubLength();
            } while (!r.pfcFlags().has(PfcFlag.LAST_FRAG));
            assertThat(total).isEqualTo(5000);
            // a fragment above the negotiated 1432 is a protocol error
            c.send(request(3, 0, 0, new byte[1432]));
            Fault f = c.read(Fault.class);
            assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR.value());
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = new RawClient(server)) {
            c.send(bind(1, 0xffff, List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20))));
            BindAck ack = c.read(BindAck.class);
            assertThat(ack.maxXmitFrag()).isEqualTo(5840);
            assertThat(ack.maxRecvFrag()).isEqualTo(5840);
        }
    }

    @Test
    void alterContextAddsContextsOnALiveConnection() {
        try (RawClient c = new RawClient(server)) {
            c.send(bind(1, 5840, List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20))));
            c.read(BindAck.class);
            c.send(request(2, 1, 0, new byte[] {1}));
            Fault f = c.read(Fault.class);
            assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_UNK_IF.value());
            assertThat(f.didNotExecute()).isTrue();
            c.send(new AlterContext(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 3, 5840, 5840, 0,
                    List.of(ctx(1, EchoService.OTHER, SyntaxId.NDR20), ctx(2, UNKNOWN_IF, SyntaxId.NDR20)),
                    Optional.empty()));
            AlterContextResp r = c.read(AlterContextResp.class);
            assertThat(r.secAddr()).isEmpty();
            assertThat(r.results()).containsExactly(PResult.accept(SyntaxId.NDR20),
                    PResult.reject(PResult.ABSTRACT_SYNTAX_NOT_SUPPORTED));
            c.send(request(4, 1, 0, new byte[] {7}));
            assertThat(c.read(Response.class).stub()).containsExactly(7);
            assertThat(other.dispatches).hasValue(1);
            // re-proposing a context id with another interface is a protocol error
            c.send(new AlterContext(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 5, 5840, 5840, 0,
                    List.of(ctx(1, EchoService.SYNTAX, SyntaxId.NDR20)), Optional.empty()));
            assertThat(c.read(Fault.class).status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR.value());
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void opnumOutOfRangeAndServiceFaults() {
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            assertThatThrownBy(() -> b.call(77, new byte[0])).isInstanceOfSatisfying(RpcFaultException.class, f -> {
                assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR.value());
                assertThat(f.didNotExecute()).isTrue();
            }).hasMessageContaining("nca_s_op_rng_error (0x1c010002)");
            assertThatThrownBy(() -> b.call(3, EchoService.le32(0x6f7))).isInstanceOfSatisfying(RpcFaultException.class,
                    f -> assertThat(f.status()).isEqualTo(0x6f7)).hasMessageContaining("RPC_X_BAD_STUB_DATA");
            assertThat(c.isOpen()).isTrue();
            assertThat(b.call(0, new byte[] {5})).containsExactly(5);
        }
    }

    @Test
    void objectUuidReachesTheService() {
        UUID ipid = UUID.fromString("00000000-1111-2222-3333-444455556666");
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            String d = new String(b.call(2, new byte[0], Optional.of(ipid)), StandardCharsets.UTF_8);
            assertThat(d).startsWith(ipid + "|NONE|0|");
            assertThat(echo.lastCall.object()).contains(ipid);
            assertThat(echo.lastCall.abstractSyntax()).isEqualTo(EchoService.SYNTAX);
            assertThat(echo.lastCall.remote().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void bigEndianClientIsServedAndTheServiceIsTold() {
        try (RawClient c = new RawClient(server)) {
            c.send(new Bind(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 1, 5840, 5840, 0,
                    List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20)), Optional.empty()));
            assertThat(c.read(BindAck.class).results().get(0).accepted()).isTrue();
            c.send(new Request(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 2, 3, 0, 0, Optional.empty(),
                    new byte[] {1, 2, 3}, Optional.empty()));
            assertThat(c.read(Response.class).stub()).containsExactly(1, 2, 3);
            assertThat(echo.lastCall.littleEndian()).isFalse();
        }
    }

    @Test
    void protocolErrorsAnswerAndClose() {
        try (RawClient c = new RawClient(server)) {
            c.send(request(1, 0, 0, new byte[0]));
            assertThat(c.read(Fault.class).status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR.value());
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = new RawClient(server)) {
            c.send(bind(1, 5840, List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20))));
            c.read(BindAck.class);
            c.send(bind(2, 5840, List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20))));
            assertThat(c.read(BindNak.class).providerRejectReason()).isEqualTo(0);
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = new RawClient(server)) {
            byte[] b = bind(1, 5840, List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20))).encode();
            b[1] = 1;
            c.send(b);
            BindNak nak = c.read(BindNak.class);
            assertThat(nak.providerRejectReason()).isEqualTo(RejectReason.PROTOCOL_VERSION_NOT_SUPPORTED.value());
            assertThat(nak.versions()).containsExactly(new BindNak.Version(5, 0));
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = new RawClient(server)) {
            byte[] b = bind(1, 5840, List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20))).encode();
            b[4] = 0x11;
            c.send(b);
            assertThat(c.read(BindNak.class).providerRejectReason()).isEqualTo(0);
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = new RawClient(server)) {
            c.send(bind(1, 5840, List.of()));
            assertThat(c.read(BindNak.class).providerRejectReason()).isEqualTo(0);
        }
    }

    @Test
    void associationGroupsAreJoinedOnlyByKnownIds() {
        try (RpcConnection a = Fixtures.connect(server)) {
            a.bind(EchoService.SYNTAX, SecuritySpec.none());
            int group = a.negotiated().assocGroupId();
            try (RpcConnection b = Fixtures.connect(server, ClientConfig.defaults().withAssocGroupId(group))) {
                b.bind(EchoService.SYNTAX, SecuritySpec.none());
                assertThat(b.negotiated().assocGroupId()).isEqualTo(group);
            }
            try (RpcConnection x = Fixtures.connect(server, ClientConfig.defaults().withAssocGroupId(group ^ 0x100))) {
                assertThatThrownBy(() -> x.bind(EchoService.SYNTAX, SecuritySpec.none()))
                        .isInstanceOfSatisfying(BindRejectedException.class, e -> assertThat(e.reason()).isZero())
                        .hasMessageContaining("unknown association group");
            }
        }
    }

    @Test
    void clientReportsUnknownInterfacesAndCountsStatistics() {
        try (RpcConnection c = Fixtures.connect(server)) {
            assertThatThrownBy(() -> c.bind(UNKNOWN_IF, SecuritySpec.none()))
                    .isInstanceOfSatisfying(RpcFaultException.class,
                            f -> assertThat(f.status()).isEqualTo(RpcStatus.RPC_S_UNKNOWN_IF.value()))
                    .hasMessageContaining("abstract_syntax_not_supported");
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            b.call(0, new byte[1]);
            assertThat(c.negotiated().maxXmitFrag()).isEqualTo(5840);
        }
        long[] s = server.stats();
        assertThat(s[0]).isEqualTo(1);
        assertThat(s[1]).isEqualTo(1);
        assertThat(s[2]).isEqualTo(3);
        assertThat(s[3]).isEqualTo(3);
        assertThat(server.interfaces()).containsExactly(EchoService.SYNTAX, EchoService.OTHER);
    }

    @Test
    void continuationOfAFinishedCallIsDroppedAndUnknownFragmentsAreProtocolErrors() {
        try (RawClient c = new RawClient(server)) {
            c.send(bind(1, 5840, List.of(ctx(0, EchoService.SYNTAX, SyntaxId.NDR20))));
            c.read(BindAck.class);
            c.send(request(2, 0, 0, new byte[] {1}));
            c.read(Response.class);
            c.send(new Request(PfcFlags.of(PfcFlag.LAST_FRAG), PackedDrep.LITTLE_ENDIAN, 2, 1, 0, 0, Optional.empty(),
                    new byte[] {1}, Optional.empty()));
            assertThat(c.silentFor(200)).isTrue();
            c.send(new Request(PfcFlags.of(PfcFlag.LAST_FRAG), PackedDrep.LITTLE_ENDIAN, 900, 1, 0, 0, Optional.empty(),
                    new byte[] {1}, Optional.empty()));
            assertThat(c.read(Fault.class).status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR.value());
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(echo.dispatches).hasValue(1);
        assertThat(CommonHeader.LENGTH).isEqualTo(16);
    }
}
