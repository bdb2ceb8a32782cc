package org.jwmi.rpc.epm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.Test;

/** The client against the service, stub to stub (the loopback tests add the transport). */
class EpmClientTest {

    final EndpointRegistry registry = new EndpointRegistry();
    final EpmService service = new EpmService(registry, new Random(1), Limits.DEFAULT, 16);
    final TestCalls.FakeServer server = new TestCalls.FakeServer(List.of(Epm.SYNTAX), new long[4], null, 135);
    final CallContext call = TestCalls.call(server, Epm.SYNTAX);
    final List<Integer> opnums = new ArrayList<>();
    final StubCaller direct = (op, stub) -> {
        opnums.add(op);
        return service.invoke(call, op, stub);
    };

    static SyntaxId iface(int i) {
        return new SyntaxId(new UUID(0x1234L, i), 1, 0);
    }

    @Test
    void lookupAllFollowsTheEntryHandleAcrossPages() throws Exception {
        for (int i = 0; i < 1200; i++) {
            registry.register(iface(i), Optional.empty(), "n" + i, EndpointRegistry.Protocol.NCACN_IP_TCP,
                    InetAddress.getByName("127.0.0.1"), 1000 + i);
        }
        EpmClient client = new EpmClient(direct, InetAddress.getLoopbackAddress());
        List<EptEntry> all = client.lookupAll();
        assertThat(all).hasSize(1200);
        assertThat(all.get(1199).annotation()).isEqualTo("n1199");
        assertThat(all.get(700).tower().orElseThrow().tower().tcpPort()).hasValue(1700);
        assertThat(opnums).containsExactly(Epm.OP_EPT_LOOKUP, Epm.OP_EPT_LOOKUP, Epm.OP_EPT_LOOKUP);
        assertThat(service.openHandles()).isZero();
    }

    @Test
    void anEmptyMapIsAnEmptyList() {
        assertThat(new EpmClient(direct, InetAddress.getLoopbackAddress()).lookupAll()).isEmpty();
    }

    @Test
    void mapGivesTheEndpointAndReplacesAWildcardAddress() throws Exception {
        registry.register(iface(1), Optional.empty(), "", EndpointRegistry.Protocol.NCACN_IP_TCP,
                InetAddress.getByName("10.9.8.7"), 4000);
        registry.register(iface(2), Optional.empty(), "", EndpointRegistry.Protocol.NCACN_IP_TCP,
                InetAddress.getByName("0.0.0.0"), 4001);
        registry.register(iface(2), Optional.empty(), "", EndpointRegistry.Protocol.NCACN_IP_TCP,
                InetAddress.getByName("0.0.0.0"), 4002);
        // the fake call context says the caller reached 127.0.0.1; pretend the client knows the server as 10.0.0.1
        StubCaller wildcard = (op, stub) -> service.invoke(new CallContext(server, 1, 7, null,
                new InetSocketAddress("127.0.0.1", 5), Epm.SYNTAX, Optional.empty(), org.jwmi.auth.AuthLevel.NONE, 0,
                Optional.empty(), true, 1), op, stub);
        EpmClient client = new EpmClient(wildcard, InetAddress.getByName("10.0.0.1"));
        assertThat(client.map(iface(1))).contains(new InetSocketAddress(InetAddress.getByName("10.9.8.7"), 4000));
        assertThat(client.map(iface(2))).contains(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 4001));
        assertThat(client.map(iface(3))).isEmpty();
        assertThat(client.mapTowers(iface(2), Optional.empty(), 5)).hasSize(2);
        // map(…) asks for one tower; the handle for the second is released again
        assertThat(service.openHandles()).isZero();
    }

    @Test
    void aFailingStatusIsReportedAndTheHandleReleased() {
        List<NdrContextHandle> freed = new ArrayList<>();
        NdrContextHandle h = new NdrContextHandle(0, new UUID(1, 2));
        StubCaller odd = (op, stub) -> {
            if (op == Epm.OP_EPT_LOOKUP_HANDLE_FREE) {
                freed.add(EptLookupHandleFreeRequest.decode(stub).entryHandle());
                return new EptLookupHandleFreeResponse(NdrContextHandle.NULL, 0).encode();
            }
            EptLookupRequest req = EptLookupRequest.decode(stub);
            if (req.entryHandle().isNull()) {
                return new EptLookupResponse(h, 500, List.of(new EptEntry(new UUID(0, 0), Optional.empty(), "a")), 0)
                        .encode();
            }
            return new EptLookupResponse(h, 500, List.of(), Epm.EPT_S_CANT_PERFORM_OP_DCE).encode();
        };
        assertThatThrownBy(() -> new EpmClient(odd, InetAddress.getLoopbackAddress()).lookupAll())
                .isInstanceOf(ErrorStatusException.class).hasMessageContaining("ept_s_cant_perform_op");
        assertThat(freed).containsExactly(h);
    }

    @Test
    void aServerThatNeverEndsTheListingIsCutOff() {
        NdrContextHandle h = new NdrContextHandle(0, new UUID(1, 2));
        int[] calls = new int[1];
        StubCaller endless = (op, stub) -> {
            calls[0]++;
            if (op == Epm.OP_EPT_LOOKUP_HANDLE_FREE) {
                return new EptLookupHandleFreeResponse(NdrContextHandle.NULL, 0).encode();
            }
            return new EptLookupResponse(h, 500, List.of(), 0).encode();
        };
        assertThat(new EpmClient(endless, InetAddress.getLoopbackAddress()).lookupAll()).isEmpty();
        assertThat(calls[0]).isEqualTo(2);   // one empty page, then the handle is freed
    }
}
