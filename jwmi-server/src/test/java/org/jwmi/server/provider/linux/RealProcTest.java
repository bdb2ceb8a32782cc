package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The providers against the machine's own {@code /proc}. */
class RealProcTest {

    private static final CimClass PROCESS = FakeHost.cls("Win32_Process");

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
    }

    @Test
    void ownProcessMatchesProcessHandle() {
        ProcessHandle self = ProcessHandle.current();
        CimInstance p = new ProcessProvider(LinuxHost.system())
                .get(FakeHost.CTX, PROCESS, CimObjectPath.parse("Win32_Process.Handle=\"" + self.pid() + "\""))
                .orElseThrow();
        assertThat(p.value("ProcessId").asLong()).isEqualTo(self.pid());
        assertThat(p.value("ParentProcessId").asLong()).isEqualTo(self.parent().orElseThrow().pid());
        String command = self.info().command().orElseThrow();
        assertThat(p.value("Name").asString()).isEqualTo(Path.of(command).getFileName().toString());
        assertThat(p.value("ExecutablePath").asString()).isEqualTo(command);
        assertThat(p.value("ThreadCount").asLong()).isGreaterThan(1);
        assertThat(p.value("WorkingSetSize").asLong()).isGreaterThan(1 << 20);
        assertThat(p.value("CommandLine").asString()).contains(" ");
        assertThat(p.value("CreationDate").asDateTime().toOffsetDateTime().orElseThrow().toInstant())
                .isBetween(self.info().startInstant().orElseThrow().minusSeconds(2),
                        self.info().startInstant().orElseThrow().plusSeconds(2));
    }

    @Test
    void enumerationOfTheWholeMachineSucceedsAndIncludesUs() {
        List<CimInstance> all;
        try (Stream<CimInstance> s = new ProcessProvider(LinuxHost.system()).enumerate(FakeHost.CTX, PROCESS)) {
            all = s.collect(Collectors.toList());
        }
        assertThat(all).extracting(i -> i.value("ProcessId").asLong()).contains(ProcessHandle.current().pid());
    }

    @Test
    void operatingSystemAndComputerSystemRead() {
        LinuxHost host = LinuxHost.system();
        CimInstance os = new OperatingSystemProvider(host)
                .enumerate(FakeHost.CTX, FakeHost.cls("Win32_OperatingSystem")).findFirst().orElseThrow();
        assertThat(os.value("Name").asString()).contains("|/|");
        assertThat(os.value("TotalVisibleMemorySize").asLong()).isPositive();
        assertThat(os.value("NumberOfProcesses").asLong()).isPositive();
        CimInstance cs = new ComputerSystemProvider(host)
                .enumerate(FakeHost.CTX, FakeHost.cls("Win32_ComputerSystem")).findFirst().orElseThrow();
        // availableProcessors() may be capped by cgroups/affinity, never above what the machine has
        assertThat(cs.value("NumberOfLogicalProcessors").asLong())
                .isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(cs.value("TotalPhysicalMemory").asLong()).isEqualTo(os.value("TotalVisibleMemorySize").asLong() * 1024);
    }

    @Test
    void networkAdaptersAndTheirConfigurationRead() {
        LinuxHost host = LinuxHost.system();
        List<CimInstance> adapters = new NetworkAdapterProvider(host)
                .enumerate(FakeHost.CTX, FakeHost.cls("Win32_NetworkAdapter")).toList();
        List<CimInstance> configs = new NetworkAdapterConfigurationProvider(host)
                .enumerate(FakeHost.CTX, FakeHost.cls("Win32_NetworkAdapterConfiguration")).toList();
        assertThat(adapters).isNotEmpty();
        assertThat(configs).extracting(c -> c.value("Index").asLong())
                .containsExactlyElementsOf(adapters.stream().map(a -> a.value("Index").asLong()).toList());
        assumeTrue(Files.exists(Path.of("/sys/class/net/lo")), "no loopback interface");
        CimInstance lo = adapters.stream().filter(a -> a.value("Name").asString().equals("lo")).findFirst()
                .orElseThrow();
        CimInstance loConfig = new NetworkAdapterConfigurationProvider(host).get(FakeHost.CTX,
                FakeHost.cls("Win32_NetworkAdapterConfiguration"), CimObjectPath.parse(
                        "Win32_NetworkAdapterConfiguration.Index=" + lo.value("Index").asLong())).orElseThrow();
        assertThat(loConfig.value("IPEnabled").asBoolean()).isTrue();
        assertThat(loConfig.value("IPAddress").elements()).contains(CimValue.string("127.0.0.1"));
    }
}
