package org.jwmi.server.provider.linux;

import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.ProviderContext;

/**
 * The one {@code Win32_ComputerSystem} instance of the host. {@code Name} = first label of the host name in
 * upper case (as Windows shows its NetBIOS name), {@code DNSHostName} = that label as written;
 * {@code NumberOfLogicalProcessors} = {@code processor} entries of {@code /proc/cpuinfo},
 * {@code NumberOfProcessors} = distinct {@code physical id} values (sockets; NULL where cpuinfo has none, e.g.
 * many ARM kernels); {@code TotalPhysicalMemory} = MemTotal in bytes; {@code CurrentTimeZone} = offset in
 * minutes at the context's clock. Domain membership, vendor and ownership properties stay NULL.
 */
public final class ComputerSystemProvider extends SingleInstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_ComputerSystem");

    private final LinuxHost host;

    public ComputerSystemProvider(LinuxHost host) {
        this.host = host;
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    CimInstance build(ProviderContext ctx, CimClass cls) {
        CimInstance.Builder b = CimInstance.builder(cls);
        String hostName = host.hostName();
        String label = hostName == null ? "localhost" : hostName.split("\\.", 2)[0];
        String name = label.toUpperCase(Locale.ROOT);
        b.set("Name", CimValue.string(name));
        b.set("Caption", CimValue.string(name));
        b.set("DNSHostName", CimValue.string(label));
        b.set("CreationClassName", CimValue.string("Win32_ComputerSystem"));
        long logical = 0;
        Set<String> sockets = new HashSet<>();
        for (String line : host.read("proc/cpuinfo").orElse("").split("\n")) {
            int c = line.indexOf(':');
            if (c <= 0) {
                continue;
            }
            String k = line.substring(0, c).trim();
            if (k.equals("processor")) {
                logical++;
            } else if (k.equals("physical id")) {
                sockets.add(line.substring(c + 1).trim());
            }
        }
        if (logical > 0) {
            b.set("NumberOfLogicalProcessors", CimValue.uint32(logical));
        }
        if (!sockets.isEmpty()) {
            b.set("NumberOfProcessors", CimValue.uint32(sockets.size()));
        }
        Long total = LinuxHost.kib(host.memInfo().get("MemTotal"));
        Props.u64(b, "TotalPhysicalMemory", total == null ? null : total * 1024);
        ZonedDateTime now = ctx.clock().instant().atZone(host.zone());
        b.set("CurrentTimeZone", CimValue.sint16(now.getOffset().getTotalSeconds() / 60));
        b.set("DaylightInEffect", CimValue.bool(host.zone().getRules().isDaylightSavings(now.toInstant())));
        return b.build();
    }
}
