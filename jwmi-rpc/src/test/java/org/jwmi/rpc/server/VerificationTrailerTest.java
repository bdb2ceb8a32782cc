package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.pdu.Bind;
import org.jwmi.rpc.pdu.BindAck;
import org.jwmi.rpc.pdu.Fault;
import org.jwmi.rpc.pdu.PContElem;
import org.jwmi.rpc.pdu.PackedDrep;
import org.jwmi.rpc.pdu.PfcFlags;
import org.jwmi.rpc.pdu.Request;
import org.jwmi.rpc.pdu.Response;
import org.jwmi.rpc.pdu.VerificationTrailer;
import org.jwmi.rpc.pdu.VerificationTrailer.Command;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.jwmi.rpc.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** [MS-RPCE] 2.2.2.13: the server checks and strips the verification trailer Windows clients append. */
class VerificationTrailerTest {
    private final EchoService echo = new EchoService();
    private RpcServer server;

    @BeforeEach
    void start() {
        server = Fixtures.server(b -> b.register(echo));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Command bitmask(int bits) {
        return new Command(VerificationTrailer.SEC_VT_COMMAND_BITMASK_1, EchoService.le32(bits));
    }

    static Command pcontext(SyntaxId iface) {
        return new Command(VerificationTrailer.SEC_VT_COMMAND_PCONTEXT,
                VerificationTrailer.pcontextBody(iface, SyntaxId.NDR20));
    }

    static Command header2(int callId, int ctx, int opnum) {
        return new Command(VerificationTrailer.SEC_VT_COMMAND_HEADER2,
                VerificationTrailer.header2Body(0, PackedDrep.LITTLE_ENDIAN, callId, ctx, opnum));
    }

    private byte[] call(byte[] stub) {
        try (RawClient c = new RawClient(server)) {
            c.send(new Bind(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 5840, 5840, 0,
                    List.of(new PContElem(3, EchoService.SYNTAX, List.of(SyntaxId.NDR20))), Optional.empty()));
            c.read(BindAck.class);
            c.send(new Request(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 2, stub.length, 3, 0, Optional.empty(),
                    stub, Optional.empty()));
            byte[] raw = c.readRaw();
            return raw;
        }
    }

    @Test
    void aValidTrailerIsStrippedBeforeTheServiceSeesTheStub() {
        byte[] stub = {1, 2, 3, 4, 5};
        byte[] withVt = VerificationTrailer.append(stub, List.of(bitmask(0), pcontext(EchoService.SYNTAX), header2(2, 3, 0)));
        assertThat(withVt.length % 4).isZero();
        Response r = (Response) org.jwmi.rpc.pdu.Pdu.decode(call(withVt));
        // echo returns what it received: the stub and its 3 padding bytes, without the trailer
        assertThat(r.stub()).containsExactly(1, 2, 3, 4, 5, 0, 0, 0);
        assertThat(echo.dispatches).hasValue(1);
    }

    @Test
    void aLyingTrailerIsRefusedAndNotDispatched() {
        for (List<Command> cmds : List.of(
                List.of(pcontext(EchoService.OTHER)),
                List.of(header2(2, 3, 1)),
                List.of(header2(9, 3, 0)),
                List.of(bitmask(VerificationTrailer.CLIENT_SUPPORT_HEADER_SIGNING)),
                List.of(new Command(0x0123 | VerificationTrailer.SEC_VT_MUST_PROCESS_COMMAND, new byte[4])))) {
            Fault f = (Fault) org.jwmi.rpc.pdu.Pdu.decode(call(VerificationTrailer.append(new byte[8], cmds)));
            assertThat(f.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED.value());
            assertThat(f.didNotExecute()).isTrue();
        }
        assertThat(echo.dispatches).hasValue(0);
        // an unknown command without MUST_PROCESS is ignored
        call(VerificationTrailer.append(new byte[8], List.of(new Command(0x0123, new byte[8]))));
        assertThat(echo.dispatches).hasValue(1);
    }

    @Test
    void findIsExactAndRarelyFooled() {
        byte[] stub = VerificationTrailer.append(new byte[] {9, 9}, List.of(pcontext(EchoService.SYNTAX)));
        VerificationTrailer vt = VerificationTrailer.find(stub).orElseThrow();
        assertThat(vt.offset()).isEqualTo(4);
        assertThat(vt.commands()).containsExactly(new Command(VerificationTrailer.SEC_VT_COMMAND_PCONTEXT
                | VerificationTrailer.SEC_VT_COMMAND_END, VerificationTrailer.pcontextBody(EchoService.SYNTAX, SyntaxId.NDR20)));
        assertThat(VerificationTrailer.find(java.util.Arrays.copyOf(stub, stub.length - 4))).isEmpty();
        assertThat(VerificationTrailer.find(java.util.Arrays.copyOf(stub, stub.length + 4))).isEmpty();
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            assertThat(VerificationTrailer.find(b)).isEmpty();
        }
    }
}
