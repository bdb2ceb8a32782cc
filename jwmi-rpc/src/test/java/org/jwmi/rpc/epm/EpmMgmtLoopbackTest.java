package org.jwmi.rpc.epm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.mgmt.Mgmt;
import org.jwmi.rpc.mgmt.MgmtClient;
import org.junit.jupiter.api.Test;

/** EpmClient and MgmtClient against an RpcServer on 127.0.0.1, unauthenticated and with NTLM at pktPrivacy. */
class EpmMgmtLoopbackTest {

    private static List<String> describe(List<EptEntry> entries) {
        return entries.stream().map(e -> {
            ProtocolTower t = e.tower().orElseThrow().tower();
            return t.interfaceId().orElseThrow() + " " + t.stringBinding() + " '" + e.annotation() + "'";
        }).toList();
    }

    private static void exercise(RpcConnection c, SecuritySpec security, LoopbackServer s) {
        EpmClient epm = EpmClient.bind(c, security);
        String at = "ncacn_ip_tcp:127.0.0.1[" + s.port() + "]";
        assertThat(describe(epm.lookupAll())).containsExactly(
                Epm.SYNTAX + " " + at + " 'jwmi rpc'",
                Mgmt.SYNTAX + " " + at + " 'jwmi rpc'",
                LoopbackServer.OTHER + " ncacn_ip_tcp:127.0.0.1[" + LoopbackServer.OTHER_PORT + "] 'wmi'");
        assertThat(epm.map(Mgmt.SYNTAX)).contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.port()));
        assertThat(epm.map(LoopbackServer.OTHER))
                .contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), LoopbackServer.OTHER_PORT));
        assertThat(epm.map(new SyntaxId(LoopbackServer.OTHER.uuid(), 1, 0))).isEmpty();

        RpcBinding mb = c.bind(Mgmt.SYNTAX, security);
        MgmtClient mgmt = new MgmtClient(mb);
        assertThat(mgmt.inqIfIds()).containsExactly(Epm.SYNTAX, Mgmt.SYNTAX);
        assertThat(mgmt.isServerListening()).isTrue();
        assertThat(mgmt.inqPrincName(NtlmSecurityProvider.RPC_C_AUTHN_WINNT)).contains(LoopbackServer.PRINCIPAL);
        assertThat(mgmt.inqPrincName(16)).isEmpty();
        assertThat(mgmt.stopServerListening()).isEqualTo(Mgmt.ERROR_ACCESS_DENIED);
        List<Long> stats = mgmt.inqStats();
        assertThat(stats).hasSize(4);
        assertThat(stats.get(Mgmt.RPC_C_STATS_CALLS_IN)).isGreaterThanOrEqualTo(9);
        assertThat(stats.get(Mgmt.RPC_C_STATS_PKTS_IN)).isGreaterThanOrEqualTo(stats.get(Mgmt.RPC_C_STATS_CALLS_IN));
        assertThat(s.epm.openHandles()).isZero();
    }

    @Test
    void unauthenticatedWhenTheServerAllowsIt() throws Exception {
        try (LoopbackServer s = new LoopbackServer(AuthLevel.NONE);
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), ClientConfig.defaults())) {
            exercise(c, SecuritySpec.none(), s);
        }
    }

    @Test
    void ntlmAtPacketPrivacy() throws Exception {
        try (LoopbackServer s = new LoopbackServer(AuthLevel.PKT_PRIVACY);
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), ClientConfig.defaults())) {
            SecuritySpec ntlm = SecuritySpec.of(new NtlmSecurityProvider(), LoopbackServer.credentials(),
                    AuthLevel.PKT_PRIVACY);
            exercise(c, ntlm, s);
        }
    }

    @Test
    void theEndpointMapperStaysOpenWhileMgmtNeedsTheMinimumLevel() throws Exception {
        try (LoopbackServer s = new LoopbackServer(AuthLevel.PKT_INTEGRITY);
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), ClientConfig.defaults())) {
            EpmClient epm = EpmClient.bind(c, SecuritySpec.none());
            assertThat(epm.lookupAll()).hasSize(3);
            MgmtClient mgmt = MgmtClient.bind(c, SecuritySpec.none());
            assertThatThrownBy(mgmt::inqIfIds).isInstanceOf(RpcFaultException.class)
                    .extracting(e -> ((RpcFaultException) e).status()).isEqualTo(Mgmt.ERROR_ACCESS_DENIED);
        }
    }

    @Test
    void aBadStubIsAnsweredWithRpcXBadStubData() throws Exception {
        try (LoopbackServer s = new LoopbackServer(AuthLevel.NONE);
             RpcConnection c = RpcConnection.connect("127.0.0.1", s.port(), ClientConfig.defaults())) {
            RpcBinding b = c.bind(Epm.SYNTAX, SecuritySpec.none());
            assertThatThrownBy(() -> b.call(Epm.OP_EPT_LOOKUP, new byte[] {1, 2, 3}))
                    .isInstanceOf(RpcFaultException.class)
                    .extracting(e -> ((RpcFaultException) e).status()).isEqualTo(0x6F7);
            assertThatThrownBy(() -> b.call(Epm.OP_EPT_INSERT, new byte[0])).isInstanceOf(RpcFaultException.class)
                    .extracting(e -> ((RpcFaultException) e).status()).isEqualTo(Epm.EPT_S_CANT_PERFORM_OP);
            // the connection survives faults
            assertThat(new EpmClient(b).map(Epm.SYNTAX)).isPresent();
            assertThat(Optional.of(c.isOpen())).contains(true);
        }
    }
}
