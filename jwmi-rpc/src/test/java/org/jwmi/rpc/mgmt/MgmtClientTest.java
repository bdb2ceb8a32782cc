package org.jwmi.rpc.mgmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jwmi.rpc.epm.Epm;
import org.jwmi.rpc.epm.ErrorStatusException;
import org.jwmi.rpc.epm.TestCalls;
import org.jwmi.rpc.server.CallContext;
import org.junit.jupiter.api.Test;

class MgmtClientTest {

    final TestCalls.FakeServer server = new TestCalls.FakeServer(List.of(Epm.SYNTAX, Mgmt.SYNTAX),
            new long[] {1, 2, 3, 4}, "jwmi@EXAMPLE", 135);
    final CallContext call = TestCalls.call(server, Mgmt.SYNTAX);
    final MgmtService service = new MgmtService();
    final MgmtClient client = new MgmtClient((op, stub) -> service.invoke(call, op, stub));

    @Test
    void everyOperation() {
        assertThat(client.inqIfIds()).containsExactly(Epm.SYNTAX, Mgmt.SYNTAX);
        assertThat(client.inqStats()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(client.isServerListening()).isTrue();
        assertThat(client.stopServerListening()).isEqualTo(Mgmt.ERROR_ACCESS_DENIED);
        assertThat(client.inqPrincName(10)).contains("jwmi@EXAMPLE");
        assertThat(client.inqPrincName(16)).isEmpty();
    }

    @Test
    void aFailureStatusIsAnException() {
        MgmtClient failing = new MgmtClient((op, stub) ->
                new RpcMgmtInqIfIdsResponse(java.util.Optional.empty(), 5).encode());
        assertThatThrownBy(failing::inqIfIds).isInstanceOf(ErrorStatusException.class)
                .hasMessageContaining("ERROR_ACCESS_DENIED");
    }
}
