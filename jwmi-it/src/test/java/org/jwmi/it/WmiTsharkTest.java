package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jwmi.auth.AuthLevel;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemObjectSink;
import org.jwmi.client.WbemServices;
import org.jwmi.client.WbemTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * winmgmt acceptance 3: a capture of WMI sessions against our server (impacket's wmi_peer at pktIntegrity and
 * pktPrivacy, our Java client at pktPrivacy; activation on port 135, the WMI calls on the object exporter's port,
 * and an asynchronous query whose results the server delivers to the client's sink on 127.0.0.26) is dissected by
 * tshark, with the account's password for the sealed stubs, without a malformed packet or an error-level expert
 * item.
 */
class WmiTsharkTest {
    private static final String HOST = "127.0.0.25";
    private static final String CALLBACK_HOST = "127.0.0.26";
    private static final int CALLBACK_PORT = 45226;
    private static LoopbackServer server;
    private static Path file;
    private static String verbose;
    private static String verboseErrors;

    @BeforeAll
    static void capture() throws Exception {
        Peers.assumeRoot();
        Peers.assumeTshark();
        Peers.assumeImpacket();
        server = LoopbackServer.start(HOST, 135, AuthLevel.PKT_INTEGRITY);
        Path captures = Path.of("target", "captures").toAbsolutePath();
        Files.createDirectories(captures);
        file = captures.resolve("wmi-sessions.pcap");
        long self = ProcessHandle.current().pid();
        try (TsharkCapture cap = TsharkCapture.start(HOST, file, "host " + CALLBACK_HOST + " and tcp port "
                + CALLBACK_PORT, 135, server.server.dcom().exporterPort())) {
            peer("integrity", "get", "Win32_OperatingSystem=@");
            peer("privacy", "--batch", "1", "query", "SELECT Name, ProcessId FROM Win32_Process WHERE ProcessId = "
                    + self);
            peer("privacy", "--batch", "1", "enum", "Win32_LogicalDisk");
            try (WbemLocator locator = WbemLocator.builder().timeouts(WbemTimeouts.all(Duration.ofSeconds(20)))
                    .callbackAddress(java.net.InetAddress.getByName(CALLBACK_HOST)).callbackPort(CALLBACK_PORT)
                    .build();
                 WbemServices svc = locator.connect("\\\\" + HOST + "\\root\\cimv2")
                         .user(LoopbackServer.DOMAIN + "\\" + LoopbackServer.USER)
                         .password(server.password.toCharArray()).authnLevel(AuthLevel.PKT_PRIVACY).open();
                 WbemEnumerator e = svc.execQuery("SELECT Handle FROM Win32_Process").batchSize(50)) {
                int n = 0;
                for (WbemClassObject o : e) {
                    n++;
                }
                assertThat(n).isGreaterThan(1);
                // ExecQueryAsync: the server calls the client's IWbemObjectSink back (Indicate, SetStatus).
                java.util.concurrent.CompletableFuture<Integer> done = new java.util.concurrent.CompletableFuture<>();
                java.util.concurrent.atomic.AtomicInteger indicated = new java.util.concurrent.atomic.AtomicInteger();
                svc.execQueryAsync("SELECT Name, ProcessId FROM Win32_Process", new WbemObjectSink() {
                    @Override
                    public void indicate(List<WbemClassObject> objects) {
                        indicated.addAndGet(objects.size());
                    }

                    @Override
                    public void setStatus(int flags, int hresult, String param, WbemClassObject error) {
                        done.complete(hresult);
                    }
                });
                assertThat(done.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
                assertThat(indicated.get()).isGreaterThan(1);
            }
            cap.stop();
        }
        Peers.Result v = TsharkCapture.read(file, server.password, "-V", "-d",
                "tcp.port==" + server.server.dcom().exporterPort() + ",dcerpc", "-d",
                "tcp.port==" + CALLBACK_PORT + ",dcerpc");
        verbose = v.stdout();
        verboseErrors = v.stderr();
    }

    private static void peer(String level, String... args) {
        WmiPeerInteropTest.PeerRun r = WmiPeerInteropTest.peerOf(server, LoopbackServer.USER, server.password, level,
                args);
        assertThat(r.ok()).as(r.all()).isTrue();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theWmiSessionsAreDissectedWithoutMalformedPacketsOrErrors() {
        List<String> bad = verbose.lines()
                .filter(l -> l.contains("Malformed") || l.contains("Expert Info (Error"))
                .collect(Collectors.toList());
        assertThat(bad).as("malformed or erroneous dissection in %s", file).isEmpty();
        assertThat(verboseErrors).doesNotContain("appears to have been cut short");
        assertThat(verbose).contains("RemoteCreateInstance").contains("ORPCThis").contains("ORPCThat")
                .contains("NTLMSSP_AUTH").contains("RemQueryInterface");
        // The IWbemClassObjects (custom-marshaled OBJREFs) in the replies.
        assertThat(verbose).contains("OBJREF_CUSTOM");
        // The callback: the server resolves the sink's OXID at the client (ResolveOxid2), then calls it.
        assertThat(verbose).contains("ResolveOxid2").contains("Src: 127.0.0.26").contains("Dst: 127.0.0.26");
    }
}
