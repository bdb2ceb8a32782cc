package org.jwmi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the command line knows about the terminal: whether a descriptor is one, and its width. */
final class Terminal {
    private Terminal() {
    }

    /** Whether file descriptor {@code fd} of this process is a terminal (Linux: /proc/self/fd/N is a tty). */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * The width to fit tables to: {@code $COLUMNS} when set, else the width of the terminal on standard output,
     * else 0 (unlimited: output to a pipe or file is not cut).
     */
    static int width() {
        String env = System.getenv("COLUMNS");
        if (env != null) {
            try {
                int w = Integer.parseInt(env.trim());
                if (w > 0) {
                    return w;
                }
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        if (!isTerminal(1)) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/tty"))).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0) {
                String[] parts = s.split("\\s+");
                if (parts.length == 2) {
                    return Integer.parseInt(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 80;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }
}
