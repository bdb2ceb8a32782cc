package org.jwmi.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemException;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemServices;
import org.jwmi.dcom.client.SecurityBlanket;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.Negotiated;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.epm.Epm;
import org.jwmi.rpc.epm.EpmClient;
import org.jwmi.rpc.epm.EptEntry;
import org.jwmi.rpc.epm.ProtocolTower;
import org.jwmi.rpc.mgmt.Mgmt;
import org.jwmi.rpc.mgmt.MgmtClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jwmi demo}: our client against our server, in one process, over TCP on loopback: WMI through the client
 * library first, then the RPC layer underneath. Everything it creates (a
 * data directory with one account whose password is random and exists only in memory) is removed at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a server on 127.0.0.1 (ephemeral port, minimum level pktIntegrity) with a throw-away "
                + "account; through our WMI client at pktPrivacy show this machine's operating system, busiest "
                + "processes and disks; then the RPC details (endpoint mapper, management interface) and two "
                + "refused attempts; stop. Needs no root and no set-up."})
final class DemoCommand implements Callable<Integer> {
    static final String DOMAIN = "JWMIDEMO";
    static final String USER = "demo";
    private static final AuthLevel SERVER_MIN = AuthLevel.PKT_INTEGRITY;

    @ParentCommand
    Jwmi jwmi;

    private PrintStream out;

    @Override
    public Integer call() throws IOException {
        out = jwmi.out;
        Path dir = Files.createTempDirectory("jwmi-demo-", PosixFilePermissions.asFileAttribute(DataDir.DIR_MODE));
        char[] password = randomPassword(new SecureRandom());
        try {
            return run(dir, password);
        } finally {
            Arrays.fill(password, '\0');
            deleteTree(dir);
        }
    }

