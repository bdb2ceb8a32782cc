package org.jwmi.rpc.mgmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.epm.Epm;
import org.jwmi.rpc.epm.EpmVectors;
import org.jwmi.rpc.epm.RpcIfId;
import org.jwmi.rpc.epm.TestCalls;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.Test;

class MgmtServiceTest {

    final TestCalls.FakeServer server = new TestCalls.FakeServer(List.of(Epm.SYNTAX, Mgmt.SYNTAX),
            new long[] {7, 6, 9, 8}, "HOST\\jwmi", 135);
    final CallContext call = TestCalls.call(server, Mgmt.SYNTAX);
    final MgmtService mgmt = new MgmtService();

    @Test
    void inqIfIdsListsTheServersInterfaces() {
        byte[] out = mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_IF_IDS, new byte[0]);
        assertThat(Hex.encode(out)).isEqualTo(Hex.encode(EpmVectors.load("Q-rpc_mgmt_inq_if_ids-response.hex")));
        assertThat(RpcMgmtInqIfIdsResponse.decode(out).ifIdVector().orElseThrow())
                .containsExactly(RpcIfId.of(Epm.SYNTAX), RpcIfId.of(Mgmt.SYNTAX));
    }

    @Test
    void inqStatsReturnsAtMostFourCounters() {
        byte[] out = mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_STATS, new RpcMgmtInqStatsRequest(4).encode());
        assertThat(Hex.encode(out)).isEqualTo(Hex.encode(EpmVectors.load("Q-rpc_mgmt_inq_stats-response.hex")));
        assertThat(RpcMgmtInqStatsResponse.decode(mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_STATS,
                new RpcMgmtInqStatsRequest(50).encode())).statistics()).containsExactly(7L, 6L, 9L, 8L);
        assertThat(RpcMgmtInqStatsResponse.decode(mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_STATS,
                new RpcMgmtInqStatsRequest(2).encode())).statistics()).containsExactly(7L, 6L);
        TestCalls.FakeServer busy = new TestCalls.FakeServer(List.of(), new long[] {0x1_0000_0003L, 0, 0, 0}, null, 1);
        assertThat(RpcMgmtInqStatsResponse.decode(mgmt.invoke(TestCalls.call(busy, Mgmt.SYNTAX),
                Mgmt.OP_RPC_MGMT_INQ_STATS, new RpcMgmtInqStatsRequest(1).encode())).statistics()).containsExactly(3L);
        assertThatThrownBy(() -> mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_STATS, Hex.decode("33000000")))
                .isInstanceOf(RpcFaultException.class).extracting(e -> ((RpcFaultException) e).status())
                .isEqualTo(0x6F7);
    }

    @Test
    void isServerListeningAndStopIsRefused() {
        assertThat(mgmt.invoke(call, Mgmt.OP_RPC_MGMT_IS_SERVER_LISTENING, new byte[0]))
                .isEqualTo(EpmVectors.load("Q-rpc_mgmt_is_server_listening-response.hex"));
        assertThat(Hex.encode(mgmt.invoke(call, Mgmt.OP_RPC_MGMT_STOP_SERVER_LISTENING, new byte[0])))
                .isEqualTo("05000000");
    }

    @Test
    void inqPrincName() {
        byte[] out = mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_PRINC_NAME,
                EpmVectors.load("Q-rpc_mgmt_inq_princ_name-request.hex"));
        assertThat(Hex.encode(out)).isEqualTo(Hex.encode(EpmVectors.load("Q-rpc_mgmt_inq_princ_name-response.hex")));
        RpcMgmtInqPrincNameResponse unknown = RpcMgmtInqPrincNameResponse.decode(mgmt.invoke(call,
                Mgmt.OP_RPC_MGMT_INQ_PRINC_NAME, new RpcMgmtInqPrincNameRequest(0, 1).encode()));
        assertThat(unknown.status()).isEqualTo(Mgmt.RPC_S_UNKNOWN_AUTHN_SERVICE);
        assertThat(unknown.princName()).isEmpty();
        RpcMgmtInqPrincNameResponse small = RpcMgmtInqPrincNameResponse.decode(mgmt.invoke(call,
                Mgmt.OP_RPC_MGMT_INQ_PRINC_NAME, new RpcMgmtInqPrincNameRequest(10, 9).encode()));
        assertThat(small.status()).isEqualTo(Mgmt.ERROR_INSUFFICIENT_BUFFER);
        assertThat(RpcMgmtInqPrincNameResponse.decode(mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_PRINC_NAME,
                new RpcMgmtInqPrincNameRequest(10, 10).encode())).princName()).isEqualTo("HOST\\jwmi");
    }

    @Test
    void unknownOpnumsAndBadStubsFault() {
        assertThatThrownBy(() -> mgmt.invoke(call, 5, new byte[0])).isInstanceOf(RpcFaultException.class)
                .extracting(e -> ((RpcFaultException) e).status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR.value());
        assertThatThrownBy(() -> mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_IF_IDS, new byte[4]))
                .isInstanceOf(RpcFaultException.class).extracting(e -> ((RpcFaultException) e).status())
                .isEqualTo(0x6F7);
        assertThatThrownBy(() -> mgmt.invoke(call, Mgmt.OP_RPC_MGMT_INQ_PRINC_NAME, new byte[7]))
                .isInstanceOf(RpcFaultException.class).extracting(e -> ((RpcFaultException) e).status())
                .isEqualTo(0x6F7);
    }

    @Property(tries = 1000)
    void arbitraryStubsYieldAResponseOrAFault(@ForAll @Size(max = 64) byte[] stub, @ForAll boolean le) {
        CallContext c = TestCalls.call(server, Mgmt.SYNTAX, 1, le);
        for (int op = 0; op < 6; op++) {
            try {
                mgmt.invoke(c, op, stub);
            } catch (RpcFaultException expected) {
                assertThat(expected.status()).isIn(0x6F7, RpcStatus.NCA_S_OP_RNG_ERROR.value());
            }
        }
    }
}
