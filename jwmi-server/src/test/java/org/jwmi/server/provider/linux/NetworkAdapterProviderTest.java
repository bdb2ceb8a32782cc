package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkAdapterProviderTest {

    private static final CimClass ADAPTER = FakeHost.cls("Win32_NetworkAdapter");
    private static final CimClass CONFIG = FakeHost.cls("Win32_NetworkAdapterConfiguration");

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
        assertThat(expected.keySet()).allMatch(n -> i.cimClass().property(n).isPresent());
    }

    private static CimValue strings(String... s) {
        return CimValue.array(CimType.STRING, List.of(s));
    }

    private Map<String, CimInstance> adapters() {
        return new NetworkAdapterProvider(fake.host).enumerate(FakeHost.CTX, ADAPTER).collect(Collectors.toMap(
                i -> i.value("Name").asString(), i -> i, (a, b) -> a, LinkedHashMap::new));
    }

    private Map<String, CimInstance> configs() {
        return new NetworkAdapterConfigurationProvider(fake.host).enumerate(FakeHost.CTX, CONFIG)
                .collect(Collectors.toMap(i -> i.value("Description").asString(), i -> i, (a, b) -> a,
                        LinkedHashMap::new));
    }

    private static Map<String, CimValue> adapterBase(long index, String name) {
        Map<String, CimValue> m = new LinkedHashMap<>();
        m.put("DeviceID", CimValue.string(Long.toString(index)));
        m.put("Index", CimValue.uint32(index));
        m.put("InterfaceIndex", CimValue.uint32(index));
        m.put("Name", CimValue.string(name));
        m.put("NetConnectionID", CimValue.string(name));
        m.put("Description", CimValue.string(name));
        m.put("Caption", CimValue.string(String.format("[%08d] %s", index, name)));
        m.put("CreationClassName", CimValue.string("Win32_NetworkAdapter"));
        m.put("SystemCreationClassName", CimValue.string("Win32_ComputerSystem"));
        m.put("SystemName", CimValue.string("testhost.example.org"));
        m.put("Installed", CimValue.bool(true));
        return m;
    }

    @Test
    void adaptersFromSysClassNetInIndexOrderSkippingNonInterfaces() {
        Map<String, CimInstance> all = adapters();
        assertThat(all.keySet()).containsExactly("lo", "eth0", "wlan0", "docker0");

        Map<String, CimValue> eth0 = adapterBase(2, "eth0");
        eth0.put("MACAddress", CimValue.string("52:54:00:AB:CD:EF"));
        eth0.put("ServiceName", CimValue.string("e1000e"));
        eth0.put("PhysicalAdapter", CimValue.bool(true));
        eth0.put("AdapterType", CimValue.string("Ethernet 802.3"));
        eth0.put("AdapterTypeId", CimValue.uint16(0));
        eth0.put("Speed", CimValue.uint64(1_000_000_000L));
        eth0.put("NetEnabled", CimValue.bool(true));
        eth0.put("NetConnectionStatus", CimValue.uint16(2));
        assertExactly(all.get("eth0"), eth0);
        assertThat(all.get("eth0").relPath().toString()).isEqualTo("Win32_NetworkAdapter.DeviceID=\"2\"");

        Map<String, CimValue> lo = adapterBase(1, "lo");
        lo.put("PhysicalAdapter", CimValue.bool(false));
        lo.put("NetEnabled", CimValue.bool(true));
        lo.put("NetConnectionStatus", CimValue.uint16(2)); // operstate unknown, carrier 1
        assertExactly(all.get("lo"), lo);

        Map<String, CimValue> wlan = adapterBase(3, "wlan0");
        wlan.put("MACAddress", CimValue.string("A0:B1:C2:D3:E4:F5"));
        wlan.put("ServiceName", CimValue.string("iwlwifi"));
        wlan.put("PhysicalAdapter", CimValue.bool(true));
        wlan.put("AdapterType", CimValue.string("Wireless"));
        wlan.put("AdapterTypeId", CimValue.uint16(9));
        wlan.put("NetEnabled", CimValue.bool(true));
        wlan.put("NetConnectionStatus", CimValue.uint16(8)); // dormant: authenticating
        assertExactly(all.get("wlan0"), wlan);

        Map<String, CimValue> docker = adapterBase(5, "docker0");
        docker.put("MACAddress", CimValue.string("02:42:AC:11:00:01"));
        docker.put("PhysicalAdapter", CimValue.bool(false));
        docker.put("AdapterType", CimValue.string("Ethernet 802.3"));
        docker.put("AdapterTypeId", CimValue.uint16(0));
        docker.put("NetEnabled", CimValue.bool(false));
        docker.put("NetConnectionStatus", CimValue.uint16(0));
        assertExactly(all.get("docker0"), docker);
    }

    @Test
    void getByDeviceIdReadsOnlyTheIndexFilesAndTheOneInterface() {
        NetworkAdapterProvider p = new NetworkAdapterProvider(fake.host);
        fake.accessed.clear();
        CimInstance wlan = p.get(FakeHost.CTX, ADAPTER, CimObjectPath.parse("Win32_NetworkAdapter.DeviceID=\"3\""))
                .orElseThrow();
        assertThat(wlan.value("Name").asString()).isEqualTo("wlan0");
        assertThat(fake.accessed).noneMatch(a -> a.startsWith("proc/net"));
        assertThat(fake.accessed.stream().map(Path::toString)
                .filter(a -> a.startsWith("sys/class/net/") && !a.startsWith("sys/class/net/wlan0/")))
                .allMatch(a -> a.endsWith("/ifindex"));

        assertThat(p.get(FakeHost.CTX, ADAPTER, CimObjectPath.parse("Win32_NetworkAdapter.DeviceID=\"4\""))).isEmpty();
        assertThat(p.get(FakeHost.CTX, ADAPTER, CimObjectPath.parse("Win32_NetworkAdapter.DeviceID=\"eth0\"")))
                .isEmpty();
        assertThat(p.get(FakeHost.CTX, ADAPTER, CimObjectPath.parse("Win32_NetworkAdapter.DeviceID=\"-1\"")))
                .isEmpty();
    }

    @Test
    void configurationOfTheConnectedEthernetAdapter() {
        Map<String, CimValue> m = new LinkedHashMap<>();
        m.put("Index", CimValue.uint32(2));
        m.put("InterfaceIndex", CimValue.uint32(2));
        m.put("Caption", CimValue.string("[00000002] eth0"));
        m.put("Description", CimValue.string("eth0"));
        m.put("MACAddress", CimValue.string("52:54:00:AB:CD:EF"));
        m.put("ServiceName", CimValue.string("e1000e"));
        m.put("MTU", CimValue.uint32(1500));
        m.put("IPEnabled", CimValue.bool(true));
        m.put("IPAddress", strings("192.168.1.23", "fe80::5054:ff:feab:cdef", "2001:db8::17"));
        m.put("IPSubnet", strings("255.255.255.0", "64", "64"));
        m.put("DefaultIPGateway", strings("192.168.1.1", "fe80::1"));
        m.put("GatewayCostMetric", CimValue.array(CimType.UINT16, List.of(100L, 1024L)));
        m.put("DNSServerSearchOrder", strings("192.168.1.1", "2001:4860:4860::8888"));
        m.put("DNSDomain", CimValue.string("example.org"));
        m.put("DNSDomainSuffixSearchOrder", strings("example.org", "corp.example.org"));
        m.put("DNSHostName", CimValue.string("testhost"));
        m.put("DHCPEnabled", CimValue.bool(true));
        m.put("DHCPServer", CimValue.string("192.168.1.1"));
        CimInstance eth0 = configs().get("eth0");
        assertExactly(eth0, m);
        assertThat(eth0.relPath().toString()).isEqualTo("Win32_NetworkAdapterConfiguration.Index=2");
        assertThat(new NetworkAdapterConfigurationProvider(fake.host).get(FakeHost.CTX, CONFIG,
                CimObjectPath.parse("Win32_NetworkAdapterConfiguration.Index=2"))).contains(eth0);
    }

    @Test
    void loopbackDownAndAddresslessAdapters() {
        Map<String, CimInstance> all = configs();
        CimInstance lo = all.get("lo");
        assertThat(lo.value("IPAddress")).isEqualTo(strings("127.0.0.1", "::1"));
        assertThat(lo.value("IPSubnet")).isEqualTo(strings("255.0.0.0", "128"));
        assertThat(lo.value("IPEnabled").asBoolean()).isTrue();
        assertThat(lo.value("DNSServerSearchOrder").isNull()).isTrue();
        assertThat(lo.value("DefaultIPGateway").isNull()).isTrue(); // the ::/0 reject route has no next hop
        assertThat(lo.value("MACAddress").isNull()).isTrue();

        CimInstance docker = all.get("docker0"); // 172.17.0.1 configured, interface administratively down
        assertThat(docker.value("IPEnabled").asBoolean()).isFalse();
        assertThat(docker.value("IPAddress").isNull()).isTrue();

        CimInstance wlan = all.get("wlan0");
        assertThat(wlan.value("IPEnabled").asBoolean()).isFalse();
        assertThat(wlan.value("IPAddress").isNull()).isTrue();
        assertThat(wlan.value("DHCPEnabled").isNull()).isTrue();
        // 10.9.9.9 has no connected route: no interface claims it
        assertThat(all.values()).noneMatch(i -> i.value("IPAddress").toString().contains("10.9.9.9"));
    }

    @Test
    void missingTablesGiveNullsNotErrors() throws IOException {
        for (String f : List.of("proc/net/route", "proc/net/fib_trie", "proc/net/if_inet6", "proc/net/ipv6_route",
                "etc/resolv.conf", "sys/class/net/eth0/speed", "sys/class/net/eth0/flags")) {
            Files.delete(dir.resolve(f));
        }
        CimInstance eth0 = configs().get("eth0");
        assertThat(eth0.value("IPEnabled").asBoolean()).isFalse();
        assertThat(eth0.value("IPAddress").isNull()).isTrue();
        CimInstance a = adapters().get("eth0");
        assertThat(a.value("Speed").isNull()).isTrue();
        assertThat(a.value("NetEnabled").isNull()).isTrue();
        assertThat(a.value("NetConnectionStatus").isNull()).isTrue();
    }

    @Test
    void vanishedInterfaceIsSkipped() throws IOException {
        Files.delete(dir.resolve("sys/class/net/wlan0/ifindex"));
        assertThat(adapters().keySet()).containsExactly("lo", "eth0", "docker0");
        assertThat(new NetworkAdapterProvider(fake.host).get(FakeHost.CTX, ADAPTER,
                CimObjectPath.parse("Win32_NetworkAdapter.DeviceID=\"3\""))).isEmpty();
    }

    @Test
    void routeTableDecodesKernelByteOrderAndSkipsMalformedLines() {
        String text = "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\tIRTT\n"
                + "eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
                + "eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"
                + "eth0\t0001A8C\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"
                + "eth0\t0001A8C0\t00000000\t0001\t0\t0\t-5\t00FFFFFF\t0\t0\t0\n"
                + "short\n\n";
        List<NetTables.Route4> le = NetTables.routes(text, ByteOrder.LITTLE_ENDIAN);
        assertThat(le).hasSize(2);
        assertThat(NetTables.ipv4Text(le.get(0).gateway())).isEqualTo("192.168.1.1");
        assertThat(le.get(0).isDefault()).isTrue();
        assertThat(NetTables.ipv4Text(le.get(1).destination())).isEqualTo("192.168.1.0");
        assertThat(le.get(1).prefixLength()).isEqualTo(24);
        List<NetTables.Route4> be = NetTables.routes(text.replace("0101A8C0", "C0A80101"), ByteOrder.BIG_ENDIAN);
        assertThat(NetTables.ipv4Text(be.get(0).gateway())).isEqualTo("192.168.1.1");
    }

    @Test
    void ipv6TextIsRfc5952AsWindowsPrintsIt() {
        assertThat(NetTables.ipv6Text(NetTables.ipv6Bytes("00000000000000000000000000000000"))).isEqualTo("::");
        assertThat(NetTables.ipv6Text(NetTables.ipv6Bytes("00000000000000000000000000000001"))).isEqualTo("::1");
        assertThat(NetTables.ipv6Text(NetTables.ipv6Bytes("20010db8000000010000000000000001")))
                .isEqualTo("2001:db8:0:1::1");
        assertThat(NetTables.ipv6Text(NetTables.ipv6Bytes("20010db8000000000001000000000001")))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(NetTables.ipv6Text(NetTables.ipv6Bytes("20010db8000100000000000000000000"))).isEqualTo("2001:db8:1::");
        assertThat(NetTables.ipv6Text(NetTables.parseIpv6Text("2001:DB8::0:1"))).isEqualTo("2001:db8::1");
        assertThat(NetTables.parseIpv6Text("1::2::3")).isNull();
        assertThat(NetTables.parseIpv6Text("12345::")).isNull();
        assertThat(NetTables.parseIpv6Text("1:2:3:4:5:6:7")).isNull();
        assertThat(NetTables.ipv6Bytes("0000")).isNull();
    }

    @Test
    void macAddressForms() {
        assertThat(NetTables.macAddress("de:ad:be:ef:00:01\n")).isEqualTo("DE:AD:BE:EF:00:01");
        assertThat(NetTables.macAddress("00:00:00:00:00:00")).isNull();
        assertThat(NetTables.macAddress("")).isNull();
        assertThat(NetTables.macAddress("zz:00:00:00:00:01")).isNull();
    }

    @Test
    void decodersNeverThrowOnGarbage() {
        java.util.Random rnd = new java.util.Random(42);
        String alphabet = "0123456789abcdefABCDEFxz:./| -\t\n";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(300); k > 0; k--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String t = sb.toString();
            NetTables.routes(t, ByteOrder.LITTLE_ENDIAN);
            NetTables.localAddresses(t);
            NetTables.ipv6Addresses(t);
            NetTables.ipv6Gateways(t);
            NetTables.resolver(t);
            NetTables.macAddress(t);
            NetTables.parseIpv6Text(t.length() > 40 ? t.substring(0, 40) : t);
        }
    }
}
