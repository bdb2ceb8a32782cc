package org.jwmi.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Running the independent peers (impacket, Samba, tshark) as child processes. */
final class Peers {
    /** Debian's interpreter: impacket and Samba's bindings are installed for it, not for any other python. */
    static final String PYTHON = "/usr/bin/python3";
    static final String RPCDUMP = "/usr/bin/impacket-rpcdump";
    static final String TSHARK = "/usr/bin/tshark";

    private Peers() {
    }

    /** The output of a finished child process. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static void assumeRoot() {
        assumeTrue(isRoot(), "skipped: listening on 127.0.0.x:135 and capturing packets need root "
                + "(run scripts/test.sh as root or with sudo)");
    }

    static void assumeImpacket() {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)) && pythonImports("impacket.dcerpc.v5.epm"),
                "skipped: impacket is not installed for " + PYTHON + " (apt-get install python3-impacket)");
    }

    static void assumeSamba() {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)) && pythonImports("samba.dcerpc.mgmt"),
                "skipped: Samba's Python bindings are not installed for " + PYTHON + " (apt-get install python3-samba)");
    }

    static void assumeTshark() {
        assumeTrue(Files.isExecutable(Path.of(TSHARK)), "skipped: tshark is not installed (apt-get install tshark)");
    }

    private static boolean pythonImports(String module) {
        try {
            return run(List.of(PYTHON, "-c", "import " + module), Map.of(), Duration.ofSeconds(30)).exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs a command to completion with PYTHONPATH and PYTHONHOME removed and a system-only PATH (so that
     * {@code python3} in Debian's wrapper scripts is {@code /usr/bin/python3}), plus {@code extraEnv}.
     */
    static Result run(List<String> command, Map<String, String> extraEnv, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("PYTHONPATH");
        env.remove("PYTHONHOME");
        env.put("PATH", "/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.putAll(extraEnv);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            StreamCollector out = new StreamCollector(p.getInputStream());
            StreamCollector err = new StreamCollector(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(command.get(0) + " did not finish within " + timeout + ":\n"
                        + out.text() + "\n" + err.text());
            }
            return new Result(p.exitValue(), out.text(), err.text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * The project's WMI peer, {@code shared/peers/wmi_peer.py} beside the checkout when it is there, else the copy
     * in src/test/resources/peers (for a clone without it).
     */
    static Path wmiPeer() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path p = dir.resolve("shared/peers/wmi_peer.py");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return script("wmi_peer.py");
    }

    /** A peer script from src/test/resources/peers. */
    static Path script(String name) {
        try {
            return Path.of(Peers.class.getResource("/peers/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("peer script " + name + " not on the test class path", e);
        }
    }

    /**
     * Runs a peer script that prints one JSON object, passing the password through the environment (never the
     * command line), and returns the parsed object.
     */
    static Map<String, Object> runJsonScript(String script, List<String> args, String password) {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON);
        cmd.add(script(script).toString());
        cmd.addAll(args);
        Result r = run(cmd, password == null ? Map.of() : Map.of("JWMI_PEER_PASSWORD", password), Duration.ofSeconds(60));
        String line = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (r.exitCode() != 0 || line == null) {
            throw new AssertionError(script + " failed:\n" + r.all());
        }
        Map<String, Object> json = MiniJson.object(line);
        json.put("_stderr", r.stderr());
        return json;
    }

    /** Collects a child's output stream on a daemon thread. */
    static final class StreamCollector {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        StreamCollector(InputStream in) {
            thread = new Thread(() -> {
                byte[] b = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(b)) >= 0) {
                        synchronized (buf) {
                            buf.write(b, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "peer-output");
            thread.setDaemon(true);
            thread.start();
        }

        String text() {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return snapshot();
        }

        String snapshot() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
