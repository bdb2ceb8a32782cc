package org.jwmi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure paths of {@code jwmi serve} (the running server is tested as a process in jwmi-it). */
class ServeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aPortInUseIsAClearErrorWithStatusOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            UserCommandTest.Result r = UserCommandTest.jwmi("", "serve", "--bind", "127.0.0.1",
                    "--port", Integer.toString(taken.getLocalPort()), "--data-dir", tmp.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("jwmi: cannot bind 127.0.0.1:" + taken.getLocalPort())
                    .contains("already in use").contains("--port");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(UserCommandTest.jwmi("", "serve", "--data-dir", tmp.toString()).err()).contains("--bind");
        UserCommandTest.Result level = UserCommandTest.jwmi("", "serve", "--bind", "127.0.0.1", "--min-auth-level",
                "strong", "--data-dir", tmp.toString());
        assertThat(level.code()).isEqualTo(2);
        assertThat(level.err()).contains("pktIntegrity");
        UserCommandTest.Result host = UserCommandTest.jwmi("", "serve", "--bind", "no-such-host.invalid",
                "--data-dir", tmp.toString());
        assertThat(host.code()).isEqualTo(1);
        assertThat(host.err()).contains("--bind no-such-host.invalid");
        UserCommandTest.Result domain = UserCommandTest.jwmi("", "serve", "--bind", "127.0.0.1", "--port", "0",
                "--domain", "A-DOMAIN-NAME-TOO-LONG", "--data-dir", tmp.toString());
        assertThat(domain.code()).isEqualTo(1);
        assertThat(domain.err()).contains("15 characters");
    }

    @Test
    void theAnnouncedDomainIsTheStoresOnlyDomain() {
        FileAccountStore store = FileAccountStore.open(tmp);
        assertThat(ServeCommand.soleDomain(store)).isEmpty();
        store.add("", "local", new byte[16]);
        assertThat(ServeCommand.soleDomain(store)).isEmpty();
        store.add("Corp", "a", new byte[16]);
        store.add("CORP", "b", new byte[16]);
        assertThat(ServeCommand.soleDomain(store)).isEqualToIgnoringCase("corp");
        store.add("OTHER", "c", new byte[16]);
        assertThat(ServeCommand.soleDomain(store)).isEmpty();
    }

    @Test
    void netbiosNamesAreTheFirstLabelUpperCasedAndShortened() {
        assertThat(JwmiServer.netbiosName("build-host.example.org")).isEqualTo("BUILD-HOST");
        assertThat(JwmiServer.netbiosName("averyveryverylonghostname")).isEqualTo("AVERYVERYVERYLO");
    }
}
