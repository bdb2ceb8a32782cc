package org.jwmi.server.provider.linux;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;

/**
 * {@code Win32_Processor}: one instance per physical package of {@code /proc/cpuinfo}, numbered
 * {@code CPU0, CPU1, ...} in ascending {@code physical id} order. The package of a logical processor is its
 * {@code physical id}, else {@code sys/devices/system/cpu/cpuN/topology/physical_package_id}, else 0.
 * {@code Name} = {@code model name}; {@code Manufacturer} = {@code vendor_id};
 * {@code NumberOfLogicalProcessors} = processors of the package; {@code NumberOfCores} = distinct
 * {@code core id} values (else {@code topology/core_id}, else {@code cpu cores}, else NULL);
 * {@code CurrentClockSpeed} = {@code cpu MHz} of the package's first processor rounded (else its
 * {@code cpufreq/scaling_cur_freq}), {@code MaxClockSpeed} = {@code cpufreq/cpuinfo_max_freq}, both in MHz;
 * {@code Architecture}, {@code AddressWidth} and {@code DataWidth} from {@code /proc/sys/kernel/arch}
 * (x86_64: 9 and 64, aarch64: 12 and 64, i?86: 0 and 32, arm*: 5 and 32). Everything else stays NULL.
 */
public final class ProcessorProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_Processor");
    private static final int MAX_PROCESSORS = 1 << 14;

    private final LinuxHost host;

    public ProcessorProvider(LinuxHost host) {
        this.host = host;
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        return build(cls).stream();
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        String id = Props.keyText(path, "DeviceID");
        if (id == null) {
            return Optional.empty();
        }
        return build(cls).stream().filter(i -> id.equalsIgnoreCase(i.value("DeviceID").asString())).findFirst();
    }

    /** One logical processor: its {@code key: value} lines. */
    private record Logical(Long number, Map<String, String> fields) {
    }

    private List<CimInstance> build(CimClass cls) {
        Map<Long, List<Logical>> packages = new TreeMap<>();
        for (Logical l : logicals()) {
            packages.computeIfAbsent(packageOf(l), k -> new ArrayList<>()).add(l);
        }
        String arch = host.read("proc/sys/kernel/arch").map(String::trim).orElse("");
        Integer archCode = null;
        Integer width = null;
        if (arch.equals("x86_64")) {
            archCode = 9;
            width = 64;
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            archCode = 12;
            width = 64;
        } else if (arch.matches("i[3-6]86")) {
            archCode = 0;
            width = 32;
        } else if (arch.startsWith("arm")) {
            archCode = 5;
            width = 32;
        }
        List<CimInstance> out = new ArrayList<>();
        int index = 0;
        for (List<Logical> pkg : packages.values()) {
            CimInstance.Builder b = CimInstance.builder(cls);
            b.set("DeviceID", CimValue.string("CPU" + index++));
            Logical first = pkg.get(0);
            Props.str(b, "Name", nonEmpty(first.fields().get("model name")));
            Props.str(b, "Manufacturer", nonEmpty(first.fields().get("vendor_id")));
            b.set("NumberOfLogicalProcessors", CimValue.uint32(pkg.size()));
            Props.u32(b, "NumberOfCores", cores(pkg));
            Props.u32(b, "CurrentClockSpeed", currentMhz(first));
            Props.u32(b, "MaxClockSpeed", first.number() == null ? null
                    : khzToMhz(host.read("sys/devices/system/cpu/cpu" + first.number()
                            + "/cpufreq/cpuinfo_max_freq").orElse(null)));
            if (archCode != null) {
                b.set("Architecture", CimValue.uint16(archCode));
                b.set("AddressWidth", CimValue.uint16(width));
                b.set("DataWidth", CimValue.uint16(width));
            }
            out.add(b.build());
        }
        return out;
    }

    /** The blank-line separated blocks of {@code /proc/cpuinfo} that have a {@code processor} line. */
    private List<Logical> logicals() {
        List<Logical> out = new ArrayList<>();
        for (String block : host.read("proc/cpuinfo").orElse("").split("\n\\s*\n")) {
            Map<String, String> f = LinuxHost.colonMap(block);
            if (f.containsKey("processor") && out.size() < MAX_PROCESSORS) {
                out.add(new Logical(LinuxHost.unsigned(f.get("processor")), f));
            }
        }
        return out;
    }

    private Long packageOf(Logical l) {
        Long id = LinuxHost.unsigned(l.fields().get("physical id"));
        if (id == null && l.number() != null) {
            id = LinuxHost.unsigned(host.read("sys/devices/system/cpu/cpu" + l.number()
                    + "/topology/physical_package_id").map(String::trim).orElse(null));
        }
        return id == null ? 0L : id;
    }

    private Long cores(List<Logical> pkg) {
        Set<Long> ids = new HashSet<>();
        for (Logical l : pkg) {
            Long core = LinuxHost.unsigned(l.fields().get("core id"));
            if (core == null && l.number() != null) {
                core = LinuxHost.unsigned(host.read("sys/devices/system/cpu/cpu" + l.number()
                        + "/topology/core_id").map(String::trim).orElse(null));
            }
            if (core == null) {
                ids.clear();
                break;
            }
            ids.add(core);
        }
        if (!ids.isEmpty()) {
            return (long) ids.size();
        }
        return LinuxHost.unsigned(pkg.get(0).fields().get("cpu cores"));
    }

    private Long currentMhz(Logical l) {
        String mhz = l.fields().get("cpu MHz");
        if (mhz != null && mhz.matches("[0-9]{1,9}(\\.[0-9]{0,9})?")) {
            return Math.round(Double.parseDouble(mhz));
        }
        return l.number() == null ? null
                : khzToMhz(host.read("sys/devices/system/cpu/cpu" + l.number() + "/cpufreq/scaling_cur_freq")
                        .orElse(null));
    }

    private static Long khzToMhz(String khz) {
        Long v = khz == null ? null : LinuxHost.unsigned(khz.trim());
        return v == null ? null : (v + 500) / 1000;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
