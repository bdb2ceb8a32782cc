package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProvidersTest {

    @TempDir
    Path dir;
    FakeHost fake;

    @BeforeEach
    void setUp() throws IOException {
        fake = new FakeHost(dir);
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

    @Test
    void operatingSystemFromTheFakeTree() {
        CimClass cls = FakeHost.cls("Win32_OperatingSystem");
        List<CimInstance> all = new OperatingSystemProvider(fake.host).enumerate(FakeHost.CTX, cls).toList();
        assertThat(all).hasSize(1);
        Map<String, CimValue> m = new java.util.LinkedHashMap<>();
        m.put("Name", CimValue.string("Debian GNU/Linux 12 (bookworm)|/|/dev/sda1"));
        m.put("Caption", CimValue.string("Debian GNU/Linux 12 (bookworm)"));
        m.put("CreationClassName", CimValue.string("Win32_OperatingSystem"));
        m.put("CSCreationClassName", CimValue.string("Win32_ComputerSystem"));
        m.put("CSName", CimValue.string("testhost.example.org"));
        m.put("OSType", CimValue.uint16(36));
        m.put("Primary", CimValue.bool(true));
        m.put("Version", CimValue.string("6.1.0-13-amd64"));
        m.put("SystemDevice", CimValue.string("/dev/sda1"));
        m.put("BootDevice", CimValue.string("/dev/sda1"));
        m.put("OSArchitecture", CimValue.string("64-bit"));
        m.put("LastBootUpTime", CimValue.datetime(CimDateTime.parse("20231114231320.000000+060")));
        m.put("LocalDateTime", CimValue.datetime(CimDateTime.parse("20231115090000.000000+060")));
        m.put("CurrentTimeZone", CimValue.sint16(60));
        m.put("TotalVisibleMemorySize", CimValue.uint64(16314880));
        m.put("FreePhysicalMemory", CimValue.uint64(8000000));
        m.put("SizeStoredInPagingFiles", CimValue.uint64(2097148));
        m.put("FreeSpaceInPagingFiles", CimValue.uint64(2000000));
        m.put("TotalVirtualMemorySize", CimValue.uint64(16314880L + 2097148));
        m.put("FreeVirtualMemory", CimValue.uint64(8000000L + 2000000));
        m.put("NumberOfProcesses", CimValue.uint32(5)); // 1, 2, 42, 43 and the vanished 77
        assertExactly(all.get(0), m);

        OperatingSystemProvider p = new OperatingSystemProvider(fake.host);
        assertThat(p.get(FakeHost.CTX, cls, CimObjectPath.parse(
                "Win32_OperatingSystem.Name=\"debian gnu/linux 12 (bookworm)|/|/dev/sda1\""))).isPresent();
        assertThat(p.get(FakeHost.CTX, cls, CimObjectPath.parse("Win32_OperatingSystem.Name=\"Other|/|/dev/sda1\"")))
                .isEmpty();
    }

    @Test
    void operatingSystemWithoutOsReleaseOrMeminfoHasNullsNotGuesses() throws IOException {
        Files.delete(dir.resolve("etc/os-release"));
        Files.delete(dir.resolve("proc/meminfo"));
        Files.writeString(dir.resolve("proc/sys/kernel/arch"), "weird9000\n");
        CimInstance os = new OperatingSystemProvider(fake.host)
                .enumerate(FakeHost.CTX, FakeHost.cls("Win32_OperatingSystem")).findFirst().orElseThrow();
        assertThat(os.value("Name").asString()).isEqualTo("Linux|/|/dev/sda1");
        assertThat(os.value("TotalVisibleMemorySize").isNull()).isTrue();
        assertThat(os.value("FreeVirtualMemory").isNull()).isTrue();
        assertThat(os.value("OSArchitecture").isNull()).isTrue();
    }

    @Test
    void computerSystemFromTheFakeTree() {
        CimClass cls = FakeHost.cls("Win32_ComputerSystem");
        ComputerSystemProvider p = new ComputerSystemProvider(fake.host);
        CimInstance cs = p.enumerate(FakeHost.CTX, cls).findFirst().orElseThrow();
        Map<String, CimValue> m = new java.util.LinkedHashMap<>();
        m.put("Name", CimValue.string("TESTHOST"));
        m.put("Caption", CimValue.string("TESTHOST"));
        m.put("DNSHostName", CimValue.string("testhost"));
        m.put("CreationClassName", CimValue.string("Win32_ComputerSystem"));
        m.put("NumberOfLogicalProcessors", CimValue.uint32(4));
        m.put("NumberOfProcessors", CimValue.uint32(1));
        m.put("TotalPhysicalMemory", CimValue.uint64(16314880L * 1024));
        m.put("CurrentTimeZone", CimValue.sint16(60));
        m.put("DaylightInEffect", CimValue.bool(false));
        assertExactly(cs, m);
        assertThat(p.get(FakeHost.CTX, cls, CimObjectPath.parse("Win32_ComputerSystem.Name=\"testhost\""))).isPresent();
        assertThat(p.get(FakeHost.CTX, cls, CimObjectPath.parse("Win32_ComputerSystem.Name=\"other\""))).isEmpty();
    }

    @Test
    void environmentFromEtcEnvironment() {
        CimClass cls = FakeHost.cls("Win32_Environment");
        EnvironmentProvider p = new EnvironmentProvider(fake.host);
        Map<String, String> vars = p.enumerate(FakeHost.CTX, cls).collect(Collectors.toMap(
                i -> i.value("Name").asString(), i -> i.value("VariableValue").asString()));
        assertThat(vars).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PATH", "/usr/local/sbin:/usr/bin", "LANG", "en_US.UTF-8", "EDITOR", "vim"));

        CimInstance path = p.get(FakeHost.CTX, cls,
                CimObjectPath.parse("Win32_Environment.Name=\"path\",UserName=\"<SYSTEM>\"")).orElseThrow();
        assertExactly(path, Map.of(
                "Name", CimValue.string("PATH"),
                "UserName", CimValue.string("<SYSTEM>"),
                "SystemVariable", CimValue.bool(true),
                "VariableValue", CimValue.string("/usr/local/sbin:/usr/bin"),
                "Caption", CimValue.string("<SYSTEM>\\PATH"),
                "Description", CimValue.string("<SYSTEM>\\PATH")));
        assertThat(path.relPath().toString()).isEqualTo("Win32_Environment.Name=\"PATH\",UserName=\"<SYSTEM>\"");
        assertThat(p.get(FakeHost.CTX, cls,
                CimObjectPath.parse("Win32_Environment.Name=\"PATH\",UserName=\"WORKGROUP\\\\alice\""))).isEmpty();
        assertThat(p.get(FakeHost.CTX, cls,
                CimObjectPath.parse("Win32_Environment.Name=\"NOPE\",UserName=\"<SYSTEM>\""))).isEmpty();
    }
}
