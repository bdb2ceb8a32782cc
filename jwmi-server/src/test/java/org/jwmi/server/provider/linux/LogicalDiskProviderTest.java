package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogicalDiskProviderTest {

    private static final CimClass CLS = FakeHost.cls("Win32_LogicalDisk");

    @TempDir
    Path dir;
    LogicalDiskProvider provider;

    @BeforeEach
    void setUp() throws IOException {
        FakeHost fake = new FakeHost(dir);
        Files.createDirectories(dir.resolve("mnt/data disk"));
        provider = new LogicalDiskProvider(fake.host);
    }

    @Test
    void disksAreBlockDeviceAndNetworkMountsOnly() throws IOException {
        List<CimInstance> disks = provider.enumerate(FakeHost.CTX, CLS).toList();
        assertThat(disks).extracting(d -> d.value("DeviceID").asString())
                .containsExactly("/", "/net/share", "/mnt/data disk");

        FileStore store = Files.getFileStore(dir);
        CimInstance root = disks.get(0);
        assertThat(root.value("FileSystem").asString()).isEqualTo("ext4");
        assertThat(root.value("DriveType").asLong()).isEqualTo(3);
        assertThat(root.value("Description").asString()).isEqualTo("Local Fixed Disk");
        assertThat(root.value("SystemName").asString()).isEqualTo("testhost.example.org");
        assertThat(root.value("Size").asLong()).isEqualTo(store.getTotalSpace()).isPositive();
        assertThat(root.value("FreeSpace").asLong()).isBetween(0L, store.getTotalSpace());
        assertThat(root.value("ProviderName").isNull()).isTrue();
        assertThat(root.value("VolumeSerialNumber").isNull()).isTrue();

        CimInstance nfs = disks.get(1);
        assertThat(nfs.value("DriveType").asLong()).isEqualTo(4);
        assertThat(nfs.value("ProviderName").asString()).isEqualTo("server:/export");
        assertThat(nfs.value("Size").isNull()).as("unreachable mount has unknown size").isTrue();

        // \040 decoded; the later btrfs mount hides the xfs one below it
        assertThat(disks.get(2).value("FileSystem").asString()).isEqualTo("btrfs");
        assertThat(disks.get(2).value("Size").isNull()).isFalse();
    }

    @Test
    void getByMountPoint() {
        assertThat(provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_LogicalDisk.DeviceID=\"/mnt/data disk\"")))
                .hasValueSatisfying(d -> assertThat(d.value("FileSystem").asString()).isEqualTo("btrfs"));
        assertThat(provider.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_LogicalDisk.DeviceID=\"/run\""))).isEmpty();
    }

    @Test
    void realMachineHasARootDisk() {
        List<CimInstance> disks = new LogicalDiskProvider(LinuxHost.system()).enumerate(FakeHost.CTX, CLS).toList();
        // containers may have an overlay root with no block-device mount at all; when / is listed it has a size
        disks.stream().filter(d -> d.value("DeviceID").asString().equals("/")).forEach(d ->
                assertThat(d.value("Size").asLong()).isPositive());
    }
}
