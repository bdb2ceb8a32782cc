package org.jwmi.server.provider.linux;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host's network interfaces as {@code /sys/class/net} and {@code /proc/net} show them, read for the
 * network adapter providers. An interface is known by its kernel index ({@code ifindex}), which the providers
 * use for {@code DeviceID}, {@code Index} and {@code InterfaceIndex}. An interface that disappears while being
 * read is left out.
 */
final class NetInterfaces {

    private static final String NET = "sys/class/net";
    private static final int MAX_INTERFACES = 1 << 12;
    /** IFF_UP, IFF_LOOPBACK of {@code linux/if.h}. */
    static final long IFF_UP = 0x1;
    static final long IFF_LOOPBACK = 0x8;

    private final LinuxHost host;
    private final ByteOrder kernelOrder;

    NetInterfaces(LinuxHost host, ByteOrder kernelOrder) {
        this.host = host;
        this.kernelOrder = kernelOrder;
    }

    /**
     * One interface's link-level facts from {@code /sys/class/net/<name>}; any may be null when its file is
     * missing or unreadable (e.g. {@code speed} of a link that is down).
     *
     * @param type     ARPHRD_* hardware type
     * @param flags    IFF_* flags as configured (administrative state)
     * @param mac      the hardware address in Windows' form, null if none
     * @param speed    link speed in Mbit/s
     * @param carrier  1 if the link has a carrier
     * @param physical whether a bus device backs it (a {@code device} link exists)
     * @param driver   the kernel driver's name (base name of {@code device/driver})
     * @param wireless whether it is an 802.11 interface ({@code phy80211} link)
     */
    record Nic(String name, long ifindex, Long type, Long flags, String mac, Long mtu, Long speed, String operState,
               Long carrier, boolean physical, String driver, boolean wireless) {

        boolean isUp() {
            return flags != null && (flags & IFF_UP) != 0;
        }

        boolean isLoopback() {
            return (flags != null && (flags & IFF_LOOPBACK) != 0) || Long.valueOf(772).equals(type);
        }
    }

    /** The interfaces in directory order; vanished or malformed ones skipped. */
    List<Nic> all() {
        List<String> names;
        try (Stream<String> s = host.list(NET)) {
            names = s.filter(NetInterfaces::validName).limit(MAX_INTERFACES).toList();
        }
        List<Nic> out = new ArrayList<>();
        for (String n : names) {
            nic(n).ifPresent(out::add);
        }
        out.sort((a, b) -> Long.compare(a.ifindex(), b.ifindex()));
        return out;
    }

    /**
     * The interface whose index is {@code ifindex}: the names are listed and only their {@code ifindex} files read
     * until one matches; only that interface is read in full.
     */
    Optional<Nic> byIndex(long ifindex) {
        List<String> names;
        try (Stream<String> s = host.list(NET)) {
            names = s.filter(NetInterfaces::validName).limit(MAX_INTERFACES).toList();
        }
        for (String n : names) {
            Long idx = number(n, "ifindex");
            if (idx != null && idx == ifindex) {
                return nic(n).filter(nic -> nic.ifindex() == ifindex);
            }
        }
        return Optional.empty();
    }

    private static boolean validName(String n) {
        return !n.isEmpty() && !n.equals(".") && !n.equals("..") && n.indexOf('/') < 0 && n.length() <= 64;
    }

    private Optional<Nic> nic(String name) {
        Long ifindex = number(name, "ifindex");
        if (ifindex == null || ifindex > 0xFFFF_FFFFL) {
            return Optional.empty(); // vanished, or not an interface directory
        }
        String dir = NET + "/" + name + "/";
        Long flags = host.read(dir + "flags").map(String::trim)
                .map(s -> s.startsWith("0x") ? NetTables.hexAny(s.substring(2), 8) : null).orElse(null);
        String mac = host.read(dir + "address").map(NetTables::macAddress).orElse(null);
        Long speed = host.read(dir + "speed").map(String::trim).map(LinuxHost::signed).orElse(null);
        String oper = host.read(dir + "operstate").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        boolean physical = host.readLink(dir + "device").isPresent();
        String driver = host.readLink(dir + "device/driver").map(NetInterfaces::baseName).orElse(null);
        boolean wireless = host.readLink(dir + "phy80211").isPresent();
        return Optional.of(new Nic(name, ifindex, number(name, "type"), flags, mac, number(name, "mtu"),
                speed != null && speed > 0 ? speed : null, oper, number(name, "carrier"), physical, driver, wireless));
    }

