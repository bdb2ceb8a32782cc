package org.jwmi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory that holds the server's state (for now the account store). Default: {@code /var/lib/jwmi}
 * for root, {@code ~/.jwmi} for anyone else. Created with mode 0700.
 */
final class DataDir {
    private static final Logger LOG = LoggerFactory.getLogger(DataDir.class);
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private DataDir() {
    }

    /** The default data directory for the current user. */
    static Path defaultDir() {
        if (isRoot()) {
            return Path.of("/var/lib/jwmi");
        }
        return Path.of(System.getProperty("user.home"), ".jwmi");
    }

    /** Whether this process runs with effective user id 0. */
    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Returns {@code dir} (or the default when {@code null}), creating it with mode 0700 if {@code create} and it is
     * missing; warns when an existing directory is open to group or others.
     */
    static Path resolve(Path dir, boolean create) {
        Path d = (dir == null ? defaultDir() : dir).toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(d)) {
                warnIfOpen(d);
                return d;
            }
            if (Files.exists(d)) {
                throw new IllegalArgumentException(d + " exists and is not a directory");
            }
            if (!create) {
                return d;
            }
            if (d.getParent() != null) {
                Files.createDirectories(d.getParent());
            }
            Files.createDirectory(d, PosixFilePermissions.asFileAttribute(DIR_MODE));
            Files.setPosixFilePermissions(d, DIR_MODE);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + d + ": " + e.getMessage(), e);
        }
    }

    private static void warnIfOpen(Path d) throws IOException {
        Set<PosixFilePermission> p;
        try {
            p = Files.getPosixFilePermissions(d);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            LOG.warn("the data directory {} is writable by group or others (mode {}); run 'chmod 700 {}'", d,
                    PosixFilePermissions.toString(p), d);
        } else if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn("the data directory {} is readable by group or others (mode {}); 'chmod 700 {}' is advised", d,
                    PosixFilePermissions.toString(p), d);
        }
    }
}
