package org.jwmi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jwmi.auth.AuthLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jwmi serve}: runs the server in the foreground until SIGINT or SIGTERM. Logs go to standard error; standard
 * output gets exactly one line, once connections are accepted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the WMI server in the foreground: DCOM activation (WbemLevel1Login), the endpoint mapper "
                + "and the management interface on PORT, the WMI object exporter on a dynamic port of the same "
                + "address, NTLM against the account store, the CIM repository and the providers of this host's "
                + "data. Stop it with Ctrl-C or SIGTERM.",
                "Only members of Administrators have remote access by default "
                + "(jwmi user add NAME --group Administrators).",
                "Ports below 1024 need root or CAP_NET_BIND_SERVICE."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    Jwmi jwmi;

    @Option(names = "--bind", required = true, paramLabel = "ADDRESS",
            description = "Address to listen on, e.g. 127.0.0.2 or 0.0.0.0.")
    String bind;

    @Option(names = "--port", defaultValue = "135", paramLabel = "PORT",
            description = "TCP port (default: ${DEFAULT-VALUE}, the endpoint mapper's well-known port, where WMI "
                    + "clients activate; elsewhere clients must be told the port).")
    int port;

    @Option(names = "--exporter-port", defaultValue = "0", paramLabel = "PORT",
            description = "TCP port of the WMI object exporter, where clients make their WMI calls after activation "
                    + "(default: a dynamic port; fix it to let a firewall through, as Windows' DCOM port setting "
                    + "does).")
    int exporterPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory holding the account store and the CIM repository (default: ~/.jwmi, or "
                    + "/var/lib/jwmi for root).")
    Path dataDir;

    @Option(names = "--min-auth-level", defaultValue = "pktIntegrity", paramLabel = "LEVEL",
            converter = AuthLevelConverter.class,
            description = "Lowest authentication level a call may use: none, connect, call, pkt, pktIntegrity, "
                    + "pktPrivacy (default: ${DEFAULT-VALUE}).")
    AuthLevel minAuthLevel;

    @Option(names = "--domain", paramLabel = "NAME",
            description = "NetBIOS domain the server announces in NTLM (default: the one domain the account store "
                    + "names, if it names exactly one; else this machine's NetBIOS name). Which logons match is the "
                    + "account store's rule: an account without a domain matches any domain.")
    String domain;

    @Override
    public Integer call() {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("--port must be 0..65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + ": not an address of this machine ("
                    + e.getMessage() + ")");
        }
        Path dir = DataDir.resolve(dataDir, true);
        FileAccountStore store = FileAccountStore.open(dir);
        int accounts = store.list().size();
        if (accounts == 0) {
            LOG.warn("the account store {} is empty: no account can log on; add one with "
                    + "'jwmi user add NAME --password-stdin --data-dir {}'", store.file(), dir);
        } else {
            LOG.info("{} account(s) in {}", accounts, store.file());
        }

        String announced = domain != null ? domain : soleDomain(store);
        if (announced.indexOf('\\') >= 0 || announced.length() > 15) {
            throw new IllegalArgumentException("--domain " + announced + ": a NetBIOS domain has at most 15 characters "
                    + "and no backslash");
        }
        JwmiServer.Config config = JwmiServer.Config.of(address, port, minAuthLevel, store, announced).withDataDir(dir)
                .withExporterPort(exporterPort);
        LOG.info("NTLM domain {} on {}", config.netbiosDomain(), JwmiServer.netbiosName(config.computerName()));
        JwmiServer server;
        try {
            server = JwmiServer.start(config);
        } catch (BindException e) {
            throw new Jwmi.CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server: " + e.getMessage(), e);
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.close();
            LOG.info("stopped");
            jwmi.out.flush();
            jwmi.err.flush();
            // A signal would otherwise end the JVM with 128+signal; a requested stop is a success.
            Runtime.getRuntime().halt(0);
        }, "jwmi-serve-shutdown"));

        LOG.info("WMI object exporter on port {}", server.dcom().exporterPort());
        jwmi.out.println("jwmi: listening on " + server.where() + " (minimum authentication level "
                + minAuthLevel.scriptName() + ")");
        jwmi.out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        return 0;
    }

    /** The domain of the account store's domain accounts if they all name the same one, else empty. */
    static String soleDomain(FileAccountStore store) {
        java.util.Set<String> domains = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (FileAccountStore.Entry e : store.list()) {
            if (!e.domain().isEmpty()) {
                domains.add(e.domain());
            }
        }
        if (domains.size() > 1) {
            LOG.warn("the account store names several domains {}; announcing none of them (use --domain): only "
                    + "accounts without a domain, or in the announced one, can log on", domains);
        }
        return domains.size() == 1 ? domains.iterator().next() : "";
    }

    /** Parses {@code pktIntegrity}, {@code PKT_INTEGRITY}, {@code 5}, ... */
    static final class AuthLevelConverter implements picocli.CommandLine.ITypeConverter<AuthLevel> {
        @Override
        public AuthLevel convert(String value) {
            AuthLevel l = AuthLevel.parse(value);
            if (l == AuthLevel.DEFAULT) {
                throw new IllegalArgumentException("name a level: none, connect, call, pkt, pktIntegrity or pktPrivacy");
            }
            return l;
        }
    }
}
