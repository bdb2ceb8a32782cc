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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.jwmi.auth.AccountStore;
import org.jwmi.server.security.AccountDirectory;
import org.jwmi.server.security.CallerToken;
import org.jwmi.server.security.Sid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's account store: one text file, {@value #FILE_NAME}, in the data directory. Each line holds
 * {@code domain<TAB>user<TAB>nt-hash<TAB>groups<TAB>rid} where the NT hash is NTOWFv1 ([MS-NLMP] 3.3.1, MD4 of the
 * UTF-16LE password) in lower-case hex, groups the comma-separated local groups the account belongs to besides
 * {@code Users} (which holds every account), and rid the account's relative identifier; lines starting with
 * {@code #} are comments, except {@code # next-rid: N}, which records the next RID to hand out. No password is ever
 * stored. Files of the first format (three columns) are read as accounts without groups; they get their RIDs, in
 * file order, on the next write.
 *
 * <p>The store is also the server's {@link AccountDirectory}. Each account's SID is the machine SID plus its RID.
 * The machine SID ({@code S-1-5-21-x-y-z}, three random sub-authorities, as Windows setup makes one) is generated
 * once and kept in {@value #MACHINE_SID_FILE} (mode 0600) in the data directory; RIDs start at 1000 and are never
 * reused, so an account's SID never changes and a removed account's SID never names a new one. The built-in groups
 * are BUILTIN\Administrators (S-1-5-32-544) and BUILTIN\Users (S-1-5-32-545).
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
public final class FileAccountStore implements AccountStore, AccountDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(FileAccountStore.class);

    public static final String FILE_NAME = "accounts.tsv";
    static final String LOCK_NAME = ".accounts.lock";
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final long MAX_FILE_SIZE = 4L << 20;
    public static final String MACHINE_SID_FILE = "machine-sid";
    /** The first RID of an account, as on Windows. */
    public static final int FIRST_RID = 1000;
    public static final String ADMINISTRATORS = "Administrators";
    public static final String USERS = "Users";
    private static final String NEXT_RID = "# next-rid: ";
    private static final String HEADER = "# jwmi account store: domain<TAB>user<TAB>NT hash (hex)<TAB>groups<TAB>RID. "
            + "Maintained by 'jwmi user'; never holds a password.\n";
    private static final List<Group> BUILTIN_GROUPS = List.of(
            new Group("BUILTIN", ADMINISTRATORS, CallerToken.ADMINISTRATORS,
                    "Administrators have complete and unrestricted access to the computer"),
            new Group("BUILTIN", USERS, CallerToken.USERS,
                    "Users are prevented from making accidental or intentional system-wide changes"));
    private static final HexFormat HEX = HexFormat.of();

    /**
     * One stored entry (the hash kept only as its 16 bytes).
     *
     * @param groups the account's groups besides Users, canonical spelling
     * @param rid    the relative identifier, 0 while unassigned (a line of the three-column format)
     */
    record Entry(String domain, String user, byte[] ntHash, List<String> groups, int rid) {
        Entry {
            groups = List.copyOf(groups);
        }

        Entry(String domain, String user, byte[] ntHash) {
            this(domain, user, ntHash, List.of(), 0);
        }

        Entry withGroups(List<String> g) {
            return new Entry(domain, user, ntHash, g, rid);
        }

        /** The groups including Users. */
        List<String> allGroups() {
            List<String> all = new ArrayList<>(groups);
            all.add(USERS);
            return all;
        }

        boolean sameName(String d, String u) {
            return domain.equalsIgnoreCase(d) && user.equalsIgnoreCase(u);
        }

        String qualifiedName() {
            return domain.isEmpty() ? user : domain + "\\" + user;
        }
    }

    private final Path file;
    private final Path lockFile;
    private final Path machineSidFile;
    private final String computerName;
    private final RandomGenerator random;
    private volatile Snapshot snapshot = new Snapshot(null, -1, new Parsed(List.of(), FIRST_RID));
    private volatile Sid machineSid;

    private record Snapshot(FileTime modified, long size, Parsed parsed) {
    }

    /** The file's accounts and the next RID to hand out. */
    record Parsed(List<Entry> entries, int nextRid) {
    }

    private FileAccountStore(Path dataDir, String computerName, RandomGenerator random) {
        this.file = dataDir.resolve(FILE_NAME);
        this.lockFile = dataDir.resolve(LOCK_NAME);
        this.machineSidFile = dataDir.resolve(MACHINE_SID_FILE);
        this.computerName = computerName;
        this.random = random;
    }

    /**
     * Opens the store in {@code dataDir} (which must exist). A missing file is an empty store; it is created on the
     * first {@link #add}. Local accounts report this host's name (upper case, at most 15 characters) as domain.
     */
    public static FileAccountStore open(Path dataDir) {
        return new FileAccountStore(dataDir, localComputerName(), new SecureRandom());
    }

    /** A store whose local accounts report domain {@code computerName} and whose machine SID draws on {@code random}. */
    static FileAccountStore open(Path dataDir, String computerName, RandomGenerator random) {
        return new FileAccountStore(dataDir, computerName, random);
    }

    /** The NetBIOS-style name of this host: the first label of the kernel host name, upper case, 15 characters. */
    static String localComputerName() {
        String name = "";
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            LOG.debug("no kernel host name: {}", e.getMessage());
        }
        int dot = name.indexOf('.');
        if (dot >= 0) {
            name = name.substring(0, dot);
        }
        name = name.toUpperCase(Locale.ROOT);
        return name.isEmpty() ? "JWMI" : name.substring(0, Math.min(15, name.length()));
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
     * Adds an account or replaces the hash of an existing one (same domain and user, ignoring case), keeping its
     * groups and SID.
     *
     * @return {@code true} if the account is new
     */
    public boolean add(String domain, String user, byte[] ntHash) {
        return add(domain, user, ntHash, null);
    }

    /**
     * Adds an account or replaces the hash of an existing one; an existing account keeps its SID.
     *
     * @param groups the account's groups (built-in group names, any case; Users is implied), or {@code null} to
     *               keep those of an existing account (none for a new one)
     * @return {@code true} if the account is new
     * @throws IllegalArgumentException for an unknown group
     */
    public boolean add(String domain, String user, byte[] ntHash, List<String> groups) {
        checkName("user name", user, false);
        checkName("domain", domain, true);
        if (ntHash.length != 16) {
            throw new IllegalArgumentException("an NT hash has 16 bytes");
        }
        List<String> canonical = groups == null ? null : canonicalGroups(groups);
        boolean[] added = {true};
        update(entries -> {
            List<Entry> out = new ArrayList<>(entries.size() + 1);
            List<String> keep = List.of();
            int rid = 0;
            for (Entry e : entries) {
                if (e.sameName(domain, user)) {
                    added[0] = false;
                    keep = e.groups();
                    rid = e.rid();
                } else {
                    out.add(e);
                }
            }
            out.add(new Entry(domain, user, ntHash.clone(), canonical == null ? keep : canonical, rid));
            return out;
        });
        return added[0];
    }

    /**
     * Adds {@code user} to, or removes it from, built-in group {@code group}.
     *
     * @return {@code true} if membership changed
     * @throws IllegalArgumentException for an unknown account or group, or to remove an account from Users
     */
    public boolean setMember(String domain, String user, String group, boolean member) {
        String g = canonicalGroups(List.of(group)).stream().findFirst().orElse(USERS);
        if (g.equals(USERS)) {
            if (!member) {
                throw new IllegalArgumentException("every account is in Users; remove the account instead");
            }
            if (list().stream().noneMatch(e -> e.sameName(domain, user))) {
                throw new IllegalArgumentException("no account " + UserCommand.qualified(domain, user));
            }
            return false;
        }
        boolean[] found = {false};
        boolean[] changed = {false};
        update(entries -> {
            List<Entry> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                if (e.sameName(domain, user)) {
                    found[0] = true;
                    List<String> groups = new ArrayList<>(e.groups());
                    changed[0] = member ? !groups.contains(g) && groups.add(g) : groups.remove(g);
                    e = e.withGroups(groups);
                }
                out.add(e);
            }
            return out;
        });
        if (!found[0]) {
            throw new IllegalArgumentException("no account " + UserCommand.qualified(domain, user));
        }
        return changed[0];
    }

    /** Built-in group names in canonical spelling, without Users (implied), without duplicates. */
    static List<String> canonicalGroups(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String g = builtinGroup(n == null ? "" : n.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown group '" + n + "'; the groups are " + ADMINISTRATORS + " and " + USERS));
            if (!g.equals(USERS) && !out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- AccountDirectory

    @Override
    public List<User> users() {
        List<User> out = new ArrayList<>();
        for (Entry e : withRids()) {
            out.add(toUser(e));
        }
        return out;
    }

    @Override
    public List<Group> groups() {
        return BUILTIN_GROUPS;
    }

    @Override
    public Optional<User> user(String domain, String name) {
        String d = domain == null ? "" : domain;
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Entry local = null;
        for (Entry e : withRids()) {
            if (e.sameName(d, name)) {
                return Optional.of(toUser(e));
            }
            if (e.domain().isEmpty() && e.user().equalsIgnoreCase(name)) {
                local = e;
            }
        }
        return Optional.ofNullable(local).map(this::toUser);
    }

    /** The SID of {@code e} (machine SID + RID); the entry must have its RID. */
    public String sid(Entry e) {
        if (e.rid() == 0) {
            throw new IllegalStateException("account " + e.qualifiedName() + " has no RID yet");
        }
        return machineSid().withRid(e.rid()).toString();
    }

    private User toUser(Entry e) {
        return new User(e.domain().isEmpty() ? computerName : e.domain(), e.user(), sid(e), e.allGroups(), false);
    }

    /** The entries, giving RIDs to those read from a three-column file first (a write under the lock). */
    private List<Entry> withRids() {
        List<Entry> entries = current();
        if (entries.stream().anyMatch(e -> e.rid() == 0)) {
            update(UnaryOperator.identity());
            entries = current();
        }
        return entries;
    }

    /** The machine SID, created in {@value #MACHINE_SID_FILE} on first use. */
    public Sid machineSid() {
        Sid s = machineSid;
        if (s == null) {
            s = locked(() -> {
                if (Files.exists(machineSidFile)) {
                    return readMachineSid();
                }
                Sid created = Sid.of(5, 21, random.nextInt(), random.nextInt(), random.nextInt());
                writeAtomically(machineSidFile, (created + "\n").getBytes(StandardCharsets.US_ASCII));
                LOG.info("created machine SID {} in {}", created, machineSidFile);
                return created;
            });
            machineSid = s;
        }
        return s;
    }

    private Sid readMachineSid() throws IOException {
        String text = Files.readString(machineSidFile, StandardCharsets.US_ASCII).strip();
        try {
            Sid s = Sid.parse(text);
            if (s.identifierAuthority() == 5 && s.subAuthorityCount() == 4 && s.subAuthority(0) == 21) {
                return s;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalStateException(machineSidFile + " does not hold a machine SID (S-1-5-21-x-y-z)");
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
        return currentParsed().entries();
    }

    private Parsed currentParsed() {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            snapshot = new Snapshot(null, -1, new Parsed(List.of(), FIRST_RID));
            return snapshot.parsed();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Snapshot s = snapshot;
        if (attrs.lastModifiedTime().equals(s.modified()) && attrs.size() == s.size()) {
            return s.parsed();
        }
        Parsed parsed = read();
        snapshot = new Snapshot(attrs.lastModifiedTime(), attrs.size(), parsed);
        return parsed;
    }

    private Parsed read() {
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
            return new Parsed(List.of(), FIRST_RID);
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
    static Parsed parse(String text) {
        List<Entry> out = new ArrayList<>();
        long nextRid = FIRST_RID;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.startsWith(NEXT_RID)) {
                nextRid = Math.max(nextRid, rid(line.substring(NEXT_RID.length()), i));
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3 || f.length > 5 || f[1].isEmpty() || f[2].length() != 32) {
                throw new IllegalStateException("account store line " + (i + 1)
                        + " is not 'domain<TAB>user<TAB>32 hex digits[<TAB>groups[<TAB>RID]]'");
            }
            byte[] hash;
            try {
                hash = HEX.parseHex(f[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("account store line " + (i + 1) + " has a malformed NT hash");
            }
            List<String> groups = new ArrayList<>();
            if (f.length >= 4 && !f[3].isEmpty()) {
                int lineNo = i + 1;
                for (String g : f[3].split(",", -1)) {
                    String canonical = builtinGroup(g.strip()).orElseThrow(() -> new IllegalStateException(
                            "account store line " + lineNo + " names an unknown group"));
                    if (!canonical.equals(USERS) && !groups.contains(canonical)) {
                        groups.add(canonical);
                    }
                }
            }
            int rid = f.length == 5 ? rid(f[4], i) : 0;
            nextRid = Math.max(nextRid, rid + 1L);
            out.add(new Entry(f[0], f[1], hash, groups, rid));
        }
        if (nextRid > Integer.MAX_VALUE) {
            throw new IllegalStateException("account store: RIDs exhausted");
        }
        return new Parsed(List.copyOf(out), (int) nextRid);
    }

    private static int rid(String text, int line) {
        try {
            int r = Integer.parseInt(text.strip());
            if (r >= FIRST_RID) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("account store line " + (line + 1) + " has a bad RID (a number >= "
                + FIRST_RID + ")");
    }

    /** Assigns RIDs to entries that have none, in order, from {@code nextRid}. */
    static Parsed assignRids(Parsed p) {
        int next = p.nextRid();
        List<Entry> out = new ArrayList<>(p.entries().size());
        for (Entry e : p.entries()) {
            if (e.rid() == 0) {
                e = new Entry(e.domain(), e.user(), e.ntHash(), e.groups(), next++);
            }
            out.add(e);
        }
        return new Parsed(out, next);
    }

    static String format(Parsed p) {
        StringBuilder sb = new StringBuilder(HEADER);
        sb.append(NEXT_RID).append(p.nextRid()).append('\n');
        for (Entry e : p.entries()) {
            sb.append(e.domain()).append('\t').append(e.user()).append('\t').append(HEX.formatHex(e.ntHash()))
                    .append('\t').append(String.join(",", e.groups())).append('\t').append(e.rid()).append('\n');
        }
        return sb.toString();
    }

    /** The canonical name of built-in group {@code name} (case-insensitive). */
    static Optional<String> builtinGroup(String name) {
        return BUILTIN_GROUPS.stream().map(Group::name).filter(g -> g.equalsIgnoreCase(name)).findFirst();
    }

    private void update(UnaryOperator<List<Entry>> change) {
        locked(() -> {
            Parsed before = read();
            Parsed next = assignRids(new Parsed(change.apply(before.entries()), before.nextRid()));
            writeAtomically(file, format(next).getBytes(StandardCharsets.UTF_8));
            snapshot = new Snapshot(null, -1, new Parsed(List.of(), FIRST_RID));
            return null;
        });
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run() throws IOException;
    }

    private <T> T locked(LockedWork<T> work) {
        // A file lock excludes other processes only; threads of this process queue on the monitor first.
        synchronized (FileAccountStore.class) {
            try (FileChannel lockCh = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(FILE_MODE))) {
                FileLock lock = lockCh.lock();
                try {
                    return work.run();
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path dir = file.getParent();
        Path tmp = null;
        try {
            for (int attempt = 0; tmp == null; attempt++) {
                Path candidate = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + attempt + ".tmp");
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
