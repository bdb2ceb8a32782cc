package org.jwmi.cli;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.epm.EndpointRegistry;
import org.jwmi.rpc.epm.Epm;
import org.jwmi.rpc.epm.EpmService;
import org.jwmi.rpc.mgmt.MgmtService;
import org.jwmi.dcom.server.DcomServer;
import org.jwmi.rpc.server.RpcServer;
import org.jwmi.server.provider.ProviderRegistry;
import org.jwmi.server.repository.CimRepository;
import org.jwmi.server.security.NamespaceSecurity;
import org.jwmi.server.service.WmiService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server as {@code jwmi serve} runs it: an {@link RpcServer} with the endpoint mapper and the management
 * interface, NTLM authenticating against an {@link AccountStore}, and an endpoint map that lists the served
 * interfaces at the bound address and port. Used by {@code serve}, {@code demo} and the integration tests.
 */
public final class JwmiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JwmiServer.class);

    /** The annotation of our entries in the endpoint map (what {@code rpcdump} shows next to the UUID). */
    public static final String ANNOTATION_EPM = "jwmi endpoint mapper";
    public static final String ANNOTATION_MGMT = "jwmi rpc management";

    /**
     * What to start.
     *
     * @param bindAddress  the address to listen on
     * @param port         the TCP port (0 = ephemeral)
     * @param minAuthLevel the lowest authentication level a call may use
     * @param accounts     the accounts NTLM accepts
     * @param computerName the host name the server announces (NetBIOS name: its first label, upper case)
     * @param domain       the NetBIOS domain the server announces in NTLM; empty for a stand-alone server, whose
     *                     domain is its NetBIOS computer name. Which logon domains match an account is the
     *                     account store's rule ({@link FileAccountStore}).
     * @param dataDir      where the CIM repository lives ({@value #REPOSITORY_FILE}); null for a temporary one
     * @param exporterPort the TCP port of the WMI object exporter; 0 for a dynamic one
     */
    public record Config(InetAddress bindAddress, int port, AuthLevel minAuthLevel, AccountStore accounts,
                         String computerName, String domain, Path dataDir, int exporterPort) {
        public Config {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(minAuthLevel, "minAuthLevel");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(computerName, "computerName");
            Objects.requireNonNull(domain, "domain");
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (exporterPort < 0 || exporterPort > 0xffff) {
                throw new IllegalArgumentException("exporter port out of range: " + exporterPort);
            }
        }

        public static Config of(InetAddress bindAddress, int port, AuthLevel minAuthLevel, AccountStore accounts,
                                String domain) {
            return new Config(bindAddress, port, minAuthLevel, accounts, localComputerName(), domain, null, 0);
        }

        /** This configuration with the WMI repository in {@code dir} (null: a temporary one, deleted on close). */
        public Config withDataDir(Path dir) {
            return new Config(bindAddress, port, minAuthLevel, accounts, computerName, domain, dir, exporterPort);
        }

        /** This configuration with the WMI object exporter on {@code port} (0: a dynamic port). */
        public Config withExporterPort(int port) {
            return new Config(bindAddress, this.port, minAuthLevel, accounts, computerName, domain, dataDir, port);
        }

        /** The domain announced: the configured one, else the NetBIOS computer name. */
        public String netbiosDomain() {
            return domain.isEmpty() ? netbiosName(computerName) : domain.toUpperCase(Locale.ROOT);
        }
    }

    /** The CIM repository's file in the data directory. */
    public static final String REPOSITORY_FILE = "repository.db";

    private final RpcServer server;
    private final EndpointRegistry registry;
    private final Config config;
    private final Wmi wmi;

    private JwmiServer(RpcServer server, EndpointRegistry registry, Config config, Wmi wmi) {
        this.server = server;
        this.registry = registry;
        this.config = config;
        this.wmi = wmi;
    }

    /**
     * Starts the server; returns once it accepts connections and its endpoint map is filled.
     *
     * @throws java.net.BindException when the address or port cannot be used (the message says what to do)
     */
    public static JwmiServer start(Config config) throws IOException {
        String netbios = netbiosName(config.computerName());
        EndpointRegistry registry = new EndpointRegistry();
        ServerOptions options = serverOptions(config, netbios);
        // The endpoint-mapper port also carries the DCOM object resolver, whose ServerAlive2 is anonymous and whose
        // activations below the minimum must reach DCOM to be refused with E_ACCESSDENIED: the port admits every
        // level, and each interface states its own minimum.
        RpcServer server = RpcServer.builder()
                .bindAddress(config.bindAddress())
                .port(config.port())
                .minAuthLevel(AuthLevel.NONE)
                .security(new NtlmSecurityProvider(), options)
                .principalName(NtlmSecurityProvider.RPC_C_AUTHN_WINNT, netbios)
                .register(config.minAuthLevel(), new EpmService(registry), new MgmtService())
                .build();
        server.start();
        Wmi wmi = null;
        try {
            if (config.bindAddress() instanceof Inet4Address) {
                for (SyntaxId s : server.interfaces()) {
                    String annotation = s.equals(Epm.SYNTAX) ? ANNOTATION_EPM : ANNOTATION_MGMT;
                    registry.register(s, java.util.Optional.empty(), annotation, EndpointRegistry.Protocol.NCACN_IP_TCP,
                            config.bindAddress(), server.port());
                }
            } else {
                LOG.warn("the endpoint map lists IPv4 endpoints only; {} is not IPv4, so ept_lookup answers nothing",
                        config.bindAddress().getHostAddress());
            }
            wmi = Wmi.start(config, server, options, netbios);
        } catch (IOException | RuntimeException e) {
            if (wmi != null) {
                wmi.close();
            }
            server.close();
            throw e;
        }
        return new JwmiServer(server, registry, config, wmi);
    }

    private static ServerOptions serverOptions(Config config, String netbios) {
        String dnsComputer = config.computerName().toLowerCase(Locale.ROOT);
        String dnsDomain = config.domain().isEmpty()
                ? (dnsComputer.contains(".") ? dnsComputer.substring(dnsComputer.indexOf('.') + 1) : dnsComputer)
                : config.domain().toLowerCase(Locale.ROOT);
        return new ServerOptions(config.accounts(), config.netbiosDomain(), netbios, dnsDomain, dnsComputer, false,
                Clock.systemUTC(), new SecureRandom());
    }

    public RpcServer rpcServer() {
        return server;
    }

    public EndpointRegistry registry() {
        return registry;
    }

    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.localAddress();
    }

    public AuthLevel minAuthLevel() {
        return config.minAuthLevel();
    }

    /** The interfaces served, in registration order. */
    public List<SyntaxId> interfaces() {
        return server.interfaces();
    }

    /** {@code 127.0.0.1:135}, {@code [::1]:135}. */
    public String where() {
        InetAddress a = config.bindAddress();
        String host = a.getHostAddress();
        return (a instanceof Inet4Address ? host : "[" + host + "]") + ":" + port();
    }

    /** The DCOM server (object exporter, class registry). */
    public DcomServer dcom() {
        return wmi.dcom;
    }

    /** The WMI service. */
    public WmiService wmiService() {
        return wmi.service;
    }

    /** The providers (instances and methods of dynamic classes). */
    public ProviderRegistry providers() {
        return wmi.providers;
    }

    /** Namespace security descriptors and the encryption requirement. */
    public NamespaceSecurity namespaceSecurity() {
        return wmi.security;
    }

    /** The CIM repository. */
    public CimRepository repository() {
        return wmi.repository;
    }

    @Override
    public void close() {
        server.close();
        wmi.close();
    }

    /** This machine's host name, from the kernel; {@code localhost} if unknown. */
    static String localComputerName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env.strip();
    }

    /** [MS-NLMP] NetBIOS computer name: the first DNS label, upper case, at most 15 characters. */
    static String netbiosName(String host) {
        String first = host.split("\\.", 2)[0].toUpperCase(Locale.ROOT);
        if (first.isEmpty()) {
            first = "JWMI";
        }
        return first.length() > 15 ? first.substring(0, 15) : first;
    }
}
