package org.jwmi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jwmi.auth.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's account store: one text file, {@value #FILE_NAME}, in the data directory. Each line holds
 * {@code domain<TAB>user<TAB>nt-hash} where the NT hash is NTOWFv1 ([MS-NLMP] 3.3.1, MD4 of the UTF-16LE password)
 * in lower-case hex; lines starting with {@code #} are comments. No password is ever stored.
 *
 * <p>The file is created with mode 0600 and rewritten atomically (a temporary file created 0600 in the same
 * directory, then renamed over the old one), under an exclusive lock on {@value #LOCK_NAME} so that two
 * {@code jwmi user} commands do not lose each other's changes. Reading refuses a file that group or others may
 * read or write, as ssh does for private keys.
 *
 * <p>Lookups are case-insensitive in both domain and user. An entry with an <em>empty domain</em> is a local
 * account: it matches the user whatever domain the client names (including none), the way a stand-alone Windows
 * machine accepts its own accounts under its machine name, {@code .} or no domain. An entry with a domain matches
 * only a client naming that domain. When both exist, the entry with the named domain wins. NTLMv2 derives its key
 * from the user and domain the client sent ([MS-NLMP] 3.3.2), so matching never weakens the proof.
 *
 * <p>A running server re-reads the file when its modification time or size changes, so accounts added or removed
 * with {@code jwmi user} take effect for the next logon.
 */
public final class FileAccountStore implements AccountStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileAccountStore.class);

    public static final String FILE_NAME = "accounts.tsv";
    static final String LOCK_NAME = ".accounts.lock";
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final long MAX_FILE_SIZE = 4L << 20;
    private static final String HEADER = "# jwmi account store: domain<TAB>user<TAB>NT hash (hex). "
            + "Maintained by 'jwmi user'; never holds a password.\n";
    private static final HexFormat HEX = HexFormat.of();

    /** One stored entry (the hash kept only as its 16 bytes). */
    record Entry(String domain, String user, byte[] ntHash) {
        boolean sameName(String d, String u) {
            return domain.equalsIgnoreCase(d) && user.equalsIgnoreCase(u);
        }

        String qualifiedName() {
            return domain.isEmpty() ? user : domain + "\\" + user;
        }
    }

    private final Path file;
    private final Path lockFile;
    private volatile Snapshot snapshot = new Snapshot(null, -1, List.of());

    private record Snapshot(FileTime modified, long size, List<Entry> entries) {
    }

    private FileAccountStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        this.lockFile = dataDir.resolve(LOCK_NAME);
    }

    /**
     * Opens the store in {@code dataDir} (which must exist). A missing file is an empty store; it is created on the
     * first {@link #add}.
     */
    public static FileAccountStore open(Path dataDir) {
        return new FileAccountStore(dataDir);
    }

    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- AccountStore

    @Override
    public Optional<Account> lookup(String domain, String user) {
        String d = domain == null ? "" : domain;
        if (user == null || user.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries;
        try {
            entries = current();
        } catch (RuntimeException e) {
            LOG.error("cannot read the account store {}: {}", file, e.getMessage());
            return Optional.empty();
        }
        Entry local = null;
        for (Entry e : entries) {
            if (e.sameName(d, user)) {
                return Optional.of(new Account(e.domain(), e.user(), e.ntHash()));
            }
            if (e.domain().isEmpty() && e.user().equalsIgnoreCase(user)) {
                local = e;
            }
        }
        return Optional.ofNullable(local).map(e -> new Account(e.domain(), e.user(), e.ntHash()));
    }

    // ---------------------------------------------------------------- administration

    /** The entries, sorted by domain then user. */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>(current());
        out.sort(Comparator.comparing((Entry e) -> e.domain().toLowerCase(Locale.ROOT))
                .thenComparing(e -> e.user().toLowerCase(Locale.ROOT)));
        return out;
    }

    /**
     * Adds an account or replaces the hash of an existing one (same domain and user, ignoring case).
     *
     * @return {@code true} if the account is new
     */
    public boolean add(String domain, String user, byte[] ntHash) {
        checkName("user name", user, false);
        checkName("domain", domain, true);
        if (ntHash.length != 16) {
            throw new IllegalArgumentException("an NT hash has 16 bytes");
        }
        boolean[] added = {true};
        update(entries -> {
            List<Entry> out = new ArrayList<>(entries.size() + 1);
            for (Entry e : entries) {
                if (e.sameName(domain, user)) {
                    added[0] = false;
                } else {
                    out.add(e);
                }
            }
            out.add(new Entry(domain, user, ntHash.clone()));
            return out;
        });
        return added[0];
    }

    /**
     * Removes an account.
     *
     * @return {@code true} if it existed
     */
    public boolean remove(String domain, String user) {
        if (!Files.exists(file)) {
            return false;
        }
        boolean[] removed = {false};
        update(entries -> {
            List<Entry> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                if (e.sameName(domain, user)) {
                    removed[0] = true;
                } else {
                    out.add(e);
                }
            }
            return out;
        });
        return removed[0];
    }

    /** Rejects names that would break the file format or that Windows does not allow in account names. */
    static void checkName(String what, String name, boolean mayBeEmpty) {
        if (name == null || (!mayBeEmpty && name.isEmpty())) {
            throw new IllegalArgumentException("the " + what + " must not be empty");
        }
        if (name.length() > 256) {
            throw new IllegalArgumentException("the " + what + " is longer than 256 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("the " + what + " contains a control character");
            }
            if (c == '\\' || c == '/' || c == '@') {
                throw new IllegalArgumentException("the " + what + " contains '" + c
                        + "'; give the domain with --domain and the bare user name as NAME");
            }
        }
        if (!name.equals(name.strip())) {
            throw new IllegalArgumentException("the " + what + " starts or ends with white space");
        }
    }

    // ---------------------------------------------------------------- file handling

    private List<Entry> current() {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            snapshot = new Snapshot(null, -1, List.of());
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Snapshot s = snapshot;
        if (attrs.lastModifiedTime().equals(s.modified()) && attrs.size() == s.size()) {
            return s.entries();
        }
        List<Entry> entries = read();
        snapshot = new Snapshot(attrs.lastModifiedTime(), attrs.size(), entries);
        return entries;
    }

    private List<Entry> read() {
        try {
            checkPermissions(file);
            byte[] bytes;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size > MAX_FILE_SIZE) {
                    throw new IllegalStateException(file + " is larger than " + MAX_FILE_SIZE + " bytes; refusing to read it");
                }
                ByteBuffer buf = ByteBuffer.allocate((int) size);
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // read until full or end of file
                }
                bytes = Arrays.copyOf(buf.array(), buf.position());
                Arrays.fill(buf.array(), (byte) 0);
            }
            try {
                return parse(new String(bytes, StandardCharsets.UTF_8));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a file that group or others may read or write (the hashes are password equivalents). */
    static void checkPermissions(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        for (PosixFilePermission p : perms) {
            switch (p) {
                case GROUP_READ, GROUP_WRITE, OTHERS_READ, OTHERS_WRITE -> throw new IllegalStateException(file
                        + " has mode " + PosixFilePermissions.toString(perms)
                        + ": the NT hashes in it are password equivalents; run 'chmod 600 " + file + "'");
                default -> {
                }
            }
        }
    }

    /** Parses the file; a bad line is reported by number only (its content may be a hash). */
    static List<Entry> parse(String text) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3 || f[1].isEmpty() || f[2].length() != 32) {
                throw new IllegalStateException("account store line " + (i + 1)
                        + " is not 'domain<TAB>user<TAB>32 hex digits'");
            }
            byte[] hash;
            try {
                hash = HEX.parseHex(f[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("account store line " + (i + 1) + " has a malformed NT hash");
            }
            out.add(new Entry(f[0], f[1], hash));
        }
        return List.copyOf(out);
    }

    static String format(List<Entry> entries) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Entry e : entries) {
            sb.append(e.domain()).append('\t').append(e.user()).append('\t').append(HEX.formatHex(e.ntHash())).append('\n');
        }
        return sb.toString();
    }

    private void update(UnaryOperator<List<Entry>> change) {
        // A file lock excludes other processes only; threads of this process queue on the monitor first.
        synchronized (FileAccountStore.class) {
            updateLocked(change);
        }
    }

    private void updateLocked(UnaryOperator<List<Entry>> change) {
        try (FileChannel lockCh = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(FILE_MODE))) {
            FileLock lock = lockCh.lock();
            try {
                List<Entry> next = change.apply(read());
                writeAtomically(format(next).getBytes(StandardCharsets.UTF_8));
                snapshot = new Snapshot(null, -1, List.of());
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeAtomically(byte[] content) throws IOException {
        Path dir = file.getParent();
        Path tmp = null;
        try {
            for (int attempt = 0; tmp == null; attempt++) {
                Path candidate = dir.resolve("." + FILE_NAME + "." + ProcessHandle.current().pid() + "." + attempt + ".tmp");
                try {
                    Files.createFile(candidate, PosixFilePermissions.asFileAttribute(FILE_MODE));
                    tmp = candidate;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
            // The umask can only clear bits, but make the mode exact in case the file system ignored the attribute.
            Files.setPosixFilePermissions(tmp, FILE_MODE);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
            tmp = null;
        } finally {
            Arrays.fill(content, (byte) 0);
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
