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
 * {@code Win32_Service}: one instance per systemd {@code *.service} unit file in {@code /etc/systemd/system},
 * {@code /lib/systemd/system} and {@code /usr/lib/systemd/system} (earlier directories win; templates
 * {@code name@.service} and alias links named differently from their target are skipped). {@code Name} = unit
 * name without {@code .service}; {@code DisplayName} = {@code Description=} of {@code [Unit]};
 * {@code PathName} = first {@code ExecStart=} of {@code [Service]} without its {@code -@:+!} prefixes;
 * {@code StartMode} = "Disabled" if masked (linked to {@code /dev/null} in {@code /etc/systemd/system}), "Auto"
 * if linked from a {@code *.wants/} or {@code *.requires/} directory of {@code /etc/systemd/system}, else
 * "Manual". Runtime state ({@code State}, {@code Started}, {@code ProcessId}) cannot be known without asking
 * systemd and stays NULL, as does everything else.
 */
public final class ServiceProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_Service");
    private static final String ETC = "etc/systemd/system";
    private static final List<String> DIRS = List.of(ETC, "lib/systemd/system", "usr/lib/systemd/system");
    private static final String SUFFIX = ".service";
    private static final int MAX_UNITS = 1 << 16;

    private final LinuxHost host;

    public ServiceProvider(LinuxHost host) {
        this.host = host;
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        Set<String> enabled = enabled();
        Map<String, String> units = units();
        List<CimInstance> out = new ArrayList<>();
        units.forEach((name, dir) -> build(cls, name, enabled).ifPresent(out::add));
        return out.stream();
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        String name = Props.keyText(path, "Name");
        if (name == null) {
            return Optional.empty();
        }
        for (String unit : units().keySet()) {
            if (unit.equalsIgnoreCase(name)) {
                return build(cls, unit, enabled());
            }
        }
        return Optional.empty();
    }

    /** Unit names (without suffix) in name order, each with the first directory holding it. */
    private Map<String, String> units() {
        Map<String, String> units = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String dir : DIRS) {
            List<String> files;
            try (Stream<String> s = host.list(dir)) {
                files = s.filter(f -> f.endsWith(SUFFIX) && f.length() > SUFFIX.length() && !f.endsWith("@" + SUFFIX))
                        .limit(MAX_UNITS).toList();
            }
            for (String f : files) {
                Optional<String> target = host.readLink(dir + "/" + f);
                if (target.isPresent() && !target.get().equals("/dev/null")
                        && !target.get().endsWith("/" + f) && !target.get().equals(f)) {
                    continue; // an alias of another unit
                }
                units.putIfAbsent(f.substring(0, f.length() - SUFFIX.length()), dir);
            }
        }
        return units;
    }

    /** Unit file names linked from {@code *.wants/} and {@code *.requires/} directories. */
    private Set<String> enabled() {
        Set<String> out = new HashSet<>();
        List<String> dirs;
        try (Stream<String> s = host.list(ETC)) {
            dirs = s.filter(d -> d.endsWith(".wants") || d.endsWith(".requires")).limit(MAX_UNITS).toList();
        }
        for (String d : dirs) {
            try (Stream<String> s = host.list(ETC + "/" + d)) {
                s.limit(MAX_UNITS).forEach(out::add);
            }
        }
        return out;
    }

    private Optional<CimInstance> build(CimClass cls, String name, Set<String> enabled) {
        String file = name + SUFFIX;
        boolean masked = host.readLink(ETC + "/" + file).filter("/dev/null"::equals).isPresent();
        Map<String, String> unit = null;
        for (String dir : DIRS) {
            if (dir.equals(ETC) && masked) {
                continue;
            }
            Optional<String> text = host.read(dir + "/" + file);
            if (text.isPresent()) {
                unit = parse(text.get());
                break;
            }
        }
        if (unit == null && !masked) {
            return Optional.empty(); // vanished since listed
        }
        CimInstance.Builder b = CimInstance.builder(cls);
        b.set("Name", CimValue.string(name));
        if (unit != null) {
            Props.str(b, "DisplayName", unit.get("Unit.Description"));
            Props.str(b, "PathName", unit.get("Service.ExecStart"));
        }
        b.set("StartMode", CimValue.string(masked ? "Disabled" : enabled.contains(file) ? "Auto" : "Manual"));
        return Optional.of(b.build());
    }

    /**
     * The first non-empty value of each {@code Section.Key} of a unit file; continuation lines (ending in a
     * backslash) joined, comments skipped, and {@code ExecStart} prefixes removed.
     */
    static Map<String, String> parse(String text) {
        Map<String, String> m = new TreeMap<>();
        String section = "";
        StringBuilder pending = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (pending != null) {
                if (line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                pending.append(' ');
                line = pending.append(line).toString();
                pending = null;
            } else if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending = new StringBuilder(line.substring(0, line.length() - 1).strip());
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = section + "." + line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals("Service.ExecStart")) {
                int i = 0;
                while (i < value.length() && "-@:+!".indexOf(value.charAt(i)) >= 0) {
                    i++;
                }
                value = value.substring(i).strip();
            }
            if (!value.isEmpty()) {
                m.putIfAbsent(key, value);
            }
        }
        return m;
    }
}
