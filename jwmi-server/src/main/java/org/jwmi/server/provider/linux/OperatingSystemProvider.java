package org.jwmi.server.provider.linux;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.ProviderContext;

/**
 * The one {@code Win32_OperatingSystem} instance of the host.
 *
 * <p>{@code Name} follows Windows' {@code "<caption>|<windows dir>|<boot partition>"} shape as
 * {@code "<PRETTY_NAME of /etc/os-release>|/|<device mounted on / in /proc/mounts>"}. Other properties:
 * {@code Caption} = PRETTY_NAME; {@code Version} = kernel release ({@code /proc/sys/kernel/osrelease});
 * {@code OSType} = 36 (CIM "LINUX"); {@code LastBootUpTime} = {@code btime}; {@code LocalDateTime} = the
 * context's clock at the host zone, {@code CurrentTimeZone} its offset in minutes; memory sizes in KiB from
 * {@code /proc/meminfo} ({@code FreePhysicalMemory} = MemAvailable, else MemFree; paging files = swap;
 * virtual = physical + swap); {@code NumberOfProcesses} = pid directories in {@code /proc};
 * {@code CSName} = host name; {@code OSArchitecture} = "64-bit"/"32-bit" from {@code /proc/sys/kernel/arch};
 * {@code SystemDevice}/{@code BootDevice} = the root device. {@code BuildNumber}, directories, licensing,
 * locale and service-pack properties have no Linux counterpart and stay NULL.
 */
public final class OperatingSystemProvider extends SingleInstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_OperatingSystem");
    /** CIM_OperatingSystem.OSType value map: 36 = LINUX. */
    static final int OS_TYPE_LINUX = 36;

    private final LinuxHost host;

    public OperatingSystemProvider(LinuxHost host) {
        this.host = host;
    }

    @Override
    public CimName className() {
        return CLASS;
    }


    /** PRETTY_NAME of os-release (NAME if absent, else "Linux"). */
    static String prettyName(LinuxHost host) {
        String text = host.read("etc/os-release").or(() -> host.read("usr/lib/os-release")).orElse("");
        String name = null;
        String pretty = null;
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("#")) {
                continue;
            }
            String k = line.substring(0, eq).trim();
            String v = unquote(line.substring(eq + 1).trim());
            if (k.equals("PRETTY_NAME")) {
                pretty = v;
            } else if (k.equals("NAME")) {
                name = v;
            }
        }
        return pretty != null && !pretty.isEmpty() ? pretty : name != null && !name.isEmpty() ? name : "Linux";
    }

    /** Strips one level of shell-style single or double quotes. */
    static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            String inner = v.substring(1, v.length() - 1);
            return v.charAt(0) == '"' ? inner.replaceAll("\\\\([\"\\\\$`])", "$1") : inner;
        }
        return v;
    }

    /** The device of the last mount on {@code /} in {@code /proc/mounts}, or null. */
    static String rootDevice(LinuxHost host) {
        String dev = null;
        for (String line : host.read("proc/mounts").orElse("").split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 2 && f[1].equals("/")) {
                dev = f[0];
            }
        }
        return dev;
    }

    /** The key of the instance: {@code <PRETTY_NAME>|/|<root device>}. */
    static String osName(LinuxHost host) {
        String dev = rootDevice(host);
        return prettyName(host) + "|/|" + (dev == null ? "" : dev);
    }

    @Override
    CimInstance build(ProviderContext ctx, CimClass cls) {
        CimInstance.Builder b = CimInstance.builder(cls);
        String pretty = prettyName(host);
        String dev = rootDevice(host);
        b.set("Name", CimValue.string(pretty + "|/|" + (dev == null ? "" : dev)));
        b.set("Caption", CimValue.string(pretty));
        b.set("CreationClassName", CimValue.string("Win32_OperatingSystem"));
        b.set("CSCreationClassName", CimValue.string("Win32_ComputerSystem"));
        Props.str(b, "CSName", host.hostName());
        b.set("OSType", CimValue.uint16(OS_TYPE_LINUX));
        b.set("Primary", CimValue.bool(true));
        Props.str(b, "Version", host.read("proc/sys/kernel/osrelease").map(String::trim).orElse(null));
        Props.str(b, "SystemDevice", dev);
        Props.str(b, "BootDevice", dev);
        Props.str(b, "OSArchitecture", host.read("proc/sys/kernel/arch").map(String::trim)
                .map(OperatingSystemProvider::architecture).orElse(null));

        Long boot = host.bootTimeSeconds();
        if (boot != null) {
            b.set("LastBootUpTime", CimValue.datetime(Props.dateTime(Instant.ofEpochSecond(boot), host.zone())));
        }
        ZonedDateTime now = ctx.clock().instant().atZone(host.zone());
        b.set("LocalDateTime", CimValue.datetime(Props.dateTime(now.toInstant(), host.zone())));
        b.set("CurrentTimeZone", CimValue.sint16(now.getOffset().getTotalSeconds() / 60));

        Map<String, String> mem = host.memInfo();
        Long total = LinuxHost.kib(mem.get("MemTotal"));
        Long avail = LinuxHost.kib(mem.get("MemAvailable"));
        if (avail == null) {
            avail = LinuxHost.kib(mem.get("MemFree"));
        }
        Long swapTotal = LinuxHost.kib(mem.get("SwapTotal"));
        Long swapFree = LinuxHost.kib(mem.get("SwapFree"));
        Props.u64(b, "TotalVisibleMemorySize", total);
        Props.u64(b, "FreePhysicalMemory", avail);
        Props.u64(b, "SizeStoredInPagingFiles", swapTotal);
        Props.u64(b, "FreeSpaceInPagingFiles", swapFree);
        if (total != null && swapTotal != null) {
            b.set("TotalVirtualMemorySize", CimValue.uint64(total + swapTotal));
        }
        if (avail != null && swapFree != null) {
            b.set("FreeVirtualMemory", CimValue.uint64(avail + swapFree));
        }
        try (Stream<String> pids = host.list("proc")) {
            b.set("NumberOfProcesses", CimValue.uint32(pids.filter(ProcessProvider::isPid).count()));
        }
        return b.build();
    }

    static String architecture(String machine) {
        return switch (machine) {
            case "x86_64", "aarch64", "arm64", "ppc64", "ppc64le", "s390x", "riscv64", "mips64", "loongarch64",
                 "sparc64", "ia64" -> "64-bit";
            case "i386", "i486", "i586", "i686", "x86", "armv7l", "armv6l", "arm", "ppc", "s390", "mips", "riscv32" ->
                    "32-bit";
            default -> null;
        };
    }
}
