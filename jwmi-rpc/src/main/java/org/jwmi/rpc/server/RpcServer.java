package org.jwmi.rpc.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.ServerOptions;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection-oriented RPC server over TCP (ncacn_ip_tcp, [MS-RPCE] 2.1.1.1, 3.3.3): a listener thread and one
 * reader thread per connection from a pool bounded by {@link Limits#maxConnections()}; connections beyond it are
 * closed at once. Each connection runs the protocol machine of {@link ServerConnection}: presentation-context
 * and bind-time feature negotiation, security contexts through the {@link SecurityProvider} registered for the
 * auth_type, per-fragment verification, reassembly and dispatch to the registered {@link RpcService}s.
 *
 * <pre>
 * try (RpcServer s = RpcServer.builder().bindAddress(InetAddress.getLoopbackAddress())
 *         .security(ntlm, serverOptions).register(service).build().start()) {
 *     int port = s.port();
 * }
 * </pre>
 */
public final class RpcServer implements ServerView, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    /** Every implementation must receive fragments of this size ([C706] MustRecvFragSize). */
    public static final int MUST_RECV_FRAG_SIZE = 1432;

    final InetAddress bindAddress;
    final int requestedPort;
    final Limits limits;
    final Map<Integer, SecurityProvider> providers;
    final Map<Integer, ServerOptions> providerOptions;
    final AuthLevel minAuthLevel;
    final int maxFragmentSize;
    final int idleTimeoutMillis;
    final int readTimeoutMillis;
    final Map<Integer, String> principalNames;
    final String threadNamePrefix;
    final Random random;

    final List<ServiceEntry> services = new CopyOnWriteArrayList<>();
    final AssocGroups groups = new AssocGroups();
    final AtomicLong callsIn = new AtomicLong();
    final AtomicLong callsOut = new AtomicLong();
    final AtomicLong pktsIn = new AtomicLong();
    final AtomicLong pktsOut = new AtomicLong();
    /** Unexpected runtime failures inside connection handling (a bug if ever non-zero). */
    final AtomicLong internalErrors = new AtomicLong();
    private final AtomicLong connectionIds = new AtomicLong();
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = Collections.newSetFromMap(new ConcurrentHashMap<>());

    private volatile ServerSocket serverSocket;
    private volatile ThreadPoolExecutor pool;
    private volatile Thread acceptor;
    private volatile boolean closed;

    /** A registered interface and the minimum level its calls need. */
    record ServiceEntry(RpcService service, AuthLevel minLevel) {
    }

    private RpcServer(Builder b) {
        this.bindAddress = b.bindAddress;
        this.requestedPort = b.port;
        this.limits = b.limits;
        this.providers = Map.copyOf(b.providers);
        this.providerOptions = Map.copyOf(b.providerOptions);
        this.minAuthLevel = b.minAuthLevel;
        this.maxFragmentSize = Math.min(b.maxFragmentSize, b.limits.maxFragmentSize());
        this.idleTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, b.idleTimeout.toMillis());
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, b.readTimeout.toMillis());
        this.principalNames = Map.copyOf(b.principalNames);
        this.threadNamePrefix = b.threadNamePrefix;
        this.random = b.random;
        for (ServiceEntry e : b.services) {
            services.add(e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the listening socket and starts accepting; returns once connections are accepted.
     *
     * @throws BindException with a message saying why the address cannot be used and what to do
     */
    public synchronized RpcServer start() throws IOException {
        if (serverSocket != null || closed) {
            throw new IllegalStateException(closed ? "server closed" : "server already started");
        }
        ServerSocket ss = new ServerSocket();
        try {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(bindAddress, requestedPort), 128);
        } catch (IOException e) {
            ss.close();
            throw bindFailure(bindAddress, requestedPort, e);
        }
        serverSocket = ss;
        int port = ss.getLocalPort();
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, limits.maxConnections(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    threads.remove(Thread.currentThread());
                }
            }, threadNamePrefix + "-" + port + "-conn-" + n.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
        Thread a = new Thread(this::acceptLoop, threadNamePrefix + "-" + port + "-accept");
        a.setDaemon(true);
        acceptor = a;
        a.start();
        LOG.info("RPC server listening on {}:{} ({} interfaces, minimum level {})", bindAddress.getHostAddress(), port,
                services.size(), minAuthLevel.scriptName());
        return this;
    }

    /** A BindException whose message says why {@code address:port} cannot be used and what to do instead. */
    static BindException bindFailure(InetAddress bindAddress, int requestedPort, IOException e) {
        String where = bindAddress.getHostAddress() + ":" + requestedPort;
        String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        String text;
        if (msg.contains("permission denied") || msg.contains("access denied") || msg.contains("not permitted")) {
            text = "cannot bind " + where + ": permission denied"
                    + (requestedPort > 0 && requestedPort < 1024
                    ? " — ports below 1024 need root or CAP_NET_BIND_SERVICE; use --port" : "");
        } else if (msg.contains("in use")) {
            text = "cannot bind " + where + ": address already in use — another process listens there; stop it or use --port";
        } else if (msg.contains("assign requested address") || msg.contains("not available")) {
            text = "cannot bind " + where + ": the address is not local to this machine; use a local address or 0.0.0.0";
        } else {
            text = "cannot bind " + where + ": " + e.getMessage();
        }
        BindException b = new BindException(text);
        b.initCause(e);
        return b;
    }

    private void acceptLoop() {
        ServerSocket ss = serverSocket;
        while (!closed) {
            Socket s;
            try {
                s = ss.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed on port {}: {}", ss.getLocalPort(), e.toString());
                }
                if (ss.isClosed()) {
                    return;
                }
                continue;
            }
            if (closed) {
                closeQuietly(s);
                return;
            }
            ServerConnection c = new ServerConnection(this, s, connectionIds.incrementAndGet());
            connections.add(c);
            try {
                pool.execute(c);
            } catch (RejectedExecutionException e) {
                connections.remove(c);
                LOG.warn("refused connection from {}: {} connections already open (Limits.maxConnections)",
                        s.getRemoteSocketAddress(), limits.maxConnections());
                closeQuietly(s);
            }
        }
    }

    void connectionEnded(ServerConnection c) {
        connections.remove(c);
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** Registers more interfaces; calls need the server's minimum level. */
    public void register(RpcService... svc) {
        register(minAuthLevel, svc);
    }

    /** Registers more interfaces whose calls need at least {@code minLevel} (like RpcServerRegisterIf3). */
    public void register(AuthLevel minLevel, RpcService... svc) {
        for (RpcService s : svc) {
            services.add(new ServiceEntry(Objects.requireNonNull(s), minLevel));
        }
    }

    /** The service for an abstract syntax: same UUID and major version, minor version not above the service's. */
    ServiceEntry lookup(SyntaxId abs) {
        for (ServiceEntry e : services) {
            SyntaxId s = e.service.syntax();
            if (s.uuid().equals(abs.uuid()) && s.versionMajor() == abs.versionMajor()
                    && abs.versionMinor() <= s.versionMinor()) {
                return e;
            }
        }
        return null;
    }

    @Override
    public List<SyntaxId> interfaces() {
        List<SyntaxId> out = new ArrayList<>();
        for (ServiceEntry e : services) {
            out.add(e.service.syntax());
        }
        return out;
    }

    @Override
    public long[] stats() {
        return new long[] {callsIn.get(), callsOut.get(), pktsIn.get(), pktsOut.get()};
    }

    @Override
    public Optional<String> principalName(int authType) {
        return Optional.ofNullable(principalNames.get(authType));
    }

    @Override
    public int port() {
        ServerSocket ss = serverSocket;
        return ss == null ? requestedPort : ss.getLocalPort();
    }

    public InetSocketAddress localAddress() {
        ServerSocket ss = serverSocket;
        return ss == null ? new InetSocketAddress(bindAddress, requestedPort)
                : (InetSocketAddress) ss.getLocalSocketAddress();
    }

    public int activeConnections() {
        return connections.size();
    }

    /** Stops accepting, closes every connection and waits for every thread of this server to end. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ServerSocket ss = serverSocket;
        if (ss != null) {
            try {
                ss.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        Thread a = acceptor;
        if (a != null) {
            joinQuietly(a);
        }
        for (ServerConnection c : connections) {
            c.closeSocket();
        }
        ThreadPoolExecutor p = pool;
        if (p != null) {
            p.shutdown();
            try {
                if (!p.awaitTermination(5, TimeUnit.SECONDS)) {
                    p.shutdownNow();
                    p.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Thread t : List.copyOf(threads)) {
            joinQuietly(t);
        }
        if (ss != null) {
            LOG.info("RPC server on port {} closed", ss.getLocalPort());
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Configures an {@link RpcServer}. */
    public static final class Builder {
        private InetAddress bindAddress = anyLocal();
        private int port;
        private Limits limits = Limits.DEFAULT;
        private final Map<Integer, SecurityProvider> providers = new HashMap<>();
        private final Map<Integer, ServerOptions> providerOptions = new HashMap<>();
        private AuthLevel minAuthLevel = AuthLevel.PKT_INTEGRITY;
        private final List<ServiceEntry> services = new ArrayList<>();
        private final List<RpcService> pendingDefault = new ArrayList<>();
        private int maxFragmentSize = 5840;
        private Duration idleTimeout = Duration.ofMinutes(15);
        private Duration readTimeout = Duration.ofSeconds(30);
        private final Map<Integer, String> principalNames = new HashMap<>();
        private String threadNamePrefix = "jwmi-rpc";
        private Random random = new SecureRandom();

        private static InetAddress anyLocal() {
            try {
                return InetAddress.getByAddress(new byte[4]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** 0 (the default) picks an ephemeral port; {@link RpcServer#port()} tells which. */
        public Builder port(int port) {
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port " + port + " out of range");
            }
            this.port = port;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** Accepts security contexts of {@code provider.authType()}, each created with {@code options}. */
        public Builder security(SecurityProvider provider, ServerOptions options) {
            providers.put(provider.authType(), provider);
            providerOptions.put(provider.authType(), Objects.requireNonNull(options));
            return this;
        }

        /** The level below which calls are refused with ERROR_ACCESS_DENIED (default pktIntegrity). */
        public Builder minAuthLevel(AuthLevel level) {
            this.minAuthLevel = Objects.requireNonNull(level);
            return this;
        }

        /** Interfaces whose calls need the server's minimum level (as set by {@link #minAuthLevel}). */
        public Builder register(RpcService... svc) {
            pendingDefault.addAll(List.of(svc));
            return this;
        }

        public Builder register(AuthLevel minLevel, RpcService... svc) {
            for (RpcService s : svc) {
                services.add(new ServiceEntry(Objects.requireNonNull(s), minLevel));
            }
            return this;
        }

        /** The largest fragment this server sends or receives (default 5840 like Windows; at least 1432). */
        public Builder maxFragmentSize(int bytes) {
            if (bytes < MUST_RECV_FRAG_SIZE || bytes > 0xffff) {
                throw new IllegalArgumentException("fragment size must be between 1432 and 65535");
            }
            this.maxFragmentSize = bytes;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            this.idleTimeout = positive(d);
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d);
            return this;
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            return d;
        }

        public Builder principalName(int authType, String name) {
            principalNames.put(authType, Objects.requireNonNull(name));
            return this;
        }

        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = Objects.requireNonNull(prefix);
            return this;
        }

        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public RpcServer build() {
            List<ServiceEntry> all = new ArrayList<>(services);
            for (RpcService s : pendingDefault) {
                all.add(new ServiceEntry(s, minAuthLevel));
            }
            Builder copy = this;
            copy.services.clear();
            copy.services.addAll(all);
            pendingDefault.clear();
            return new RpcServer(copy);
        }
    }
}
