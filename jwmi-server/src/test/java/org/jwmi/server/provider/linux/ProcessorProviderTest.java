package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

class ProcessorProviderTest {

    private static final CimClass CLS = FakeHost.cls("Win32_Processor");

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

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<CimInstance> enumerate() {
        return new ProcessorProvider(fake.host).enumerate(FakeHost.CTX, CLS).toList();
    }

    @Test
    void basicFakeTreeIsOnePackageWithFourLogicalProcessors() {
        List<CimInstance> all = enumerate();
        assertThat(all).hasSize(1);
        Map<String, CimValue> m = new LinkedHashMap<>();
        m.put("DeviceID", CimValue.string("CPU0"));
        m.put("Manufacturer", CimValue.string("GenuineIntel"));
        m.put("NumberOfLogicalProcessors", CimValue.uint32(4));
        m.put("Architecture", CimValue.uint16(9));
        m.put("AddressWidth", CimValue.uint16(64));
        m.put("DataWidth", CimValue.uint16(64));
        assertExactly(all.get(0), m);
    }

    @Test
    void twoSocketsWithHyperThreading() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("processor/cpuinfo-2socket")) {
            Files.copy(in, dir.resolve("proc/cpuinfo"), StandardCopyOption.REPLACE_EXISTING);
        }
        write("sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "3700000\n");
        List<CimInstance> all = enumerate();
        assertThat(all).hasSize(2);
        Map<String, CimValue> m = new LinkedHashMap<>();
        m.put("DeviceID", CimValue.string("CPU0"));
        m.put("Name", CimValue.string("Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz"));
        m.put("Manufacturer", CimValue.string("GenuineIntel"));
        m.put("NumberOfLogicalProcessors", CimValue.uint32(4));
        m.put("NumberOfCores", CimValue.uint32(2));
        m.put("CurrentClockSpeed", CimValue.uint32(2100));
        m.put("MaxClockSpeed", CimValue.uint32(3700));
        m.put("Architecture", CimValue.uint16(9));
        m.put("AddressWidth", CimValue.uint16(64));
        m.put("DataWidth", CimValue.uint16(64));
        assertExactly(all.get(0), m);
        m.put("DeviceID", CimValue.string("CPU1"));
        m.put("CurrentClockSpeed", CimValue.uint32(2000)); // 1999.501 rounded
        m.remove("MaxClockSpeed"); // no cpufreq for cpu2
        assertExactly(all.get(1), m);

        ProcessorProvider p = new ProcessorProvider(fake.host);
        assertThat(p.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Processor.DeviceID=\"cpu1\"")))
                .hasValueSatisfying(i -> assertThat(i.value("DeviceID").asString()).isEqualTo("CPU1"));
        assertThat(p.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Processor.DeviceID=\"CPU2\""))).isEmpty();
    }

    @Test
    void armWithoutPackageIdsFallsBackToSysfsTopology() throws IOException {
        write("proc/sys/kernel/arch", "aarch64\n");
        write("proc/cpuinfo", "processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n\n"
                + "processor\t: 1\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n\n"
                + "processor\t: 2\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n\n");
        for (int cpu = 0; cpu < 3; cpu++) {
            write("sys/devices/system/cpu/cpu" + cpu + "/topology/physical_package_id", "0\n");
            write("sys/devices/system/cpu/cpu" + cpu + "/topology/core_id", cpu + "\n");
        }
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "1499600\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "2000000\n");
        List<CimInstance> all = enumerate();
        assertThat(all).hasSize(1);
        Map<String, CimValue> m = new LinkedHashMap<>();
        m.put("DeviceID", CimValue.string("CPU0"));
        m.put("NumberOfLogicalProcessors", CimValue.uint32(3));
        m.put("NumberOfCores", CimValue.uint32(3));
        m.put("CurrentClockSpeed", CimValue.uint32(1500));
        m.put("MaxClockSpeed", CimValue.uint32(2000));
        m.put("Architecture", CimValue.uint16(12));
        m.put("AddressWidth", CimValue.uint16(64));
        m.put("DataWidth", CimValue.uint16(64));
        assertExactly(all.get(0), m);
    }

    @Test
    void missingCpuinfoMeansNoInstances() throws IOException {
        Files.delete(dir.resolve("proc/cpuinfo"));
        assertThat(enumerate()).isEmpty();
    }

    @Test
    void realHostHasAtLeastOneProcessor() {
        assumeTrue(Files.isReadable(Path.of("/proc/cpuinfo")), "needs Linux /proc");
        List<CimInstance> all = new ProcessorProvider(LinuxHost.system()).enumerate(FakeHost.CTX, CLS).toList();
        assertThat(all).isNotEmpty();
        assertThat(all.get(0).value("DeviceID").asString()).isEqualTo("CPU0");
        long logical = all.stream().mapToLong(i -> i.value("NumberOfLogicalProcessors").asLong()).sum();
        assertThat(logical).isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
