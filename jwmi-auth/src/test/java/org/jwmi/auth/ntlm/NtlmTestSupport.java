package org.jwmi.auth.ntlm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.ServerOptions;
import org.jwmi.wire.Hex;

/** Shared fixtures: spec vectors, deterministic randomness and clocks, an in-memory account store. */
final class NtlmTestSupport {

    static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    static final NtlmSecurityProvider PROVIDER = new NtlmSecurityProvider();

    private NtlmTestSupport() {
    }

    /** The bytes of {@code vectors/MS-NLMP/<name>.hex}. */
    static byte[] vector(String name) {
        String path = "/vectors/MS-NLMP/" + name + ".hex";
        try (InputStream in = NtlmTestSupport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + path);
            }
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Random that hands out queued byte arrays first (each must match the requested length). */
    static final class ScriptedRandom extends Random {
        private static final long serialVersionUID = 1L;
        private final Deque<byte[]> queue = new ArrayDeque<>();

        ScriptedRandom(long seed, byte[]... scripted) {
            super(seed);
            for (byte[] b : scripted) {
                queue.add(b);
            }
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byte[] next = queue.poll();
            if (next == null) {
                super.nextBytes(bytes);
                return;
            }
            if (next.length != bytes.length) {
                throw new IllegalStateException("scripted " + next.length + " bytes, asked for " + bytes.length);
            }
            System.arraycopy(next, 0, bytes, 0, bytes.length);
        }
    }

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Accounts keyed by upper-cased user name; the domain is ignored (a local store). */
    static final class Accounts implements AccountStore {
        private final Map<String, Account> byUser = new HashMap<>();
        private final String domain;

        Accounts(String domain) {
            this.domain = domain;
        }

        Accounts add(String user, String password) {
            byUser.put(user.toUpperCase(Locale.ROOT),
                    new Account(domain, user, NtlmHashes.ntOwfV1(password.toCharArray())));
            return this;
        }

        @Override
        public Optional<Account> lookup(String d, String user) {
            return Optional.ofNullable(byUser.get(user.toUpperCase(Locale.ROOT)));
        }
    }

    static final String PASSWORD = "Secr3t!pass";

    static Accounts accounts() {
        return new Accounts("WMIHOST").add("alice", PASSWORD).add("bob", "other-password");
    }

    static ServerOptions serverOptions(AccountStore accounts, boolean allowAnonymous, Clock clock, Random random) {
        return new ServerOptions(accounts, "WMIHOST", "WMIHOST", "example.test", "wmihost.example.test",
                allowAnonymous, clock, random);
    }

    static ServerOptions serverOptions() {
        return serverOptions(accounts(), false, Clock.fixed(NOW, ZoneOffset.UTC), new Random(1));
    }

    static ClientOptions clientOptions(AuthLevel level) {
        return new ClientOptions(level, "CLIENTPC", "host/wmihost", Clock.fixed(NOW, ZoneOffset.UTC), new Random(2));
    }

    static Credentials alice() {
        return Credentials.ofPassword("WMIHOST", "alice", PASSWORD.toCharArray());
    }

    /** Client and server contexts after a full exchange. */
    record Pair(SecurityContext client, SecurityContext server, byte[] negotiate, byte[] challenge,
                byte[] authenticate) {
    }

    static Pair handshake(Credentials credentials, ClientOptions co, ServerOptions so) {
        SecurityContext client = PROVIDER.newClientContext(credentials, co);
        SecurityContext server = PROVIDER.newServerContext(so);
        byte[] neg = client.step(null);
        byte[] chal = server.step(neg);
        byte[] auth = client.step(chal);
        byte[] last = server.step(auth);
        if (last != null) {
            throw new AssertionError("the server sent a fourth leg");
        }
        return new Pair(client, server, neg, chal, auth);
    }

    static Pair handshake(AuthLevel level) {
        return handshake(alice(), clientOptions(level), serverOptions());
    }
}
