package org.jwmi.rpc.epm;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.mgmt.MgmtService;
import org.jwmi.rpc.server.RpcServer;
import org.jwmi.wire.Limits;

/**
 * A loopback RpcServer with the endpoint mapper (open to anonymous callers, as on Windows) and the management
 * interface (at a given minimum level), NTLM with one local account, and its own endpoints registered. The server's
 * own minimum level is none: RpcServer treats it as a floor under every interface's level.
 */
public final class LoopbackServer implements AutoCloseable {

    public static final String DOMAIN = "JWMI";
    public static final String USER = "epmuser";
    public static final String PASSWORD = "Epm-Passw0rd!";
    public static final String PRINCIPAL = "TESTSRV\\jwmi";
    /** An interface registered on another (fake) port, for ept_map. */
    public static final SyntaxId OTHER =
            new SyntaxId(UUID.fromString("9556dc99-828c-11cf-a37e-00aa003240c7"), 0, 0);
    public static final int OTHER_PORT = 49999;

    public final EndpointRegistry registry = new EndpointRegistry();
    public final EpmService epm = new EpmService(registry, new Random(42), Limits.DEFAULT, 64);
    public final MgmtService mgmt = new MgmtService();
    public final RpcServer server;

    static final AccountStore ACCOUNTS = (domain, user) -> user.toLowerCase(Locale.ROOT).equals(USER)
            ? Optional.of(new AccountStore.Account(DOMAIN, USER, NtlmHashes.ntOwfV1(PASSWORD.toCharArray())))
            : Optional.empty();

    public LoopbackServer(AuthLevel mgmtMinLevel) throws IOException {
        server = RpcServer.builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .port(0)
                .security(new NtlmSecurityProvider(), new ServerOptions(ACCOUNTS, DOMAIN, "TESTSRV", "jwmi.test",
                        "testsrv.jwmi.test", false, Clock.systemUTC(), new java.security.SecureRandom()))
                .minAuthLevel(AuthLevel.NONE)
                .principalName(NtlmSecurityProvider.RPC_C_AUTHN_WINNT, PRINCIPAL)
                .readTimeout(Duration.ofSeconds(5))
                .idleTimeout(Duration.ofSeconds(30))
                .threadNamePrefix("jwmi-epm-test")
                .register(AuthLevel.NONE, epm)
                .register(mgmtMinLevel, mgmt)
                .build()
                .start();
        registry.registerAll(server.interfaces(), "jwmi rpc", InetAddress.getLoopbackAddress(), server.port());
        registry.register(OTHER, Optional.empty(), "wmi", EndpointRegistry.Protocol.NCACN_IP_TCP,
                InetAddress.getLoopbackAddress(), OTHER_PORT);
    }

    public int port() {
        return server.port();
    }

    public static Credentials credentials() {
        return Credentials.ofPassword(DOMAIN, USER, PASSWORD.toCharArray());
    }

    @Override
    public void close() {
        server.close();
    }
}
