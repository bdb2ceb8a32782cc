package org.jwmi.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A tshark capture of one loopback conversation: started before the exchange (returns once tshark reports that it
 * is capturing), stopped after it, then read back with the dissectors.
 */
final class TsharkCapture implements AutoCloseable {
    /** A closed port on the same host: a connection attempt to it marks the capture without touching our server. */
    static final int MARKER_PORT = 9;
    private static final java.util.regex.Pattern MARKER =
            java.util.regex.Pattern.compile("(\u2192|->) " + MARKER_PORT + " \\[SYN\\]");

    private final Process process;
    private final Peers.StreamCollector out;
    private final Peers.StreamCollector err;
    private final Path file;
    private final String host;
    private boolean stopped;

    private TsharkCapture(Process process, Peers.StreamCollector out, Peers.StreamCollector err, Path file, String host) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.file = file;
        this.host = host;
    }

    /**
     * Starts capturing TCP traffic to and from {@code host:port} on the loopback interface into {@code file}; returns
     * once a marker packet has been seen, i.e. when the capture really runs ("Capturing on" comes earlier).
     */
    static TsharkCapture start(String host, int port, Path file) {
        return start(host, file, port);
    }

    /** As {@link #start(String, int, Path)} for the TCP ports {@code ports} of {@code host}. */
    static TsharkCapture start(String host, Path file, int... ports) {
        return start(host, file, "", ports);
    }

    /**
     * As {@link #start(String, Path, int...)}, also capturing what {@code alsoFilter} (a capture filter, e.g.
     * {@code host 127.0.0.26 and tcp port 45226}) selects; empty for nothing more.
     */
    static TsharkCapture start(String host, Path file, String alsoFilter, int... ports) {
        try {
            Files.deleteIfExists(file);
            StringBuilder filter = new StringBuilder("(host " + host + " and (tcp port " + MARKER_PORT);
            for (int port : ports) {
                filter.append(" or tcp port ").append(port);
            }
            filter.append("))");
            if (!alsoFilter.isEmpty()) {
                filter.append(" or (").append(alsoFilter).append(')');
            }
            ProcessBuilder pb = new ProcessBuilder(Peers.TSHARK, "-i", "lo", "-P", "-l", "-n",
                    "-f", filter.toString(), "-w", file.toString());
            Process p = pb.start();
            p.getOutputStream().close();
            Peers.StreamCollector out = new Peers.StreamCollector(p.getInputStream());
            Peers.StreamCollector err = new Peers.StreamCollector(p.getErrorStream());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!err.snapshot().contains("Capturing on")) {
                if (!p.isAlive()) {
                    throw new AssertionError("tshark exited with " + p.exitValue() + ":\n" + err.text());
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new AssertionError("tshark did not start capturing within 30 s:\n" + err.snapshot());
                }
                Thread.sleep(20);
            }
            TsharkCapture c = new TsharkCapture(p, out, err, file, host);
            c.mark();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends connection attempts to the marker port until tshark reports one more of them. */
    private void mark() throws InterruptedException {
        int seen = markers();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (markers() <= seen) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("tshark does not show the marker packets:\n" + out.snapshot() + err.snapshot());
            }
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(host, MARKER_PORT), 1000);
            } catch (IOException expected) {
                // refused: the SYN is what counts
            }
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (markers() <= seen && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
    }

    private int markers() {
        return (int) MARKER.matcher(out.snapshot()).results().count();
    }

    /** Stops the capture once everything sent so far is in it (a final marker), with SIGTERM. */
    Path stop() {
        if (stopped) {
            return file;
        }
        stopped = true;
        try {
            mark();
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("tshark did not stop:\n" + err.snapshot());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (!Files.exists(file)) {
            throw new AssertionError("tshark wrote no capture file:\n" + err.text());
        }
        return file;
    }

    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            process.destroyForcibly();
        }
    }

    /** {@code tshark -r file [-o ntlmssp.nt_password:...] <args>}. */
    static Peers.Result read(Path file, String ntPassword, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.TSHARK, "-n", "-r", file.toString()));
        if (ntPassword != null) {
            cmd.add("-o");
            cmd.add("ntlmssp.nt_password:" + ntPassword);
        }
        cmd.addAll(List.of(args));
        Peers.Result r = Peers.run(cmd, Map.of(), Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            throw new AssertionError("tshark -r failed:\n" + r.all());
        }
        return r;
    }

    /** One row per frame with the given fields, tab-separated (multiple occurrences joined by ','). */
    static List<String[]> fields(Path file, String ntPassword, String displayFilter, String... fields) {
        List<String> args = new ArrayList<>(List.of("-T", "fields", "-E", "separator=/t", "-E", "occurrence=a",
                "-E", "aggregator=,"));
        if (displayFilter != null) {
            args.add("-Y");
            args.add(displayFilter);
        }
        for (String f : fields) {
            args.add("-e");
            args.add(f);
        }
        Peers.Result r = read(file, ntPassword, args.toArray(String[]::new));
        List<String[]> rows = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
