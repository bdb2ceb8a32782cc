package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jwmi.auth.AuthLevel;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * impacket's DCE/RPC client against our server: NTLM at connect, integrity and privacy (impacket signs the whole
 * PDU up to the token and pads the trailer to 4 only), alter_ctx with a new NTLM context completed by rpc_auth_3
 * on the same connection, and the refusals: a wrong password, and the pkt level at which impacket sends no verifier.
 */
class ImpacketInteropTest {
    private static final Path PYTHON = Paths.get("/usr/bin/python3");

    private final EchoService echo = new EchoService();
    private final EchoService other = new EchoService(EchoService.OTHER);
    private RpcServer server;

    @BeforeEach
    void start() {
        server = Fixtures.server(b -> b.register(echo, other));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String run(int level, String password) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Path script = Paths.get(ImpacketInteropTest.class.getResource("/peers/rpc_levels_peer.py").toURI());
        ProcessBuilder pb = new ProcessBuilder(List.of(PYTHON.toString(), script.toString(),
                Integer.toString(server.port()), Integer.toString(level), Fixtures.DOMAIN, Fixtures.USER, password));
        pb.environment().remove("PYTHONPATH");
        Path out = Files.createTempFile("rpc-peer", ".out");
        Path err = Files.createTempFile("rpc-peer", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("impacket peer did not finish");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assumeTrue(!stderr.contains("No module named 'impacket'"), "impacket is not installed");
            assertThat(p.exitValue()).as("peer failed: %s", stderr).isZero();
            return Files.readString(out, StandardCharsets.UTF_8).trim();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static final String PASSWORD = "S3cret-Passw0rd";

    @Test
    void impacketAtEveryLevelItSigns() throws Exception {
        for (AuthLevel level : List.of(AuthLevel.NONE, AuthLevel.CONNECT, AuthLevel.PKT_INTEGRITY, AuthLevel.PKT_PRIVACY)) {
            String json = run(level.value(), PASSWORD);
            assertThat(json).as(level.name()).isEqualTo("{\"level\": " + level.value()
                    + ", \"echo\": [true, true], \"alter\": true, \"again\": true}");
        }
        assertThat(echo.dispatches).hasValue(4 * 3);
        assertThat(other.dispatches).hasValue(4);
    }

    @Test
    void wrongPasswordIsAccessDenied() throws Exception {
        String json = run(AuthLevel.PKT_PRIVACY.value(), "wrong");
        assertThat(json).contains("rpc_s_access_denied");
        assertThat(echo.dispatches).hasValue(0);
    }

    @Test
    void packetLevelWithoutVerifierIsRefused() throws Exception {
        String json = run(AuthLevel.PKT.value(), PASSWORD);
        assertThat(json).contains("rpc_s_access_denied");
        assertThat(echo.dispatches).hasValue(0);
    }
}
