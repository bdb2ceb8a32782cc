package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.cli.Jwmi;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.epm.Epm;
import org.jwmi.rpc.epm.EpmClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jwmi serve} as a process: the one line on standard output, logs on standard error, a clean stop with exit
 * status 0 on SIGTERM and SIGINT, and exit status 1 with a message saying what to do when the port is taken or
 * needs privileges.
 */
class ServeCommandTest {
    private static final String HOST = "127.0.0.19";
    private static final String PASSWORD = LoopbackServer.randomPassword();

    @TempDir
    Path tmp;

    @BeforeAll
    static void root() {
        Peers.assumeRoot();
    }

    /** {@code jwmi user add} in this JVM (the same code as the launcher runs). */
    private static void addUser(Path dataDir, String password, String... more) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("user", "add", LoopbackServer.USER,
                "--domain", LoopbackServer.DOMAIN, "--password-stdin", "--data-dir", dataDir.toString()));
        args.addAll(java.util.List.of(more));
        int code = Jwmi.run(args.toArray(new String[0]),
                new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
    }

    /** A {@code jwmi} process on this JVM's class path. */
    static final class JwmiProcess implements AutoCloseable {
        final Process process;
        final Peers.StreamCollector out;
        final Peers.StreamCollector err;

        JwmiProcess(List<String> command) throws IOException {
            process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            out = new Peers.StreamCollector(process.getInputStream());
            err = new Peers.StreamCollector(process.getErrorStream());
        }

        static JwmiProcess java(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Jwmi.class.getName()));
            cmd.addAll(List.of(args));
            return new JwmiProcess(cmd);
        }

        /** Waits for the first line on standard output. */
        String firstLine() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String o = out.snapshot();
                if (o.contains("\n")) {
                    return o.substring(0, o.indexOf('\n'));
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no line on standard output; exit "
                    + (process.isAlive() ? "(running)" : process.exitValue()) + "\n" + err.snapshot());
        }

        int waitFor() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process ended; stderr:\n%s", err.snapshot()).isTrue();
            return process.exitValue();
        }

        void signal(String name) {
            Peers.Result r = Peers.run(List.of("kill", "-" + name, Long.toString(process.pid())), Map.of(),
                    Duration.ofSeconds(10));
            assertThat(r.exitCode()).as(r.all()).isZero();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static void assertServes(String password) throws Exception {
        try (RpcConnection c = RpcConnection.connect(HOST, 135, ClientConfig.defaults())) {
            EpmClient epm = new EpmClient(c.bind(Epm.SYNTAX, SecuritySpec.of(new NtlmSecurityProvider(),
                    Credentials.ofPassword(LoopbackServer.DOMAIN, LoopbackServer.USER, password.toCharArray()),
                    AuthLevel.PKT_INTEGRITY)));
            assertThat(epm.lookupAll()).hasSize(2);
        }
    }

    @Test
    void servesWmiWithTheObjectExporterOnAFixedPort() throws Exception {
        Peers.assumeImpacket();
        Path data = tmp.resolve("wmi");
        addUser(data, PASSWORD, "--group", "Administrators");
        try (JwmiProcess serve = JwmiProcess.java("serve", "--bind", HOST, "--exporter-port", "45190", "--data-dir",
                data.toString())) {
            assertThat(serve.firstLine()).startsWith("jwmi: listening on 127.0.0.19:135");
            Peers.Result r = Peers.run(java.util.List.of(Peers.PYTHON, Peers.wmiPeer().toString(), "--host", HOST,
                    "--user", LoopbackServer.USER, "--domain", LoopbackServer.DOMAIN, "--password", PASSWORD,
                    "--batch", "1", "query", "SELECT Name FROM Win32_Process WHERE ProcessId = 1"),
                    java.util.Map.of(), java.time.Duration.ofSeconds(60));
            assertThat(r.stdout()).as(r.all()).contains("\"ok\": true").contains("\"objects\": 1");
            try (java.net.Socket exporter = new java.net.Socket(HOST, 45190)) {
                assertThat(exporter.isConnected()).isTrue();
            }
        }
    }

    @Test
    void printsOneLineServesAndStopsWithStatusZeroOnSigterm() throws Exception {
        Path data = tmp.resolve("data");
        addUser(data, PASSWORD);
        try (JwmiProcess serve = JwmiProcess.java("serve", "--bind", HOST, "--data-dir", data.toString())) {
            assertThat(serve.firstLine())
                    .isEqualTo("jwmi: listening on 127.0.0.19:135 (minimum authentication level pktIntegrity)");
            assertServes(PASSWORD);
            try (RpcConnection c = RpcConnection.connect(HOST, 135, ClientConfig.defaults())) {
                EpmClient low = new EpmClient(c.bind(Epm.SYNTAX, SecuritySpec.of(new NtlmSecurityProvider(),
                        Credentials.ofPassword(LoopbackServer.DOMAIN, LoopbackServer.USER, PASSWORD.toCharArray()),
                        AuthLevel.CONNECT)));
                assertThatThrownBy(low::lookupAll).isInstanceOf(RpcFaultException.class);
            }

            // A second server on the same address and port: a clear error, status 1.
            try (JwmiProcess second = JwmiProcess.java("serve", "--bind", HOST, "--data-dir", data.toString())) {
                assertThat(second.waitFor()).isEqualTo(1);
                assertThat(second.err.text()).contains("cannot bind 127.0.0.19:135").contains("already in use");
                assertThat(second.out.text()).isEmpty();
            }

            serve.signal("TERM");
            assertThat(serve.waitFor()).isZero();
            assertThat(serve.out.text().lines()).hasSize(1);
            String log = serve.err.text();
            assertThat(log).contains("stopped").contains("refused call").contains(LoopbackServer.USER)
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void startsWithAnEmptyStoreWarnsAndStopsWithStatusZeroOnSigint() throws Exception {
        Path data = tmp.resolve("empty");
        try (JwmiProcess serve = JwmiProcess.java("serve", "--bind", HOST, "--data-dir", data.toString(),
                "--min-auth-level", "pktPrivacy")) {
            assertThat(serve.firstLine())
                    .isEqualTo("jwmi: listening on 127.0.0.19:135 (minimum authentication level pktPrivacy)");
            assertThat(serve.err.snapshot()).contains("no account can log on");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            serve.signal("INT");
            assertThat(serve.waitFor()).isZero();
        }
    }

    @Test
    void refusesAnAccountStoreOthersCanRead() throws Exception {
        Path data = tmp.resolve("open");
        addUser(data, PASSWORD);
        Files.setPosixFilePermissions(data.resolve("accounts.tsv"), PosixFilePermissions.fromString("rw-r--r--"));
        try (JwmiProcess serve = JwmiProcess.java("serve", "--bind", HOST, "--data-dir", data.toString())) {
            assertThat(serve.waitFor()).isEqualTo(1);
            assertThat(serve.err.text()).contains("chmod 600");
        }
    }

    @Test
    void anUnprivilegedUserIsToldHowToBindPort135() throws Exception {
        Path jar = Path.of(System.getProperty("jwmi.root", ".."), "jwmi-cli", "target", "jwmi-cli.jar");
        assumeTrue(Files.isRegularFile(jar), "skipped: " + jar + " not built (run mvn package)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "skipped: setpriv (util-linux) not installed");
        // A copy nobody can read, in a directory nobody can enter, with a data directory nobody owns.
        Path dir = Files.createTempDirectory("jwmi-nobody-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            Path copy = Files.copy(jar, dir.resolve("jwmi-cli.jar"));
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            Path data = Files.createDirectory(dir.resolve("data"));
            Peers.run(List.of("chown", "65534:65534", data.toString()), Map.of(), Duration.ofSeconds(10));
            List<String> cmd = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", copy.toString(),
                    "serve", "--bind", HOST, "--data-dir", data.toString());
            Peers.Result r = Peers.run(cmd, Map.of("HOME", dir.toString()), Duration.ofSeconds(60));
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.stderr()).contains("permission denied").contains("CAP_NET_BIND_SERVICE").contains("--port");
            assertThat(r.stdout()).isEmpty();
        } finally {
            LoopbackServer.deleteQuietly(dir);
        }
    }
}