    private Long number(String name, String file) {
        return host.read(NET + "/" + name + "/" + file).map(String::trim).map(LinuxHost::unsigned).orElse(null);
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        String b = slash >= 0 ? path.substring(slash + 1) : path;
        return b.isEmpty() ? null : b;
    }

    // ------------------------------------------------------------------ IP configuration

    /** The IP configuration of one interface, in the string forms Windows reports. */
    record IpConfig(List<String> addresses, List<String> subnets, List<String> gateways, List<Long> gatewayMetrics) {
    }

    /** The host-wide tables an IP configuration is derived from, read once per request. */
    record Tables(List<NetTables.Route4> routes, List<NetTables.Address4> local4, List<NetTables.Address6> local6,
                  List<NetTables.Gateway6> gateways6, NetTables.Resolver resolver) {
    }

    Tables tables() {
        String resolv = host.read("run/systemd/resolve/resolv.conf")
                .or(() -> host.read("etc/resolv.conf")).orElse("");
        return new Tables(NetTables.routes(host.read("proc/net/route").orElse(""), kernelOrder),
                NetTables.localAddresses(host.read("proc/net/fib_trie").orElse("")),
                NetTables.ipv6Addresses(host.read("proc/net/if_inet6").orElse("")),
                NetTables.ipv6Gateways(host.read("proc/net/ipv6_route").orElse("")),
                NetTables.resolver(resolv));
    }

    /**
     * The addresses of {@code nic}: IPv4 first (with dotted masks), then IPv6 (with prefix lengths), as Windows
     * lists them. {@code fib_trie} does not say which interface holds a local address; an address belongs to
     * the interface of the most specific connected route of {@code /proc/net/route} that contains it, and an
     * address inside a {@code host LOCAL} prefix (127.0.0.0/8) to the loopback interface. Addresses matching
     * neither are not reported. Tentative and duplicate IPv6 addresses are left out.
     */
    static IpConfig ipConfig(Nic nic, Tables t) {
        List<String> addrs = new ArrayList<>();
        List<String> subnets = new ArrayList<>();
        for (NetTables.Address4 a : t.local4()) {
            if (a.prefixLength() != 32) {
                continue;
            }
            NetTables.Route4 best = null;
            for (NetTables.Route4 r : t.routes()) {
                if (r.isConnected() && r.contains(a.address())
                        && (best == null || r.prefixLength() > best.prefixLength())) {
                    best = r;
                }
            }
            Integer prefix = null;
            if (best != null) {
                if (best.iface().equals(nic.name())) {
                    prefix = best.prefixLength();
                }
            } else if (nic.isLoopback()) {
                for (NetTables.Address4 p : t.local4()) {
                    long mask = p.prefixLength() == 0 ? 0 : (0xFFFF_FFFFL << (32 - p.prefixLength())) & 0xFFFF_FFFFL;
                    if (p.prefixLength() < 32 && (a.address() & mask) == (p.address() & mask)
                            && (prefix == null || p.prefixLength() > prefix)) {
                        prefix = p.prefixLength();
                    }
                }
            }
            if (prefix != null) {
                addrs.add(NetTables.ipv4Text(a.address()));
                subnets.add(NetTables.maskText(prefix));
            }
        }
        for (NetTables.Address6 a : t.local6()) {
            if (a.ifindex() == nic.ifindex() && a.iface().equals(nic.name())
                    && (a.flags() & (NetTables.IFA_F_TENTATIVE | NetTables.IFA_F_DADFAILED)) == 0) {
                addrs.add(NetTables.ipv6Text(a.address()));
                subnets.add(Integer.toString(a.prefixLength()));
            }
        }
        List<String> gateways = new ArrayList<>();
        List<Long> metrics = new ArrayList<>();
        for (NetTables.Route4 r : t.routes()) {
            if (r.isDefault() && r.iface().equals(nic.name())) {
                gateways.add(NetTables.ipv4Text(r.gateway()));
                metrics.add(r.metric());
            }
        }
        for (NetTables.Gateway6 g : t.gateways6()) {
            if (g.iface().equals(nic.name())) {
                gateways.add(NetTables.ipv6Text(g.nextHop()));
                metrics.add(g.metric());
            }
        }
        return new IpConfig(addrs, subnets, gateways, metrics);
    }
}
