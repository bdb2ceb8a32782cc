package org.jwmi.server.provider.linux;

import java.nio.ByteOrder;
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
 * {@code Win32_NetworkAdapter}: one instance per interface of {@code /sys/class/net}, loopback and virtual ones
 * included ({@code PhysicalAdapter} tells them apart). {@code get} lists the interface names and reads only
 * their {@code ifindex} files to find the one asked for.
 *
 * <p>Mapping (anything else is NULL):
 * <ul>
 *   <li>{@code DeviceID} = {@code Index} = {@code InterfaceIndex} = {@code ifindex} (Windows numbers adapters
 *       and IP interfaces separately; Linux has one index).</li>
 *   <li>{@code Name} = {@code NetConnectionID} = {@code Description} = the interface name ({@code eth0}; the
 *       product name Windows shows needs the PCI ID database); {@code Caption} = {@code "[%08d] name"} as Windows formats it.</li>
 *   <li>{@code MACAddress} = {@code address} in upper case, NULL when all zero (loopback) or absent.</li>
 *   <li>{@code AdapterType}/{@code AdapterTypeId} from the ARPHRD type ({@code type}): Ethernet → "Ethernet
 *       802.3"/0, or "Wireless"/9 if a {@code phy80211} link exists; PPP → "Wide Area Network (WAN)"/3; token ring,
 *       FDDI, ARCnet, ATM and IEEE 1394 → their Windows names; others (loopback, tunnels) NULL.</li>
 *   <li>{@code Speed} = {@code speed} (Mbit/s) × 10⁶ in bit/s, NULL while the link is down or unknown.</li>
 *   <li>{@code NetEnabled} = IFF_UP of {@code flags}; {@code NetConnectionStatus}: 0 (Disconnected) when not up,
 *       else from {@code operstate}: up 2 (Connected), down/lowerlayerdown 7 (Media disconnected), dormant 8
 *       (Authenticating), notpresent 4 (Hardware not present), unknown by {@code carrier} (2 or 7); NULL
 *       otherwise.</li>
 *   <li>{@code PhysicalAdapter} = a bus {@code device} backs it; {@code ServiceName} = the driver's name;
 *       {@code Installed} = TRUE.</li>
 * </ul>
 * {@code SystemName} is the host name, as the other Linux providers report it.
 */
public final class NetworkAdapterProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_NetworkAdapter");

    private final LinuxHost host;
    private final NetInterfaces nics;

    public NetworkAdapterProvider(LinuxHost host) {
        this.host = host;
        this.nics = new NetInterfaces(host, ByteOrder.nativeOrder());
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        String hostName = host.hostName();
        return nics.all().stream().map(n -> build(cls, n, hostName));
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        Long index = LinuxHost.unsigned(Props.keyText(path, "DeviceID"));
        if (index == null) {
            return Optional.empty();
        }
        return nics.byIndex(index).map(n -> build(cls, n, host.hostName()));
    }

    /** Windows' caption of adapter and configuration: the index in eight digits, then the name. */
    static String caption(NetInterfaces.Nic n) {
        return String.format("[%08d] %s", n.ifindex(), n.name());
    }

    private static CimInstance build(CimClass cls, NetInterfaces.Nic n, String hostName) {
        CimInstance.Builder b = CimInstance.builder(cls);
        b.set("DeviceID", CimValue.string(Long.toString(n.ifindex())));
        b.set("Index", CimValue.uint32(n.ifindex()));
        b.set("InterfaceIndex", CimValue.uint32(n.ifindex()));
        b.set("Name", CimValue.string(n.name()));
        b.set("NetConnectionID", CimValue.string(n.name()));
        b.set("Description", CimValue.string(n.name()));
        b.set("Caption", CimValue.string(caption(n)));
        b.set("CreationClassName", CimValue.string("Win32_NetworkAdapter"));
        b.set("SystemCreationClassName", CimValue.string("Win32_ComputerSystem"));
        Props.str(b, "SystemName", hostName);
        b.set("Installed", CimValue.bool(true));
        Props.str(b, "MACAddress", n.mac());
        Props.str(b, "ServiceName", n.driver());
        b.set("PhysicalAdapter", CimValue.bool(n.physical()));
        AdapterType t = AdapterType.of(n);
        if (t != null) {
            b.set("AdapterType", CimValue.string(t.text));
            b.set("AdapterTypeId", CimValue.uint16(t.id));
        }
        if (n.speed() != null && n.speed() <= Long.MAX_VALUE / 1_000_000) {
            b.set("Speed", CimValue.uint64(n.speed() * 1_000_000));
        }
        if (n.flags() != null) {
            b.set("NetEnabled", CimValue.bool(n.isUp()));
        }
        Integer status = connectionStatus(n);
        if (status != null) {
            b.set("NetConnectionStatus", CimValue.uint16(status));
        }
        return b.build();
    }

    /** Win32_NetworkAdapter.NetConnectionStatus of {@code n}, or null if it cannot be told. */
    static Integer connectionStatus(NetInterfaces.Nic n) {
        if (n.flags() == null) {
            return null;
        }
        if (!n.isUp()) {
            return 0;
        }
        String op = n.operState() == null ? "unknown" : n.operState();
        return switch (op) {
            case "up" -> 2;
            case "down", "lowerlayerdown" -> 7;
            case "dormant" -> 8;
            case "notpresent" -> 4;
            case "unknown" -> n.carrier() == null ? null : n.carrier() == 1 ? 2 : 7;
            default -> null;
        };
    }

    /** Windows' AdapterType names with their AdapterTypeId. */
    enum AdapterType {
        ETHERNET("Ethernet 802.3", 0),
        TOKEN_RING("Token Ring 802.5", 1),
        FDDI("Fiber Distributed Data Interface (FDDI)", 2),
        WAN("Wide Area Network (WAN)", 3),
        ARCNET("ARCNET", 6),
        ATM("ATM", 8),
        WIRELESS("Wireless", 9),
        IEEE1394("1394", 13);

        final String text;
        final int id;

        AdapterType(String text, int id) {
            this.text = text;
            this.id = id;
        }

        /** From the ARPHRD_* codes of {@code linux/if_arp.h}. */
        static AdapterType of(NetInterfaces.Nic n) {
            if (n.type() == null) {
                return null;
            }
            return switch (n.type().intValue()) {
                case 1 -> n.wireless() ? WIRELESS : ETHERNET; // ARPHRD_ETHER
                case 7 -> ARCNET;       // ARPHRD_ARCNET
                case 19 -> ATM;         // ARPHRD_ATM
                case 24 -> IEEE1394;    // ARPHRD_IEEE1394
                case 512 -> WAN;        // ARPHRD_PPP
                case 774 -> FDDI;       // ARPHRD_FDDI
                case 800 -> TOKEN_RING; // ARPHRD_IEEE802_TR
                case 801 -> WIRELESS;   // ARPHRD_IEEE80211
                default -> null;
            };
        }
    }
}
