package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProviderTest {

    private static final CimClass CLS = FakeHost.cls("Win32_Process");
    private static final String OS_NAME = "Debian GNU/Linux 12 (bookworm)|/|/dev/sda1";

    @TempDir
    Path dir;
    FakeHost fake;
    ProcessProvider provider;

    @BeforeEach
    void setUp() throws IOException {
        fake = new FakeHost(dir);
        provider = new ProcessProvider(fake.host);
    }

    private Map<String, CimInstance> enumerate() {
        try (Stream<CimInstance> s = provider.enumerate(FakeHost.CTX, CLS)) {
            return s.collect(Collectors.toMap(i -> i.value("Handle").asString(), i -> i,
                    (a, b) -> a, LinkedHashMap::new));
        }
    }

    /** Asserts the listed properties exactly and that every other non-system property is NULL. */
    private static void assertExactly(CimInstance i, Map<String, CimValue> expected) {
        for (CimProperty p : CLS.properties()) {
            String n = p.name().text();
            CimValue actual = i.value(n);
            if (expected.containsKey(n)) {
                assertThat(actual).as(n).isEqualTo(expected.get(n));
            } else {
                assertThat(actual == null || actual.isNull()).as(n + " = " + actual).isTrue();
            }
        }
    }

    private static Map<String, CimValue> common(String pid, String name) {
        Map<String, CimValue> m = new LinkedHashMap<>();
        m.put("Handle", CimValue.string(pid));
        m.put("ProcessId", CimValue.uint32(Long.parseLong(pid)));
        m.put("CreationClassName", CimValue.string("Win32_Process"));
        m.put("CSCreationClassName", CimValue.string("Win32_ComputerSystem"));
        m.put("OSCreationClassName", CimValue.string("Win32_OperatingSystem"));
        m.put("CSName", CimValue.string("testhost.example.org"));
        m.put("OSName", CimValue.string(OS_NAME));
        m.put("Name", CimValue.string(name));
        m.put("Caption", CimValue.string(name));
        m.put("Description", CimValue.string(name));
        return m;
    }

    @Test
    void enumeratesTheFakeTreeSkippingVanishedAndNonPidEntries() {
        assertThat(enumerate().keySet()).containsExactlyInAnyOrder("1", "2", "42", "43");
    }

    @Test
    void initProcessHasEveryMappedProperty() {
        Map<String, CimValue> m = common("1", "systemd");
        m.put("ExecutablePath", CimValue.string("/usr/lib/systemd/systemd"));
        m.put("CommandLine", CimValue.string("/sbin/init splash"));
        m.put("ParentProcessId", CimValue.uint32(0));
        m.put("Priority", CimValue.uint32(20));
        m.put("ThreadCount", CimValue.uint32(1));
        m.put("UserModeTime", CimValue.uint64(150L * 100_000));
        m.put("KernelModeTime", CimValue.uint64(250L * 100_000));
        m.put("VirtualSize", CimValue.uint64(172294144L));
        // btime 1700000000 = 2023-11-14T22:13:20Z; + 12 ticks = 0.12 s; Berlin is UTC+1 in November
        m.put("CreationDate", CimValue.datetime(CimDateTime.parse("20231114231320.120000+060")));
        m.put("WorkingSetSize", CimValue.uint64(12904L * 1024));
        m.put("PeakVirtualSize", CimValue.uint64(234567L * 1024));
        m.put("PeakWorkingSetSize", CimValue.uint32(13000));
        assertExactly(enumerate().get("1"), m);
    }

    @Test
    void kernelThreadHasNoImageCommandLineOrMemory() {
        Map<String, CimValue> m = common("2", "kthreadd");
        m.put("ParentProcessId", CimValue.uint32(0));
        m.put("Priority", CimValue.uint32(20));
        m.put("ThreadCount", CimValue.uint32(1));
        m.put("UserModeTime", CimValue.uint64(0));
        m.put("KernelModeTime", CimValue.uint64(500_000));
        m.put("VirtualSize", CimValue.uint64(0));
        m.put("CreationDate", CimValue.datetime(CimDateTime.parse("20231114231320.020000+060")));
        m.put("WorkingSetSize", CimValue.uint64(0));
        assertExactly(enumerate().get("2"), m);
    }

    @Test
    void commWithSpacesAndParenthesesAndDeletedImage() {
        Map<String, CimValue> m = common("42", "my app");
        m.put("ExecutablePath", CimValue.string("/opt/app/bin/my app"));
        m.put("CommandLine", CimValue.string("my app --flag two words"));
        m.put("ParentProcessId", CimValue.uint32(1));
        m.put("Priority", CimValue.uint32(25));
        m.put("ThreadCount", CimValue.uint32(4));
        m.put("UserModeTime", CimValue.uint64(700_000));
        m.put("KernelModeTime", CimValue.uint64(300_000));
        m.put("VirtualSize", CimValue.uint64(1_000_000));
        m.put("CreationDate", CimValue.datetime(CimDateTime.parse("20231114231325.000000+060")));
        // no status file, non-zero rss pages: the size is unknown, so NULL
        assertExactly(enumerate().get("42"), m);
    }

    @Test
    void commNameIsUsedWhenTheImageLinkIsUnreadable() throws IOException {
        Files.delete(dir.resolve("proc/42/exe"));
        CimInstance p = provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process.Handle=\"42\"")).orElseThrow();
        assertThat(p.value("Name").asString()).isEqualTo("my (weird) proc");
        assertThat(p.value("ExecutablePath").isNull()).isTrue();
    }

    @Test
    void truncatedStatYieldsWhatItHas() {
        Map<String, CimValue> m = common("43", "trunc");
        m.put("ParentProcessId", CimValue.uint32(1));
        assertExactly(enumerate().get("43"), m);
    }

    @Test
    void garbageStatIsSkipped() throws IOException {
        Files.writeString(dir.resolve("proc/43/stat"), "garbage without parentheses");
        assertThat(enumerate()).doesNotContainKey("43");
        assertThat(provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process.Handle=\"43\""))).isEmpty();
    }

    @Test
    void processVanishingDuringEnumerationIsSkipped() throws IOException {
        // the first pid read removes every other process's stat, as if they had all exited meanwhile
        FakeHost racing = new FakeHost(Files.createDirectory(dir.resolve("racing")));
        LinuxHost host = new LinuxHost(racing.root, FakeHost.ZONE, 100, p -> {
            if (p.toString().matches("proc/\\d+/stat")) {
                for (String pid : List.of("1", "2", "42", "43")) {
                    if (!p.toString().equals("proc/" + pid + "/stat")) {
                        racing.root.resolve("proc/" + pid + "/stat").toFile().delete();
                    }
                }
            }
        });
        try (Stream<CimInstance> s = new ProcessProvider(host).enumerate(FakeHost.CTX, CLS)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void getByKeyReadsOnlyThatProcess() {
        fake.accessed.clear();
        Optional<CimInstance> p = provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process.Handle=\"42\""));
        assertThat(p).isPresent();
        assertThat(p.get().value("ProcessId").asLong()).isEqualTo(42);
        Pattern otherPid = Pattern.compile("proc/(?!42/)\\d+(/.*)?");
        assertThat(fake.accessed).isNotEmpty()
                .noneMatch(a -> otherPid.matcher(a.toString()).matches())
                .noneMatch(a -> a.toString().equals("proc"));
    }

    @Test
    void getMissingOrMalformedKeyIsEmptyAfterAtMostOneRead() {
        fake.accessed.clear();
        assertThat(provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process.Handle=\"999\""))).isEmpty();
        assertThat(fake.accessed).extracting(Path::toString).containsExactly("proc/999/stat");
        assertThat(provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process.Handle=\"../1\""))).isEmpty();
        assertThat(provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process.Handle=\"01\""))).isEmpty();
        assertThat(fake.accessed).hasSize(1);
    }

    @Test
    void unquotedIntegerHandleIsAccepted() {
        assertThat(provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process.Handle=1"))).isPresent();
    }

    @Test
    void enumerationIsLazy() {
        fake.accessed.clear();
        try (Stream<CimInstance> s = provider.enumerate(FakeHost.CTX, CLS)) {
            assertThat(s.findFirst()).isPresent();
        }
        long statsRead = fake.accessed.stream().filter(p -> p.toString().matches("proc/\\d+/stat")).count();
        assertThat(statsRead).isEqualTo(1);
    }
}
