package org.jwmi.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.cli.FileAccountStore;
import org.jwmi.cli.JwmiServer;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;

/**
 * Our server, in this JVM, as {@code jwmi serve} configures it, on {@code 127.0.0.x:135} (or another port), with a
 * fresh data directory holding one account whose password is random for the run. Also registers a counting
 * service so tests can tell whether a refused call was dispatched.
 */
final class LoopbackServer implements AutoCloseable {
    static final String DOMAIN = "JWMIIT";
    static final String USER = "alice";
    /** An interface of our own, to count dispatched calls: 6a0b1f54-6e02-4b7e-9c8f-8d2a1a6c7e01 v1.0. */
    static final SyntaxId COUNTER = new SyntaxId(java.util.UUID.fromString("6a0b1f54-6e02-4b7e-9c8f-8d2a1a6c7e01"), 1, 0);

    final String host;
    final String password;
    final JwmiServer server;
    final Path dataDir;
    final AtomicInteger dispatched = new AtomicInteger();

    private LoopbackServer(String host, String password, JwmiServer server, Path dataDir) {
        this.host = host;
        this.password = password;
        this.server = server;
        this.dataDir = dataDir;
    }

    static LoopbackServer start(String host, int port, AuthLevel minLevel) {
        String password = randomPassword();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jwmi-it-");
            FileAccountStore store = FileAccountStore.open(dir);
            store.add(DOMAIN, USER, NtlmHashes.ntOwfV1(password.toCharArray()), List.of("Administrators"));
            JwmiServer s = JwmiServer.start(JwmiServer.Config.of(InetAddress.getByName(host), port, minLevel, store,
                    DOMAIN));
            LoopbackServer ls = new LoopbackServer(host, password, s, dir);
            s.rpcServer().register(minLevel, ls.counter());
            return ls;
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException("cannot start the server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return server.port();
    }

    Credentials credentials() {
        return Credentials.ofPassword(DOMAIN, USER, password.toCharArray());
    }

    Credentials wrongCredentials() {
        return Credentials.ofPassword(DOMAIN, USER, (password + "x").toCharArray());
    }

    private RpcService counter() {
        return new RpcService() {
            @Override
            public SyntaxId syntax() {
                return COUNTER;
            }

            @Override
            public String name() {
                return "counter";
            }

            @Override
            public byte[] invoke(CallContext call, int opnum, byte[] stub) {
                dispatched.incrementAndGet();
                return stub.clone();
            }
        };
    }

    @Override
    public void close() {
        server.close();
        deleteQuietly(dataDir);
    }

    /** Letters and digits only, so it passes through every command line and tshark preference unquoted. */
    static String randomPassword() {
        SecureRandom r = new SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
