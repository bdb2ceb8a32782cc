package org.jwmi.server.provider.linux;

import java.nio.ByteOrder;
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
 * {@code Win32_NetworkAdapterConfiguration}: the IP settings of each interface of {@code /sys/class/net}, keyed
 * by {@code Index} = {@code InterfaceIndex} = {@code ifindex} (the {@code Index} of the matching
 * Win32_NetworkAdapter). Host-wide tables ({@code /proc/net/route}, {@code fib_trie}, {@code if_inet6},
 * {@code ipv6_route}, resolv.conf) are read once per request.
 *
 * <p>Mapping (anything else is NULL):
 * <ul>
 *   <li>{@code IPAddress}/{@code IPSubnet}: IPv4 addresses with dotted masks, then IPv6 addresses with prefix
 *       lengths as decimal text, as Windows lists them (see {@link NetInterfaces#ipConfig}); NULL if none or
 *       if the adapter is not IP-enabled (as on Windows).</li>
 *   <li>{@code DefaultIPGateway}/{@code GatewayCostMetric}: next hops and metrics of the interface's IPv4 then IPv6
 *       default routes; NULL if none (the metrics also NULL if one exceeds uint16).</li>
 *   <li>{@code IPEnabled} = the interface is up and has an address.</li>
 *   <li>{@code DNSServerSearchOrder}, {@code DNSDomain}, {@code DNSDomainSuffixSearchOrder}: Linux resolves
 *       host-wide, so the {@code nameserver}, {@code domain} and {@code search} lines of resolv.conf (systemd-resolved's
 *       upstream list in {@code /run/systemd/resolve/resolv.conf} when present, else {@code /etc/resolv.conf}) are
 *       reported on every IP-enabled adapter except loopback; {@code DNSHostName} = first label of the host name
 *       there too.</li>
 *   <li>{@code DHCPEnabled} = TRUE and {@code DHCPServer} = {@code SERVER_ADDRESS} when systemd-networkd holds a
 *       lease for the interface ({@code /run/systemd/netif/leases/<ifindex>}); NULL otherwise, since other DHCP
 *       clients leave no uniform trace.</li>
 *   <li>{@code MACAddress}, {@code ServiceName}, {@code Caption}, {@code Description} as Win32_NetworkAdapter;
 *       {@code MTU} = {@code mtu}.</li>
 * </ul>
 */
public final class NetworkAdapterConfigurationProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_NetworkAdapterConfiguration");

    private final LinuxHost host;
    private final NetInterfaces nics;

    public NetworkAdapterConfigurationProvider(LinuxHost host) {
        this.host = host;
        this.nics = new NetInterfaces(host, ByteOrder.nativeOrder());
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        List<NetInterfaces.Nic> all = nics.all();
        if (all.isEmpty()) {
            return Stream.empty();
        }
        NetInterfaces.Tables tables = nics.tables();
        String hostName = host.hostName();
        return all.stream().map(n -> build(cls, n, tables, hostName));
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        Long index = LinuxHost.unsigned(Props.keyText(path, "Index"));
        if (index == null) {
            return Optional.empty();
        }
        return nics.byIndex(index).map(n -> build(cls, n, nics.tables(), host.hostName()));
    }

    private CimInstance build(CimClass cls, NetInterfaces.Nic n, NetInterfaces.Tables t, String hostName) {
        CimInstance.Builder b = CimInstance.builder(cls);
        b.set("Index", CimValue.uint32(n.ifindex()));
        b.set("InterfaceIndex", CimValue.uint32(n.ifindex()));
        b.set("Caption", CimValue.string(NetworkAdapterProvider.caption(n)));
        b.set("Description", CimValue.string(n.name()));
        Props.str(b, "MACAddress", n.mac());
        Props.str(b, "ServiceName", n.driver());
        Props.u32(b, "MTU", n.mtu());

        NetInterfaces.IpConfig ip = NetInterfaces.ipConfig(n, t);
        boolean enabled = n.isUp() && !ip.addresses().isEmpty();
        b.set("IPEnabled", CimValue.bool(enabled));
        if (enabled) {
            strings(b, "IPAddress", ip.addresses());
            strings(b, "IPSubnet", ip.subnets());
            strings(b, "DefaultIPGateway", ip.gateways());
            if (!ip.gatewayMetrics().isEmpty() && ip.gatewayMetrics().stream().allMatch(m -> m <= 0xFFFF)) {
                b.set("GatewayCostMetric", CimValue.array(CimType.UINT16, ip.gatewayMetrics()));
            }
        }
        if (enabled && !n.isLoopback()) {
            NetTables.Resolver r = t.resolver();
            strings(b, "DNSServerSearchOrder", r.servers());
            strings(b, "DNSDomainSuffixSearchOrder", r.search());
            Props.str(b, "DNSDomain", r.domain());
            if (hostName != null) {
                b.set("DNSHostName", CimValue.string(hostName.split("\\.", 2)[0]));
            }
        }
        host.read("run/systemd/netif/leases/" + n.ifindex()).ifPresent(lease -> {
            Map<String, String> m = keyValues(lease);
            b.set("DHCPEnabled", CimValue.bool(true));
            String server = m.get("SERVER_ADDRESS");
            if (server != null && NetTables.ipv4(server) != null) {
                b.set("DHCPServer", CimValue.string(server));
            }
        });
        return b.build();
    }

    private static void strings(CimInstance.Builder b, String name, List<String> values) {
        if (!values.isEmpty()) {
            b.set(name, CimValue.array(CimType.STRING, values));
        }
    }

    /** {@code KEY=value} lines; the first of each key wins. */
    private static Map<String, String> keyValues(String text) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String line : text.split("\n", NetTables.MAX_LINES + 1)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                m.putIfAbsent(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return m;
    }
}
