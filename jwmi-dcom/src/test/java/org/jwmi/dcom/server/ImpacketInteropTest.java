package org.jwmi.dcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.ops.DcomStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * impacket's DCOMConnection (python3-impacket) against our server (peers/dcom_impacket.py): activation with
 * CoCreateInstanceEx, an ORPC call, RemQueryInterface, pinging, RemRelease, at integrity and at privacy; the
 * activation hardening; REGDB_E_CLASSNOTREG; ServerAlive2. impacket always activates on port 135 of the host it
 * dials, so the server binds 127.0.0.21..29 port 135: the test needs root (skipped otherwise).
 */
class ImpacketInteropTest {

    static final String PYTHON = "/usr/bin/python3";
    static Path script;

    @BeforeAll
    static void prerequisites() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "binding port 135 needs root");
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
        Process p = python(List.of("-c", "import impacket.dcerpc.v5.dcomrt"));
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "python3-impacket is not installed");
        script = Files.createTempFile("dcom_impacket", ".py");
        try (var in = ImpacketInteropTest.class.getResourceAsStream("/peers/dcom_impacket.py")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
    }

    static Process python(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.remove("PYTHONPATH");
        env.remove("PYTHONHOME");
        return pb.start();
    }

    /** A fixture on port 135 of the first free address of 127.0.0.21..29. */
    static DcomFixture on135(Consumer<DcomServer.Builder> tune) throws IOException {
        BindException last = null;
        for (int i = 21; i <= 29; i++) {
            try {
                return new DcomFixture(InetAddress.getByName("127.0.0." + i), 135, tune);
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Runs the peer script and returns its JSON lines. */
    static List<String> run(DcomFixture fx, String action, AuthLevel level, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(script.toString(), action, fx.host(), DcomFixture.USER,
                DcomFixture.PASSWORD, DcomFixture.DOMAIN, Integer.toString(level.value())));
        cmd.addAll(List.of(args));
        Process p = python(cmd);
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("impacket finished; stderr: %s", stderr).isTrue();
        assertThat(p.exitValue()).as("exit status; stderr: %s", stderr).isZero();
        return stdout.lines().filter(l -> l.startsWith("{")).toList();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\"[^\"]*\"|\\[[^\\]]*\\]|-?\\d+)").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1).replace("\"", "");
    }

    static String step(List<String> lines, String name) {
        return lines.stream().filter(l -> l.contains("\"step\": \"" + name + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + lines));
    }

    void fullSession(AuthLevel exporterLevel, AuthLevel clientLevel) throws Exception {
        try (DcomFixture fx = on135(b -> b.exporterAuthLevel(exporterLevel))) {
            List<String> out = run(fx, "activate", clientLevel, EchoClass.CLSID.toString(),
                    EchoClass.IID_IECHO.toString(), EchoClass.IID_IECHO_AGAIN.toString());
            assertThat(out).noneMatch(l -> l.contains("\"error\""));
            UUID ipid = UUID.fromString(field(step(out, "created"), "ipid"));
            UUID ipid2 = UUID.fromString(field(step(out, "queried"), "ipid"));
            assertThat(field(step(out, "echo"), "result")).isEqualTo("21");
            assertThat(field(step(out, "twice"), "result")).isEqualTo("42");
            String ping = step(out, "complexping");
            assertThat(Long.parseLong(field(ping, "setid"))).isNotZero();
            assertThat(field(ping, "oids")).isNotEqualTo("[]");
            assertThat(field(step(out, "simpleping"), "status")).isEqualTo("0");
            step(out, "released");
            ObjectExporter ex = fx.dcom.exporter();
            assertThat(ex.pingSetCount()).isEqualTo(1);
            assertThat(ex.refs(ipid)).containsExactly(4, 0);
            assertThat(ex.refs(ipid2)).isNull();
            assertThat(ex.objectCount()).isEqualTo(1);
        }
    }

    @Test
    void coCreateInstanceQueryPingAndReleaseAtIntegrity() throws Exception {
        fullSession(AuthLevel.PKT_INTEGRITY, AuthLevel.PKT_INTEGRITY);
    }

    @Test
    void coCreateInstanceQueryPingAndReleaseAtPrivacy() throws Exception {
        fullSession(AuthLevel.PKT_PRIVACY, AuthLevel.PKT_PRIVACY);
    }

    @Test
    void activationAtConnectIsRefusedUnlessHardeningIsOff() throws Exception {
        try (DcomFixture fx = on135(b -> { })) {
            List<String> out = run(fx, "create", AuthLevel.CONNECT, EchoClass.CLSID.toString(),
                    EchoClass.IID_IECHO.toString());
            assertThat(out).hasSize(1);
            assertThat(Long.parseLong(field(out.get(0), "error")))
                    .isEqualTo(Integer.toUnsignedLong(DcomStatus.E_ACCESSDENIED.value()));
            assertThat(fx.echo.created.get()).isZero();

            List<String> unknown = run(fx, "create", AuthLevel.PKT_INTEGRITY, UUID.randomUUID().toString(),
                    EchoClass.IID_IECHO.toString());
            assertThat(Long.parseLong(field(unknown.get(0), "error")))
                    .isEqualTo(Integer.toUnsignedLong(DcomStatus.REGDB_E_CLASSNOTREG.value()));
        }
        try (DcomFixture fx = on135(b -> b.activationHardening(false))) {
            List<String> out = run(fx, "create", AuthLevel.CONNECT, EchoClass.CLSID.toString(),
                    EchoClass.IID_IECHO.toString());
            assertThat(out).noneMatch(l -> l.contains("\"error\""));
            step(out, "created");
            assertThat(fx.echo.created.get()).isEqualTo(1);
        }
    }

    @Test
    void serverAlive2BindingsContainTheDialledAddress() throws Exception {
        try (DcomFixture fx = on135(b -> { })) {
            List<String> out = run(fx, "serveralive2", AuthLevel.PKT_INTEGRITY);
            String bindings = field(step(out, "serveralive2"), "bindings");
            assertThat(bindings).contains(fx.host()).contains(DcomFixture.HOST);
        }
    }
}
