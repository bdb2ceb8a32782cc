package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProviderTest {

    private static final CimClass CLS = FakeHost.cls("Win32_Service");

    @TempDir
    Path dir;
    FakeHost fake;

    @BeforeEach
    void setUp() throws IOException {
        fake = new FakeHost(dir);
        Path etc = dir.resolve("etc/systemd/system");
        Files.createDirectories(etc.resolve("multi-user.target.wants"));
        Files.createDirectories(etc.resolve("sockets.target.requires"));
        Files.createSymbolicLink(etc.resolve("multi-user.target.wants/ssh.service"),
                Path.of("/lib/systemd/system/ssh.service"));
        Files.createSymbolicLink(etc.resolve("sockets.target.requires/oneshot.service"),
                Path.of("/etc/systemd/system/oneshot.service"));
        // an alias: must not appear as a service of its own
        Files.createSymbolicLink(etc.resolve("sshd.service"), Path.of("/lib/systemd/system/ssh.service"));
        // masked
        Files.createSymbolicLink(etc.resolve("bluetooth.service"), Path.of("/dev/null"));
        Files.createSymbolicLink(etc.resolve("gone.service"), Path.of("/dev/null"));
    }

    private static void assertExactly(CimInstance i, Map<String, CimValue> expected) {
        for (CimProperty p : i.cimClass().properties()) {
            String n = p.name().text();
            CimValue actual = i.value(n);
            if (expected.containsKey(n)) {
                assertThat(actual).as(n).isEqualTo(expected.get(n));
            } else {
                assertThat(actual == null || actual.isNull()).as(n + " = " + actual).isTrue();
            }
        }
        assertThat(expected.keySet()).allMatch(n -> i.cimClass().property(n) != null);
    }

    private static Map<String, CimValue> service(String name, String display, String path, String mode) {
        Map<String, CimValue> m = new LinkedHashMap<>();
        m.put("Name", CimValue.string(name));
        if (display != null) {
            m.put("DisplayName", CimValue.string(display));
        }
        if (path != null) {
            m.put("PathName", CimValue.string(path));
        }
        m.put("StartMode", CimValue.string(mode));
        return m;
    }

    @Test
    void enumeratesUnitFilesWithStartModes() {
        List<CimInstance> all = new ServiceProvider(fake.host).enumerate(FakeHost.CTX, CLS).toList();
        assertThat(all).extracting(i -> i.value("Name").asString())
                .containsExactly("bluetooth", "cron", "gone", "oneshot", "ssh");
        assertExactly(all.get(0), service("bluetooth", "Bluetooth service", "/usr/libexec/bluetooth/bluetoothd",
                "Disabled"));
        assertExactly(all.get(1), service("cron", "Regular background program processing daemon",
                "/usr/sbin/cron -f $EXTRA_OPTS", "Manual"));
        assertExactly(all.get(2), service("gone", null, null, "Disabled"));
        assertExactly(all.get(3), service("oneshot", "Local override", "/usr/local/bin/job --now", "Auto"));
        assertExactly(all.get(4), service("ssh", "OpenBSD Secure Shell server", "/usr/sbin/sshd -D $SSHD_OPTS",
                "Auto"));
    }

    @Test
    void getByNameIgnoresCaseAndFindsNoAliasesOrTemplates() {
        ServiceProvider p = new ServiceProvider(fake.host);
        assertThat(p.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Service.Name=\"SSH\"")))
                .hasValueSatisfying(i -> assertThat(i.value("StartMode").asString()).isEqualTo("Auto"));
        assertThat(p.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Service.Name=\"sshd\""))).isEmpty();
        assertThat(p.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Service.Name=\"getty@\""))).isEmpty();
        assertThat(p.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Service.Name=\"nosuch\""))).isEmpty();
    }

    @Test
    void hostWithoutSystemdHasNoServices() throws IOException {
        FakeHost bare = new FakeHost(dir.resolve("bare"));
        // remove the unit directories of the copied tree
        try (var s = Files.walk(bare.root.resolve("lib"))) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        try (var s = Files.walk(bare.root.resolve("etc/systemd"))) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        assertThat(new ServiceProvider(bare.host).enumerate(FakeHost.CTX, CLS)).isEmpty();
    }

    @Test
    void realHostEnumerationSucceeds() {
        assertThat(new ServiceProvider(LinuxHost.system()).enumerate(FakeHost.CTX, CLS).toList())
                .allSatisfy(i -> assertThat(i.value("StartMode").asString()).isIn("Auto", "Manual", "Disabled"));
    }
}
