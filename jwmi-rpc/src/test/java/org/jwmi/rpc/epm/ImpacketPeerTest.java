package org.jwmi.rpc.epm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jwmi.auth.AuthLevel;
import org.jwmi.rpc.mgmt.Mgmt;
import org.junit.jupiter.api.Test;

/**
 * impacket (an independent implementation) against our endpoint mapper and management interface: the script
 * {@code peers/epm_mgmt_peer.py} runs hept_lookup, hept_map and the mgmt calls and prints JSON.
 */
class ImpacketPeerTest {

    private static final Path PYTHON = Paths.get("/usr/bin/python3");

    private static String runPeer(int port, String... creds) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Path script = Paths.get(ImpacketPeerTest.class.getResource("/peers/epm_mgmt_peer.py").toURI());
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), Integer.toString(port),
                LoopbackServer.OTHER.uuid().toString(), "0.0"));
        cmd.addAll(List.of(creds));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        Path outFile = Files.createTempFile("epm-peer", ".out");
        Path errFile = Files.createTempFile("epm-peer", ".err");
        try {
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("impacket peer did not finish within 60 s");
            }
            String stderr = Files.readString(errFile, StandardCharsets.UTF_8);
            assumeTrue(!stderr.contains("No module named 'impacket'"), "impacket is not installed");
            assertThat(p.exitValue()).as("impacket peer failed:%n%s", stderr).isZero();
            return Files.readString(outFile, StandardCharsets.UTF_8).trim();
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    private static void check(String json, LoopbackServer s) {
        String self = "ncacn_ip_tcp:127.0.0.1[" + s.port() + "]";
        assertThat(json).contains("{\"object\": \"00000000-0000-0000-0000-000000000000\", \"annotation\": "
                + "\"jwmi rpc\", \"interface\": \"e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0\", \"binding\": \""
                + self + "\"}");
        assertThat(json).contains("\"interface\": \"afa8bd80-7d8a-11c9-bef4-08002b102989 v1.0\", \"binding\": \""
                + self + "\"}");
        assertThat(json).contains("\"annotation\": \"wmi\", \"interface\": \"9556dc99-828c-11cf-a37e-00aa003240c7 "
                + "v0.0\", \"binding\": \"ncacn_ip_tcp:127.0.0.1[" + LoopbackServer.OTHER_PORT + "]\"}");
        assertThat(json).contains("\"map\": \"ncacn_ip_tcp:127.0.0.1[" + LoopbackServer.OTHER_PORT + "]\"");
        assertThat(json).contains("\"if_ids\": [\"e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0\", "
                + "\"afa8bd80-7d8a-11c9-bef4-08002b102989 v1.0\"]");
        assertThat(json).contains("\"listening_status\": 0");
        assertThat(json).containsPattern("\"stats\": \\[\\d+, \\d+, \\d+, \\d+\\]");
        assertThat(json).contains("\"princ_status\": 0, \"princ_name\": \"TESTSRV\\\\jwmi\"");
    }

    @Test
    void impacketUnauthenticated() throws Exception {
        try (LoopbackServer s = new LoopbackServer(AuthLevel.NONE)) {
            String json = runPeer(s.port());
            assertThat(json).startsWith("{\"auth\": \"none\"");
            check(json, s);
            assertThat(s.server.stats()[Mgmt.RPC_C_STATS_CALLS_IN]).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void impacketWithNtlmAtPacketPrivacy() throws Exception {
        try (LoopbackServer s = new LoopbackServer(AuthLevel.PKT_PRIVACY)) {
            String json = runPeer(s.port(), LoopbackServer.DOMAIN, LoopbackServer.USER, LoopbackServer.PASSWORD);
            assertThat(json).startsWith("{\"auth\": \"ntlm-privacy\"");
            check(json, s);
        }
    }
}
