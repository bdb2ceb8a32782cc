package org.jwmi.dcom.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.ServerOptions;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.SecurityBinding;
import org.jwmi.rpc.server.RpcServer;
import org.jwmi.rpc.server.RpcService;
import org.jwmi.wire.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DCOM server ([MS-DCOM] 3.1): the object resolver's interfaces (IRemoteSCMActivator, IActivation,
 * IObjectExporter) registered on an existing RPC server on the endpoint-mapper port, and an object exporter on
 * its own RPC server (dynamic port by default, fixed when configured) hosting IRemUnknown/IRemUnknown2 and the
 * interfaces of exported objects, dispatched by IPID.
 *
 * <pre>
 * RpcServer epm = RpcServer.builder().port(135).minAuthLevel(AuthLevel.NONE).security(ntlm, options).build();
 * DcomServer dcom = DcomServer.builder().resolver(epm).security(ntlm, options).build();
 * dcom.classes().register(clsid, ctx -&gt; ComObject.of(Map.of(iid, dispatcher)));
 * epm.start();
 * dcom.start();
 * </pre>
 * The resolver's RPC server should have minimum level NONE: ServerAlive2 is anonymous, and activation requests at
 * a low level must reach DCOM to be refused with E_ACCESSDENIED (the RPC layer would answer with a fault instead).
 * Closing the DcomServer stops the exporter and the collector and releases every object; the resolver server
 * belongs to the caller.
 */
