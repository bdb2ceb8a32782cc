package org.jwmi.server.provider.linux;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;

/**
 * {@code Win32_Process} from {@code /proc/<pid>}. Enumeration lists {@code /proc} lazily and reads one process at
 * a time; a process that exits meanwhile is skipped. {@code get} reads only {@code /proc/<Handle>}.
 *
 * <p>Mapping (Linux source → property; anything else is NULL):
 * <ul>
 *   <li>{@code Handle} = pid as decimal text; {@code ProcessId} = pid; {@code ParentProcessId} = stat field 4.</li>
 *   <li>{@code Name}, {@code Caption}, {@code Description} = base name of the {@code exe} link (the image name, as
 *       Windows shows it), else {@code comm} from stat (kernel threads, other users' processes).</li>
 *   <li>{@code ExecutablePath} = {@code exe} link target (a {@code " (deleted)"} suffix removed), NULL if
 *       unreadable.</li>
 *   <li>{@code CommandLine} = {@code cmdline} with NULs as spaces (trailing NUL dropped); NULL if empty
 *       (kernel threads, zombies).</li>
 *   <li>{@code ThreadCount} = stat field 20; {@code Priority} = stat field 18 when non-negative (Linux priority,
 *       nice + 20 for normal tasks: lower is more favoured, unlike Windows); real-time tasks: NULL.</li>
 *   <li>{@code UserModeTime}/{@code KernelModeTime} = stat utime/stime converted from clock ticks to 100 ns.</li>
 *   <li>{@code WorkingSetSize} = {@code VmRSS} of status in bytes; {@code VirtualSize} = stat vsize;
 *       {@code PeakVirtualSize} = {@code VmPeak} in bytes; {@code PeakWorkingSetSize} = {@code VmHWM} in KiB
 *       (Windows reports this one in KiB).</li>
 *   <li>{@code CreationDate} = boot time ({@code btime} of /proc/stat) + stat starttime, at the host zone.</li>
 *   <li>{@code CSName} = host name, {@code OSName} = {@code Win32_OperatingSystem.Name}; creation class names as
 *       Windows.</li>
 * </ul>
 * {@code HandleCount}, {@code SessionId}, quota and I/O counters, {@code PageFaults} and page-file usage have no
 * exact Linux counterpart and stay NULL.
 */
