package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.Credentials;
import org.jwmi.rpc.BindRejectedException;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.pdu.BindTimeFeatures;
import org.jwmi.rpc.pdu.RejectReason;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.jwmi.rpc.testing.ToyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our client against our server over loopback with real NTLM, at every authentication level. */
class SecurityLevelsTest {
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

    @ParameterizedTest
    @EnumSource(value = AuthLevel.class, names = {"CONNECT", "CALL", "PKT", "PKT_INTEGRITY", "PKT_PRIVACY"})
    void ntlmAtEveryLevel(AuthLevel level) {
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(level));
            assertThat(b.authType()).isEqualTo(0x0a);
            assertThat(b.authLevel()).isEqualTo(level.effective());
            assertThat(b.usedAuth3()).as("NTLM completes with rpc_auth_3").isTrue();
            byte[] stub = "hello, world".getBytes(StandardCharsets.US_ASCII);
            assertThat(b.call(0, stub)).isEqualTo(stub);
            assertThat(b.call(0, stub)).isEqualTo(stub);
            UUID obj = UUID.randomUUID();
            String d = new String(b.call(2, new byte[0], Optional.of(obj)), StandardCharsets.UTF_8);
            assertThat(d).isEqualTo(obj + "|" + level.effective() + "|10|JWMI\\alice|true");
            assertThat(c.negotiated().headerSigning()).isEqualTo(level.effective().atLeast(AuthLevel.PKT_INTEGRITY));
            assertThat(c.negotiated().featureBits()).isEqualTo(BindTimeFeatures.SECURITY_CONTEXT_MULTIPLEXING
                    | BindTimeFeatures.KEEP_CONNECTION_ON_ORPHAN);
        }
        assertThat(echo.dispatches).hasValue(3);
    }

    @Test
    void noAuthentication() {
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            assertThat(b.call(0, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
            assertThat(new String(b.call(2, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("-|NONE|0|-|true");
        }
    }

    @Test
    void toyMechanismWithFourLegsUsesAlterContext() {
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.of(Fixtures.TOY, Fixtures.alice(), AuthLevel.PKT_PRIVACY));
            assertThat(b.usedAuth3()).isFalse();
            assertThat(b.call(0, EchoService.pattern(100))).isEqualTo(EchoService.pattern(100));
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthLevel.class, names = {"CONNECT", "PKT", "PKT_INTEGRITY", "PKT_PRIVACY"})
    void wrongPasswordIsAccessDeniedAndNeverDispatched(AuthLevel level) {
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.of(Fixtures.NTLM, Fixtures.aliceWrongPassword(), level));
            assertThatThrownBy(() -> b.call(0, new byte[4]))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("refused the NTLM logon of JWMI\\alice")
                    .hasMessageContaining("check the user name, domain and password")
                    .hasMessageNotContaining("not-the-password");
            assertThat(c.isOpen()).isFalse();
        }
        assertThat(echo.dispatches).hasValue(0);
    }

    @Test
    void belowTheServerMinimumIsRefusedWithAClearMessage() {
        try (RpcServer strict = Fixtures.server(b -> b.minAuthLevel(AuthLevel.PKT_INTEGRITY).register(echo));
             RpcConnection c = Fixtures.connect(strict)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.CONNECT));
            assertThatThrownBy(() -> b.call(0, new byte[4]))
                    .isInstanceOfSatisfying(RpcFaultException.class, f -> {
                        assertThat(f.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED.value());
                        assertThat(f.didNotExecute()).isTrue();
                    })
                    .hasMessageContaining("refused at authenticationLevel=connect")
                    .hasMessageContaining("use authenticationLevel=pktIntegrity or higher");
            // the connection stays usable: a new security context at the right level works on it
            RpcBinding ok = c.alterContext(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_PRIVACY));
            assertThat(ok.call(0, new byte[] {9})).containsExactly(9);
            // without a verifier the request falls back to the connection's first (connect-level) context
            RpcBinding anon = c.alterContext(EchoService.SYNTAX, SecuritySpec.none());
            assertThatThrownBy(() -> anon.call(0, new byte[1])).isInstanceOfSatisfying(RpcFaultException.class,
                    f -> assertThat(f.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED.value()));
            assertThat(c.isOpen()).isTrue();
        }
        try (RpcServer strict = Fixtures.server(b -> b.minAuthLevel(AuthLevel.CONNECT).register(echo));
             RpcConnection c = Fixtures.connect(strict)) {
            RpcBinding anon = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            assertThatThrownBy(() -> anon.call(0, new byte[1])).isInstanceOf(RpcFaultException.class)
                    .hasMessageContaining("refused at authenticationLevel=none")
                    .hasMessageContaining("use authenticationLevel=pktIntegrity or higher");
        }
        assertThat(echo.dispatches).hasValue(1);
    }

    @Test
    void requestWithoutVerifierOnASignedConnectionIsRefusedAndCloses() {
        try (RpcConnection c = Fixtures.connect(server)) {
            c.bind(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_INTEGRITY));
            RpcBinding anon = c.alterContext(EchoService.SYNTAX, SecuritySpec.none());
            assertThatThrownBy(() -> anon.call(0, new byte[1])).isInstanceOfSatisfying(RpcFaultException.class, f -> {
                assertThat(f.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED.value());
                assertThat(f.didNotExecute()).isFalse();
            });
            assertThat(c.isOpen()).isFalse();
        }
        assertThat(echo.dispatches).hasValue(0);
    }

    @Test
    void perInterfaceMinimumLevel() {
        EchoService other = new EchoService(EchoService.OTHER);
        server.register(AuthLevel.PKT_PRIVACY, other);
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.OTHER, Fixtures.ntlm(AuthLevel.PKT_INTEGRITY));
            assertThatThrownBy(() -> b.call(0, new byte[1])).hasMessageContaining("use authenticationLevel=pktPrivacy");
            // a refused multi-fragment call: its later fragments are still verified, so signing stays in step
            assertThatThrownBy(() -> b.call(0, new byte[20_000])).isInstanceOf(RpcFaultException.class);
            RpcBinding e = b.alterContext(EchoService.SYNTAX);
            assertThat(e.call(0, new byte[] {6})).containsExactly(6);
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(other.dispatches).hasValue(0);
        assertThat(echo.dispatches).hasValue(1);
    }

    @Test
    void unknownAuthTypeIsBindNak8() {
        ToyProvider unknown = new ToyProvider(0x55);
        try (RpcConnection c = Fixtures.connect(server)) {
            assertThatThrownBy(() -> c.bind(EchoService.SYNTAX, SecuritySpec.of(unknown, Fixtures.alice(), AuthLevel.PKT_INTEGRITY)))
                    .isInstanceOfSatisfying(BindRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RejectReason.AUTHENTICATION_TYPE_NOT_RECOGNIZED.value());
                        assertThat(e.reasonName()).isEqualTo("authentication_type_not_recognized");
                    })
                    .hasMessageContaining("(8)").hasMessageContaining("does not accept TOY");
        }
    }

    @Test
    void severalSecurityContextsOnOneConnection() {
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding a = c.bind(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_INTEGRITY));
            RpcBinding p = c.alterContext(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_PRIVACY));
            RpcBinding t = c.alterContext(EchoService.SYNTAX, SecuritySpec.of(Fixtures.TOY, Fixtures.alice(), AuthLevel.PKT_INTEGRITY));
            RpcBinding k = c.alterContext(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.CONNECT));
            assertThat(a.authContextId()).isNotEqualTo(p.authContextId());
            assertThat(p.contextId()).isNotEqualTo(a.contextId());
            for (int i = 0; i < 3; i++) {
                for (RpcBinding b : new RpcBinding[] {a, p, t, k}) {
                    assertThat(b.call(0, EchoService.pattern(40 + i))).isEqualTo(EchoService.pattern(40 + i));
                }
            }
            assertThat(new String(k.call(2, new byte[0]), StandardCharsets.UTF_8)).contains("|CONNECT|10|");
            // a further interface sharing the privacy context
            server.register(new EchoService(EchoService.OTHER));
            RpcBinding o = p.alterContext(EchoService.OTHER);
            assertThat(o.authContextId()).isEqualTo(p.authContextId());
            assertThat(new String(o.call(2, new byte[0]), StandardCharsets.UTF_8)).contains("|PKT_PRIVACY|10|");
        }
    }

    @Test
    void credentialsNeverAppearInErrors() {
        Credentials wrong = Credentials.ofPassword("JWMI", "alice", "Hunter2-very-secret".toCharArray());
        try (RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.of(Fixtures.NTLM, wrong, AuthLevel.PKT_PRIVACY));
            assertThatThrownBy(() -> b.call(0, new byte[1])).hasMessageNotContaining("Hunter2");
        }
    }
}