    private int run(Path dir, char[] password) throws IOException {
        FileAccountStore store = FileAccountStore.open(dir);
        byte[] hash = NtlmHashes.ntOwfV1(password);
        try {
            store.add(DOMAIN, USER, hash, java.util.List.of("Administrators"));
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
        out.println("jwmi demo: our client and our server, over TCP on loopback");
        out.println();
        out.printf("  data directory   %s (temporary; account %s\\%s with a random password, NT hash only)%n",
                dir, DOMAIN, USER);

        JwmiServer.Config config = JwmiServer.Config.of(InetAddress.getByName("127.0.0.1"), 0, SERVER_MIN, store,
                DOMAIN);
        try (JwmiServer server = JwmiServer.start(config)) {
            out.printf("  server           listening on %s, minimum authentication level %s%n", server.where(),
                    SERVER_MIN.scriptName());
            out.printf("  interfaces       %s%n", server.interfaces().stream().map(SyntaxId::toString)
                    .collect(Collectors.joining(", ")));
            String host = "127.0.0.1";
            int port = server.port();
            boolean ok = wmiSession(host, port, password);
            ok &= privacySession(host, port, password);
            ok &= refusals(host, port, password);
            out.println();
            out.println("Stopping the server.");
            return ok ? 0 : 1;
        }
    }

    /**
     * Step 1: WMI over DCOM through our client library at pktPrivacy: activation of WbemLevel1Login on the server's
     * port, NTLMLogin to root\cimv2, then queries for the operating system, the busiest processes and the disks.
     */
    private boolean wmiSession(String host, int port, char[] password) {
        out.println();
        out.println("1. WMI: connect to \\\\" + host + "\\root\\cimv2 with our client at pktPrivacy (WbemLocator)");
        try (WbemLocator locator = WbemLocator.builder().resolverPort(port).build();
             WbemServices svc = locator.connect("\\\\" + host + "\\root\\cimv2").user(DOMAIN + "\\" + USER)
                     .password(password).authnLevel(AuthLevel.PKT_PRIVACY).open()) {
            SecurityBlanket b = svc.blanket();
            String service = b.authnService() == SecurityBlanket.AUTHN_WINNT || b.authnService()
                    == SecurityBlanket.AUTHN_DEFAULT ? "NTLM (RPC_C_AUTHN_WINNT, auth_type 10)"
                    : "auth_type " + b.authnService();
            out.printf("  negotiated       %s, level %s%n", service, svc.authnLevel().scriptName());

            out.println();
            out.println("  Operating system (SELECT * FROM Win32_OperatingSystem)");
            try (WbemEnumerator e = svc.execQuery("SELECT * FROM Win32_OperatingSystem")) {
                for (WbemClassObject os : e) {
                    out.printf("    %-22s %s%n", "Caption", text(os, "Caption"));
                    out.printf("    %-22s %s%n", "Version", text(os, "Version"));
                    out.printf("    %-22s %s%n", "CSName", text(os, "CSName"));
                    out.printf("    %-22s %s%n", "LastBootUpTime", text(os, "LastBootUpTime"));
                    out.printf("    %-22s %s KiB%n", "TotalVisibleMemorySize", text(os, "TotalVisibleMemorySize"));
                    out.printf("    %-22s %s KiB%n", "FreePhysicalMemory", text(os, "FreePhysicalMemory"));
                }
            }

            out.println();
            out.println("  Busiest processes by working set (SELECT Name, ProcessId, WorkingSetSize, ThreadCount "
                    + "FROM Win32_Process)");
            List<WbemClassObject> procs = new ArrayList<>();
            try (WbemEnumerator e = svc.execQuery("SELECT Name, ProcessId, WorkingSetSize, ThreadCount "
                    + "FROM Win32_Process")) {
                e.forEach(procs::add);
            }
            procs.sort(Comparator.comparingLong((WbemClassObject p) -> number(p, "WorkingSetSize")).reversed());
            out.printf("    %-8s %-24s %14s %8s%n", "PID", "Name", "WorkingSet", "Threads");
            for (WbemClassObject p : procs.subList(0, Math.min(5, procs.size()))) {
                out.printf("    %-8s %-24s %14s %8s%n", text(p, "ProcessId"), text(p, "Name"),
                        bytes(number(p, "WorkingSetSize")), text(p, "ThreadCount"));
            }
            out.printf("    (%d processes in all)%n", procs.size());

            out.println();
            out.println("  Disks (SELECT DeviceID, FileSystem, Size, FreeSpace FROM Win32_LogicalDisk)");
            int disks = 0;
            try (WbemEnumerator e = svc.execQuery("SELECT DeviceID, FileSystem, Size, FreeSpace "
                    + "FROM Win32_LogicalDisk")) {
                for (WbemClassObject d : e) {
                    out.printf("    %-24s %-8s %12s size, %12s free%n", text(d, "DeviceID"), text(d, "FileSystem"),
                            bytes(number(d, "Size")), bytes(number(d, "FreeSpace")));
                    disks++;
                }
            }
            if (disks == 0) {
                out.println("    (no block-device or network file systems mounted)");
            }
            return !procs.isEmpty();
        } catch (WbemException e) {
            out.printf("  FAILED: %s%n", e.getMessage());
            return false;
        }
    }

    private static String text(WbemClassObject o, String property) {
        Object v = o.getValue(property);
        return v == null ? "NULL" : v.toString();
    }

    private static long number(WbemClassObject o, String property) {
        Object v = o.getValue(property);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v == null ? -1 : Long.parseLong(v.toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String bytes(long n) {
        if (n < 0) {
            return "NULL";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Step 2-4: bind at pktPrivacy, ept_lookup, the management inquiries on the same security context. */
    private boolean privacySession(String host, int port, char[] password) throws IOException {
        RecordingProvider ntlm = new RecordingProvider(new NtlmSecurityProvider());
        Credentials creds = Credentials.ofPassword(DOMAIN, USER, password);
        try (RpcConnection c = RpcConnection.connect(host, port, ClientConfig.defaults())) {
            out.println();
            out.printf("2. Bind to the endpoint mapper (%s) with NTLM at pktPrivacy%n", Epm.SYNTAX);
            RpcBinding epmBinding = c.bind(Epm.SYNTAX, SecuritySpec.of(ntlm, creds, AuthLevel.PKT_PRIVACY));
            EpmClient epm = new EpmClient(epmBinding);
            // The three-leg bind ends with rpc_auth_3, which has no answer: the first call proves the logon.
            List<EptEntry> entries = epm.lookupAll();
            Negotiated n = c.negotiated();
            out.printf("  authentication   %s (auth_type %d), level %s, auth_context_id %d, last leg in %s%n",
                    ntlm.name(), epmBinding.authType(), epmBinding.authLevel().scriptName(),
                    epmBinding.authContextId(), epmBinding.usedAuth3() ? "rpc_auth3" : "alter_context");
            out.printf("  header signing   %s%n", n.headerSigning() ? "yes (PFC_SUPPORT_HEADER_SIGN)" : "no");
            out.printf("  fragments        max_xmit_frag %d, max_recv_frag %d%n", n.maxXmitFrag(), n.maxRecvFrag());
            out.printf("  assoc group      0x%08x%n", n.assocGroupId());
            out.printf("  features         %s%n", n.featureBits() < 0 ? "not negotiated (bind-time feature negotiation)"
                    : org.jwmi.rpc.pdu.BindTimeFeatures.describe(n.featureBits()));
            out.printf("  session key      %d bytes (exported session key; signing and sealing keys derive from it)%n",
                    ntlm.sessionKeyLength());

            out.println();
            out.printf("3. ept_lookup (all elements): %d entr%s%n", entries.size(), entries.size() == 1 ? "y" : "ies");
            for (EptEntry e : entries) {
                String iface = e.tower().map(t -> t.tower().interfaceId().map(SyntaxId::toString).orElse("?"))
                        .orElse("(no tower)");
                String binding = e.tower().map(t -> t.tower()).map(ProtocolTower::stringBinding).orElse("");
                out.printf("  %-45s  %-28s %s%n", iface, '"' + e.annotation() + '"', binding);
            }

            out.println();
            out.printf("4. Management interface (%s), same connection and security context (alter_context)%n",
                    Mgmt.SYNTAX);
            MgmtClient mgmt = new MgmtClient(epmBinding.alterContext(Mgmt.SYNTAX));
            out.printf("  inq_if_ids       %s%n", mgmt.inqIfIds().stream().map(SyntaxId::toString)
                    .collect(Collectors.joining(", ")));
            out.printf("  inq_princ_name   %s%n", mgmt.inqPrincName(NtlmSecurityProvider.RPC_C_AUTHN_WINNT)
                    .map(s -> "NTLM: " + s).orElse("(none for NTLM)"));
            out.printf("  listening        %s%n", mgmt.isServerListening() ? "yes" : "no");
            List<Long> stats = mgmt.inqStats();
            out.printf("  inq_stats        calls in %s, calls out %s, packets in %s, packets out %s%n",
                    stat(stats, 0), stat(stats, 1), stat(stats, 2), stat(stats, 3));
            return !entries.isEmpty();
        } finally {
            creds.destroy();
        }
    }

    /** Step 5: a wrong password, and a level below the server's minimum, are both refused. */
    private boolean refusals(String host, int port, char[] password) throws IOException {
        out.println();
        out.println("5. Refused attempts");
        char[] wrong = Arrays.copyOf(password, password.length + 1);
        wrong[password.length] = 'x';
        boolean a = refused("wrong password", host, port, Credentials.ofPassword(DOMAIN, USER, wrong),
                AuthLevel.PKT_PRIVACY, "access denied");
        Arrays.fill(wrong, '\0');
        boolean b = refused("level connect", host, port, Credentials.ofPassword(DOMAIN, USER, password),
                AuthLevel.CONNECT, "the server requires " + SERVER_MIN.scriptName());
        return a && b;
    }

    private boolean refused(String what, String host, int port, Credentials creds, AuthLevel level, String expected)
            throws IOException {
        try (RpcConnection c = RpcConnection.connect(host, port, ClientConfig.defaults())) {
            EpmClient epm = new EpmClient(c.bind(Epm.SYNTAX, SecuritySpec.of(new NtlmSecurityProvider(), creds, level)));
            epm.lookupAll();
            out.printf("  %-16s NOT refused: the server accepted a call it should have refused%n", what);
            return false;
        } catch (RpcFaultException | AuthenticationException e) {
            out.printf("  %-16s refused (%s): %s%n", what, expected, e.getMessage());
            return true;
        } finally {
            creds.destroy();
        }
    }

    private static String stat(List<Long> stats, int i) {
        return i < stats.size() ? Long.toString(stats.get(i)) : "-";
    }

    /** 24 characters from a 62-letter alphabet (about 143 bits). */
    static char[] randomPassword(SecureRandom random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        char[] p = new char[24];
        for (int i = 0; i < p.length; i++) {
            p[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return p;
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the demo directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Passes everything to a provider, remembering the client contexts it makes (to report the key length). */
    static final class RecordingProvider implements SecurityProvider {
        private final SecurityProvider delegate;
        private final List<SecurityContext> contexts = new ArrayList<>();

        RecordingProvider(SecurityProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public int authType() {
            return delegate.authType();
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public SecurityContext newClientContext(Credentials credentials, ClientOptions options) {
            SecurityContext c = delegate.newClientContext(credentials, options);
            contexts.add(c);
            return c;
        }

        @Override
        public SecurityContext newServerContext(ServerOptions options) {
            return delegate.newServerContext(options);
        }

        int sessionKeyLength() {
            for (SecurityContext c : contexts) {
                if (c.isEstablished()) {
                    byte[] k = c.sessionKey();
                    int n = k.length;
                    Arrays.fill(k, (byte) 0);
                    return n;
                }
            }
            return 0;
        }
    }
}
