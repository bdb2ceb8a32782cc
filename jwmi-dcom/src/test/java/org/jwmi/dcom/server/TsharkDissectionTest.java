package org.jwmi.dcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jwmi.auth.AuthLevel;
import org.junit.jupiter.api.Test;

/**
 * Wireshark's DCOM dissectors (ISystemActivator, IOXIDResolver, IRemUnknown) read an impacket session with our
 * server (captured on loopback at pktIntegrity, so the stubs are in clear) without a malformed packet or an
 * error-level expert finding. Needs root, dumpcap, tshark and python3-impacket (skipped otherwise).
 */
class TsharkDissectionTest {

    @Test
    void anImpacketSessionDissectsCleanly() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")) && Files.isExecutable(Path.of("/usr/bin/dumpcap")),
                "no tshark/dumpcap");
        ImpacketInteropTest.prerequisites();
        Path pcap = Files.createTempFile("jwmi-dcom", ".pcapng");
        pcap.toFile().deleteOnExit();
        try (DcomFixture fx = ImpacketInteropTest.on135(b -> { })) {
            Process cap = new ProcessBuilder("/usr/bin/dumpcap", "-q", "-i", "lo", "-f", "host " + fx.host(), "-w",
                    pcap.toString()).redirectErrorStream(true).start();
            BufferedReader log = new BufferedReader(new InputStreamReader(cap.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            boolean capturing = false;
            while (!capturing && (line = log.readLine()) != null) {
                capturing = line.contains("Capturing on");
            }
            assumeTrue(capturing, "dumpcap cannot capture on lo");
            try {
                List<String> out = ImpacketInteropTest.run(fx, "activate", AuthLevel.PKT_INTEGRITY,
                        EchoClass.CLSID.toString(), EchoClass.IID_IECHO.toString(),
                        EchoClass.IID_IECHO_AGAIN.toString());
                assertThat(out).noneMatch(l -> l.contains("\"error\""));
                Thread.sleep(300);
            } finally {
                cap.destroy();
                cap.waitFor(10, TimeUnit.SECONDS);
            }
            String port = Integer.toString(fx.dcom.exporterPort());
            List<String> info = tshark(pcap, "-d", "tcp.port==" + port + ",dcerpc", "-T", "fields", "-e",
                    "frame.number",
                    "-e", "_ws.col.Protocol", "-e", "_ws.col.Info");
            String all = String.join("\n", info);
            assertThat(all).contains("RemoteCreateInstance").contains("ComplexPing").contains("SimplePing")
                    .contains("RemQueryInterface").contains("RemRelease");
            List<String> bad = tshark(pcap, "-d", "tcp.port==" + port + ",dcerpc", "-Y",
                    "_ws.malformed || _ws.expert.severity >= \"error\"", "-T", "fields", "-e", "frame.number", "-e",
                    "_ws.col.Info", "-e", "_ws.expert.message");
            assertThat(bad).as("frames with problems; all frames:\n%s", all).isEmpty();
        }
    }

    static List<String> tshark(Path pcap, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/tshark", "-n", "-r", pcap.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
