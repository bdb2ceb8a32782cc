package org.jwmi.client;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.client.DcomClient;
import org.jwmi.dcom.client.DcomException;
import org.jwmi.dcom.client.ImpersonationLevel;
import org.jwmi.dcom.client.QiResult;
import org.jwmi.dcom.client.SecurityBlanket;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.wire.Limits;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.marshal.WmiMarshalers;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.NtlmLoginRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IWbemLocator: connects to WMI namespaces. One locator is one DCOM client runtime (what CoInitializeSecurity
 * sets up for a Windows process): its default {@link SecurityBlanket}, its security providers (NTLM), its
 * connection pool (connections are shared by every proxy that needs the same server with the same security), its
 * {@link WbemTimeouts}. Closing it releases every proxy still held and closes every connection.
 *
 * <pre>
 * try (WbemLocator locator = WbemLocator.builder().build();
 *      WbemServices svc = locator.connect("\\\\server\\root\\cimv2")
 *              .user("CORP\\alice").password(password)
 *              .authnLevel(AuthLevel.PKT_PRIVACY)
 *              .open()) {
 *     try (WbemEnumerator e = svc.execQuery("SELECT Name FROM Win32_Process")) {
 *         e.stream().forEach(p -&gt; System.out.println(p.getValue("Name")));
 *     }
 * }
 * </pre>
 */
