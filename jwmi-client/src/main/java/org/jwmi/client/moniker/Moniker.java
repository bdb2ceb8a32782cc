package org.jwmi.client.moniker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ImpersonationLevel;

/**
 * A WMI moniker (WMI SDK "Constructing a Moniker String"), parsed into its parts:
 * <pre>
 *   moniker  = "winmgmts:" [security] [locale] ["!"] [path]      ("!" is required between a block and a path)
 *   security = "{" item *("," item) "}"
 *   item     = "impersonationLevel=" (anonymous|identify|impersonate|delegate)
 *            | "authenticationLevel=" (default|none|connect|call|pkt|pktIntegrity|pktPrivacy)
 *            | "authority=" ("ntlmdomain:" domain | "kerberos:" principal)
 *            | "(" ["!"] privilege *("," ["!"] privilege) ")"          ("!" disables; short names: Debug, ...)
 *            | anonymous | identify | impersonate | delegate              (shorthand for impersonationLevel=)
 *   locale   = "[locale=ms_" hex "]"
 *   path     = ("\\" | "//") server [sep namespace [":" objectpath]]
 *            | namespace [":" objectpath] | ":" objectpath | objectpath
 * </pre>
 * {@code sep} is {@code \} or {@code /}, either throughout. Keywords and names are case-insensitive; white space
 * is allowed around the items of the security block and between the blocks and the path. A path whose first
 * element has no separator, colon, dot or equals sign is a class in the default namespace ({@code Win32_LogicalDisk}),
 * except {@code root}, which is the root namespace.
 *
 * <p>The page's rules are enforced: a moniker carries no user or password (use SWbemLocator.connectServer, or the
 * process default credentials); an authority is for remote connections only (WBEM_E_LOCAL_CREDENTIALS); with a
 * computer name a class needs its namespace. Failures are {@link MonikerException}s.
 *
 * @param impersonationLevel  the impersonation level, {@link ImpersonationLevel#DEFAULT} when not given
 * @param authenticationLevel the authentication level, {@link AuthLevel#DEFAULT} when not given (or "Default")
 * @param authority           {@code ntlmdomain:DOMAIN} or {@code kerberos:principal} as written, or null
 * @param privileges          the privileges to enable or disable, in the moniker's order
 * @param locale              {@code MS_409} (the prefix upper-cased), or null
 * @param server              the computer as written ({@code .} included), or null when the moniker names none
 * @param namespace           the namespace with backslashes, or null for the default namespace
 * @param objectPath          the class or instance, relative to the namespace, or null when the moniker names a
 *                            namespace (its object is then an SWbemServices)
 */
