package org.jwmi.server.provider.linux;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;

/**
 * {@code Win32_LogicalDisk}: one instance per mount point of {@code /proc/mounts} whose source is a block device
 * ({@code /dev/...}; DriveType 3, "Local Fixed Disk") or a network file system (nfs, cifs, smb3; DriveType 4,
 * "Network Connection", {@code ProviderName} = the source). Pseudo file systems (proc, sysfs, tmpfs, overlay,
 * ...) are not disks and are left out. {@code DeviceID} = {@code Name} = {@code Caption} = the mount point (the
 * Linux counterpart of a drive letter); a mount point mounted twice is reported once, for the last mount.
 * {@code FileSystem} = the file system type; {@code Size} = total bytes and {@code FreeSpace} = bytes available
 * to unprivileged users (df's "Avail"), from {@link FileStore}; NULL if the mount cannot be queried. Volume name,
 * serial number, quota and compression properties stay NULL.
 */
public final class LogicalDiskProvider implements InstanceProvider {

    public static final CimName CLASS = CimName.of("Win32_LogicalDisk");
    static final long LOCAL_DISK = 3;
    static final long NETWORK_DRIVE = 4;
    private static final Set<String> NETWORK_TYPES = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p");

    private final LinuxHost host;

    public LogicalDiskProvider(LinuxHost host) {
        this.host = host;
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
        String hostName = host.hostName();
        return mounts().values().stream().map(m -> build(cls, m, hostName));
    }

    @Override
    public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
        String id = Props.keyText(path, "DeviceID");
        Mount m = id == null ? null : mounts().get(id);
        return m == null ? Optional.empty() : Optional.of(build(cls, m, host.hostName()));
    }

    record Mount(String source, String mountPoint, String type, long driveType) {
    }

    /** Disk-like mounts by mount point, in /proc/mounts order, later mounts replacing earlier ones. */
    Map<String, Mount> mounts() {
        Map<String, Mount> out = new LinkedHashMap<>();
        for (String line : host.read("proc/mounts").orElse("").split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 3) {
                continue;
            }
            String source = unescape(f[0]);
            String type = f[2];
            long driveType;
            if (NETWORK_TYPES.contains(type)) {
                driveType = NETWORK_DRIVE;
            } else if (source.startsWith("/dev/")) {
                driveType = LOCAL_DISK;
            } else {
                continue;
            }
            String mp = unescape(f[1]);
            out.remove(mp);
            out.put(mp, new Mount(source, mp, type, driveType));
        }
        return out;
    }

    /** Undoes the octal escapes of getmntent ({@code \040} space, {@code \011} tab, {@code \012}, {@code \134}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    private CimInstance build(CimClass cls, Mount m, String hostName) {
        CimInstance.Builder b = CimInstance.builder(cls);
        b.set("DeviceID", CimValue.string(m.mountPoint()));
        b.set("Name", CimValue.string(m.mountPoint()));
        b.set("Caption", CimValue.string(m.mountPoint()));
        b.set("Description", CimValue.string(m.driveType() == LOCAL_DISK ? "Local Fixed Disk" : "Network Connection"));
        b.set("CreationClassName", CimValue.string("Win32_LogicalDisk"));
        b.set("SystemCreationClassName", CimValue.string("Win32_ComputerSystem"));
        Props.str(b, "SystemName", hostName);
        b.set("DriveType", CimValue.uint32(m.driveType()));
        b.set("FileSystem", CimValue.string(m.type()));
        if (m.driveType() == NETWORK_DRIVE) {
            b.set("ProviderName", CimValue.string(m.source()));
        }
        String rel = m.mountPoint().startsWith("/") ? m.mountPoint().substring(1) : m.mountPoint();
        try {
            FileStore store = Files.getFileStore(host.path(rel.isEmpty() ? "." : rel));
            b.set("Size", CimValue.uint64(store.getTotalSpace()));
            b.set("FreeSpace", CimValue.uint64(store.getUsableSpace()));
        } catch (IOException | SecurityException e) {
            // not queryable (permission, stale network mount): sizes unknown
        }
        return b.build();
    }
}