public final class DcomServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DcomServer.class);

    private final DcomConfig config;
    private final RpcServer resolver;
    private final RpcServer exporterServer;
    private final ObjectExporter exporter;
    private final ClassRegistry classes;
    private final List<RpcService> resolverServices;
    private final Duration collectorInterval;
    private final String threadNamePrefix;
    private ScheduledExecutorService collector;
    private boolean started;
    private boolean closed;

    private DcomServer(Builder b, DcomConfig config, RpcServer exporterServer) {
        this.config = config;
        this.resolver = b.resolver;
        this.exporterServer = exporterServer;
        this.classes = b.classes;
        this.exporter = new ObjectExporter(config);
        Activator activator = new Activator(exporter, classes);
        this.resolverServices = List.of(new ScmActivatorService(activator), new ActivationService(activator),
                new ResolverService(exporter));
        this.collectorInterval = b.collectorInterval != null ? b.collectorInterval
                : Duration.ofMillis(Math.max(10, config.pingPeriod().toMillis() / 4));
        this.threadNamePrefix = b.threadNamePrefix;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the exporter's RPC server, registers the resolver interfaces on the resolver server (if one was
     * given) and starts the ping collector. Returns this.
     */
    public synchronized DcomServer start() throws IOException {
        if (started || closed) {
            throw new IllegalStateException(closed ? "DCOM server closed" : "DCOM server already started");
        }
        exporterServer.start();
        exporter.attach(exporterServer);
        if (resolver != null) {
            resolver.register(AuthLevel.NONE, resolverServices.toArray(new RpcService[0]));
        }
        if (!collectorInterval.isZero() && !collectorInterval.isNegative()) {
            collector = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, threadNamePrefix + "-collector");
                t.setDaemon(true);
                return t;
            });
            long ms = collectorInterval.toMillis();
            collector.scheduleWithFixedDelay(this::collect, ms, ms, TimeUnit.MILLISECONDS);
        }
        started = true;
        LOG.info("DCOM object exporter listening on port {} (OXID {}, COM version {}, authnHint {}, activation "
                        + "hardening {})", exporterServer.port(), Long.toUnsignedString(exporter.oxid(), 16),
                config.comVersion(), config.exporterAuthLevel().scriptName(),
                config.activationHardening() ? "on" : "off");
        return this;
    }

    private void collect() {
        try {
            exporter.collectGarbage();
        } catch (RuntimeException e) {
            LOG.warn("ping collector failed", e);
        }
    }

    /** The classes this server activates. */
    public ClassRegistry classes() {
        return classes;
    }

    /** The object exporter (OXID, marshaling, tables). */
    public ObjectExporter exporter() {
        return exporter;
    }

    /** The exporter's RPC server. */
    public RpcServer exporterServer() {
        return exporterServer;
    }

    /** The exporter's TCP port (after {@link #start()}). */
    public int exporterPort() {
        return exporterServer.port();
    }

    /**
     * IRemoteSCMActivator, IActivation and IObjectExporter, for a caller that registers them on its endpoint-mapper
     * server itself (when no {@link Builder#resolver} was given).
     */
    public List<RpcService> resolverServices() {
        return resolverServices;
    }

    /** Stops the collector and the exporter's RPC server and releases every object. Idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = collector;
        }
        if (c != null) {
            c.shutdownNow();
            try {
                c.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exporterServer.close();
        exporter.closeAll();
    }

    /** Settings of a {@link DcomServer}. */
    public static final class Builder {
        private RpcServer resolver;
        private int exporterPort;
        private InetAddress exporterBindAddress;
        private final List<Object[]> security = new ArrayList<>();
        private final Map<Integer, String> principalNames = new LinkedHashMap<>();
        private String hostName;
        private AuthLevel exporterAuthLevel = AuthLevel.PKT_INTEGRITY;
        private boolean activationHardening = true;
        private Duration pingPeriod = Duration.ofSeconds(120);
        private int pingTimeoutPeriods = 3;
        private ComVersion comVersion = ComVersion.V5_7;
        private Clock clock = Clock.systemUTC();
        private Random random;
        private Limits limits = Limits.DEFAULT;
        private ClassRegistry classes = new ClassRegistry();
        private Duration collectorInterval;
        private String threadNamePrefix = "jwmi-dcom";

        private Builder() {
        }

        /** The RPC server on the endpoint-mapper port; the resolver interfaces are registered on it at start. */
        public Builder resolver(RpcServer server) {
            this.resolver = server;
            return this;
        }

        /** The exporter's port: 0 (default) for a dynamic one, e.g. 24158 for WMI's standalone host. */
        public Builder exporterPort(int port) {
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.exporterPort = port;
            return this;
        }

        /** The exporter's bind address; default: the resolver's, else 0.0.0.0. */
        public Builder exporterBindAddress(InetAddress address) {
            this.exporterBindAddress = address;
            return this;
        }

        /** A security provider of the exporter (repeatable); each also yields a SECURITYBINDING. */
        public Builder security(SecurityProvider provider, ServerOptions options) {
            security.add(new Object[] {Objects.requireNonNull(provider), Objects.requireNonNull(options)});
            return this;
        }

        /** The principal name of a security binding (default: the host name). */
        public Builder principalName(int authType, String name) {
            principalNames.put(authType, Objects.requireNonNull(name));
            return this;
        }

        /** The host name put in string bindings after the dialled address (default: the local host name). */
        public Builder hostName(String name) {
            this.hostName = name;
            return this;
        }

        /** The exporter's authentication level: authnHint and the default minimum for objects (PKT_INTEGRITY). */
        public Builder exporterAuthLevel(AuthLevel level) {
            this.exporterAuthLevel = Objects.requireNonNull(level);
            return this;
        }

        /** Refuse activation below PktIntegrity with E_ACCESSDENIED (default true, as patched Windows does). */
        public Builder activationHardening(boolean on) {
            this.activationHardening = on;
            return this;
        }

        /** The ping period (default 120 s, [MS-DCOM] 3.1.2.2). */
        public Builder pingPeriod(Duration period) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("ping period must be positive");
            }
            this.pingPeriod = period;
            return this;
        }

        /** Ping periods without a ping after which a set expires and its objects go (default 3). */
        public Builder pingTimeoutPeriods(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("at least one period");
            }
            this.pingTimeoutPeriods = n;
            return this;
        }

        /** The COM version this server reports (default 5.7). */
        public Builder comVersion(ComVersion version) {
            this.comVersion = Objects.requireNonNull(version);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The source of OXIDs, OIDs, IPIDs and SETIDs (default SecureRandom). */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** Share a class registry (default: a new one). */
        public Builder classes(ClassRegistry registry) {
            this.classes = Objects.requireNonNull(registry);
            return this;
        }

        /** How often the collector runs (default ping period / 4); zero disables it. */
        public Builder collectorInterval(Duration interval) {
            this.collectorInterval = Objects.requireNonNull(interval);
            return this;
        }

        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = Objects.requireNonNull(prefix);
            return this;
        }

        public DcomServer build() {
            InetAddress bind = exporterBindAddress;
            if (bind == null && resolver != null && resolver.localAddress() != null) {
                bind = resolver.localAddress().getAddress();
            }
            String host = hostName != null ? hostName : localHostName();
            List<SecurityBinding> bindings = new ArrayList<>();
            RpcServer.Builder rb = RpcServer.builder().port(exporterPort).minAuthLevel(AuthLevel.NONE).limits(limits)
                    .threadNamePrefix(threadNamePrefix + "-exporter");
            if (bind != null) {
                rb.bindAddress(bind);
            }
            if (random != null) {
                rb.random(random);
            }
            for (Object[] s : security) {
                SecurityProvider p = (SecurityProvider) s[0];
                rb.security(p, (ServerOptions) s[1]);
                String princ = principalNames.getOrDefault(p.authType(), host);
                rb.principalName(p.authType(), princ);
                bindings.add(new SecurityBinding(p.authType(), princ));
            }
            Random rnd = random != null ? random : new SecureRandom();
            DcomConfig config = new DcomConfig(bind, host, bindings, exporterAuthLevel, activationHardening,
                    pingPeriod, pingTimeoutPeriods, comVersion, clock, rnd, limits);
            return new DcomServer(this, config, rb.build());
        }

        private static String localHostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
