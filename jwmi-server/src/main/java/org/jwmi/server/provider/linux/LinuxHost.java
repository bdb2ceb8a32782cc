package org.jwmi.server.provider.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The Linux host the providers describe: a root directory holding {@code proc/}, {@code sys/} and {@code etc/}
 * ({@code /} in production, a fake tree in tests), the time zone instances report local times in, and the
 * kernel's clock-tick rate ({@code USER_HZ}, 100 on every mainstream architecture; Java cannot call
 * {@code sysconf(_SC_CLK_TCK)}). Every file access goes through {@link #read}, {@link #readLink} or
 * {@link #list} and is reported to an observer, so tests can prove which files a request touched.
 * Unreadable or vanished files read as empty, never as errors: {@code /proc} changes under our feet.
 */
public final class LinuxHost {

    /** {@code USER_HZ}: units of the times in {@code /proc/<pid>/stat}. */
    public static final int DEFAULT_CLOCK_TICKS = 100;
    private static final int MAX_FILE = 1 << 20;

    private final Path root;
    private final ZoneId zone;
    private final int clockTicks;
    private final Consumer<Path> observer;

    /**
     * @param root the directory standing for {@code /}
     * @param zone the zone local date-times are reported in
     * @param clockTicks {@code USER_HZ}
     * @param observer told (relative path, e.g. {@code proc/1/stat}) of every file access; may be a no-op
     */
    public LinuxHost(Path root, ZoneId zone, int clockTicks, Consumer<Path> observer) {
        this.root = Objects.requireNonNull(root, "root");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (clockTicks <= 0) {
            throw new IllegalArgumentException("clockTicks must be positive");
        }
        this.clockTicks = clockTicks;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The real host: {@code /}, the system default zone, {@value #DEFAULT_CLOCK_TICKS} ticks per second. */
    public static LinuxHost system() {
        return new LinuxHost(Path.of("/"), ZoneId.systemDefault(), DEFAULT_CLOCK_TICKS, p -> { });
    }

    public ZoneId zone() {
        return zone;
    }

    public int clockTicks() {
        return clockTicks;
    }

    /** The text of {@code relative} (UTF-8, malformed bytes replaced), or empty if absent/unreadable/huge. */
    public Optional<String> read(String relative) {
        Path p = resolve(relative);
        try {
            if (Files.size(p) > MAX_FILE) {
                return Optional.empty();
            }
            // /proc files report size 0: read them anyway, bounded below.
            byte[] b;
            try (var in = Files.newInputStream(p)) {
                b = in.readNBytes(MAX_FILE);
            }
            return Optional.of(new String(b, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The target of symbolic link {@code relative}, or empty if it is not a readable link. */
    public Optional<String> readLink(String relative) {
        Path p = resolve(relative);
        try {
            return Optional.of(Files.readSymbolicLink(p).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The names of the entries of directory {@code relative}, read lazily; empty if it cannot be listed. Close
     * the stream.
     */
    public Stream<String> list(String relative) {
        Path p = resolve(relative);
        DirectoryStream<Path> ds;
        try {
            ds = Files.newDirectoryStream(p);
        } catch (IOException | SecurityException e) {
            return Stream.empty();
        }
        Iterator<Path> it = ds.iterator();
        Iterator<String> names = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (RuntimeException e) { // DirectoryIteratorException: the directory went away
                    return false;
                }
            }

            @Override
            public String next() {
                return it.next().getFileName().toString();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(names, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try {
                        ds.close();
                    } catch (IOException e) {
                        // nothing held beyond the descriptor
                    }
                });
    }

    /** The underlying path of {@code relative}, for APIs that need one (file stores); reported like a read. */
    public Path path(String relative) {
        return resolve(relative);
    }

    private Path resolve(String relative) {
        Path rel = Path.of(relative);
        observer.accept(rel);
        return root.resolve(relative);
    }

    // ------------------------------------------------------------------ shared parsing helpers

    /** {@code key: value} lines (meminfo, status); values trimmed. Later duplicates are ignored. */
    static Map<String, String> colonMap(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) {
                m.putIfAbsent(line.substring(0, c).trim(), line.substring(c + 1).trim());
            }
        }
        return m;
    }

    /** A kB quantity such as {@code "16314880 kB"} as KiB, or null if malformed. */
    static Long kib(String value) {
        if (value == null) {
            return null;
        }
        String v = value.endsWith("kB") ? value.substring(0, value.length() - 2).trim() : value.trim();
        return unsigned(v);
    }

    /** A non-negative decimal that fits a long, or null. */
    static Long unsigned(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    /** A decimal (possibly negative) that fits a long, or null. */
    static Long signed(String s) {
        if (s != null && s.startsWith("-")) {
            Long v = unsigned(s.substring(1));
            return v == null ? null : -v;
        }
        return unsigned(s);
    }

    /** The host name from {@code proc/sys/kernel/hostname}, or null. */
    String hostName() {
        return read("proc/sys/kernel/hostname").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    /**
     * The NetBIOS computer name Windows would show: the first label of the host name in upper case
     * ({@code LOCALHOST} if the host name is unknown).
     */
    String netbiosName() {
        String hostName = hostName();
        return (hostName == null ? "localhost" : hostName.split("\\.", 2)[0]).toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code btime} of {@code proc/stat}: boot time in seconds since the epoch, or null. */
    Long bootTimeSeconds() {
        for (String line : read("proc/stat").orElse("").split("\n")) {
            if (line.startsWith("btime ")) {
                return unsigned(line.substring(6).trim());
            }
        }
        return null;
    }

    /** {@code proc/meminfo} as a map. */
    Map<String, String> memInfo() {
        return colonMap(read("proc/meminfo").orElse(""));
    }
}
