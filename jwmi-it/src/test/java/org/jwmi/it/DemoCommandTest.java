package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jwmi.cli.Jwmi;
import org.junit.jupiter.api.Test;

/** {@code jwmi demo}: runs without root or set-up, shows each step, refuses the two bad attempts, exits 0. */
class DemoCommandTest {

    private static void assertDemoOutput(String out) {
        assertThat(out)
                .contains("listening on 127.0.0.1:")
                .containsPattern("negotiated +NTLM \\(RPC_C_AUTHN_WINNT, auth_type 10\\), level pktPrivacy")
                .containsPattern("Caption +\\S")
                .containsPattern("java +[0-9.]+ [KMG]iB")
                .contains("with NTLM at pktPrivacy")
                .containsPattern("authentication +NTLM \\(auth_type 10\\), level pktPrivacy")
                .containsPattern("header signing +yes")
                .containsPattern("session key +16 bytes")
                .containsPattern("e1af8308-5d1f-11c9-91a4-08002b14a0fa v3\\.0 +\"jwmi endpoint mapper\" +ncacn_ip_tcp:127\\.0\\.0\\.1\\[\\d+\\]")
                .containsPattern("inq_if_ids +e1af8308-5d1f-11c9-91a4-08002b14a0fa v3\\.0, afa8bd80-7d8a-11c9-bef4-08002b102989 v1\\.0")
                .containsPattern("wrong password +refused")
                .containsPattern("level connect +refused \\(the server requires pktIntegrity\\)")
                .doesNotContain("NOT refused");
    }

    @Test
    void demoInProcess() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Jwmi.run(new String[] {"demo"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text + err).isZero();
        assertDemoOutput(text);
        // The temporary data directory is gone afterwards.
        String dir = text.lines().filter(l -> l.contains("data directory")).findFirst().orElseThrow()
                .replaceAll(".*data directory +(\\S+).*", "$1");
        assertThat(Files.exists(Path.of(dir))).isFalse();
    }

    /** The launcher as a user runs it (without building: inside a Maven build the jar was just packaged). */
    @Test
    void demoThroughTheLauncher() {
        Path root = Path.of(System.getProperty("jwmi.root", "..")).toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(root.resolve("jwmi-cli/target/jwmi-cli.jar")),
                "skipped: jwmi-cli/target/jwmi-cli.jar not built (run mvn package)");
        Peers.Result r = Peers.run(List.of(root.resolve("jwmi").toString(), "demo"), Map.of("JWMI_NO_BUILD", "1"),
                Duration.ofSeconds(120));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertDemoOutput(r.stdout());
    }
}
