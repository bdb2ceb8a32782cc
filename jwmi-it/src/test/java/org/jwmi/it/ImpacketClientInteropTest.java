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
 * Acceptance 3: impacket's DCE/RPC client ({@code peers/epm_client.py}) against our endpoint mapper and
 * management interface. impacket sends no verifier on requests at the Call and Pkt levels, which a correct server
 * refuses ([MS-RPCE] 3.3.1.5.2: pkt and above verify every PDU); those levels are covered by our own client and by
 * Samba's.
 */
class ImpacketClientInteropTest {
    private static final int ERROR_ACCESS_DENIED = 5;
    private static LoopbackServer connectMin;
    private static LoopbackServer privacyMin;

    @BeforeAll
    static void start() {
        Peers.assumeRoot();
        Peers.assumeImpacket();
        connectMin = LoopbackServer.start("127.0.0.13", 135, AuthLevel.CONNECT);
        privacyMin = LoopbackServer.start("127.0.0.14", 135, AuthLevel.PKT_PRIVACY);
    }

    @AfterAll
    static void stop() {
        if (connectMin != null) {
            connectMin.close();
        }
        if (privacyMin != null) {
            privacyMin.close();
        }
    }

    static Map<String, Object> client(LoopbackServer s, String level, String password, String... extra) {
        List<String> args = new ArrayList<>(List.of("--host", s.host, "--level", level,
                "--user", LoopbackServer.USER, "--domain", LoopbackServer.DOMAIN));
        args.addAll(List.of(extra));
        return Peers.runJsonScript("epm_client.py", args, password);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(Map<String, Object> r) {
        return (List<Map<String, Object>>) r.get("entries");
    }

    @ParameterizedTest(name = "ept_lookup at {0}")
    @ValueSource(strings = {"connect", "integrity", "privacy"})
    void eptLookupSucceeds(String level) {
        Map<String, Object> r = client(connectMin, level, connectMin.password);
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(true);
        assertThat(entries(r)).extracting(e -> e.get("uuid") + " v" + e.get("version") + " " + e.get("annotation")
                + " " + e.get("binding")).containsExactly(
                "e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0 " + JwmiServer.ANNOTATION_EPM + " ncacn_ip_tcp:127.0.0.13[135]",
                "afa8bd80-7d8a-11c9-bef4-08002b102989 v1.0 " + JwmiServer.ANNOTATION_MGMT + " ncacn_ip_tcp:127.0.0.13[135]");
        assertThat(entries(r)).allSatisfy(e -> assertThat(e.get("object")).isEqualTo("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void managementInquiriesSucceedAtPrivacy() {
        Map<String, Object> r = client(connectMin, "privacy", connectMin.password, "--interface", "mgmt");
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(true);
        assertThat((List<Object>) r.get("interfaces")).contains("e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0",
                "afa8bd80-7d8a-11c9-bef4-08002b102989 v1.0");
        assertThat(r.get("listening_status")).isEqualTo(0L);
        assertThat(r.get("princ_name_status")).isEqualTo(0L);
        assertThat((String) r.get("princ_name")).isNotBlank();
        assertThat((List<?>) r.get("stats")).hasSize(4);
    }

    @Test
    void aWrongPasswordIsDeniedAndNothingIsDispatched() {
        int before = connectMin.dispatched.get();
        Map<String, Object> r = client(connectMin, "privacy", connectMin.password + "x");
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(false);
        assertThat(r.get("code")).as(r.toString()).isEqualTo((long) ERROR_ACCESS_DENIED);
        assertThat(connectMin.dispatched.get()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} carries no verifier and is refused")
    @ValueSource(strings = {"call", "pkt"})
    void callAndPktWithoutVerifierAreRefused(String level) {
        Map<String, Object> r = client(connectMin, level, connectMin.password);
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(false);
        assertThat(r.get("stage")).isEqualTo("call");
        assertThat(r.get("code")).as(r.toString()).isEqualTo((long) ERROR_ACCESS_DENIED);
    }

    @ParameterizedTest(name = "{0} is below the server's pktPrivacy")
    @ValueSource(strings = {"none", "connect", "integrity"})
    void belowTheServersMinimumIsRefused(String level) {
        Map<String, Object> r = client(privacyMin, level, privacyMin.password);
        assertThat(r.get("ok")).as(r.toString()).isEqualTo(false);
        assertThat(r.get("code")).as(r.toString()).isEqualTo((long) ERROR_ACCESS_DENIED);
    }

    @Test
    void theServersMinimumItselfIsAccepted() {
        Map<String, Object> ok = client(privacyMin, "privacy", privacyMin.password);
        assertThat(ok.get("ok")).as(ok.toString()).isEqualTo(true);
    }
}
