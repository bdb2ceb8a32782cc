package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.cli.JwmiServer;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.epm.Epm;
import org.jwmi.rpc.epm.EpmClient;
import org.jwmi.rpc.epm.EptEntry;
import org.jwmi.rpc.mgmt.Mgmt;
import org.jwmi.rpc.mgmt.MgmtClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance 4: our Java client against our server over TCP on 127.0.0.x:135 at every authentication level
 * (Call is raised to Pkt on connection-oriented transports, [MS-RPCE] 2.2.1.1.8), refusals below the minimum level
 * and with a wrong password, and that refused calls are never dispatched.
 */
class JavaClientLevelsTest {
    private static final int ERROR_ACCESS_DENIED = 5;
    private static final ClientConfig CONFIG = ClientConfig.defaults().withReadTimeout(Duration.ofSeconds(20));
    private static LoopbackServer open;
    private static LoopbackServer strict;

    @BeforeAll
    static void start() {
        Peers.assumeRoot();
        open = LoopbackServer.start("127.0.0.16", 135, AuthLevel.NONE);
        strict = LoopbackServer.start("127.0.0.17", 135, AuthLevel.PKT_INTEGRITY);
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.close();
        }
        if (strict != null) {
            strict.close();
        }
    }

    private static SecuritySpec spec(AuthLevel level, Credentials creds) {
        return level == AuthLevel.NONE ? SecuritySpec.none() : SecuritySpec.of(new NtlmSecurityProvider(), creds, level);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AuthLevel.class, names = {"NONE", "CONNECT", "CALL", "PKT", "PKT_INTEGRITY", "PKT_PRIVACY"})
    void everyLevelLooksUpTheEndpointMapAndCallsManagement(AuthLevel level) throws Exception {
        try (RpcConnection c = RpcConnection.connect(open.host, 135, CONFIG)) {
            RpcBinding epmBinding = c.bind(Epm.SYNTAX, spec(level, open.credentials()));
            assertThat(epmBinding.authLevel()).isEqualTo(level.effective());
            assertThat(epmBinding.authType()).isEqualTo(level == AuthLevel.NONE ? 0 : NtlmSecurityProvider.RPC_C_AUTHN_WINNT);

            List<EptEntry> entries = new EpmClient(epmBinding).lookupAll();
            assertThat(entries).extracting(e -> e.tower().orElseThrow().tower().stringBinding() + " " + e.annotation())
                    .containsExactly("ncacn_ip_tcp:127.0.0.16[135] " + JwmiServer.ANNOTATION_EPM,
                            "ncacn_ip_tcp:127.0.0.16[135] " + JwmiServer.ANNOTATION_MGMT);
            assertThat(entries).extracting(e -> e.tower().orElseThrow().tower().interfaceId().orElseThrow())
                    .containsExactly(Epm.SYNTAX, Mgmt.SYNTAX);

            MgmtClient mgmt = new MgmtClient(epmBinding.alterContext(Mgmt.SYNTAX));
            assertThat(mgmt.inqIfIds()).contains(Epm.SYNTAX, Mgmt.SYNTAX, LoopbackServer.COUNTER);
            assertThat(mgmt.isServerListening()).isTrue();

            // A stub bigger than several fragments in both directions, at this level.
            byte[] big = new byte[64 * 1024 + 7];
            new java.util.Random(level.value()).nextBytes(big);
            RpcBinding counter = epmBinding.alterContext(LoopbackServer.COUNTER);
            assertThat(counter.call(0, big)).isEqualTo(big);
        }
    }

    @ParameterizedTest(name = "{0} is below pktIntegrity")
    @EnumSource(value = AuthLevel.class, names = {"NONE", "CONNECT", "CALL", "PKT"})
    void belowTheMinimumIsRefusedAndNotDispatched(AuthLevel level) throws Exception {
        int before = strict.dispatched.get();
        try (RpcConnection c = RpcConnection.connect(strict.host, 135, CONFIG)) {
            RpcBinding b = c.bind(LoopbackServer.COUNTER, spec(level, strict.credentials()));
            assertThatThrownBy(() -> b.call(0, new byte[] {1, 2, 3}))
                    .isInstanceOfSatisfying(RpcFaultException.class, e -> {
                        assertThat(e.status()).isEqualTo(ERROR_ACCESS_DENIED);
                        assertThat(e.didNotExecute()).isTrue();
                    });
        }
        assertThat(strict.dispatched.get()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} meets pktIntegrity")
    @EnumSource(value = AuthLevel.class, names = {"PKT_INTEGRITY", "PKT_PRIVACY"})
    void atOrAboveTheMinimumIsDispatched(AuthLevel level) throws Exception {
        int before = strict.dispatched.get();
        try (RpcConnection c = RpcConnection.connect(strict.host, 135, CONFIG)) {
            RpcBinding b = c.bind(LoopbackServer.COUNTER, spec(level, strict.credentials()));
            assertThat(b.call(0, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
        }
        assertThat(strict.dispatched.get()).isEqualTo(before + 1);
    }

    @Test
    void aWrongPasswordIsDeniedAndNotDispatched() throws Exception {
        int before = strict.dispatched.get();
        try (RpcConnection c = RpcConnection.connect(strict.host, 135, CONFIG)) {
            RpcBinding b = c.bind(LoopbackServer.COUNTER, spec(AuthLevel.PKT_PRIVACY, strict.wrongCredentials()));
            assertThatThrownBy(() -> b.call(0, new byte[] {1}))
                    .satisfies(e -> assertThat(e).isInstanceOfAny(AuthenticationException.class, RpcFaultException.class))
                    .hasMessageContaining("access denied");
        }
        assertThat(strict.dispatched.get()).isEqualTo(before);
    }

    @Test
    void anUnknownUserIsDeniedLikeAWrongPassword() throws Exception {
        try (RpcConnection c = RpcConnection.connect(strict.host, 135, CONFIG)) {
            RpcBinding b = c.bind(Epm.SYNTAX, spec(AuthLevel.PKT_INTEGRITY,
                    Credentials.ofPassword(LoopbackServer.DOMAIN, "nobody", strict.password.toCharArray())));
            assertThatThrownBy(() -> new EpmClient(b).lookupAll()).hasMessageContaining("access denied");
        }
    }

    @Test
    void severalInterfacesShareOneConnection() throws Exception {
        try (RpcConnection c = RpcConnection.connect(strict.host, 135, CONFIG)) {
            RpcBinding epm = c.bind(Epm.SYNTAX, spec(AuthLevel.PKT_PRIVACY, strict.credentials()));
            RpcBinding mgmt = c.alterContext(Mgmt.SYNTAX, spec(AuthLevel.PKT_INTEGRITY, strict.credentials()));
            assertThat(mgmt.authContextId()).isNotEqualTo(epm.authContextId());
            for (int i = 0; i < 3; i++) {
                assertThat(new EpmClient(epm).lookupAll()).hasSize(2);
                assertThat(new MgmtClient(mgmt).inqIfIds()).contains(Epm.SYNTAX);
            }
            SyntaxId unknown = new SyntaxId(java.util.UUID.fromString("11111111-2222-3333-4444-555555555555"), 1, 0);
            assertThatThrownBy(() -> c.alterContext(unknown, epm))
                    .isInstanceOfSatisfying(RpcFaultException.class,
                            e -> assertThat(e.status()).isEqualTo(org.jwmi.rpc.RpcStatus.RPC_S_UNKNOWN_IF.value()));
            assertThat(new EpmClient(epm).lookupAll()).as("the connection survives a refused context").hasSize(2);
        }
    }
}
