package org.jwmi.server.provider.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.server.security.CallerToken;
import org.jwmi.server.security.Impersonation;
import java.util.Set;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.mof.MofCompiler;
import org.jwmi.cim.mof.MofNamespace;
import org.jwmi.server.provider.ProviderContext;

/**
 * The fake host tree of {@code fakeroot/} copied to a temporary directory, plus what resources cannot hold:
 * {@code exe} symbolic links, an empty {@code proc/77} (a process that exited after being listed), and the
 * {@code device}, {@code device/driver} and {@code phy80211} links of the network interfaces.
 */
final class FakeHost {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2023-11-15T08:00:00Z");
    static final ProviderContext CTX = new ProviderContext(
            new CallerToken(new PeerIdentity("WORKGROUP", "alice", "WS1", false), "S-1-5-21-1-2-3-1001",
                    Set.of(CallerToken.EVERYONE, CallerToken.AUTHENTICATED_USERS, CallerToken.USERS),
                    Impersonation.IMPERSONATE), Clock.fixed(NOW, ZONE), "root\\cimv2");

    private static final MofNamespace CIMV2;

    static {
        try (var in = FakeHost.class.getResourceAsStream("/org/jwmi/server/schema/cimv2.mof")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CIMV2 = MofCompiler.builder().defaultNamespace("root\\cimv2").build().compile("cimv2.mof", text)
                    .namespace("root\\cimv2").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final Path root;
    final List<Path> accessed = new CopyOnWriteArrayList<>();
    final LinuxHost host;

    FakeHost(Path dir) throws IOException {
        this.root = dir;
        Path src;
        try {
            src = Path.of(FakeHost.class.getResource("fakeroot").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.createSymbolicLink(dir.resolve("proc/1/exe"), Path.of("/usr/lib/systemd/systemd"));
        Files.createSymbolicLink(dir.resolve("proc/42/exe"), Path.of("/opt/app/bin/my app (deleted)"));
        Files.createDirectories(dir.resolve("proc/77"));
        Files.createDirectories(dir.resolve("proc/self"));
        device(dir, "eth0", "pci0000:00/0000:00:03.0", "../../../bus/pci/drivers/e1000e");
        device(dir, "wlan0", "pci0000:00/0000:00:14.3", "../../../bus/pci/drivers/iwlwifi");
        Files.createSymbolicLink(dir.resolve("sys/class/net/wlan0/phy80211"), Path.of("../../ieee80211/phy0"));
        this.host = new LinuxHost(dir, ZONE, 100, accessed::add);
    }

    /** {@code sys/class/net/<nic>/device} -> a device directory whose {@code driver} links to {@code driver}. */
    private static void device(Path dir, String nic, String device, String driver) throws IOException {
        Path dev = Files.createDirectories(dir.resolve("sys/devices/" + device));
        Files.createSymbolicLink(dev.resolve("driver"), Path.of(driver));
        Files.createSymbolicLink(dir.resolve("sys/class/net/" + nic + "/device"), Path.of("../../../devices/" + device));
    }

    static CimClass cls(String name) {
        return CIMV2.cimClass(name).orElseThrow();
    }
}
