package org.jwmi.client.scripting;

import java.util.Locale;
import java.util.Objects;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.cim.WbemStatus;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemContext;
import org.jwmi.client.WbemException;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemServices;
import org.jwmi.client.moniker.Moniker;

/**
 * SWbemLocator: connects to namespaces ({@link #connectServer}) and binds monikers ({@link #getObject}). Its
 * {@link #security()} is inherited by every connection it makes (a moniker's own settings override it).
 *
 * <p><b>Credentials.</b> A Windows script connects as the logged-on user unless ConnectServer gives another; a
 * moniker cannot carry a password at all. This client has no logon session, so the locator holds the identity
 * that stands in for it: the <em>default credentials</em> ({@link Builder#defaultCredentials},
 * {@link #setDefaultCredentials}). They are used for every connection to this computer and for remote ones made
 * without a user (monikers always). As on Windows, ConnectServer to this computer refuses a user, password or
 * authority (WBEM_E_LOCAL_CREDENTIALS). A moniker's {@code authority=ntlmdomain:D} authenticates the default user
 * in domain D; {@code kerberos:} is refused until Kerberos is implemented.
 *
 * <p><b>This computer.</b> {@code .}, {@code localhost} and a missing computer name mean this computer, which is
 * dialled at {@link Builder#localComputer} (127.0.0.1 unless set: a jwmi server may listen on another loopback
 * address). The default namespace is {@code root\cimv2} (the registry default), or {@link Builder#defaultNamespace}.
 *
 * <p>Closing the locator closes the DCOM runtime it created (not one given with {@link Builder#locator}).
 */
public final class SWbemLocator implements AutoCloseable {
    /** The default namespace of scripting (HKLM\Software\Microsoft\WBEM\Scripting\Default Namespace). */
    public static final String DEFAULT_NAMESPACE = "root\\cimv2";

    private final WbemLocator locator;
    private final boolean ownsLocator;
    private final String localComputer;
    private final String defaultNamespace;
    private final SWbemSecurity security = SWbemSecurity.defaults();
    private volatile Credentials defaultCredentials;

    private SWbemLocator(Builder b) {
        this.ownsLocator = b.locator == null;
        this.locator = b.locator != null ? b.locator : WbemLocator.builder().build();
        this.localComputer = b.localComputer;
        this.defaultNamespace = b.defaultNamespace;
        this.defaultCredentials = b.defaultCredentials;
    }

    /** A locator with every default (its own DCOM runtime, this computer at 127.0.0.1, no default credentials). */
    public SWbemLocator() {
        this(new Builder());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Security_: inherited by the connections made from now on. */
    public SWbemSecurity security() {
        return security;
    }

    /** The COM-level locator underneath. */
    public WbemLocator wbemLocator() {
        return locator;
    }

    /** The default namespace. */
    public String defaultNamespace() {
        return defaultNamespace;
    }

    /**
     * The identity that stands in for the logged-on user: DOMAIN&#92;user, {@code user@domain} or {@code user},
     * with its password (copied; wipe yours).
     */
    public void setDefaultCredentials(String user, char[] password) {
        setDefaultCredentials(credentials(user, password));
    }

    /** The default identity as {@link Credentials} (kept as given; null clears it). */
    public void setDefaultCredentials(Credentials credentials) {
        this.defaultCredentials = credentials;
    }

    static Credentials credentials(String user, char[] password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        String domain = "";
        String name = user;
        int slash = user.indexOf('\\');
        int at = user.lastIndexOf('@');
        if (slash >= 0) {
            domain = user.substring(0, slash);
            name = user.substring(slash + 1);
        } else if (at >= 0) {
            domain = user.substring(at + 1);
            name = user.substring(0, at);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the user name '" + user + "' is malformed (DOMAIN\\user, user@domain"
                    + " or user)");
        }
        return Credentials.ofPassword(domain, name, password);
    }

    /** ConnectServer to the default namespace of this computer. */
    public SWbemServices connectServer() {
        return connectServer(null, null);
    }

    /** ConnectServer to {@code namespace} (null: the default) on {@code server} (null or {@code .}: this computer). */
    public SWbemServices connectServer(String server, String namespace) {
        return connectServer(server, namespace, null, null, null, null, 0, null);
    }

    /**
     * SWbemLocator.ConnectServer.
     *
     * @param server        the computer, {@code .} or null for this one
     * @param namespace     {@code root\cimv2} or {@code root/cimv2}; null or empty for the default namespace
     * @param user          DOMAIN&#92;user, user@domain or user, for a remote computer only; null for the default
     *                      credentials
     * @param password      its password (copied), or null
     * @param locale        {@code MS_409}, or null
     * @param authority     {@code ntlmdomain:DOMAIN} for a remote computer, or null
     * @param securityFlags 0 or wbemConnectFlagUseMaxWait (0x80)
     * @param context       an IWbemContext, or null
     * @throws WbemException WBEM_E_LOCAL_CREDENTIALS for a user, password or authority to this computer; whatever
     *                       the connection failed with otherwise
     */
    public SWbemServices connectServer(String server, String namespace, String user, char[] password, String locale,
                                       String authority, int securityFlags, WbemContext context) {
        boolean local = Moniker.isLocalServer(server);
        if (local && (user != null || password != null || (authority != null && !authority.isEmpty()))) {
            throw new WbemException(WbemStatus.WBEM_E_LOCAL_CREDENTIALS, "a user, password or authority can only be"
                    + " given for connections to remote computers; connections to this computer use the default"
                    + " credentials (SWbemLocator.setDefaultCredentials)");
        }
        SWbemSecurity s = security.copy();
        Connection c = open(server, namespace, user, password, locale, authority, securityFlags, context, s);
        return new SWbemServices(c, s, true);
    }

    private Connection open(String server, String namespace, String user, char[] password, String locale,
                            String authority, int securityFlags, WbemContext context, SWbemSecurity s) {
        boolean local = Moniker.isLocalServer(server);
        String named = server == null || server.isEmpty() ? "." : server;
        String host = local ? localComputer : server;
        String ns = namespace == null || namespace.isEmpty() ? defaultNamespace : namespace.replace('/', '\\');
        WbemLocator.Connect c = locator.connect("\\\\" + host + "\\" + ns).locale(locale).authority(authority)
                .securityFlags(securityFlags).context(context)
                .impersonationLevel(s.getImpersonationLevel());
        if (s.getAuthenticationLevel() != AuthLevel.DEFAULT) {
            c.authnLevel(s.getAuthenticationLevel());
        }
        if (user != null) {
            c.user(user);
            if (password != null) {
                c.password(password);
            }
        } else {
            Credentials d = defaultCredentials;
            if (d == null) {
                if (local) {
                    throw new WbemException(WbemStatus.WBEM_E_ACCESS_DENIED, "a connection to this computer needs the"
                            + " default credentials: this client has no logon session to take them from"
                            + " (SWbemLocator.setDefaultCredentials or Wmi.setDefaultCredentials)");
                }
            } else {
                c.credentials(withAuthority(d, authority));
                c.authority(null);
            }
            if (password != null) {
                throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, "a password needs a user");
            }
        }
        WbemServices services = c.open();
        s.settle(services.authnLevel());
        return new Connection(services, named, ns, locale, authority);
    }

