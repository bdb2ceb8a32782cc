package org.jwmi.rpc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.server.RpcServer;

/** Shared test fixtures: accounts, providers, a loopback server, thread accounting. */
public final class Fixtures {
    public static final NtlmSecurityProvider NTLM = new NtlmSecurityProvider();
    public static final int TOY_AUTH_TYPE = 0x77;
    public static final ToyProvider TOY = new ToyProvider(TOY_AUTH_TYPE);
    public static final String DOMAIN = "JWMI";
    public static final String USER = "alice";
    private static final char[] PASSWORD = "S3cret-Passw0rd".toCharArray();
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private Fixtures() {
    }

    public static byte[] ntHash(char[] password) {
        return NtlmHashes.ntOwfV1(password);
    }

    public static final AccountStore ACCOUNTS = (domain, user) -> {
        if (user.toLowerCase(Locale.ROOT).equals(USER)
                && (domain.isEmpty() || domain.equalsIgnoreCase(DOMAIN) || domain.equalsIgnoreCase("TESTSRV"))) {
            return Optional.of(new AccountStore.Account(DOMAIN, USER, ntHash(PASSWORD)));
        }
        return Optional.empty();
    };

    public static ServerOptions serverOptions() {
        return new ServerOptions(ACCOUNTS, DOMAIN, "TESTSRV", "jwmi.test", "testsrv.jwmi.test", false,
                java.time.Clock.systemUTC(), new java.security.SecureRandom());
    }

    public static Credentials alice() {
        return Credentials.ofPassword(DOMAIN, USER, PASSWORD);
    }

    public static Credentials aliceWrongPassword() {
        return Credentials.ofPassword(DOMAIN, USER, "not-the-password".toCharArray());
    }

    public static SecuritySpec ntlm(AuthLevel level) {
        return SecuritySpec.of(NTLM, alice(), level);
    }

    /** A unique thread-name prefix for one server, so leak checks do not see other tests' servers. */
    public static String prefix() {
        return "jwmi-rpc-t" + SERVERS.incrementAndGet();
    }

    /** A started loopback server with NTLM and the toy mechanism, minimum level none, short timeouts. */
    public static RpcServer server(Consumer<RpcServer.Builder> customize) {
        RpcServer.Builder b = RpcServer.builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .port(0)
                .security(NTLM, serverOptions())
                .security(TOY, serverOptions())
                .minAuthLevel(AuthLevel.NONE)
                .readTimeout(Duration.ofSeconds(2))
                .idleTimeout(Duration.ofSeconds(20))
                .threadNamePrefix(prefix());
        customize.accept(b);
        try {
            return b.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RpcConnection connect(RpcServer s) {
        return connect(s, ClientConfig.defaults().withReadTimeout(Duration.ofSeconds(5)));
    }

    public static RpcConnection connect(RpcServer s, ClientConfig cfg) {
        try {
            return RpcConnection.connect("127.0.0.1", s.port(), cfg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix + "-")
                && t.isAlive()).toList();
    }

    /** Waits up to 5 s for a condition (server-side effects happen on other threads). */
    public static void await(java.util.function.BooleanSupplier cond, String what) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
