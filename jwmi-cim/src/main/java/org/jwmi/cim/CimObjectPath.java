package org.jwmi.cim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A WMI object path (WMI SDK "WMI Object Path Requirements", "Describing a Class Object Path", "Describing an
 * Instance Object Path"):
 * <pre>
 *   [\\server\namespace:]Class                      class path
 *   [\\server\namespace:]Class.Key1=v1,Key2=v2      instance path, keys in any order
 *   [\\server\namespace:]Class=v                    instance path, the class's single key unnamed
 *   [\\server\namespace:]Class=@                    singleton instance
 *   [\\server\]namespace                            namespace path (no class)
 * </pre>
 * {@code //server/namespace} may be written for {@code \\server\namespace}; a namespace without a server is
 * relative to the local server ({@code root\cimv2:Win32_Process}). Key values are strings in double or single
 * quotes ({@code \"}, {@code \'} and {@code \\} escaped; any other backslash is kept), decimal or 0x-hexadecimal
 * integers, reals, or TRUE/FALSE; a reference-valued key is a quoted string holding the referenced path. White
 * space is not allowed outside quotes. Not supported: URL escapes such as {@code %20} (kept as written) and
 * server names containing {@code :} (bracketed IPv6 literals). Errors are {@link CimException}s with
 * WBEM_E_INVALID_OBJECT_PATH and the position.
 *
 * <p>{@link #toString()} writes the path back with backslashes and double quotes. Immutable; {@code equals}
 * treats server, namespace, class, key names and string key values without regard to case (as WMI compares
 * paths), numbers by value and key order as irrelevant, so a path may be used as a map key.
 */
public final class CimObjectPath {

    /** One key of an instance path; {@code name} is null for the unnamed single-key form {@code Class=v}. */
    public record KeyBinding(CimName name, CimValue value) {
        public KeyBinding {
            Objects.requireNonNull(value, "value");
            if (value.isNull() || value.type().isArray() || value.type() == CimType.OBJECT) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH,
                        "a key value must be a non-NULL scalar, not " + value);
            }
        }

        public static KeyBinding of(String name, CimValue value) {
            return new KeyBinding(CimName.ofNullable(name), value);
        }
    }

    private final String server;
    private final String namespace;
    private final CimName className;
    private final List<KeyBinding> keys;
    private final boolean singleton;

    private CimObjectPath(String server, String namespace, CimName className, List<KeyBinding> keys,
                          boolean singleton) {
        if (server != null && namespace == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "a path with a server needs a namespace");
        }
        if (className == null && (!keys.isEmpty() || singleton || namespace == null)) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "a path names a class or a namespace");
        }
        if (singleton && !keys.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "a singleton path has no keys");
        }
        Set<CimName> seen = new HashSet<>();
        for (KeyBinding k : keys) {
            if (k.name() == null && keys.size() > 1) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "only a single key may be unnamed");
            }
            if (k.name() != null && !seen.add(k.name())) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "key " + k.name() + " given twice");
            }
        }
        this.server = server;
        this.namespace = namespace == null ? null : namespace.replace('/', '\\');
        this.className = className;
        this.keys = List.copyOf(keys);
        this.singleton = singleton;
    }

    public static CimObjectPath forClass(CimName className) {
        return new CimObjectPath(null, null, Objects.requireNonNull(className), List.of(), false);
    }

    public static CimObjectPath forClass(String className) {
        return forClass(CimName.of(className));
    }

    public static CimObjectPath forInstance(CimName className, List<KeyBinding> keys) {
        if (keys.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "an instance path needs keys (or =@)");
        }
        return new CimObjectPath(null, null, Objects.requireNonNull(className), keys, false);
    }

    public static CimObjectPath singleton(CimName className) {
        return new CimObjectPath(null, null, Objects.requireNonNull(className), List.of(), true);
    }

    /** A namespace path; {@code server} may be null. */
    public static CimObjectPath forNamespace(String server, String namespace) {
        return new CimObjectPath(server, Objects.requireNonNull(namespace), null, List.of(), false);
    }

    /** Server name, or null for a path relative to the local server. */
    public String server() {
        return server;
    }

    /** Namespace with backslash separators, or null for a path relative to the current namespace. */
    public String namespace() {
        return namespace;
    }

    /** Class name, or null for a namespace path. */
    public CimName className() {
        return className;
    }

    /** Key bindings in the order given. */
    public List<KeyBinding> keys() {
        return keys;
    }

    public boolean isSingleton() {
        return singleton;
    }

    public boolean isNamespacePath() {
        return className == null;
    }

    public boolean isClassPath() {
        return className != null && keys.isEmpty() && !singleton;
    }

    public boolean isInstancePath() {
        return !keys.isEmpty() || singleton;
    }

    /** True if neither server nor namespace is given. */
    public boolean isRelative() {
        return namespace == null;
    }

    /** The value of key {@code name}. */
    public Optional<CimValue> key(CimName name) {
        for (KeyBinding k : keys) {
            if (name.equals(k.name())) {
                return Optional.of(k.value());
            }
        }
        return Optional.empty();
    }

    /** This path without server and namespace. */
    public CimObjectPath relative() {
        return namespace == null ? this : new CimObjectPath(null, null, className, keys, singleton);
    }

    /** This path with {@code server} and {@code namespace} (server may be null). */
    public CimObjectPath withLocation(String srv, String ns) {
        return new CimObjectPath(srv, ns, className, keys, singleton);
    }

    /** This path with its keys sorted by name, as {@link CimInstance#relPath()} writes them. */
    public CimObjectPath canonical() {
        List<KeyBinding> l = new ArrayList<>(keys);
        l.sort((a, b) -> a.name() == null || b.name() == null ? 0 : a.name().compareTo(b.name()));
        return new CimObjectPath(server, namespace, className, l, singleton);
    }

    /**
     * Resolves the unnamed single key ({@code Class="x"}) against {@code cls}: if {@code cls} has exactly one key
     * property, the binding gets its name. Other paths are returned unchanged.
     */
    public CimObjectPath resolveKeyNames(CimClass cls) {
        if (keys.size() != 1 || keys.get(0).name() != null) {
            return this;
        }
        List<CimProperty> k = cls.keys();
        if (k.size() != 1) {
            return this;
        }
        return new CimObjectPath(server, namespace, className,
                List.of(new KeyBinding(k.get(0).name(), keys.get(0).value())), singleton);
    }

    /**
     * True if this path designates {@code o}: a class path names the class; an instance path names the
     * instance's class or one of its superclasses and gives exactly its key values (compared with WMI's
     * conversions, see {@link #keyValueEquals}). Server and namespace are not compared.
     */
    public boolean designates(CimObject o) {
        if (className == null) {
            return false;
        }
        if (o instanceof CimClass c) {
            return isClassPath() && c.name().equals(className);
        }
        CimInstance inst = (CimInstance) o;
        if (!inst.isA(className) || isClassPath()) {
            return false;
        }
        if (singleton) {
            return inst.cimClass().isSingleton();
        }
        Map<CimName, CimValue> instKeys = inst.keyValues();
        if (instKeys.size() != keys.size()) {
            return false;
        }
        for (KeyBinding k : keys) {
            CimValue v = k.name() == null ? instKeys.values().iterator().next() : instKeys.get(k.name());
            if (v == null || !keyValueEquals(k.value(), v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if {@code a} and {@code b} designate the same object: same class, same keys (as
     * {@link #keyValueEquals}), and same namespace when both give one. The server is not compared.
     */
    public static boolean sameObject(CimObjectPath a, CimObjectPath b) {
        if (a.namespace != null && b.namespace != null && !a.namespace.equalsIgnoreCase(b.namespace)) {
            return false;
        }
        if (!Objects.equals(a.className, b.className) || a.singleton != b.singleton || a.keys.size() != b.keys.size()) {
            return false;
        }
        for (KeyBinding k : a.keys) {
            CimValue other = null;
            for (KeyBinding kb : b.keys) {
                if (Objects.equals(kb.name(), k.name()) || a.keys.size() == 1 && (k.name() == null || kb.name() == null)) {
                    other = kb.value();
                }
            }
            if (other == null || !keyValueEquals(k.value(), other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares a key value from a path with a property value the way WMI matches keys: numbers by value (a
     * string holding a number matches it), booleans by truth value (also against TRUE/FALSE/1/0 text), strings
     * and datetimes without regard to case, references as object paths ({@link #sameObject}) when both parse.
     */
    public static boolean keyValueEquals(CimValue a, CimValue b) {
        if (a.isNull() || b.isNull()) {
            return false;
        }
        if (a.type() == CimType.REFERENCE || b.type() == CimType.REFERENCE) {
            String sa = text(a);
            String sb = text(b);
            if (sa == null || sb == null) {
                return false;
            }
            try {
                return sameObject(parse(sa), parse(sb));
            } catch (CimException e) {
                return sa.equalsIgnoreCase(sb);
            }
        }
        Object na = normalized(a);
        Object nb = normalized(b);
        if (na.getClass() == nb.getClass()) {
            return na.equals(nb);
        }
        if (na instanceof String s) {
            return convertedEquals(s, nb);
        }
        if (nb instanceof String s) {
            return convertedEquals(s, na);
        }
        if (na instanceof Boolean x && nb instanceof BigInteger y) {
            return x == (y.signum() != 0);
        }
        if (nb instanceof Boolean x && na instanceof BigInteger y) {
            return x == (y.signum() != 0);
        }
        if (na instanceof Number x && nb instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return false;
    }

    private static String text(CimValue v) {
        return switch (v.type()) {
            case STRING, REFERENCE, DATETIME -> v.asString();
            default -> null;
        };
    }

    private static boolean convertedEquals(String lowerText, Object other) {
        if (other instanceof BigInteger b) {
            try {
                return new BigInteger(lowerText.trim()).equals(b);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (other instanceof Boolean b) {
            return lowerText.equals(b ? "true" : "false") || lowerText.equals(b ? "1" : "0");
        }
        if (other instanceof Double d) {
            try {
                return Double.parseDouble(lowerText.trim()) == d;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** Value-equality form of a key value: BigInteger, Double, Boolean or lower-cased String. */
    private static Object normalized(CimValue v) {
        CimType t = v.type();
        if (t.isInteger() || t == CimType.CHAR16) {
            return v.asBigInteger();
        }
        if (t == CimType.REAL32 || t == CimType.REAL64) {
            return v.asDouble();
        }
        if (t == CimType.BOOLEAN) {
            return v.asBoolean();
        }
        return fold(v.asString());
    }

    private static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(CimName.fold(s.charAt(i)));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- formatting

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (server != null) {
            sb.append("\\\\").append(server).append('\\');
        }
        if (namespace != null) {
            sb.append(namespace);
            if (className != null) {
                sb.append(':');
            }
        }
        if (className == null) {
            return sb.toString();
        }
        sb.append(className.text());
        if (singleton) {
            return sb.append("=@").toString();
        }
        for (int i = 0; i < keys.size(); i++) {
            KeyBinding k = keys.get(i);
            if (k.name() == null) {
                sb.append('=');
            } else {
                sb.append(i == 0 ? '.' : ',').append(k.name().text()).append('=');
            }
            appendValue(sb, k.value());
        }
        return sb.toString();
    }

    private static void appendValue(StringBuilder sb, CimValue v) {
        switch (v.type()) {
            case STRING, REFERENCE, DATETIME -> {
                String s = v.asString();
                sb.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                sb.append('"');
            }
            case BOOLEAN -> sb.append(v.asBoolean() ? "TRUE" : "FALSE");
            case REAL32, REAL64 -> sb.append(v.asDouble());
            default -> sb.append(v.asBigInteger());
        }
    }

    // ---------------------------------------------------------------- equality

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CimObjectPath p)) {
            return false;
        }
        if (!eqIgnoreCase(server, p.server) || !eqIgnoreCase(namespace, p.namespace)
                || !Objects.equals(className, p.className) || singleton != p.singleton || keys.size() != p.keys.size()) {
            return false;
        }
        Map<CimName, Object> mine = keyMap();
        Map<CimName, Object> theirs = p.keyMap();
        return mine.equals(theirs);
    }

    private static final CimName UNNAMED = CimName.of("\u0000unnamed");

    private Map<CimName, Object> keyMap() {
        Map<CimName, Object> m = new HashMap<>();
        for (KeyBinding k : keys) {
            m.put(k.name() == null ? UNNAMED : k.name(), normalized(k.value()));
        }
        return m;
    }

    private static boolean eqIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(className) * 31 + (singleton ? 1 : 0);
        h = h * 31 + (namespace == null ? 0 : fold(namespace).hashCode());
        h = h * 31 + (server == null ? 0 : fold(server).hashCode());
        return h * 31 + keyMap().hashCode();
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses an object path.
     *
     * @throws CimException WBEM_E_INVALID_OBJECT_PATH with the position of the error
     */
    public static CimObjectPath parse(String text) {
        Objects.requireNonNull(text, "path");
        return new Parser(text).parse();
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        private CimException error(String what, int at) {
            return new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, what + " in object path \""
                    + (s.length() > 200 ? s.substring(0, 200) + "..." : s) + "\"", at);
        }

        private boolean end() {
            return pos >= s.length();
        }

        private static boolean isSep(char c) {
            return c == '\\' || c == '/';
        }

        CimObjectPath parse() {
            if (s.isEmpty()) {
                throw error("empty path", 0);
            }
            String server = null;
            String namespace = null;
            if (s.length() >= 2 && isSep(s.charAt(0)) && s.charAt(1) == s.charAt(0)) {
                pos = 2;
                int start = pos;
                while (!end() && !isSep(s.charAt(pos))) {
                    checkPlain(s.charAt(pos), pos, ":\"'=");
                    pos++;
                }
                if (pos == start) {
                    throw error("server name expected", pos);
                }
                server = s.substring(start, pos);
                if (end()) {
                    throw error("namespace expected after the server name", pos);
                }
                pos++;
                namespace = namespace();
                if (end()) {
                    return new CimObjectPath(server, namespace, null, List.of(), false);
                }
                expect(':');
            } else {
                int colon = -1;
                boolean slash = false;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == ':') {
                        colon = i;
                        break;
                    }
                    if (c == '.' || c == '=' || c == '"' || c == '\'') {
                        break;
                    }
                    slash |= isSep(c);
                }
                if (colon >= 0) {
                    namespace = namespace();
                    expect(':');
                } else if (slash) {
                    namespace = namespace();
                    if (!end()) {
                        throw error("unexpected '" + s.charAt(pos) + "'", pos);
                    }
                    return new CimObjectPath(null, namespace, null, List.of(), false);
                }
            }
            return classSpec(server, namespace);
        }

        private void checkPlain(char c, int at, String forbidden) {
            if (Character.isWhitespace(c) || c < 0x20 || forbidden.indexOf(c) >= 0) {
                throw error(Character.isWhitespace(c) ? "white space" : "unexpected '" + c + "'", at);
            }
        }

        private String namespace() {
            StringBuilder sb = new StringBuilder();
            int elementStart = pos;
            while (!end() && s.charAt(pos) != ':') {
                char c = s.charAt(pos);
                if (isSep(c)) {
                    if (pos == elementStart) {
                        throw error("empty namespace element", pos);
                    }
                    sb.append('\\');
                    elementStart = pos + 1;
                } else {
                    checkPlain(c, pos, "\"'=.,@{}");
                    sb.append(c);
                }
                pos++;
            }
            if (pos == elementStart) {
                throw error("namespace element expected", pos);
            }
            return sb.toString();
        }

        private void expect(char c) {
            if (end() || s.charAt(pos) != c) {
                throw error("'" + c + "' expected", pos);
            }
            pos++;
        }

        private CimName identifier(String what) {
            int start = pos;
            while (!end()) {
                char c = s.charAt(pos);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9') || c >= 0x80) {
                    pos++;
                } else {
                    break;
                }
            }
            if (pos == start) {
                if (!end() && Character.isWhitespace(s.charAt(pos))) {
                    throw error("white space", pos);
                }
                throw error(what + " expected", pos);
            }
            String id = s.substring(start, pos);
            if (!CimName.isIdentifier(id)) {
                throw error(what + " must not start with a digit", start);
            }
            return CimName.of(id);
        }

        private CimObjectPath classSpec(String server, String namespace) {
            CimName cls = identifier("class name");
            if (end()) {
                return new CimObjectPath(server, namespace, cls, List.of(), false);
            }
            char c = s.charAt(pos);
            List<KeyBinding> keys = new ArrayList<>();
            if (c == '=') {
                pos++;
                if (!end() && s.charAt(pos) == '@') {
                    pos++;
                    if (!end()) {
                        throw error("end of path expected after =@", pos);
                    }
                    return new CimObjectPath(server, namespace, cls, List.of(), true);
                }
                keys.add(new KeyBinding(null, value()));
            } else if (c == '.') {
                pos++;
                Set<CimName> seen = new HashSet<>();
                while (true) {
                    int at = pos;
                    CimName k = identifier("key name");
                    if (!seen.add(k)) {
                        throw error("key " + k + " given twice", at);
                    }
                    expect('=');
                    keys.add(new KeyBinding(k, value()));
                    if (end()) {
                        break;
                    }
                    expect(',');
                }
            } else {
                throw error(Character.isWhitespace(c) ? "white space" : "'.' or '=' expected after the class name", pos);
            }
            if (!end()) {
                throw error(Character.isWhitespace(s.charAt(pos)) ? "white space" : "unexpected '" + s.charAt(pos) + "'", pos);
            }
            return new CimObjectPath(server, namespace, cls, keys, false);
        }

        private CimValue value() {
            if (end()) {
                throw error("key value expected", pos);
            }
            char c = s.charAt(pos);
            if (c == '"' || c == '\'') {
                return CimValue.string(quoted(c));
            }
            if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
                return number();
            }
            int start = pos;
            while (!end() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String word = s.substring(start, pos);
            if (word.equalsIgnoreCase("TRUE")) {
                return CimValue.bool(true);
            }
            if (word.equalsIgnoreCase("FALSE")) {
                return CimValue.bool(false);
            }
            pos = start;
            throw error(Character.isWhitespace(c) ? "white space" : "key value expected (string, number, TRUE or FALSE)", start);
        }

        private String quoted(char q) {
            int open = pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (end()) {
                    throw error("unterminated string", open);
                }
                char c = s.charAt(pos++);
                if (c == q) {
                    return sb.toString();
                }
                if (c == '\\' && !end()) {
                    char n = s.charAt(pos);
                    if (n == '"' || n == '\'' || n == '\\') {
                        sb.append(n);
                        pos++;
                        continue;
                    }
                }
                sb.append(c);
            }
        }

        private CimValue number() {
            int start = pos;
            boolean neg = false;
            if (s.charAt(pos) == '-' || s.charAt(pos) == '+') {
                neg = s.charAt(pos) == '-';
                pos++;
            }
            int digits = pos;
            BigInteger value;
            if (pos + 1 < s.length() && s.charAt(pos) == '0' && (s.charAt(pos + 1) == 'x' || s.charAt(pos + 1) == 'X')) {
                pos += 2;
                int h = pos;
                while (!end() && Character.digit(s.charAt(pos), 16) >= 0) {
                    pos++;
                }
                if (pos == h || pos - h > 16) {
                    throw error("hexadecimal digits expected", h);
                }
                value = new BigInteger(s.substring(h, pos), 16);
            } else {
                while (!end() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    pos++;
                }
                if (pos == digits) {
                    throw error("digits expected", pos);
                }
                boolean real = false;
                if (!end() && s.charAt(pos) == '.') {
                    real = true;
                    pos++;
                    int f = pos;
                    while (!end() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                        pos++;
                    }
                    if (pos == f) {
                        throw error("digits expected after '.'", pos);
                    }
                }
                if (!end() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    real = true;
                    pos++;
                    if (!end() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    int e = pos;
                    while (!end() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                        pos++;
                    }
                    if (pos == e || pos - e > 4) {
                        throw error("exponent digits expected", e);
                    }
                }
                if (real) {
                    double d = Double.parseDouble(s.substring(start, pos));
                    if (Double.isInfinite(d)) {
                        throw error("number out of range", start);
                    }
                    return CimValue.real64(d);
                }
                if (pos - digits > 30) {
                    throw error("number out of range", start);
                }
                value = new BigInteger(s.substring(digits, pos));
            }
            if (neg) {
                value = value.negate();
            }
            if (value.bitLength() <= 63) {
                return CimValue.sint64(value.longValue());
            }
            if (value.signum() > 0 && value.bitLength() <= 64) {
                return CimValue.uint64(value.longValue());
            }
            throw error("number out of range", start);
        }
    }
}