    /** The default identity in the authority's NTLM domain ({@code kerberos:} is refused by the connection). */
    private static Credentials withAuthority(Credentials d, String authority) {
        if (authority == null || authority.isEmpty()) {
            return d;
        }
        String lower = authority.toLowerCase(Locale.ROOT);
        if (lower.startsWith("kerberos:")) {
            throw new WbemException(WbemStatus.WBEM_E_NOT_SUPPORTED, "authority '" + authority + "': Kerberos is not"
                    + " implemented yet; use NTLM (authority=ntlmdomain:DOMAIN, or leave the authority out)");
        }
        if (!lower.startsWith("ntlmdomain:")) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, "authority '" + authority + "' must be"
                    + " ntlmdomain:DOMAIN");
        }
        String domain = authority.substring("ntlmdomain:".length());
        return d.password() != null ? Credentials.ofPassword(domain, d.user(), d.password())
                : Credentials.ofNtHash(domain, d.user(), d.ntHash());
    }

    /**
     * Binds a moniker (VBScript's GetObject("winmgmts:...")): connects to its computer and namespace with its
     * security settings over this locator's, and returns the {@link SWbemServices}, or the {@link SWbemObject} its
     * class or instance path names. Either owns the connection: close it.
     *
     * @throws org.jwmi.client.moniker.MonikerException for a malformed moniker
     * @throws WbemException                            when the connection or the Get fails
     */
    public MonikerObject getObject(String moniker) {
        return getObject(Moniker.parse(moniker));
    }

    public MonikerObject getObject(Moniker m) {
        SWbemSecurity s = security.copy().apply(m);
        Connection c = open(m.server(), m.namespace(), null, null, m.locale(), m.authority(), 0, null, s);
        if (!m.namesObject()) {
            return new SWbemServices(c, s, true);
        }
        try {
            WbemClassObject o = c.call(s, svc -> svc.getObject(m.objectPath().toString()));
            return new SWbemObject(c, s, o, true);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Closes the DCOM runtime when this locator created it. */
    @Override
    public void close() {
        if (ownsLocator) {
            locator.close();
        }
    }

    /** Configures an {@link SWbemLocator}. */
    public static final class Builder {
        private WbemLocator locator;
        private String localComputer = "127.0.0.1";
        private String defaultNamespace = DEFAULT_NAMESPACE;
        private Credentials defaultCredentials;

        private Builder() {
        }

        /** The COM-level locator (DCOM runtime, timeouts, resolver port) to use; the caller keeps closing it. */
        public Builder locator(WbemLocator l) {
            this.locator = Objects.requireNonNull(l, "locator");
            return this;
        }

        /** The address this computer ({@code .}, {@code localhost}, no name) is dialled at. */
        public Builder localComputer(String address) {
            this.localComputer = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The namespace a moniker or ConnectServer without one uses. */
        public Builder defaultNamespace(String namespace) {
            this.defaultNamespace = Objects.requireNonNull(namespace, "namespace").replace('/', '\\');
            return this;
        }

        /** See {@link SWbemLocator#setDefaultCredentials(String, char[])}. */
        public Builder defaultCredentials(String user, char[] password) {
            this.defaultCredentials = credentials(user, password);
            return this;
        }

        public Builder defaultCredentials(Credentials c) {
            this.defaultCredentials = c;
            return this;
        }

        public SWbemLocator build() {
            return new SWbemLocator(this);
        }
    }
}