public final class WbemLocator implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(WbemLocator.class);
    /** ConnectServer lSecurityFlags: return within two minutes ([MS-WMI] has no wire form; the client enforces it). */
    public static final int WBEM_FLAG_CONNECT_USE_MAX_WAIT = 0x80;
    private static final Duration MAX_WAIT = Duration.ofMinutes(2);
    private static final Pattern LOCALE = Pattern.compile("MS_[0-9A-Fa-f]{1,8}");

    private final Session session;
    private final DcomClient dcom;
    private final Stages stages;
    private final Callbacks callbacks;

    private WbemLocator(Builder b) {
        this.stages = new Stages(b.timeouts, b.threadNamePrefix + "-call");
        ClientConfig rpc = ClientConfig.defaults().withLimits(b.limits).withConnectTimeout(b.timeouts.connect())
                .withReadTimeout(b.timeouts.longest().plusSeconds(5));
        DcomClient.Builder d = DcomClient.builder().defaultBlanket(b.defaultBlanket).rpcConfig(rpc)
                .resolverPort(b.resolverPort).unmarshalers(WmiMarshalers.withWmi())
                .threadNamePrefix(b.threadNamePrefix);
        for (SecurityProvider p : b.providers) {
            d.securityProvider(p);
        }
        if (b.workstation != null) {
            d.workstation(b.workstation);
        }
        this.dcom = d.build();
        this.callbacks = new Callbacks(b.callbackAddress, b.callbackPort, b.limits, b.threadNamePrefix);
        this.session = new Session(dcom, stages, b.limits, callbacks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The timeouts of every stage. */
    public WbemTimeouts timeouts() {
        return stages.timeouts();
    }

    /** The DCOM runtime underneath (proxy and connection counts, pings). */
    public DcomClient dcomClient() {
        return dcom;
    }

    /**
     * IWbemLocator::ConnectServer: activates CLSID_WbemLevel1Login on the server, logs in to the namespace with
     * IWbemLevel1Login::NTLMLogin and returns the IWbemServices proxy with the connection's blanket already set
     * (the CoSetProxyBlanket step: identity from {@code user} and {@code password}, the locator's default level
     * and impersonation).
     *
     * @param networkResource {@code \\server\root\cimv2}, {@code //server/root/cimv2}, or {@code root\cimv2} for
     *                        this computer
     * @param user            DOMAIN&#92;user, {@code user@domain}, {@code user}, or {@code null} for the
     *                        locator's default identity
     * @param password        the password (not kept: copied into the credentials), or {@code null} with a null user
     * @param locale          {@code MS_409} style, or {@code null} for the server's default
     * @param securityFlags   0 or {@link #WBEM_FLAG_CONNECT_USE_MAX_WAIT}
     * @param authority       {@code ntlmdomain:DOMAIN} or {@code null}; {@code kerberos:...} is refused (not
     *                        implemented yet)
     * @param context         an IWbemContext for the login, or {@code null}
     * @throws WbemException  naming the stage that failed and the fix where one is known
     */
    public WbemServices connectServer(String networkResource, String user, char[] password, String locale,
                                      int securityFlags, String authority, WbemContext context) {
        Connect c = connect(networkResource).locale(locale).securityFlags(securityFlags).authority(authority)
                .context(context);
        if (user != null) {
            c.user(user);
        }
        if (password != null) {
            c.password(password);
        }
        return c.open();
    }

    /** A connection to {@code networkResource} to configure, then {@link Connect#open()}. */
    public Connect connect(String networkResource) {
        return new Connect(networkResource);
    }

    /** ConnectServer's arguments, with the blanket settings a Java caller would otherwise set afterwards. */
    public final class Connect {
        private final String networkResource;
        private String user;
        private char[] password;
        private byte[] ntHash;
        private Credentials credentials;
        private String authority;
        private String locale;
        private int securityFlags;
        private WbemContext context;
        private AuthLevel authnLevel = AuthLevel.DEFAULT;
        private ImpersonationLevel impersonation = ImpersonationLevel.DEFAULT;
        private SecurityBlanket blanket = SecurityBlanket.DEFAULT;

        private Connect(String networkResource) {
            this.networkResource = networkResource;
        }

        /** DOMAIN&#92;user, {@code user@domain} or {@code user} (with {@link #authority}). */
        public Connect user(String u) {
            this.user = u;
            return this;
        }

        /** The password (copied; wipe yours after {@link #open()}). */
        public Connect password(char[] p) {
            this.password = p == null ? null : p.clone();
            return this;
        }

        /** The NT hash (16 bytes) instead of a password. */
        public Connect ntHash(byte[] hash) {
            if (hash != null && hash.length != 16) {
                throw new IllegalArgumentException("an NT hash has 16 bytes, not " + hash.length);
            }
            this.ntHash = hash == null ? null : hash.clone();
            return this;
        }

        /** Complete credentials instead of user, password and authority. */
        public Connect credentials(Credentials c) {
            this.credentials = c;
            return this;
        }

        /** {@code ntlmdomain:DOMAIN}; {@code kerberos:...} is refused until Kerberos is implemented. */
        public Connect authority(String a) {
            this.authority = a;
            return this;
        }

        /** {@code MS_409}. */
        public Connect locale(String l) {
            this.locale = l;
            return this;
        }

        public Connect securityFlags(int flags) {
            this.securityFlags = flags;
            return this;
        }

        public Connect context(WbemContext c) {
            this.context = c;
            return this;
        }

        /** The authentication level of the activation, the login and the returned proxy. */
        public Connect authnLevel(AuthLevel level) {
            this.authnLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        public Connect impersonationLevel(ImpersonationLevel level) {
            this.impersonation = Objects.requireNonNull(level, "level");
            return this;
        }

        /** Further blanket fields (authentication service, SPN, capabilities); the fields above override it. */
        public Connect blanket(SecurityBlanket b) {
            this.blanket = Objects.requireNonNull(b, "blanket");
            return this;
        }

        /** ConnectServer. */
        public WbemServices open() {
            NetworkResource res = NetworkResource.parse(networkResource);
            if (locale != null && !LOCALE.matcher(locale).matches()) {
                throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, "locale '" + locale + "' must be MS_xxx"
                        + " with a hexadecimal LCID (MS_409 for English, United States)");
            }
            if ((securityFlags & ~WBEM_FLAG_CONNECT_USE_MAX_WAIT) != 0) {
                throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, String.format("securityFlags 0x%x: only"
                        + " 0 and WBEM_FLAG_CONNECT_USE_MAX_WAIT (0x80) are defined", securityFlags));
            }
            SecurityBlanket.Builder bb = blanket.toBuilder();
            Credentials creds = credentials();
            if (creds != null) {
                bb.identity(creds);
            }
            if (authnLevel != AuthLevel.DEFAULT) {
                bb.authnLevel(authnLevel);
            }
            if (impersonation != ImpersonationLevel.DEFAULT) {
                bb.impersonationLevel(impersonation);
            }
            SecurityBlanket b = bb.build();
            if ((securityFlags & WBEM_FLAG_CONNECT_USE_MAX_WAIT) != 0) {
                return stages.run(WbemStage.ACTIVATION, MAX_WAIT, "ConnectServer(" + networkResource + ")",
                        () -> login(res, b, locale, context));
            }
            return login(res, b, locale, context);
        }

        private Credentials credentials() {
            if (credentials != null) {
                if (user != null || password != null || ntHash != null) {
                    throw new IllegalArgumentException("give either credentials or user and password/NT hash");
                }
                Identity.authorityDomain(authority);
                return credentials;
            }
            if (user == null) {
                if (password != null || ntHash != null) {
                    throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, "a password or NT hash needs a user");
                }
                Identity.authorityDomain(authority);
                return null;
            }
            Identity id = Identity.parse(user, authority);
            if (password != null && ntHash != null) {
                throw new IllegalArgumentException("give a password or an NT hash, not both");
            }
            if (ntHash != null) {
                return Credentials.ofNtHash(id.domain(), id.user(), ntHash);
            }
            if (password == null) {
                throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, "user " + user + " needs a password or"
                        + " an NT hash (this client has no logon session to take them from)");
            }
            try {
                return Credentials.ofPassword(id.domain(), id.user(), password);
            } finally {
                java.util.Arrays.fill(password, '\0');
                password = null;
            }
        }
    }

    /** Activation, exporter bind, NTLMLogin. */
    private WbemServices login(NetworkResource res, SecurityBlanket blanket, String locale, WbemContext context) {
        String host = res.host();
        String what = "ConnectServer(\\\\" + res.server() + "\\" + res.namespace() + ")";
        ComProxy login = stages.run(WbemStage.ACTIVATION, what + ": activation of WbemLevel1Login on " + host
                        + ":" + resolverPortHint(),
                () -> dcom.createInstance(host, WmiIds.CLSID_WBEM_LEVEL1_LOGIN, WmiIds.IID_IWBEM_LEVEL1_LOGIN,
                        blanket));
        try {
            stages.run(WbemStage.EXPORTER_BIND, what + ": first call to the WMI object exporter (" + login + ")",
                    () -> probeExporter(login));
            String resource = res.loginResource();
            InterfacePointerResponse r = stages.run(WbemStage.CALL, what + ": NTLMLogin", () -> WbemProxy.decode(login,
                    WmiOpnums.Level1Login.NTLM_LOGIN, "NTLMLogin", w -> new NtlmLoginRequest(WbemProxy.UNSENT,
                            resource, locale, 0, WbemContext.pointer(context)).encodeParams(w),
                    InterfacePointerResponse::decodeResults));
            if (r.hresult() < 0) {
                throw WbemException.fromResult(r.hresult(), WbemStage.CALL, what + ": NTLMLogin to " + resource,
                        login.authnLevel());
            }
            if (r.pointer() == null) {
                throw new WbemException(WbemStatus.WBEM_E_UNEXPECTED, what + ": NTLMLogin returned no IWbemServices");
            }
            ComProxy services = stages.run(WbemStage.OXID_RESOLUTION, what + ": unmarshaling IWbemServices",
                    () -> login.unmarshal(r.pointer()));
            services.setBlanket(blanket);
            LOG.debug("{}: connected at authenticationLevel={}", what, services.authnLevel().scriptName());
            return new WbemServices(session, services, res.server(), res.namespace());
        } finally {
            login.close();
        }
    }

    /**
     * The first call on the exporter's dynamic port: QueryInterface for IWbemLoginClientID, as Windows clients do
     * before NTLMLogin ([MS-WMI] 3.2.3). The answer does not matter (the interface is optional); reaching the port
     * and binding there does.
     */
    private static Void probeExporter(ComProxy login) {
        try {
            List<QiResult> r = login.queryInterfaces(List.of(WmiIds.IID_IWBEM_LOGIN_CLIENT_ID));
            r.forEach(q -> {
                if (q.proxy() != null) {
                    q.proxy().close();
                }
            });
        } catch (DcomException e) {
            int hr = e.hresult();
            if (hr == DcomStatus.RPC_S_SERVER_UNAVAILABLE.value() || hr == DcomStatus.RPC_S_CALL_FAILED.value()
                    || hr == DcomStatus.E_ACCESSDENIED.value() || hr == DcomStatus.ERROR_ACCESS_DENIED.value()
                    || hr == DcomStatus.RPC_E_ACCESS_DENIED.value() || hr == DcomStatus.SEC_E_LOGON_DENIED.value()
                    || hr == DcomStatus.RPC_S_CALL_FAILED_DNE.value()) {
                throw e;
            }
            LOG.debug("QueryInterface(IWbemLoginClientID) answered {}; continuing", e.hresultName());
        }
        return null;
    }

    private String resolverPortHint() {
        return Integer.toString(resolverPort);
    }

    private int resolverPort = DcomClient.RESOLVER_PORT;

    /**
     * The port asynchronous calls are called back on (see {@link Builder#callbackAddress}), 0 before the first
     * asynchronous call.
     */
    public int callbackPort() {
        return callbacks.port();
    }

    /** IWbemObjectSinks of asynchronous calls that the servers have not released yet. */
    public int exportedSinks() {
        return callbacks.exportedSinks();
    }

    /**
     * Releases every proxy still held, closes every connection and the callback endpoint (asynchronous calls still
     * running get no more results), stops the threads. Idempotent.
     */
    @Override
    public void close() {
        try {
            callbacks.close();
            dcom.close();
        } finally {
            stages.close();
        }
    }

    /** Configures a {@link WbemLocator}. */
    public static final class Builder {
        private WbemTimeouts timeouts = WbemTimeouts.DEFAULTS;
        private SecurityBlanket defaultBlanket = SecurityBlanket.DEFAULT;
        private int resolverPort = DcomClient.RESOLVER_PORT;
        private final java.util.List<SecurityProvider> providers = new java.util.ArrayList<>(
                List.of(new NtlmSecurityProvider()));
        private Limits limits = Limits.DEFAULT;
        private String threadNamePrefix = "jwmi-client";
        private String workstation;
        private java.net.InetAddress callbackAddress;
        private int callbackPort;

        private Builder() {
        }

        /**
         * Where the servers call asynchronous calls back ({@link WbemObjectSink}): the address this locator listens
         * on and puts in the sink's OBJREF. Default: every address, each server being given the local address of
         * the route to it. The server must be able to open a TCP connection to it.
         */
        public Builder callbackAddress(java.net.InetAddress address) {
            this.callbackAddress = address;
            return this;
        }

        /**
         * The TCP port of the callback endpoint (object exporter and OXID resolver on one port); 0 (default) for an
         * ephemeral one. Open it in the client's firewall for the server.
         */
        public Builder callbackPort(int port) {
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.callbackPort = port;
            return this;
        }

        public Builder timeouts(WbemTimeouts t) {
            this.timeouts = Objects.requireNonNull(t, "timeouts");
            return this;
        }

        /** One stage's timeout (for {@link WbemStage#NEXT}: the lTimeout each Next sends). */
        public Builder timeout(WbemStage stage, Duration d) {
            this.timeouts = timeouts.with(stage, d);
            return this;
        }

        /** The process-level default blanket (CoInitializeSecurity): fields a proxy leaves at default come from it. */
        public Builder defaultBlanket(SecurityBlanket b) {
            this.defaultBlanket = Objects.requireNonNull(b, "blanket");
            return this;
        }

        /** The object resolver's port (135; tests may use another). */
        public Builder resolverPort(int port) {
            this.resolverPort = port;
            return this;
        }

        /** Another security provider (NTLM is registered already). */
        public Builder securityProvider(SecurityProvider p) {
            providers.add(Objects.requireNonNull(p, "provider"));
            return this;
        }

        /** Decode limits for replies. */
        public Builder limits(Limits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /** The workstation name NTLM announces. */
        public Builder workstation(String name) {
            this.workstation = name;
            return this;
        }

        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        public WbemLocator build() {
            WbemLocator l = new WbemLocator(this);
            l.resolverPort = resolverPort;
            return l;
        }
    }
}
