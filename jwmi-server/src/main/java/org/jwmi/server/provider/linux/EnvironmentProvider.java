package org.jwmi.server.provider.linux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;

/**
 * {@code Win32_Environment}: Windows lists the system and per-user variables of the registry, not a process
 * environment. The Linux counterpart of the system set is {@code /etc/environment} (pam_env: {@code NAME=value}
 * lines, optional quotes, {@code #} comments); each becomes a {@code <SYSTEM>} variable
 * ({@code UserName = "<SYSTEM>"}, {@code SystemVariable = TRUE}, {@code Caption}/{@code Description} =
 * {@code <SYSTEM>\NAME} as Windows). Per-user variables are not reported. Names are matched case-insensitively
 * (as on Windows); for duplicate lines the first wins.
 */
public final class EnvironmentProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_Environment");
    static final String SYSTEM = "<SYSTEM>";

    private final LinuxHost host;

    public EnvironmentProvider(LinuxHost host) {
        this.host = host;
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        List<CimInstance> out = new ArrayList<>();
        variables().forEach((k, v) -> out.add(build(cls, k, v)));
        return out.stream();
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        String name = Props.keyText(path, "Name");
        String user = Props.keyText(path, "UserName");
        if (name == null || !SYSTEM.equalsIgnoreCase(user)) {
            return Optional.empty();
        }
        return variables().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(e -> build(cls, e.getKey(), e.getValue()));
    }

    private Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String raw : host.read("etc/environment").orElse("").split("\n")) {
            String line = raw.trim();
            if (line.startsWith("export ")) {
                line = line.substring(7).trim();
            }
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            String name = line.substring(0, eq).trim();
            if (vars.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                vars.put(name, OperatingSystemProvider.unquote(line.substring(eq + 1).trim()));
            }
        }
        return vars;
    }

    private static CimInstance build(CimClass cls, String name, String value) {
        CimInstance.Builder b = CimInstance.builder(cls);
        b.set("Name", CimValue.string(name));
        b.set("UserName", CimValue.string(SYSTEM));
        b.set("SystemVariable", CimValue.bool(true));
        b.set("VariableValue", CimValue.string(value));
        b.set("Caption", CimValue.string(SYSTEM + "\\" + name));
        b.set("Description", CimValue.string(SYSTEM + "\\" + name));
        return b.build();
    }
}
