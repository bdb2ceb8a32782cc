package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimValue;
import org.jwmi.cli.FileAccountStore;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemServices;
import org.jwmi.server.security.SecurityDescriptor;
import org.jwmi.server.security.Sddl;
import org.jwmi.server.repository.CimRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * winmgmt acceptance 1: the independent WMI client {@code wmi_peer.py} (impacket's DCOMConnection, WbemLevel1Login,
 * IWbemServices, IEnumWbemClassObject, exactly as it talks to Windows) against our server on 127.0.0.23:135.
 *
 * <p>impacket raises an exception for any HRESULT but S_OK, so with a batch of N it drops the objects of the last
 * Next, which (as [MS-WMI] 3.1.4.4.2 says) come with WBEM_S_FALSE; the row-exact checks use a batch of 1, whose last
 * Next returns no object. The Java client's tests read the objects that come with WBEM_S_FALSE.
 */
class WmiPeerInteropTest {
    private static LoopbackServer server;

    @BeforeAll
    static void start() {
        Peers.assumeRoot();
        Peers.assumeImpacket();
        server = LoopbackServer.start("127.0.0.23", 135, AuthLevel.PKT_INTEGRITY);
        CimRepository repo = server.server.repository();
        CimClass ns = repo.getClass("root", CimName.of("__NAMESPACE")).orElseThrow();
        repo.putInstance("root", ns.newInstance().set("Name", CimValue.string("secure")).build(),
                CimRepository.WBEM_FLAG_CREATE_ONLY);
        server.server.namespaceSecurity().setRequiresEncryption("root\\secure", true);
        FileAccountStore.open(server.dataDir).add(LoopbackServer.DOMAIN, "bob",
                NtlmHashes.ntOwfV1(server.password.toCharArray()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The peer's output: the objects (all lines but the last) and the summary (the last line). */
    record PeerRun(List<Map<String, Object>> objects, Map<String, Object> summary, String all) {
        boolean ok() {
            return Boolean.TRUE.equals(summary.get("ok"));
        }
    }

    static PeerRun peer(String password, String level, String... args) {
        return peerAs(LoopbackServer.USER, password, level, args);
    }

    static PeerRun peerAs(String user, String password, String level, String... args) {
        return peerOf(server, user, password, level, args);
    }

    /** Runs wmi_peer.py against {@code s} as {@code user}; the password goes on its command line (a test account). */
    static PeerRun peerOf(LoopbackServer s, String user, String password, String level, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.PYTHON, Peers.wmiPeer().toString(), "--host", s.host,
                "--user", user, "--domain", LoopbackServer.DOMAIN, "--password", password,
                "--level", level));
        cmd.addAll(List.of(args));
        Peers.Result r = Peers.run(cmd, Map.of(), Duration.ofSeconds(120));
        List<Map<String, Object>> objects = new ArrayList<>();
        Map<String, Object> summary = null;
        for (String line : r.stdout().lines().filter(l -> l.startsWith("{")).toList()) {
            if (summary != null) {
                objects.add(summary);
            }
            summary = MiniJson.object(line);
        }
        assertThat(summary).as(r.all()).isNotNull();
        return new PeerRun(objects, summary, r.all());
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    @ParameterizedTest(name = "SELECT * FROM Win32_Process at {0}")
    @ValueSource(strings = {"integrity", "privacy"})
    void allProcessesOfTheHost(String level) {
        long self = ProcessHandle.current().pid();
        PeerRun r = peer(server.password, level, "--batch", "1", "query", "SELECT * FROM Win32_Process");
        assertThat(r.ok()).as(r.all()).isTrue();
        assertThat(r.objects()).hasSizeGreaterThan(2);
        assertThat(r.objects()).anySatisfy(o -> {
            assertThat(number(o.get("ProcessId"))).isEqualTo(self);
            assertThat(o.get("CommandLine").toString()).contains("java");
        });
        assertThat(r.objects()).allSatisfy(o -> assertThat(Path.of("/proc/" + o.get("Handle"))).isNotNull());
    }

    @ParameterizedTest(name = "WHERE ProcessId = N at {0}")
    @ValueSource(strings = {"integrity", "privacy"})
    void whereOnProcessIdReturnsExactlyThatProcess(String level) throws IOException {
        long self = ProcessHandle.current().pid();
        PeerRun r = peer(server.password, level, "--batch", "1", "query",
                "SELECT Name, ProcessId FROM Win32_Process WHERE ProcessId = " + self);
        assertThat(r.ok()).as(r.all()).isTrue();
        assertThat(r.objects()).hasSize(1);
        String comm = Files.readString(Path.of("/proc/" + self + "/comm")).strip();
        assertThat(r.objects().get(0)).containsEntry("Name", comm);
        assertThat(number(r.objects().get(0).get("ProcessId"))).isEqualTo(self);
    }

    @Test
    void getTheOperatingSystemSingleton() {
        PeerRun r = peer(server.password, "integrity", "get", "Win32_OperatingSystem=@");
        assertThat(r.ok()).as(r.all()).isTrue();
        assertThat(r.objects()).hasSize(1);
        assertThat(r.objects().get(0).get("Caption")).isNotNull();
        assertThat(r.objects().get(0)).containsEntry("CreationClassName", "Win32_OperatingSystem");
    }

    @Test
    void enumerateLogicalDisks() throws IOException {
        long mounted = Files.readAllLines(Path.of("/proc/mounts")).stream()
                .map(l -> l.split(" ")).filter(f -> f.length > 2 && f[0].startsWith("/dev/"))
                .map(f -> f[1]).distinct().count();
        PeerRun r = peer(server.password, "privacy", "--batch", "1", "enum", "Win32_LogicalDisk");
        assertThat(r.ok()).as(r.all()).isTrue();
        assertThat(r.objects().size()).isLessThanOrEqualTo((int) mounted);
        if (mounted > 0) {
            assertThat(r.objects()).isNotEmpty();
        }
    }

    @Test
    void namespacesOfRoot() {
        PeerRun r = peer(server.password, "privacy", "--batch", "1", "--namespace", "//./root", "query",
                "SELECT * FROM __NAMESPACE");
        assertThat(r.ok()).as(r.all()).isTrue();
        assertThat(r.objects()).extracting(o -> o.get("Name")).contains("cimv2", "default");
    }

    @Test
    void aWrongPasswordIsRefused() {
        PeerRun r = peer(server.password + "x", "privacy", "login");
        assertThat(r.ok()).isFalse();
        assertThat(r.summary().get("error").toString()).containsIgnoringCase("access_denied");
    }

    @Test
    void anInvalidQueryIsAWbemError() {
        PeerRun r = peer(server.password, "privacy", "query", "SELECT FROM WHERE");
        assertThat(r.ok()).isFalse();
        assertThat(r.summary().get("error").toString()).contains("WBEM_E_INVALID_QUERY");
        PeerRun again = peer(server.password, "privacy", "--batch", "1", "query",
                "SELECT Name FROM Win32_Process WHERE ProcessId = " + ProcessHandle.current().pid());
        assertThat(again.objects()).hasSize(1);
    }

    @Test
    void aNamespaceThatRequiresEncryptionRefusesIntegrityAndAnswersPrivacy() {
        PeerRun integrity = peer(server.password, "integrity", "--namespace", "//./root/secure", "query",
                "SELECT * FROM __NAMESPACE");
        assertThat(integrity.ok()).isFalse();
        assertThat(integrity.summary().get("error").toString()).contains("WBEM_E_ENCRYPTED_CONNECTION_REQUIRED");
        PeerRun privacy = peer(server.password, "privacy", "--batch", "1", "--namespace", "//./root/secure", "query",
                "SELECT * FROM __NAMESPACE");
        assertThat(privacy.ok()).as(privacy.all()).isTrue();
    }

    @Test
    void anAccountOutsideAdministratorsHasNoRemoteAccess() {
        PeerRun r = peerAs("bob", server.password, "privacy", "login");
        assertThat(r.ok()).isFalse();
        assertThat(r.summary().get("error").toString()).contains("WBEM_E_ACCESS_DENIED");
    }

    @Test
    void setSdOverTheWireGrantsAnotherAccountRemoteAccessToOneNamespace() {
        String bobSid = FileAccountStore.open(server.dataDir).user(LoopbackServer.DOMAIN, "bob").orElseThrow().sid();
        try (WbemLocator locator = WbemLocator.builder().build();
             WbemServices svc = locator.connect("\\\\" + server.host + "\\root\\default")
                     .user(LoopbackServer.DOMAIN + "\\" + LoopbackServer.USER).password(server.password.toCharArray())
                     .authnLevel(AuthLevel.PKT_PRIVACY).open()) {
            WbemClassObject got = svc.execMethod("__SystemSecurity=@", "GetSD", null);
            List<?> octets = got.get("SD").asList();
            byte[] sd = new byte[octets.size()];
            for (int i = 0; i < sd.length; i++) {
                sd[i] = ((Number) octets.get(i)).byteValue();
            }
            assertThat(Sddl.format(SecurityDescriptor.decode(sd))).contains(";;;BA)");
            // WBEM_ENABLE | WBEM_REMOTE_ACCESS for bob, on root\default only (no CONTAINER_INHERIT needed).
            byte[] mine = Sddl.parse("O:BAG:BAD:(A;;0x21;;;" + bobSid + ")").encode();
            List<Integer> in = new ArrayList<>();
            for (byte b : mine) {
                in.add(b & 0xff);
            }
            WbemClassObject params = svc.getObject("__SystemSecurity").methodInParameters("SetSD");
            params.put("SD", in);
            WbemClassObject set = svc.execMethod("__SystemSecurity=@", "SetSD", params);
            assertThat(((Number) set.getValue("ReturnValue")).intValue()).isZero();
        }
        PeerRun granted = peerAs("bob", server.password, "privacy", "--batch", "1", "--namespace", "//./root/default",
                "query", "SELECT * FROM __NAMESPACE");
        assertThat(granted.ok()).as(granted.all()).isTrue();
        PeerRun elsewhere = peerAs("bob", server.password, "privacy", "--namespace", "//./root/cimv2", "login");
        assertThat(elsewhere.ok()).isFalse();
    }
}