public final class ProcessProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_Process");
    private static final String DELETED = " (deleted)";

    private final LinuxHost host;

    public ProcessProvider(LinuxHost host) {
        this.host = host;
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        Shared shared = new Shared(host.hostName(), OperatingSystemProvider.osName(host), host.bootTimeSeconds());
        Stream<String> pids = host.list("proc");
        return pids.filter(ProcessProvider::isPid)
                .map(pid -> read(cls, pid, shared))
                .flatMap(Optional::stream);
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        String pid = Props.keyText(path, "Handle");
        if (pid == null || !isPid(pid)) {
            return Optional.empty();
        }
        // Read the process first so a missing pid costs one file access.
        String stat = host.read("proc/" + pid + "/stat").orElse(null);
        if (stat == null) {
            return Optional.empty();
        }
        Shared shared = new Shared(host.hostName(), OperatingSystemProvider.osName(host), host.bootTimeSeconds());
        return build(cls, pid, stat, shared);
    }

    /** {@code ProcessId = N} (or {@code Handle = 'N'}) reads /proc/N alone. */
    @Override
    public Optional<Stream<CimInstance>> lookup(ProviderContext ctx, CimClass cls, Map<CimName, CimValue> equalities) {
        CimValue v = equalities.get(CimName.of("ProcessId"));
        if (v == null) {
            v = equalities.get(CimName.of("Handle"));
        }
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        String pid;
        try {
            pid = v.type() == CimType.STRING ? v.asString() : Long.toString(v.asLong());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        CimObjectPath path = CimObjectPath.forInstance(cls.name(),
                List.of(CimObjectPath.KeyBinding.of("Handle", CimValue.string(pid))));
        return Optional.of(get(ctx, cls, path).stream());
    }

    private record Shared(String hostName, String osName, Long bootSeconds) {
    }

    static boolean isPid(String name) {
        Long v = LinuxHost.unsigned(name);
        return v != null && v <= 0xFFFF_FFFFL && name.equals(Long.toString(v));
    }

    private Optional<CimInstance> read(CimClass cls, String pid, Shared shared) {
        return host.read("proc/" + pid + "/stat").flatMap(stat -> build(cls, pid, stat, shared));
    }

    private Optional<CimInstance> build(CimClass cls, String pid, String statText, Shared shared) {
        Stat stat = Stat.parse(statText);
        if (stat == null) {
            return Optional.empty(); // vanished between listing and reading, or not a process stat
        }
        String dir = "proc/" + pid + "/";
        CimInstance.Builder b = CimInstance.builder(cls);
        b.set("Handle", CimValue.string(pid));
        b.set("ProcessId", CimValue.uint32(Long.parseLong(pid)));
        b.set("CreationClassName", CimValue.string("Win32_Process"));
        b.set("CSCreationClassName", CimValue.string("Win32_ComputerSystem"));
        b.set("OSCreationClassName", CimValue.string("Win32_OperatingSystem"));
        Props.str(b, "CSName", shared.hostName());
        Props.str(b, "OSName", shared.osName());

        String exe = host.readLink(dir + "exe").map(ProcessProvider::undeleted).orElse(null);
        String name = exe != null ? baseName(exe) : stat.comm();
        Props.str(b, "Name", name);
        Props.str(b, "Caption", name);
        Props.str(b, "Description", name);
        Props.str(b, "ExecutablePath", exe);
        Props.str(b, "CommandLine", host.read(dir + "cmdline").map(ProcessProvider::commandLine).orElse(null));

        Props.u32(b, "ParentProcessId", stat.field(4));
        Long priority = stat.field(18);
        Props.u32(b, "Priority", priority);
        Props.u32(b, "ThreadCount", stat.field(20));
        long hundredNsPerTick = 10_000_000L / host.clockTicks();
        Long utime = stat.field(14);
        Long stime = stat.field(15);
        Props.u64(b, "UserModeTime", utime == null ? null : utime * hundredNsPerTick);
        Props.u64(b, "KernelModeTime", stime == null ? null : stime * hundredNsPerTick);
        Props.u64(b, "VirtualSize", stat.field(23));
        Long start = stat.field(22);
        if (start != null && shared.bootSeconds() != null) {
            Instant t = Instant.ofEpochSecond(shared.bootSeconds())
                    .plusMillis(start * 1000 / host.clockTicks());
            b.set("CreationDate", CimValue.datetime(Props.dateTime(t, host.zone())));
        }

        Map<String, String> status = LinuxHost.colonMap(host.read(dir + "status").orElse(""));
        Long rss = LinuxHost.kib(status.get("VmRSS"));
        if (rss == null && Long.valueOf(0).equals(stat.field(24))) {
            rss = 0L; // kernel threads have no VmRSS line and no resident pages
        }
        Props.u64(b, "WorkingSetSize", rss == null ? null : rss * 1024);
        Long peak = LinuxHost.kib(status.get("VmPeak"));
        Props.u64(b, "PeakVirtualSize", peak == null ? null : peak * 1024);
        Props.u32(b, "PeakWorkingSetSize", LinuxHost.kib(status.get("VmHWM")));
        return Optional.of(b.build());
    }

    private static String undeleted(String target) {
        return target.endsWith(DELETED) ? target.substring(0, target.length() - DELETED.length()) : target;
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    static String commandLine(String raw) {
        String s = raw.endsWith("\0") ? raw.substring(0, raw.length() - 1) : raw;
        return s.isEmpty() ? null : s.replace('\0', ' ');
    }

    /**
     * {@code /proc/<pid>/stat} (proc(5)): {@code pid (comm) state ppid ...}. {@code comm} may contain spaces and
     * parentheses, so it ends at the LAST {@code ')'}. Fields are numbered from 1 as in proc(5); missing or
     * non-numeric fields read as null (a truncated line still yields what it has).
     */
    record Stat(String comm, String[] rest) {

        static Stat parse(String text) {
            int open = text.indexOf('(');
            int close = text.lastIndexOf(')');
            if (open < 0 || close < open) {
                return null;
            }
            String tail = text.substring(close + 1).trim();
            String[] rest = tail.isEmpty() ? new String[0] : tail.split("\\s+");
            return new Stat(text.substring(open + 1, close), rest);
        }

        /** Numeric field {@code n} (3 = state, 4 = ppid, ...), or null. */
        Long field(int n) {
            int i = n - 3;
            return i >= 0 && i < rest.length ? LinuxHost.signed(rest[i]) : null;
        }

        @Override
        public String toString() {
            return comm + " " + Arrays.toString(rest);
        }
    }
}
