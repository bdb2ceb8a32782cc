package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.SecurityContext;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.mgmt.Mgmt;
import org.jwmi.rpc.mgmt.MgmtService;
import org.jwmi.rpc.mgmt.RpcMgmtInqPrincNameResponse;
import org.jwmi.rpc.pdu.AuthVerifier;
import org.jwmi.rpc.pdu.Bind;
import org.jwmi.rpc.pdu.BindAck;
import org.jwmi.rpc.pdu.BindTimeFeatures;
import org.jwmi.rpc.pdu.Fault;
import org.jwmi.rpc.pdu.Fragmenter;
import org.jwmi.rpc.pdu.PContElem;
import org.jwmi.rpc.pdu.PResult;
import org.jwmi.rpc.pdu.PType;
import org.jwmi.rpc.pdu.PackedDrep;
import org.jwmi.rpc.pdu.PduLayout;
import org.jwmi.rpc.pdu.PduSecurity;
import org.jwmi.rpc.pdu.PfcFlag;
import org.jwmi.rpc.pdu.PfcFlags;
import org.jwmi.rpc.pdu.Protection;
import org.jwmi.rpc.pdu.Request;
import org.jwmi.rpc.pdu.Response;
import org.jwmi.rpc.pdu.RpcAuth3;
import org.jwmi.rpc.pdu.SecTrailer;
import org.jwmi.rpc.pdu.VerificationTrailer;
import org.jwmi.rpc.pdu.VerificationTrailer.Command;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.jwmi.rpc.testing.RawClient;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that speaks big-endian NDR (packed_drep 00 00 00 00, Samba's {@code bigendian} binding option): the
 * server reads every PDU in that byte order, hands the service a stub marked big-endian, and answers little-endian
 * (receiver makes it right, [C706] 12.6.3.1 / 14.1).
 */
class BigEndianClientTest {
    /** Chosen so that reading it in the wrong byte order gives another number. */
    private static final int AUTH_CONTEXT_ID = 0x01020304;
    private final EchoService echo = new EchoService(EchoService.OTHER);
    private RpcServer server;

    @BeforeEach
    void start() {
        server = Fixtures.server(b -> b.register(echo, new MgmtService()).principalName(10, "TESTSRV\\jwmi"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] vector(String name) {
        try (InputStream in = BigEndianClientTest.class.getResourceAsStream("/vectors/samba/" + name + ".hex")) {
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sambaBigEndianBindAndRequestAreAnswered() {
        try (RawClient c = new RawClient(server)) {
            c.send(vector("be-bind-anonymous"));
            BindAck ack = c.read(BindAck.class);
            assertThat(ack.drep()).isEqualTo(PackedDrep.LITTLE_ENDIAN);
            assertThat(ack.callId()).isEqualTo(1);
            assertThat(ack.results()).containsExactly(PResult.accept(SyntaxId.NDR20),
                    PResult.negotiateAck(BindTimeFeatures.SECURITY_CONTEXT_MULTIPLEXING
                            | BindTimeFeatures.KEEP_CONNECTION_ON_ORPHAN));
            // rpc_mgmt_inq_princ_name(authn_proto 10, princ_name_size 256) in big-endian NDR
            c.send(vector("be-request-inq_princ_name"));
            Response r = c.read(Response.class);
            assertThat(r.callId()).isEqualTo(3);
            RpcMgmtInqPrincNameResponse name = RpcMgmtInqPrincNameResponse.decode(r.stub());
            assertThat(name.status()).isZero();
            assertThat(name.princName()).isEqualTo("TESTSRV\\jwmi");
        }
    }

    @Test
    void bigEndianBindNamesAnInterfaceByMajorAndMinorVersion() {
        try (RawClient c = new RawClient(server)) {
            c.send(new Bind(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 1, 5840, 5840, 0, List.of(
                    new PContElem(0, EchoService.OTHER, List.of(SyntaxId.NDR20)),
                    new PContElem(1, Mgmt.SYNTAX, List.of(SyntaxId.NDR20)),
                    new PContElem(2, new SyntaxId(EchoService.OTHER.uuid(), 2, 2), List.of(SyntaxId.NDR20))),
                    Optional.empty()));
            List<PResult> res = c.read(BindAck.class).results();
            assertThat(res.get(0).accepted()).isTrue();
            assertThat(res.get(1).accepted()).isTrue();
            assertThat(res.get(2)).isEqualTo(PResult.reject(PResult.ABSTRACT_SYNTAX_NOT_SUPPORTED));
            c.send(new Request(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 2, 0, 0, 2, Optional.empty(), new byte[0],
                    Optional.empty()));
            assertThat(new String(c.read(Response.class).stub(), StandardCharsets.UTF_8)).isEqualTo("-|NONE|0|-|false");
            assertThat(echo.lastCall.littleEndian()).isFalse();
        }
    }

    /** A raw NTLM client: big-endian bind, rpc_auth_3 and requests; reads the server's replies. */
    private static final class BigEndianNtlmClient implements AutoCloseable {
        final RawClient raw;
        final SecurityContext ctx;
        final AuthLevel level;
        int callId = 1;

        BigEndianNtlmClient(RpcServer server, AuthLevel level) {
            this.raw = new RawClient(server);
            this.level = level;
            this.ctx = Fixtures.NTLM.newClientContext(Fixtures.alice(), ClientOptions.of(level));
            byte[] negotiate = ctx.step(null);
            raw.send(new Bind(PfcFlags.FIRST_LAST.with(PfcFlag.SUPPORT_HEADER_SIGN), PackedDrep.BIG_ENDIAN, callId++,
                    1432, 1432, 0, List.of(new PContElem(0, EchoService.OTHER, List.of(SyntaxId.NDR20))),
                    Optional.of(new AuthVerifier(SecTrailer.of(10, level.value(), 0, AUTH_CONTEXT_ID), negotiate))));
            BindAck ack = raw.read(BindAck.class);
            assertThat(ack.results().get(0).accepted()).isTrue();
            assertThat(ack.auth().orElseThrow().trailer().authContextId()).isEqualTo(AUTH_CONTEXT_ID);
            byte[] authenticate = ctx.step(ack.auth().get().token());
            assertThat(ctx.isEstablished()).isTrue();
            raw.send(new RpcAuth3(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, callId++, 0,
                    new AuthVerifier(SecTrailer.of(10, level.value(), 0, AUTH_CONTEXT_ID), authenticate)));
        }

        Protection protection() {
            return new Protection(ctx, level, 10, AUTH_CONTEXT_ID, true, false);
        }

        /** Sends big-endian request fragments of at most 1432 bytes and returns the verified reply stub. */
        byte[] call(int opnum, byte[] stub) {
            int id = callId++;
            for (byte[] f : Fragmenter.request(id, 0, opnum, Optional.empty(), stub, 1432, protection(),
                    PackedDrep.BIG_ENDIAN)) {
                raw.send(f);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                byte[] f = raw.readRaw();
                Response r = (Response) org.jwmi.rpc.pdu.Pdu.decode(f);
                assertThat(r.callId()).isEqualTo(id);
                assertThat(r.drep()).isEqualTo(PackedDrep.LITTLE_ENDIAN);
                assertThat(r.auth().orElseThrow().trailer().authContextId()).isEqualTo(AUTH_CONTEXT_ID);
                PduLayout l = PduLayout.of(f, r);
                PduSecurity.unprotect(f, l, ctx, level, true);
                out.write(f, l.bodyOffset(), l.stubLength());
                if (r.pfcFlags().has(PfcFlag.LAST_FRAG)) {
                    return out.toByteArray();
                }
            }
        }

        @Override
        public void close() {
            raw.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthLevel.class, names = {"PKT_INTEGRITY", "PKT_PRIVACY"})
    void bigEndianNtlmClientIsServedAndTheServiceSeesBigEndian(AuthLevel level) {
        try (BigEndianNtlmClient c = new BigEndianNtlmClient(server, level)) {
            assertThat(new String(c.call(2, new byte[0]), StandardCharsets.UTF_8))
                    .isEqualTo("-|" + level + "|10|JWMI\\alice|false");
            byte[] big = EchoService.pattern(4000);
            assertThat(c.call(0, big)).as("echo of a fragmented big-endian request").isEqualTo(big);
            assertThat(echo.lastCall.littleEndian()).isFalse();
            // a verification trailer whose header2 repeats the big-endian label is checked and stripped
            int nextId = c.callId;
            byte[] withVt = VerificationTrailer.append(new byte[] {9, 8, 7}, List.of(
                    new Command(VerificationTrailer.SEC_VT_COMMAND_BITMASK_1, EchoService.le32(1)),
                    new Command(VerificationTrailer.SEC_VT_COMMAND_PCONTEXT,
                            VerificationTrailer.pcontextBody(EchoService.OTHER, SyntaxId.NDR20)),
                    new Command(VerificationTrailer.SEC_VT_COMMAND_HEADER2, VerificationTrailer.header2Body(
                            PType.REQUEST.value(), PackedDrep.BIG_ENDIAN, nextId, 0, 0))));
            assertThat(c.call(0, withVt)).as("stub and its alignment pad, trailer stripped").containsExactly(9, 8, 7, 0);
        }
        assertThat(echo.dispatches).hasValue(3);
    }

    @Test
    void fragmentsOfOneCallMustShareTheDataRepresentation() {
        try (RawClient c = new RawClient(server)) {
            c.send(new Bind(PfcFlags.FIRST_LAST, PackedDrep.BIG_ENDIAN, 1, 5840, 5840, 0,
                    List.of(new PContElem(0, EchoService.OTHER, List.of(SyntaxId.NDR20))), Optional.empty()));
            c.read(BindAck.class);
            byte[] one = ByteBuffer.allocate(8).putInt(1).putInt(2).array();
            c.send(new Request(PfcFlags.of(PfcFlag.FIRST_FRAG), PackedDrep.BIG_ENDIAN, 2, 16, 0, 0, Optional.empty(),
                    one, Optional.empty()));
            c.send(new Request(PfcFlags.of(PfcFlag.LAST_FRAG), PackedDrep.LITTLE_ENDIAN, 2, 8, 0, 0, Optional.empty(),
                    one, Optional.empty()));
            assertThat(c.read(Fault.class).status()).isEqualTo(RpcStatus.NCA_S_PROTO_ERROR.value());
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(echo.dispatches).hasValue(0);
    }
}
