package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cli.JwmiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 3, second peer: Samba's client library ({@code peers/samba_client.py}, python3-samba). Unlike
 * impacket it authenticates at the Pkt level (binding option {@code packet}), appends an [MS-RPCE] 2.2.2.13
 * verification trailer to signed requests, and can send big-endian NDR.
 */
class SambaClientInteropTest {
    private static LoopbackServer server;

    @BeforeAll
    static void start() {
        Peers.assumeRoot();
        Peers.assumeSamba();
        server = LoopbackServer.start("127.0.0.15", 135, AuthLevel.NONE);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, Object> client(String level, String iface, String password, String... extra) {
        List<String> args = new ArrayList<>(List.of("--host", server.host, "--level", level, "--interface", iface,
                "--user", LoopbackServer.USER, "--domain", LoopbackServer.DOMAIN));
        args.addAll(List.of(extra));
        return Peers.runJsonScript("samba_client.py", args, password);
    }

    @ParameterizedTest(name = "mgmt at {0}")
    @ValueSource(strings = {"none", "connect", "pkt", "integrity", "privacy"})
    @SuppressWarnings("unchecked")
    void managementInquiries(String level) {
        Map<String, Object> r = client(level, "mgmt", server.password);
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(true);
        assertThat((List<Object>) r.get("interfaces")).contains("e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0",
                "afa8bd80-7d8a-11c9-bef4-08002b102989 v1.0");
        assertThat((String) r.get("princ_name")).isNotBlank();
    }

    @ParameterizedTest(name = "ept_lookup at {0}")
    @ValueSource(strings = {"none", "connect", "pkt", "integrity", "privacy"})
    @SuppressWarnings("unchecked")
    void endpointMapLookup(String level) {
        Map<String, Object> r = client(level, "epm", server.password);
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(true);
        assertThat((List<Map<String, Object>>) r.get("entries")).extracting(e -> e.get("annotation"))
                .containsExactly(JwmiServer.ANNOTATION_EPM, JwmiServer.ANNOTATION_MGMT);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> r = client("integrity", "mgmt", server.password + "x");
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(false);
        assertThat((String) r.get("error")).as(r.toString()).containsIgnoringCase("access");
    }

    @Test
    void bigEndianNdrIsAnsweredCorrectly() {
        Map<String, Object> r = client("connect", "mgmt", server.password, "--bigendian");
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(true);
    }
}
