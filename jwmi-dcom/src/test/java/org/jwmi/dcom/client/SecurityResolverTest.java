package org.jwmi.dcom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.SecurityProviders;
import org.jwmi.auth.ServerOptions;
import org.jwmi.dcom.wire.DcomConstants;
import org.jwmi.dcom.wire.SecurityBinding;
import org.jwmi.dcom.wire.StringBinding;
import org.junit.jupiter.api.Test;

/** The defaults Windows applies to a blanket, per call kind ([MS-DCOM] 3.2.4.1.1.2, 3.2.4.1.2.2, 3.2.4.2). */
class SecurityResolverTest {
    /** A provider that only has an auth type (the resolver never creates contexts). */
    private record Named(int authType, String name) implements SecurityProvider {
        @Override
        public SecurityContext newClientContext(Credentials credentials, ClientOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SecurityContext newServerContext(ServerOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    private static final Named NTLM = new Named(DcomConstants.RPC_C_AUTHN_WINNT, "NTLM");
    private static final Named KERBEROS = new Named(DcomConstants.RPC_C_AUTHN_GSS_KERBEROS, "Kerberos");
    private static final Credentials ALICE = Credentials.ofPassword("D", "alice", "pw".toCharArray());
    private static final SecurityBlanket WITH_ID = SecurityBlanket.builder().identity(ALICE).build();

    private final SecurityResolver ntlmOnly = new SecurityResolver(new SecurityProviders().register(NTLM));
    private final SecurityResolver both = new SecurityResolver(new SecurityProviders().register(NTLM)
            .register(KERBEROS));

    @Test
    void activationDefaultsToPktIntegrityAndKeepsAnExplicitLevel() {
        assertThat(ntlmOnly.forActivation(WITH_ID, List.of(), "srv").level()).isEqualTo(AuthLevel.PKT_INTEGRITY);
        assertThat(ntlmOnly.forActivation(WITH_ID.withAuthnLevel(AuthLevel.CONNECT), List.of(), "srv").level())
                .isEqualTo(AuthLevel.CONNECT);
        assertThat(ntlmOnly.forActivation(WITH_ID.withAuthnLevel(AuthLevel.CALL), List.of(), "srv").level())
                .as("call is pkt on connection-oriented RPC").isEqualTo(AuthLevel.PKT);
        assertThat(ntlmOnly.forActivation(WITH_ID, List.of(), "srv").impersonation())
                .isEqualTo(ImpersonationLevel.IMPERSONATE);
    }

    @Test
    void callsTakeTheHigherOfConnectAndTheHint() {
        for (AuthLevel hint : AuthLevel.values()) {
            AuthLevel got = ntlmOnly.forExporter(WITH_ID, List.of(), hint.value()).level();
            AuthLevel want = hint.effective().atLeast(AuthLevel.CONNECT) ? hint.effective() : AuthLevel.CONNECT;
            assertThat(got).as("hint " + hint).isEqualTo(want);
        }
        assertThat(ntlmOnly.forExporter(WITH_ID, List.of(), 99).level()).isEqualTo(AuthLevel.CONNECT);
        assertThat(ntlmOnly.forExporter(WITH_ID.withAuthnLevel(AuthLevel.PKT_INTEGRITY), List.of(),
                AuthLevel.PKT_PRIVACY.value()).level()).as("explicit wins over the hint")
                .isEqualTo(AuthLevel.PKT_INTEGRITY);
    }

    @Test
    void resolverCallsAreAtLeastPktIntegrityAndIdentify() {
        EffectiveSecurity s = ntlmOnly.forResolver(WITH_ID.withAuthnLevel(AuthLevel.CONNECT)
                .toBuilder().impersonationLevel(ImpersonationLevel.ANONYMOUS).build(), List.of(), "srv");
        assertThat(s.level()).isEqualTo(AuthLevel.PKT_INTEGRITY);
        assertThat(s.impersonation()).isEqualTo(ImpersonationLevel.IDENTIFY);
        assertThat(ntlmOnly.forResolver(WITH_ID.withAuthnLevel(AuthLevel.PKT_PRIVACY), List.of(), "srv").level())
                .isEqualTo(AuthLevel.PKT_PRIVACY);
        assertThat(ntlmOnly.forResolver(WITH_ID.withAuthnLevel(AuthLevel.NONE), List.of(), "srv").isNone()).isTrue();
    }

    @Test
    void theProviderIsTheFirstServerBindingWeSupport() {
        List<SecurityBinding> server = List.of(new SecurityBinding(0x44, "nl"),
                new SecurityBinding(DcomConstants.RPC_C_AUTHN_GSS_KERBEROS, "host/srv"),
                new SecurityBinding(DcomConstants.RPC_C_AUTHN_WINNT, ""));
        assertThat(both.forExporter(WITH_ID, server, 2).provider()).isSameAs(KERBEROS);
        assertThat(ntlmOnly.forExporter(WITH_ID, server, 2).provider()).isSameAs(NTLM);
        assertThat(both.forExporter(WITH_ID.toBuilder().authnService(SecurityBlanket.AUTHN_WINNT).build(), server, 2)
                .provider()).isSameAs(NTLM);
        assertThatThrownBy(() -> ntlmOnly.forExporter(WITH_ID.toBuilder()
                .authnService(SecurityBlanket.AUTHN_GSS_NEGOTIATE).build(), server, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Negotiate (9)")
                .hasMessageContaining("not registered");
    }

    @Test
    void theSpnFollowsTheSpec() {
        List<SecurityBinding> server = List.of(new SecurityBinding(DcomConstants.RPC_C_AUTHN_GSS_KERBEROS,
                "host/srv.example"), new SecurityBinding(DcomConstants.RPC_C_AUTHN_WINNT, "SRV"));
        assertThat(both.forExporter(WITH_ID, server, 2).spn()).as("the exporter's aPrincName")
                .isEqualTo("host/srv.example");
        assertThat(both.forActivation(WITH_ID, server, "srv.example").spn()).isEqualTo("RPCSS/srv.example");
        assertThat(both.forResolver(WITH_ID.toBuilder().serverPrincipalName("x/y").build(), server, "10.0.0.1").spn())
                .isEqualTo("RPCSS/10.0.0.1");
        assertThat(ntlmOnly.forActivation(WITH_ID, server, "srv").spn()).as("no SPN for NTLM").isEmpty();
        assertThat(ntlmOnly.forExporter(WITH_ID, server, 2).spn()).isEqualTo("SRV");
        assertThat(both.forExporter(WITH_ID.toBuilder().serverPrincipalName("mine").build(), server, 2).spn())
                .isEqualTo("mine");
    }

    @Test
    void aProxyBlanketOverridesOnlyWhatItSets() {
        SecurityBlanket process = SecurityBlanket.builder().identity(ALICE).authnLevel(AuthLevel.PKT_INTEGRITY)
                .impersonationLevel(ImpersonationLevel.IDENTIFY).capabilities(Capability.EOAC_MUTUAL_AUTH).build();
        SecurityBlanket proxy = SecurityBlanket.builder().authnLevel(AuthLevel.PKT_PRIVACY).build();
        SecurityBlanket merged = proxy.orElse(process);
        assertThat(merged.authnLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
        assertThat(merged.identity()).isSameAs(ALICE);
        assertThat(merged.impersonationLevel()).isEqualTo(ImpersonationLevel.IDENTIFY);
        assertThat(merged.capabilitySet()).containsExactly(Capability.EOAC_MUTUAL_AUTH);
        assertThat(merged.toString()).doesNotContain("pw").contains("D\\alice");
    }

    @Test
    void noIdentityIsAnErrorThatSaysWhatToSet() {
        assertThatThrownBy(() -> ntlmOnly.forExporter(SecurityBlanket.DEFAULT, List.of(), 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SecurityBlanket.identity");
        assertThat(ntlmOnly.forExporter(SecurityBlanket.builder().authnLevel(AuthLevel.NONE).build(), List.of(), 6)
                .isNone()).isTrue();
        assertThatThrownBy(() -> SecurityBlanket.builder().authnService(SecurityBlanket.AUTHN_NONE)
                .authnLevel(AuthLevel.PKT_PRIVACY).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringBindingsParseAsWindowsFormatsThem() {
        assertThat(Endpoint.of(StringBinding.tcp("10.0.0.1", 49154), 135)).contains(new Endpoint("10.0.0.1", 49154));
        assertThat(Endpoint.of(StringBinding.tcp("SRV"), 135)).contains(new Endpoint("srv", 135));
        assertThat(Endpoint.of(StringBinding.tcp("fe80::1[1234]"), 135)).contains(new Endpoint("fe80::1", 1234));
        assertThat(Endpoint.of(StringBinding.tcp("SRV"), -1)).isEmpty();
        assertThat(Endpoint.of(StringBinding.tcp("srv[x]"), 135)).isEmpty();
        assertThat(Endpoint.of(StringBinding.tcp("srv[70000]"), 135)).isEmpty();
        assertThat(Endpoint.of(new StringBinding(DcomConstants.NCACN_NP, "srv[\\pipe\\x]"), 135)).isEqualTo(
                Optional.empty());
    }
}