public record Moniker(ImpersonationLevel impersonationLevel, AuthLevel authenticationLevel, String authority,
                      List<Privilege> privileges, String locale, String server, String namespace,
                      CimObjectPath objectPath) {

    /** The prefix every moniker starts with (any case). */
    public static final String PREFIX = "winmgmts:";
    private static final Pattern LOCALE = Pattern.compile("(?i)ms_[0-9a-f]{1,8}");

    /** One privilege of the moniker's list: {@code Debug} enables it, {@code !Debug} disables it. */
    public record Privilege(WbemPrivilege privilege, boolean enabled) {
        public Privilege {
            Objects.requireNonNull(privilege, "privilege");
        }

        @Override
        public String toString() {
            return (enabled ? "" : "!") + privilege.shortName();
        }
    }

    public Moniker {
        Objects.requireNonNull(impersonationLevel, "impersonationLevel");
        Objects.requireNonNull(authenticationLevel, "authenticationLevel");
        privileges = List.copyOf(privileges);
        if (objectPath != null && (objectPath.namespace() != null || objectPath.server() != null)) {
            throw new IllegalArgumentException("the object path must be relative to the namespace: " + objectPath);
        }
    }

    /**
     * Parses {@code text}.
     *
     * @throws MonikerException what is wrong and where
     */
    public static Moniker parse(String text) {
        Objects.requireNonNull(text, "moniker");
        return new Parser(text).parse();
    }

    /** Whether the moniker names the local computer: no server, {@code .} or {@code localhost}. */
    public boolean isLocal() {
        return isLocalServer(server);
    }

    /** Whether {@code server} names the local computer: null, empty, {@code .} or {@code localhost}. */
    public static boolean isLocalServer(String server) {
        return server == null || server.isEmpty() || server.equals(".") || server.equalsIgnoreCase("localhost");
    }

    /** Whether the moniker names a class or an instance (an SWbemObject) rather than a namespace. */
    public boolean namesObject() {
        return objectPath != null;
    }

    /** The namespace, or {@code defaultNamespace} when the moniker names none. */
    public String namespaceOr(String defaultNamespace) {
        return namespace != null ? namespace : defaultNamespace;
    }

    /** Whether the moniker has a security block. */
    public boolean hasSecurity() {
        return impersonationLevel != ImpersonationLevel.DEFAULT || authenticationLevel != AuthLevel.DEFAULT
                || authority != null || !privileges.isEmpty();
    }

    /** The moniker in canonical form (what SWbemObjectPath.DisplayName shows); it parses back to an equal moniker. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("winmgmts:");
        List<String> items = new ArrayList<>();
        if (impersonationLevel != ImpersonationLevel.DEFAULT) {
            items.add("impersonationLevel=" + impersonationLevel.scriptName());
        }
        if (authenticationLevel != AuthLevel.DEFAULT) {
            items.add("authenticationLevel=" + authenticationLevel.scriptName());
        }
        if (authority != null) {
            items.add("authority=" + authority);
        }
        if (!privileges.isEmpty()) {
            List<String> p = new ArrayList<>();
            privileges.forEach(x -> p.add(x.toString()));
            items.add("(" + String.join(",", p) + ")");
        }
        boolean block = !items.isEmpty() || locale != null;
        if (!items.isEmpty()) {
            b.append('{').append(String.join(",", items)).append('}');
        }
        if (locale != null) {
            b.append("[locale=").append(locale.toLowerCase(Locale.ROOT)).append(']');
        }
        StringBuilder path = new StringBuilder();
        if (server != null) {
            path.append("\\\\").append(server);
            if (namespace != null) {
                path.append('\\');
            }
        }
        if (namespace != null) {
            path.append(namespace);
        } else if (objectPath != null && server == null && isNamespaceLike(objectPath.toString())) {
            path.append(':');
        }
        if (objectPath != null) {
            if (namespace != null) {
                path.append(':');
            }
            path.append(objectPath);
        }
        if (path.length() > 0) {
            b.append(block ? "!" : "").append(path);
        }
        return b.toString();
    }

    /** Whether a bare path would be read as a namespace rather than a class (so it needs a leading colon). */
    private static boolean isNamespaceLike(String path) {
        return path.equalsIgnoreCase("root");
    }

    private static final class Parser {
        private final String s;
        private int pos;
        private ImpersonationLevel impersonation = ImpersonationLevel.DEFAULT;
        private boolean impersonationGiven;
        private AuthLevel authn = AuthLevel.DEFAULT;
        private boolean authnGiven;
        private String authority;
        private List<Privilege> privileges;
        private String locale;

        Parser(String s) {
            this.s = s;
        }

        private MonikerException syntax(String what, int at) {
            return new MonikerException(WbemStatus.WBEM_E_INVALID_SYNTAX, s, at, what);
        }

        private boolean end() {
            return pos >= s.length();
        }

        private char peek() {
            return s.charAt(pos);
        }

        private void skipWhite() {
            while (!end() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        Moniker parse() {
            skipWhite();
            if (!s.regionMatches(true, pos, PREFIX, 0, PREFIX.length())) {
                throw syntax("a WMI moniker starts with \"winmgmts:\"", pos);
            }
            pos += PREFIX.length();
            boolean security = false;
            boolean block = false;
            while (true) {
                skipWhite();
                if (end()) {
                    break;
                }
                if (peek() == '{') {
                    if (security) {
                        throw syntax("a second security block: put every setting in one {...}", pos);
                    }
                    if (locale != null) {
                        throw syntax("the security block {...} comes before the locale [...]", pos);
                    }
                    security = true;
                    securityBlock();
                } else if (peek() == '[') {
                    if (locale != null) {
                        throw syntax("a second locale block", pos);
                    }
                    localeBlock();
                } else {
                    break;
                }
                block = true;
            }
            String server = null;
            String namespace = null;
            CimObjectPath path = null;
            if (!end()) {
                if (peek() == '!') {
                    pos++;
                    skipWhite();
                    if (end()) {
                        throw syntax("an object path is expected after '!'", pos);
                    }
                } else if (block) {
                    throw syntax("'!' is expected between the security settings and the computer or namespace"
                            + " (winmgmts:{impersonationLevel=impersonate}!root/cimv2)", pos);
                }
                int start = pos;
                String rest = s.substring(pos).stripTrailing();
                Location loc = location(rest, start);
                server = loc.server;
                namespace = loc.namespace;
                path = loc.path;
            }
            if (authority != null && isLocalServer(server)) {
                throw new MonikerException(WbemStatus.WBEM_E_LOCAL_CREDENTIALS, s, s.length(), "authority=" + authority
                        + " can only be used for connections to remote computers: remove it, or name the remote"
                        + " computer (!\\\\server\\root\\cimv2)");
            }
            return new Moniker(impersonation, authn, authority, privileges == null ? List.of() : privileges, locale,
                    server, namespace, path);
        }

        // ------------------------------------------------------------------ {...}

        private void securityBlock() {
            int open = pos++;
            boolean first = true;
            while (true) {
                skipWhite();
                if (end()) {
                    throw syntax("'}' expected to close the security block opened at position " + open, pos);
                }
                if (peek() == '}') {
                    if (first) {
                        throw syntax("an empty security block", pos);
                    }
                    throw syntax("a setting is expected after ','", pos);
                }
                if (peek() == '(') {
                    privilegeList();
                } else {
                    setting();
                }
                first = false;
                skipWhite();
                if (end()) {
                    throw syntax("'}' expected to close the security block opened at position " + open, pos);
                }
                char c = peek();
                pos++;
                if (c == '}') {
                    return;
                }
                if (c != ',') {
                    throw syntax("',' or '}' expected, not '" + c + "'", pos - 1);
                }
            }
        }

        private void setting() {
            int start = pos;
            while (!end() && peek() != ',' && peek() != '}') {
                pos++;
            }
            String item = s.substring(start, pos).strip();
            int eq = item.indexOf('=');
            String key = (eq < 0 ? item : item.substring(0, eq)).strip();
            String value = eq < 0 ? null : item.substring(eq + 1).strip();
            String k = key.toLowerCase(Locale.ROOT);
            if (k.equals("password") || k.equals("user") || k.equals("username") || k.equals("pwd")
                    || k.equals("credentials")) {
                // never quote the moniker: it may hold the password
                throw new MonikerException(WbemStatus.WBEM_E_INVALID_SYNTAX, start, "a moniker cannot carry a user"
                        + " or password (" + key + "=...): call SWbemLocator.connectServer with the user and password,"
                        + " or set the process default credentials (Wmi.setDefaultCredentials)");
            }
            if (value == null) {
                ImpersonationLevel l = impersonationName(key);
                if (l == null) {
                    throw syntax("unknown security setting '" + key + "' (use impersonationLevel=,"
                            + " authenticationLevel=, authority=, (privileges), or the shorthand impersonate)", start);
                }
                setImpersonation(l, start);
                return;
            }
            if (value.isEmpty()) {
                throw syntax(key + "= needs a value", start);
            }
            switch (k) {
                case "impersonationlevel" -> {
                    ImpersonationLevel l = impersonationName(value);
                    if (l == null) {
                        throw syntax("unknown impersonation level '" + value + "' (use anonymous, identify,"
                                + " impersonate or delegate)", start);
                    }
                    setImpersonation(l, start);
                }
                case "authenticationlevel" -> {
                    if (authnGiven) {
                        throw syntax("authenticationLevel is given twice", start);
                    }
                    authnGiven = true;
                    authn = authLevelName(value, start);
                }
                case "authority" -> {
                    if (authority != null) {
                        throw syntax("authority is given twice", start);
                    }
                    String lower = value.toLowerCase(Locale.ROOT);
                    if (!lower.startsWith("ntlmdomain:") && !lower.startsWith("kerberos:")) {
                        throw syntax("authority '" + value + "' must be ntlmdomain:DOMAIN or kerberos:PRINCIPAL",
                                start);
                    }
                    if (lower.startsWith("kerberos:") && value.length() == "kerberos:".length()) {
                        throw syntax("authority kerberos: needs the server principal (kerberos:DOMAIN\\server)", start);
                    }
                    authority = value;
                }
                default -> throw syntax("unknown security setting '" + key + "' (use impersonationLevel,"
                        + " authenticationLevel or authority; the locale goes in [locale=ms_409])", start);
            }
        }

        private void setImpersonation(ImpersonationLevel l, int at) {
            if (impersonationGiven) {
                throw syntax("the impersonation level is given twice", at);
            }
            impersonationGiven = true;
            impersonation = l;
        }

        private static ImpersonationLevel impersonationName(String v) {
            for (ImpersonationLevel l : ImpersonationLevel.values()) {
                if (l != ImpersonationLevel.DEFAULT && l.scriptName().equalsIgnoreCase(v)) {
                    return l;
                }
            }
            return null;
        }

        private AuthLevel authLevelName(String v, int at) {
            for (AuthLevel l : AuthLevel.values()) {
                if (l.scriptName().equalsIgnoreCase(v)) {
                    return l;
                }
            }
            throw syntax("unknown authentication level '" + v + "' (use default, none, connect, call, pkt,"
                    + " pktIntegrity or pktPrivacy)", at);
        }

        private void privilegeList() {
            int open = pos++;
            if (privileges != null) {
                throw syntax("a second privilege list: put every privilege in one (...)", open);
            }
            List<Privilege> list = new ArrayList<>();
            while (true) {
                skipWhite();
                int start = pos;
                while (!end() && peek() != ',' && peek() != ')' && peek() != '}') {
                    pos++;
                }
                if (end() || peek() == '}') {
                    throw syntax("')' expected to close the privilege list opened at position " + open, pos);
                }
                String item = s.substring(start, pos).strip();
                boolean enabled = true;
                if (item.startsWith("!")) {
                    enabled = false;
                    item = item.substring(1).strip();
                }
                if (item.isEmpty()) {
                    throw syntax("a privilege name is expected (Debug, !Shutdown, ...)", start);
                }
                WbemPrivilege p;
                try {
                    p = WbemPrivilege.parse(item);
                } catch (IllegalArgumentException e) {
                    throw syntax(e.getMessage(), start);
                }
                for (Privilege q : list) {
                    if (q.privilege() == p) {
                        throw syntax("privilege " + p.shortName() + " is given twice", start);
                    }
                }
                list.add(new Privilege(p, enabled));
                char c = peek();
                pos++;
                if (c == ')') {
                    privileges = list;
                    return;
                }
            }
        }

        // ------------------------------------------------------------------ [...]

        private void localeBlock() {
            int open = pos++;
            int close = s.indexOf(']', pos);
            if (close < 0) {
                throw syntax("']' expected to close the locale block", open);
            }
            String item = s.substring(pos, close).strip();
            int eq = item.indexOf('=');
            if (eq < 0 || !item.substring(0, eq).strip().equalsIgnoreCase("locale")) {
                throw syntax("the [...] block holds the locale only: [locale=ms_409]", pos);
            }
            String value = item.substring(eq + 1).strip();
            if (!LOCALE.matcher(value).matches()) {
                throw syntax("locale '" + value + "' must be ms_ and a hexadecimal LCID (ms_409 for English, United"
                        + " States)", pos);
            }
            locale = "MS_" + value.substring(3);
            pos = close + 1;
        }

        // ------------------------------------------------------------------ path

        private record Location(String server, String namespace, CimObjectPath path) {
        }

        private static boolean isSep(char c) {
            return c == '\\' || c == '/';
        }

        private Location location(String p, int base) {
            if (p.length() >= 2 && isSep(p.charAt(0)) && p.charAt(1) == p.charAt(0)) {
                int i = 2;
                while (i < p.length() && !isSep(p.charAt(i)) && p.charAt(i) != ':') {
                    char c = p.charAt(i);
                    if (Character.isWhitespace(c) || "\"'={}[]!".indexOf(c) >= 0) {
                        throw syntax("'" + c + "' in the computer name", base + i);
                    }
                    i++;
                }
                if (i == 2) {
                    throw syntax("a computer name is expected after " + p.substring(0, 2), base + i);
                }
                String server = p.substring(2, i);
                if (i == p.length()) {
                    return new Location(server, null, null);
                }
                if (p.charAt(i) == ':') {
                    throw syntax("with a computer name, the namespace must be given before the class (//" + server
                            + "/root/cimv2:" + p.substring(i + 1) + ")", base + i);
                }
                if (i + 1 == p.length()) {
                    return new Location(server, null, null);
                }
                Location rest = local(p.substring(i + 1), base + i + 1, true);
                return new Location(server, rest.namespace, rest.path);
            }
            return local(p, base, false);
        }

        /** {@code namespace[:path]}, {@code :path} or {@code path}; with a server, the namespace is mandatory. */
        private Location local(String p, int base, boolean afterServer) {
            if (p.startsWith(":")) {
                if (afterServer) {
                    throw syntax("a namespace is expected before ':'", base);
                }
                return new Location(null, null, objectPath(p.substring(1), base + 1));
            }
            int colon = -1;
            boolean sep = false;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == ':') {
                    colon = i;
                    break;
                }
                if (c == '.' || c == '=' || c == '"' || c == '\'') {
                    break;
                }
                sep |= isSep(c);
            }
            if (colon >= 0) {
                String ns = namespace(p.substring(0, colon), base);
                if (colon + 1 == p.length()) {
                    throw syntax("a class or instance is expected after ':'", base + colon + 1);
                }
                return new Location(null, ns, objectPath(p.substring(colon + 1), base + colon + 1));
            }
            if (sep || afterServer || p.equalsIgnoreCase("root")) {
                return new Location(null, namespace(p, base), null);
            }
            return new Location(null, null, objectPath(p, base));
        }

        private String namespace(String ns, int base) {
            String n = ns.length() > 1 && isSep(ns.charAt(ns.length() - 1)) ? ns.substring(0, ns.length() - 1) : ns;
            StringBuilder b = new StringBuilder();
            int elementStart = 0;
            for (int i = 0; i <= n.length(); i++) {
                if (i == n.length() || isSep(n.charAt(i))) {
                    if (i == elementStart) {
                        throw syntax("an empty namespace element", base + i);
                    }
                    if (i < n.length()) {
                        b.append('\\');
                    }
                    elementStart = i + 1;
                    continue;
                }
                char c = n.charAt(i);
                if (Character.isWhitespace(c) || "\"'=.,@{}[]!:".indexOf(c) >= 0) {
                    throw syntax("'" + c + "' in the namespace", base + i);
                }
                b.append(c);
            }
            return b.toString();
        }

        private CimObjectPath objectPath(String p, int base) {
            CimObjectPath path;
            try {
                path = CimObjectPath.parse(p);
            } catch (CimException e) {
                String m = e.getMessage();
                String prefix = e.status().describe() + ": ";
                throw new MonikerException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, s, base,
                        m.startsWith(prefix) ? m.substring(prefix.length()) : m);
            }
            if (path.namespace() != null || path.className() == null) {
                throw new MonikerException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, s, base, "'" + p + "' is not a class"
                        + " or instance path");
            }
            return path;
        }
    }
}
