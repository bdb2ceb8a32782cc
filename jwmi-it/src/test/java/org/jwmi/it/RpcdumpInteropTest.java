package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cli.JwmiServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2: {@code impacket-rpcdump} lists the endpoints we registered.
 *
 * <p>rpcdump on port 135 binds to the endpoint mapper <em>without</em> authentication even when given credentials
 * (its source sets credentials only for the SMB and HTTP transports), as Windows clients of the endpoint mapper
 * do. So it succeeds against a server whose minimum level is {@code none}, and a server at the default
 * pktIntegrity refuses its ept_lookup with access denied.
 */
class RpcdumpInteropTest {

    @BeforeAll
    static void peers() {
        Peers.assumeRoot();
        Peers.assumeImpacket();
    }

    private static Peers.Result rpcdump(LoopbackServer s) {
        return Peers.run(List.of(Peers.RPCDUMP, "-port", "135",
                LoopbackServer.DOMAIN + "/" + LoopbackServer.USER + ":" + s.password + "@" + s.host), Map.of(),
                Duration.ofSeconds(60));
    }

    @Test
    void listsTheEndpointMapperAndManagementEntriesWithOurAnnotation() {
        try (LoopbackServer s = LoopbackServer.start("127.0.0.11", 135, AuthLevel.NONE)) {
            Peers.Result r = rpcdump(s);
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.stdout())
                    .contains("UUID    : E1AF8308-5D1F-11C9-91A4-08002B14A0FA v3.0 " + JwmiServer.ANNOTATION_EPM)
                    .contains("UUID    : AFA8BD80-7D8A-11C9-BEF4-08002B102989 v1.0 " + JwmiServer.ANNOTATION_MGMT)
                    .contains("ncacn_ip_tcp:127.0.0.11[135]")
                    .doesNotContain("Protocol failed");
            assertThat(r.stdout() + r.stderr()).contains("Received 2 endpoints");
        }
    }

    @Test
    void isRefusedByAServerThatRequiresIntegrity() {
        try (LoopbackServer s = LoopbackServer.start("127.0.0.12", 135, AuthLevel.PKT_INTEGRITY)) {
            Peers.Result r = rpcdump(s);
            assertThat(r.stdout() + r.stderr()).as(r.all()).contains("Protocol failed").contains("rpc_s_access_denied")
                    .doesNotContain("E1AF8308");
        }
    }
}
