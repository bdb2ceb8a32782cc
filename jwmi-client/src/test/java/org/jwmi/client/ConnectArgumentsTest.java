package org.jwmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jwmi.cim.WbemStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ConnectServer's strUser, strAuthority and strNetworkResource as the SDK describes them. */
class ConnectArgumentsTest {

    @ParameterizedTest(name = "{0} with authority {1}")
    @CsvSource(nullValues = "-", value = {
            "CORP\\alice, -, CORP, alice",
            "alice@corp.example, -, corp.example, alice",
            "alice, -, '', alice",
            "alice, ntlmdomain:CORP, CORP, alice",
            "alice, NTLMDOMAIN:corp, corp, alice",
            "alice, ntlmdomain:, '', alice",
            "alice, '', '', alice"})
    void userForms(String user, String authority, String domain, String name) {
        Identity id = Identity.parse(user, authority);
        assertThat(id.domain()).isEqualTo(domain);
        assertThat(id.user()).isEqualTo(name);
    }

    @Test
    void kerberosIsRefusedWithWhatToUseInstead() {
        assertThatThrownBy(() -> Identity.parse("alice", "kerberos:host/server.corp"))
                .isInstanceOfSatisfying(WbemException.class, e -> {
                    assertThat(e.status()).contains(WbemStatus.WBEM_E_NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("Kerberos is not implemented yet").contains("ntlmdomain:");
                });
    }

    @ParameterizedTest
    @CsvSource({"CORP\\alice, ntlmdomain:CORP, given twice", "alice@corp, ntlmdomain:CORP, given twice",
            "alice, domain:CORP, must be ntlmdomain:DOMAIN", "CORP\\, -, malformed", "'', -, a user name is needed"})
    void badArgumentsAreInvalidParameters(String user, String authority, String message) {
        assertThatThrownBy(() -> Identity.parse(user, "-".equals(authority) ? null : authority))
                .isInstanceOfSatisfying(WbemException.class, e -> {
                    assertThat(e.hresultName()).isEqualTo("WBEM_E_INVALID_PARAMETER");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "\\\\server\\root\\cimv2, server, root\\cimv2, 'server', \\\\server\\root\\cimv2",
            "//server/root/cimv2, server, root\\cimv2, 'server', \\\\server\\root\\cimv2",
            "root\\cimv2, ., root\\cimv2, 127.0.0.1, \\\\.\\root\\cimv2",
            "ROOT/default, ., ROOT\\default, 127.0.0.1, \\\\.\\ROOT\\default",
            "\\\\127.0.0.9\\root\\, 127.0.0.9, root, 127.0.0.9, \\\\127.0.0.9\\root",
            "\\\\localhost\\root\\cimv2, localhost, root\\cimv2, 127.0.0.1, \\\\localhost\\root\\cimv2"})
    void networkResources(String text, String server, String ns, String host, String login) {
        NetworkResource r = NetworkResource.parse(text);
        assertThat(r.server()).isEqualTo(server);
        assertThat(r.namespace()).isEqualTo(ns);
        assertThat(r.host()).isEqualTo(host);
        assertThat(r.loginResource()).isEqualTo(login);
    }

    @ParameterizedTest
    @CsvSource({"\\\\server", "\\\\server\\", "//", "root\\\\cimv2"})
    void resourcesWithoutANamespaceAreRefused(String text) {
        assertThatThrownBy(() -> NetworkResource.parse(text))
                .isInstanceOfSatisfying(WbemException.class,
                        e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_INVALID_NAMESPACE"));
    }

    @Test
    void localeAndFlagsAreCheckedBeforeAnyTraffic() {
        try (WbemLocator l = WbemLocator.builder().resolverPort(1).build()) {
            assertThatThrownBy(() -> l.connect("\\\\127.0.0.1\\root\\cimv2").locale("en-US").open())
                    .hasMessageContaining("WBEM_E_INVALID_PARAMETER").hasMessageContaining("MS_409");
            assertThatThrownBy(() -> l.connect("\\\\127.0.0.1\\root\\cimv2").securityFlags(0x40).open())
                    .hasMessageContaining("securityFlags 0x40");
            assertThatThrownBy(() -> l.connect("\\\\127.0.0.1\\root\\cimv2").user("alice").open())
                    .hasMessageContaining("needs a password or an NT hash");
            assertThatThrownBy(() -> l.connect("\\\\127.0.0.1\\root\\cimv2").user("a").ntHash(new byte[15]))
                    .hasMessageContaining("16 bytes");
            assertThat(l.dcomClient().openConnections()).isZero();
        }
    }
}
