package org.jwmi.server.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.cim.mof.ClassResolver;
import org.jwmi.cim.mof.MofCompiler;
import org.jwmi.cim.mof.MofOperation;
import org.jwmi.cim.mof.MofUnit;
import org.jwmi.cim.wql.QuerySource;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.Wmio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The persistent CIM repository ([MS-WMI] 3.1.1.1 abstract data model: namespaces, class definitions and static
 * instances), kept in one SQLite file.
 *
 * <p>Objects are stored as [MS-WMIO] EncodingUnit octets without decoration, so what is read back is exactly what
 * was written; the server name and namespace are attached when an object is read. Beside each blob the table
 * holds the columns lookups need: namespace, class name, superclass, and for instances the class that defines
 * the keys plus a normalized key text (see {@link KeyText}), so that {@code CIM_Process.Handle="4"} finds the
 * {@code Win32_Process} instance with that handle, as in WMI, where keys are unique in the key-defining class.
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous=FULL}: every commit appends its frames to
 * the WAL and fsyncs it before {@code COMMIT} returns. A commit that returned therefore survives the process
 * being killed (kill -9 needs only the write to have reached the OS) and also an OS crash or power loss, which
 * {@code synchronous=NORMAL} in WAL mode would not guarantee (it may lose the last commits, though never corrupt
 * the file). The cost is one fsync per write operation, which a WMI repository (written rarely) can afford.
 *
 * <p>Each {@code putClass}/{@code putInstance}/{@code deleteClass}/{@code deleteInstance} is one
 * {@code BEGIN IMMEDIATE} transaction on the single writer connection. Enumerations are streams over a cursor on
 * a connection of their own (a consistent WAL snapshot); they hold one row at a time. Close them
 * (try-with-resources) if not consumed to the end; an exhausted stream closes itself.
 *
 * <p>Namespace names are case-insensitive; {@code /} is accepted for {@code \}. The first open seeds the
 * namespaces {@code root}, {@code root\cimv2} and {@code root\default} and the schema from the MOF resources in
 * {@code org/jwmi/server/schema}; a row in table {@code meta} records the schema version so later opens do not
 * seed again.
 */
public final class CimRepository implements AutoCloseable {

    /** [MS-WMI] 2.2.5 WBEM_CHANGE_FLAG_TYPE: create the object or update it. */
    public static final int WBEM_FLAG_CREATE_OR_UPDATE = 0;
    /** [MS-WMI] 2.2.5: update an existing object only. */
    public static final int WBEM_FLAG_UPDATE_ONLY = 1;
    /** [MS-WMI] 2.2.5: create a new object only. */
    public static final int WBEM_FLAG_CREATE_ONLY = 2;
    /** [MS-WMI] 2.2.6 WBEM_QUERY_FLAG_TYPE: the class and all its subclasses. */
    public static final int WBEM_FLAG_DEEP = 0;
    /** [MS-WMI] 2.2.6: the class only (classes: its immediate subclasses). */
    public static final int WBEM_FLAG_SHALLOW = 1;

    /** Version of the seeded schema recorded in table {@code meta}. */
    public static final int SCHEMA_VERSION = 2;

    static final CimName NAMESPACE_CLASS = CimName.of("__NAMESPACE");
    private static final String SCHEMA_DIR = "/org/jwmi/server/schema/";
    private static final Logger LOG = LoggerFactory.getLogger(CimRepository.class);

    private final String url;
    private final String serverName;
    private final Connection conn;
    private final Object lock = new Object();
    private boolean closed;

    private CimRepository(String url, String serverName, Connection conn) {
        this.url = url;
        this.serverName = serverName;
        this.conn = conn;
    }

    /** Opens (creating and seeding if needed) the repository in {@code file}; objects report server {@code "."}. */
    public static CimRepository open(Path file) {
        return open(file, ".");
    }

    /**
     * Opens (creating and seeding if needed) the repository in {@code file}.
     *
     * @param serverName the __SERVER reported by objects read from the repository
     */
    public static CimRepository open(Path file, String serverName) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            SQLiteConfig cfg = baseConfig();
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Connection c = cfg.createConnection(url);
            c.setAutoCommit(false);
            CimRepository r = new CimRepository(url, serverName, c);
            try {
                r.initialize();
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
            return r;
        } catch (SQLException e) {
            throw failed("cannot open repository " + file, e);
        }
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(30_000);
        return cfg;
    }

    // ------------------------------------------------------------------ schema and seeding

    private void initialize() {
        write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS namespace(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        + " name_key TEXT NOT NULL UNIQUE, parent_id INTEGER REFERENCES namespace(id))");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS class(id INTEGER PRIMARY KEY,"
                        + " ns_id INTEGER NOT NULL REFERENCES namespace(id), name TEXT NOT NULL,"
                        + " name_key TEXT NOT NULL, super_key TEXT, key_class TEXT NOT NULL, body BLOB NOT NULL,"
                        + " UNIQUE(ns_id, name_key))");
                s.executeUpdate("CREATE INDEX IF NOT EXISTS class_super ON class(ns_id, super_key)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS instance(id INTEGER PRIMARY KEY,"
                        + " ns_id INTEGER NOT NULL REFERENCES namespace(id), class_key TEXT NOT NULL,"
                        + " key_class TEXT NOT NULL, key_text TEXT NOT NULL, body BLOB NOT NULL,"
                        + " UNIQUE(ns_id, key_class, key_text))");
                s.executeUpdate("CREATE INDEX IF NOT EXISTS instance_class ON instance(ns_id, class_key)");
            }
            String version = null;
            try (PreparedStatement p = c.prepareStatement("SELECT v FROM meta WHERE k='schema_version'");
                 ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    version = rs.getString(1);
                }
            }
            if (version == null) {
                seed(c);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO meta(k, v) VALUES('schema_version', ?)")) {
                    p.setString(1, Integer.toString(SCHEMA_VERSION));
                    p.executeUpdate();
                }
                LOG.info("seeded CIM repository schema version {}", SCHEMA_VERSION);
            } else if (olderSchema(version)) {
                // A newer release adds classes: apply the schema MOF again (create or update), all or nothing.
                loadMof(c, "root\\cimv2", "cimv2.mof");
                try (PreparedStatement p = c.prepareStatement("UPDATE meta SET v = ? WHERE k = 'schema_version'")) {
                    p.setString(1, Integer.toString(SCHEMA_VERSION));
                    p.executeUpdate();
                }
                LOG.info("upgraded CIM repository schema from version {} to {}", version, SCHEMA_VERSION);
            } else if (!version.equals(Integer.toString(SCHEMA_VERSION))) {
                LOG.warn("repository schema version {} is newer than this server's {}; using it as it is", version,
                        SCHEMA_VERSION);
            }
            return null;
        });
    }

    private static boolean olderSchema(String version) {
        try {
            return Integer.parseInt(version) < SCHEMA_VERSION;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void seed(Connection c) throws SQLException {
        insertNamespace(c, "root", null);
        createChildNamespace(c, "root", "cimv2");
        createChildNamespace(c, "root", "default");
        loadMof(c, "root\\cimv2", "cimv2.mof");
    }

    /** Creates namespace {@code parent\child} with its system classes and its __NAMESPACE instance in the parent. */
    private void createChildNamespace(Connection c, String parent, String child) throws SQLException {
        CimClass nsClass = findClass(c, nsId(c, parent), NAMESPACE_CLASS)
                .orElseThrow(() -> new CimException(WbemStatus.WBEM_E_INVALID_CLASS, "no __NAMESPACE in " + parent));
        putInstance(c, parent, nsClass.newInstance().set("Name", CimValue.string(child)).build(),
                WBEM_FLAG_CREATE_ONLY);
    }

    private long insertNamespace(Connection c, String name, Long parentId) throws SQLException {
        long id;
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO namespace(name, name_key, parent_id) VALUES(?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, name);
            p.setString(2, KeyText.fold(name));
            if (parentId == null) {
                p.setNull(3, java.sql.Types.INTEGER);
            } else {
                p.setLong(3, parentId);
            }
            p.executeUpdate();
            try (ResultSet rs = p.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        loadMof(c, name, "system.mof");
        return id;
    }

    private void loadMof(Connection c, String namespace, String resource) throws SQLException {
        String text;
        try (InputStream in = CimRepository.class.getResourceAsStream(SCHEMA_DIR + resource)) {
            if (in == null) {
                throw new CimException(WbemStatus.WBEM_E_FAILED, "missing schema resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed("cannot read schema resource " + resource, e);
        }
        MofUnit unit = MofCompiler.builder().defaultNamespace(namespace).classResolver(resolverOn(c)).build()
                .compile(resource, text);
        apply(c, unit);
    }

    // ------------------------------------------------------------------ public operations

    /** The namespaces, full names as created (e.g. {@code root\cimv2}), in creation order. */
    public List<String> namespaces() {
        return read(c -> {
            List<String> l = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM namespace ORDER BY id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    l.add(rs.getString(1));
                }
            }
            return l;
        });
    }

    /** True if namespace {@code namespace} exists (case-insensitive). */
    public boolean hasNamespace(String namespace) {
        return read(c -> findNamespace(c, normalizeNamespace(namespace)) != null);
    }

    /**
     * Creates or updates a class (IWbemServices::PutClass). The class is complete (inherited members included).
     *
     * @param flags {@link #WBEM_FLAG_CREATE_OR_UPDATE}, {@link #WBEM_FLAG_UPDATE_ONLY} or {@link #WBEM_FLAG_CREATE_ONLY}
     * @throws CimException WBEM_E_INVALID_NAMESPACE, WBEM_E_INVALID_SUPERCLASS, WBEM_E_ALREADY_EXISTS,
     *                      WBEM_E_NOT_FOUND, WBEM_E_CLASS_HAS_CHILDREN, WBEM_E_CLASS_HAS_INSTANCES,
     *                      WBEM_E_INVALID_PARAMETER (flags)
     */
    public void putClass(String namespace, CimClass cimClass, int flags) {
        write(c -> {
            putClass(c, namespace, cimClass, flags);
            return null;
        });
    }

    /**
     * Deletes a class, its subclasses and the instances of all of them (IWbemServices::DeleteClass).
     *
     * @throws CimException WBEM_E_INVALID_NAMESPACE, WBEM_E_NOT_FOUND
     */
    public void deleteClass(String namespace, CimName className) {
        write(c -> {
            deleteClass(c, namespace, className);
            return null;
        });
    }

    /**
     * Creates or updates a static instance (IWbemServices::PutInstance); an instance of {@code __NAMESPACE}
     * creates the namespace it names.
     *
     * @return the instance's relative path
     * @throws CimException WBEM_E_INVALID_NAMESPACE, WBEM_E_INVALID_CLASS (no such class),
     *                      WBEM_E_INVALID_OPERATION (abstract class), WBEM_E_NO_KEY (class without keys),
     *                      WBEM_E_ILLEGAL_NULL (a key is NULL), WBEM_E_ALREADY_EXISTS, WBEM_E_NOT_FOUND,
     *                      WBEM_E_INVALID_PARAMETER (flags)
     */
    public CimObjectPath putInstance(String namespace, CimInstance instance, int flags) {
        return write(c -> putInstance(c, namespace, instance, flags));
    }

    /**
     * Puts every instance of {@code instances} as {@link #putInstance} does, all in one transaction (a bulk load:
     * one commit instead of one per instance); on the first error nothing is stored.
     *
     * @return how many instances were stored
     */
    public int putInstances(String namespace, Iterator<CimInstance> instances, int flags) {
        return write(c -> {
            int n = 0;
            while (instances.hasNext()) {
                putInstance(c, namespace, instances.next(), flags);
                n++;
            }
            return n;
        });
    }

    /**
     * Deletes the instance {@code path} designates (IWbemServices::DeleteInstance); deleting a {@code __NAMESPACE}
     * instance deletes that namespace and everything in it.
     *
     * @throws CimException WBEM_E_INVALID_NAMESPACE, WBEM_E_INVALID_CLASS, WBEM_E_NOT_FOUND,
     *                      WBEM_E_INVALID_OBJECT_PATH
     */
    public void deleteInstance(String namespace, CimObjectPath path) {
        write(c -> {
            deleteInstance(c, namespace, path);
            return null;
        });
    }

    /**
     * The class or instance {@code path} designates (IWbemServices::GetObject); server and namespace of the path
     * are ignored.
     *
     * @throws CimException WBEM_E_INVALID_NAMESPACE, WBEM_E_NOT_FOUND, WBEM_E_INVALID_CLASS (instance of an
     *                      unknown class), WBEM_E_INVALID_OBJECT_PATH
     */
    public CimObject getObject(String namespace, CimObjectPath path) {
        return read(c -> {
            String ns = normalizeNamespace(namespace);
            long nsId = nsId(c, ns);
            if (path.className() == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "not an object path: " + path);
            }
            if (path.isClassPath()) {
                return findClass(c, nsId, path.className())
                        .orElseThrow(() -> notFound("class " + path.className()));
            }
            return findInstance(c, nsId, path).map(r -> r.instance)
                    .orElseThrow(() -> notFound("instance " + path));
        });
    }

    /** The class {@code name} in {@code namespace}, if it exists. */
    public Optional<CimClass> getClass(String namespace, CimName name) {
        return read(c -> findClass(c, nsId(c, normalizeNamespace(namespace)), name));
    }

    /**
     * The classes derived from {@code superclass} (IWbemServices::CreateClassEnum), superclasses before their
     * subclasses; {@code superclass} null means from the top: all classes (deep) or the root classes (shallow).
     * Lazily read from a cursor; close the stream if not consumed to its end.
     *
     * @param flags {@link #WBEM_FLAG_DEEP} or {@link #WBEM_FLAG_SHALLOW}
     * @throws CimException WBEM_E_INVALID_NAMESPACE, WBEM_E_INVALID_CLASS (unknown superclass),
     *                      WBEM_E_INVALID_PARAMETER (flags)
     */
    public Stream<CimClass> enumClasses(String namespace, CimName superclass, int flags) {
        checkDepth(flags);
        String ns = normalizeNamespace(namespace);
        long nsId = read(c -> {
            long id = nsId(c, ns);
            if (superclass != null && findClassRow(c, id, superclass) == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_CLASS, "no class " + superclass + " in " + ns);
            }
            return id;
        });
        String sql;
        Object[] args;
        if (superclass == null) {
            sql = flags == WBEM_FLAG_SHALLOW
                    ? "SELECT body FROM class WHERE ns_id = ? AND super_key IS NULL ORDER BY id"
                    : "SELECT body FROM class WHERE ns_id = ? ORDER BY id";
            args = new Object[] {nsId};
        } else if (flags == WBEM_FLAG_SHALLOW) {
            sql = "SELECT body FROM class WHERE ns_id = ? AND super_key = ? ORDER BY id";
            args = new Object[] {nsId, key(superclass)};
        } else {
            sql = "WITH RECURSIVE d(k, n) AS (SELECT name_key, 1 FROM class WHERE ns_id = ? AND super_key = ?"
                    + " UNION ALL SELECT c.name_key, d.n + 1 FROM class c JOIN d ON c.super_key = d.k"
                    + " WHERE c.ns_id = ?)"
                    + " SELECT c.body FROM d JOIN class c ON c.ns_id = ? AND c.name_key = d.k ORDER BY d.n, c.id";
            args = new Object[] {nsId, key(superclass), nsId, nsId};
        }
        return stream(sql, args, b -> (CimClass) decode(b, ns));
    }

    /**
     * The instances of {@code className} (IWbemServices::CreateInstanceEnum): with {@link #WBEM_FLAG_DEEP} also
     * those of its subclasses. Lazily read from a cursor; close the stream if not consumed to its end.
     *
     * @throws CimException WBEM_E_INVALID_NAMESPACE, WBEM_E_INVALID_CLASS, WBEM_E_INVALID_PARAMETER (flags)
     */
    public Stream<CimInstance> enumInstances(String namespace, CimName className, int flags) {
        checkDepth(flags);
        String ns = normalizeNamespace(namespace);
        long nsId = read(c -> {
            long id = nsId(c, ns);
            if (findClassRow(c, id, className) == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_CLASS, "no class " + className + " in " + ns);
            }
            return id;
        });
        String sql;
        Object[] args;
        if (flags == WBEM_FLAG_SHALLOW) {
            sql = "SELECT body FROM instance WHERE ns_id = ? AND class_key = ? ORDER BY id";
            args = new Object[] {nsId, key(className)};
        } else {
            sql = "WITH RECURSIVE d(k) AS (SELECT ? UNION ALL SELECT c.name_key FROM class c JOIN d"
                    + " ON c.super_key = d.k WHERE c.ns_id = ?)"
                    + " SELECT i.body FROM d JOIN instance i ON i.ns_id = ? AND i.class_key = d.k";
            args = new Object[] {key(className), nsId, nsId};
        }
        return stream(sql, args, b -> (CimInstance) decode(b, ns));
    }

    /**
     * Applies the operations of a compiled MOF unit (qualifier declarations are not stored) in one transaction:
     * all of them or, on the first error, none.
     */
    public void load(MofUnit unit) {
        write(c -> {
            apply(c, unit);
            return null;
        });
    }

    /** The repository as a {@link ClassResolver} for {@link MofCompiler}. */
    public ClassResolver classResolver() {
        return (ns, name) -> {
            try {
                return getClass(ns, name).orElse(null);
            } catch (CimException e) {
                return null;
            }
        };
    }

    /** The namespace {@code namespace} as a {@link QuerySource} for {@link org.jwmi.cim.wql.WqlEvaluator}. */
    public QuerySource querySource(String namespace) {
        String ns = normalizeNamespace(namespace);
        read(c -> nsId(c, ns));
        return new QuerySource() {
            @Override
            public Optional<CimClass> getClass(CimName name) {
                return CimRepository.this.getClass(ns, name);
            }

            @Override
            public Stream<CimClass> classes() {
                return enumClasses(ns, null, WBEM_FLAG_DEEP);
            }

            @Override
            public Stream<CimInstance> instances(CimName className) {
                if (getClass(className).isEmpty()) {
                    return Stream.empty();
                }
                return enumInstances(ns, className, WBEM_FLAG_DEEP);
            }

            @Override
            public Optional<CimInstance> getInstance(CimObjectPath path) {
                if (path.className() == null || !path.isInstancePath()) {
                    return Optional.empty();
                }
                try {
                    return read(c -> findInstance(c, nsId(c, ns), path).map(r -> r.instance));
                } catch (CimException e) {
                    return Optional.empty();
                }
            }
        };
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                conn.close();
            } catch (SQLException e) {
                LOG.warn("closing repository: {}", e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ operations inside a transaction

    private void apply(Connection c, MofUnit unit) throws SQLException {
        for (MofOperation op : unit.operations()) {
            if (op instanceof MofOperation.PutClass p) {
                putClass(c, p.namespace(), p.cimClass(), p.flags().bits() & 3);
            } else if (op instanceof MofOperation.PutInstance p) {
                putInstance(c, p.namespace(), p.instance(), p.flags().bits() & 3);
            } else if (op instanceof MofOperation.DeleteClass d) {
                try {
                    deleteClass(c, d.namespace(), d.className());
                } catch (CimException e) {
                    if (d.failIfMissing() || e.status() != WbemStatus.WBEM_E_NOT_FOUND) {
                        throw e;
                    }
                }
            } else if (op instanceof MofOperation.DeleteInstance d) {
                try {
                    deleteInstance(c, d.namespace(), d.path());
                } catch (CimException e) {
                    if (d.failIfMissing() || e.status() != WbemStatus.WBEM_E_NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }
    }

    private void putClass(Connection c, String namespace, CimClass cls, int flags) throws SQLException {
        checkChangeFlags(flags);
        String ns = normalizeNamespace(namespace);
        long nsId = nsId(c, ns);
        CimName superName = cls.superclassName().orElse(null);
        String keyClass = key(cls.name());
        if (superName != null) {
            ClassRow sup = findClassRow(c, nsId, superName);
            if (sup == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_SUPERCLASS,
                        "superclass " + superName + " of " + cls.name() + " does not exist in " + ns);
            }
            CimClass supClass = (CimClass) decode(sup.body, ns);
            if (!supClass.keys().isEmpty()) {
                keyClass = sup.keyClass;
            }
        }
        byte[] body = encode(cls);
        ClassRow old = findClassRow(c, nsId, cls.name());
        if (old != null) {
            if (flags == WBEM_FLAG_CREATE_ONLY) {
                throw new CimException(WbemStatus.WBEM_E_ALREADY_EXISTS, "class " + cls.name() + " already exists");
            }
            if (Arrays.equals(old.body, body)) {
                return;
            }
            if (exists(c, "SELECT 1 FROM class WHERE ns_id = ? AND super_key = ? LIMIT 1", nsId, key(cls.name()))) {
                throw new CimException(WbemStatus.WBEM_E_CLASS_HAS_CHILDREN,
                        "class " + cls.name() + " has subclasses; it cannot be changed");
            }
            if (exists(c, "SELECT 1 FROM instance WHERE ns_id = ? AND class_key = ? LIMIT 1", nsId, key(cls.name()))) {
                throw new CimException(WbemStatus.WBEM_E_CLASS_HAS_INSTANCES,
                        "class " + cls.name() + " has instances; it cannot be changed");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE class SET name = ?, super_key = ?, key_class = ?, body = ? WHERE id = ?")) {
                p.setString(1, cls.name().text());
                p.setString(2, superName == null ? null : key(superName));
                p.setString(3, keyClass);
                p.setBytes(4, body);
                p.setLong(5, old.id);
                p.executeUpdate();
            }
            return;
        }
        if (flags == WBEM_FLAG_UPDATE_ONLY) {
            throw notFound("class " + cls.name());
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO class(ns_id, name, name_key, super_key, key_class, body) VALUES(?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, nsId);
            p.setString(2, cls.name().text());
            p.setString(3, key(cls.name()));
            p.setString(4, superName == null ? null : key(superName));
            p.setString(5, keyClass);
            p.setBytes(6, body);
            p.executeUpdate();
        }
    }

    private void deleteClass(Connection c, String namespace, CimName className) throws SQLException {
        String ns = normalizeNamespace(namespace);
        long nsId = nsId(c, ns);
        if (findClassRow(c, nsId, className) == null) {
            throw notFound("class " + className);
        }
        String tree = "WITH RECURSIVE d(k) AS (SELECT ? UNION ALL SELECT c.name_key FROM class c JOIN d"
                + " ON c.super_key = d.k WHERE c.ns_id = ?) ";
        for (String sql : List.of(
                tree + "DELETE FROM instance WHERE ns_id = ? AND class_key IN (SELECT k FROM d)",
                tree + "DELETE FROM class WHERE ns_id = ? AND name_key IN (SELECT k FROM d)")) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, key(className));
                p.setLong(2, nsId);
                p.setLong(3, nsId);
                p.executeUpdate();
            }
        }
    }

    private CimObjectPath putInstance(Connection c, String namespace, CimInstance inst, int flags)
            throws SQLException {
        checkChangeFlags(flags);
        String ns = normalizeNamespace(namespace);
        long nsId = nsId(c, ns);
        ClassRow row = findClassRow(c, nsId, inst.className());
        if (row == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_CLASS,
                    "class " + inst.className() + " does not exist in " + ns);
        }
        CimClass cls = (CimClass) decode(row.body, ns);
        if (cls.isAbstract()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OPERATION,
                    "class " + cls.name() + " is abstract; it cannot have instances");
        }
        if (cls.keys().isEmpty() && !cls.isSingleton()) {
            throw new CimException(WbemStatus.WBEM_E_NO_KEY, "class " + cls.name() + " has no key property");
        }
        java.util.Map<CimName, CimValue> keys = new java.util.HashMap<>();
        for (CimProperty k : cls.keys()) {
            CimValue v = inst.value(k.name());
            if (v == null || v.isNull()) {
                throw new CimException(WbemStatus.WBEM_E_ILLEGAL_NULL,
                        "key property " + k.name() + " of " + cls.name() + " is NULL");
            }
            keys.put(k.name(), v);
        }
        String keyText = cls.isSingleton() && keys.isEmpty() ? "" : KeyText.of(cls, keys);
        byte[] body = encode(inst);
        Long oldId = null;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id FROM instance WHERE ns_id = ? AND key_class = ? AND key_text = ?")) {
            p.setLong(1, nsId);
            p.setString(2, row.keyClass);
            p.setString(3, keyText);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    oldId = rs.getLong(1);
                }
            }
        }
        CimObjectPath relPath = inst.relPath();
        if (oldId != null) {
            if (flags == WBEM_FLAG_CREATE_ONLY) {
                throw new CimException(WbemStatus.WBEM_E_ALREADY_EXISTS, "instance " + relPath + " already exists");
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE instance SET class_key = ?, body = ? WHERE id = ?")) {
                p.setString(1, key(cls.name()));
                p.setBytes(2, body);
                p.setLong(3, oldId);
                p.executeUpdate();
            }
            return relPath;
        }
        if (flags == WBEM_FLAG_UPDATE_ONLY) {
            throw notFound("instance " + relPath);
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO instance(ns_id, class_key, key_class, key_text, body) VALUES(?, ?, ?, ?, ?)")) {
            p.setLong(1, nsId);
            p.setString(2, key(cls.name()));
            p.setString(3, row.keyClass);
            p.setString(4, keyText);
            p.setBytes(5, body);
            p.executeUpdate();
        }
        if (cls.isA(NAMESPACE_CLASS)) {
            String child = inst.value(CimName.of("Name")).asString();
            if (child.isEmpty() || child.contains("\\") || child.contains("/")) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "bad namespace name '" + child + "'");
            }
            insertNamespace(c, ns + "\\" + child, nsId);
        }
        return relPath;
    }

    private void deleteInstance(Connection c, String namespace, CimObjectPath path) throws SQLException {
        String ns = normalizeNamespace(namespace);
        long nsId = nsId(c, ns);
        if (path.className() == null || !path.isInstancePath()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "not an instance path: " + path);
        }
        InstanceRow r = findInstance(c, nsId, path).orElseThrow(() -> notFound("instance " + path));
        try (PreparedStatement p = c.prepareStatement("DELETE FROM instance WHERE id = ?")) {
            p.setLong(1, r.id);
            p.executeUpdate();
        }
        if (r.instance.isA(NAMESPACE_CLASS)) {
            deleteNamespaceTree(c, ns + "\\" + r.instance.value(CimName.of("Name")).asString());
        }
    }

    private void deleteNamespaceTree(Connection c, String name) throws SQLException {
        Long id = findNamespace(c, name);
        if (id == null) {
            return;
        }
        String tree = "WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT n.id FROM namespace n JOIN t"
                + " ON n.parent_id = t.id) ";
        for (String sql : List.of(
                tree + "DELETE FROM instance WHERE ns_id IN (SELECT id FROM t)",
                tree + "DELETE FROM class WHERE ns_id IN (SELECT id FROM t)",
                "WITH RECURSIVE t(id, depth) AS (SELECT ?, 0 UNION ALL SELECT n.id, t.depth + 1 FROM namespace n"
                        + " JOIN t ON n.parent_id = t.id) DELETE FROM namespace WHERE id IN (SELECT id FROM t)")) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, id);
                p.executeUpdate();
            }
        }
    }

    // ------------------------------------------------------------------ lookups

    private record ClassRow(long id, String keyClass, byte[] body) {
    }

    private record InstanceRow(long id, CimInstance instance) {
    }

    private ClassRow findClassRow(Connection c, long nsId, CimName name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, key_class, body FROM class WHERE ns_id = ? AND name_key = ?")) {
            p.setLong(1, nsId);
            p.setString(2, key(name));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new ClassRow(rs.getLong(1), rs.getString(2), rs.getBytes(3)) : null;
            }
        }
    }

    private Optional<CimClass> findClass(Connection c, long nsId, CimName name) throws SQLException {
        ClassRow r = findClassRow(c, nsId, name);
        return r == null ? Optional.empty() : Optional.of((CimClass) decode(r.body, namespaceName(c, nsId)));
    }

    private Optional<InstanceRow> findInstance(Connection c, long nsId, CimObjectPath path) throws SQLException {
        ClassRow row = findClassRow(c, nsId, path.className());
        if (row == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_CLASS, "no class " + path.className());
        }
        String ns = namespaceName(c, nsId);
        CimClass cls = (CimClass) decode(row.body, ns);
        String keyText = cls.isSingleton() && path.isSingleton() ? "" : KeyText.ofPath(cls, path);
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, body FROM instance WHERE ns_id = ? AND key_class = ? AND key_text = ?")) {
            p.setLong(1, nsId);
            p.setString(2, row.keyClass);
            p.setString(3, keyText);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                CimInstance inst = (CimInstance) decode(rs.getBytes(2), ns);
                return inst.isA(path.className()) ? Optional.of(new InstanceRow(rs.getLong(1), inst))
                        : Optional.empty();
            }
        }
    }

    private Long findNamespace(Connection c, String ns) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM namespace WHERE name_key = ?")) {
            p.setString(1, KeyText.fold(ns));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private long nsId(Connection c, String ns) throws SQLException {
        Long id = findNamespace(c, normalizeNamespace(ns));
        if (id == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "namespace " + ns + " does not exist");
        }
        return id;
    }

    private String namespaceName(Connection c, long nsId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT name FROM namespace WHERE id = ?")) {
            p.setLong(1, nsId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static boolean exists(Connection c, String sql, long nsId, String k) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, nsId);
            p.setString(2, k);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private ClassResolver resolverOn(Connection c) {
        return (ns, name) -> {
            try {
                Long id = findNamespace(c, normalizeNamespace(ns));
                return id == null ? null : findClass(c, id, name).orElse(null);
            } catch (SQLException e) {
                throw failed("repository read failed", e);
            }
        };
    }

    // ------------------------------------------------------------------ plumbing

    /**
     * {@code root/cimv2}, {@code \root\cimv2}, {@code \\.\root\cimv2}, {@code //./root/cimv2} -> {@code root\cimv2}
     * (case kept; compare folded). Empty if nothing is left.
     */
    public static String normalizeNamespace(String ns) {
        if (ns == null || ns.isBlank()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "no namespace given");
        }
        String s = ns.replace('/', '\\');
        if (s.startsWith("\\\\")) {
            int end = s.indexOf('\\', 2);
            s = end < 0 ? "" : s.substring(end + 1);
        }
        while (s.startsWith("\\")) {
            s = s.substring(1);
        }
        while (s.endsWith("\\")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String key(CimName name) {
        return KeyText.fold(name.text());
    }

    private static void checkChangeFlags(int flags) {
        if (flags != WBEM_FLAG_CREATE_OR_UPDATE && flags != WBEM_FLAG_UPDATE_ONLY && flags != WBEM_FLAG_CREATE_ONLY) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                    "flags must be 0 (create or update), 1 (update only) or 2 (create only), not " + flags);
        }
    }

    private static void checkDepth(int flags) {
        if (flags != WBEM_FLAG_DEEP && flags != WBEM_FLAG_SHALLOW) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                    "flags must be 0 (deep) or 1 (shallow), not " + flags);
        }
    }

    private static byte[] encode(CimObject o) {
        try {
            return Wmio.encode(o.withOrigin(null, null));
        } catch (IllegalArgumentException e) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "object cannot be stored: " + e.getMessage());
        }
    }

    private CimObject decode(byte[] body, String ns) {
        try {
            return Wmio.decode(body).withOrigin(serverName, ns);
        } catch (ProtocolException e) {
            throw new CimException(WbemStatus.WBEM_E_FAILED, "corrupt object in repository: " + e.getMessage());
        }
    }

    private static CimException notFound(String what) {
        return new CimException(WbemStatus.WBEM_E_NOT_FOUND, what + " not found");
    }

    private static CimException failed(String what, Exception e) {
        CimException x = new CimException(WbemStatus.WBEM_E_FAILED, what + ": " + e.getMessage());
        x.initCause(e);
        return x;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T write(SqlWork<T> work) {
        synchronized (lock) {
            ensureOpen();
            try {
                T r = work.run(conn);
                conn.commit();
                return r;
            } catch (SQLException e) {
                rollback(e);
                throw failed("repository write failed", e);
            } catch (RuntimeException | Error e) {
                rollback(e);
                throw e;
            }
        }
    }

    private void rollback(Throwable cause) {
        try {
            conn.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private <T> T read(SqlWork<T> work) {
        return write(work);
    }

    private void ensureOpen() {
        if (closed) {
            throw new CimException(WbemStatus.WBEM_E_SHUTTING_DOWN, "repository is closed");
        }
    }

    private <T> Stream<T> stream(String sql, Object[] args, Function<byte[], T> map) {
        synchronized (lock) {
            ensureOpen();
        }
        Connection rc = null;
        PreparedStatement ps = null;
        ResultSet rs;
        try {
            rc = baseConfig().createConnection(url);
            ps = rc.prepareStatement(sql);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            rs = ps.executeQuery();
        } catch (SQLException e) {
            closeQuietly(ps, rc);
            throw failed("repository read failed", e);
        }
        Cursor<T> cursor = new Cursor<>(rc, ps, rs, map);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(cursor::close);
    }

    private static void closeQuietly(AutoCloseable... cs) {
        for (AutoCloseable c : cs) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("close: {}", e.getMessage());
                }
            }
        }
    }

    /** An iterator over a cursor that closes its statement and connection when exhausted or closed. */
    private static final class Cursor<T> implements Iterator<T> {
        private final Connection conn;
        private final PreparedStatement stmt;
        private final ResultSet rs;
        private final Function<byte[], T> map;
        private boolean fetched;
        private boolean done;

        Cursor(Connection conn, PreparedStatement stmt, ResultSet rs, Function<byte[], T> map) {
            this.conn = conn;
            this.stmt = stmt;
            this.rs = rs;
            this.map = map;
        }

        @Override
        public boolean hasNext() {
            if (done) {
                return false;
            }
            if (!fetched) {
                try {
                    fetched = rs.next();
                } catch (SQLException e) {
                    close();
                    throw failed("repository read failed", e);
                }
                if (!fetched) {
                    close();
                    return false;
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            fetched = false;
            try {
                return map.apply(rs.getBytes(1));
            } catch (SQLException e) {
                close();
                throw failed("repository read failed", e);
            }
        }

        void close() {
            if (!done) {
                done = true;
                closeQuietly(rs, stmt, conn);
            }
        }
    }

    @Override
    public String toString() {
        return "CimRepository[" + url + "]";
    }

    // ------------------------------------------------------------------ namespace security (org.jwmi.server.security)

    /**
     * The security entry of one namespace ([MS-WMI] 3.1.1 NamespaceConnectionTable: Security Descriptor and
     * RequiresEncryption), as {@link org.jwmi.server.security.NamespaceSecurity} stores it.
     *
     * @param sd                 the namespace's own self-relative SECURITY_DESCRIPTOR, or {@code null} if none was set
     * @param requiresEncryption the RequiresEncryption flag
     */
    public record NamespaceSecurityEntry(byte[] sd, boolean requiresEncryption) {
        public NamespaceSecurityEntry {
            sd = sd == null ? null : sd.clone();
        }

        @Override
        public byte[] sd() {
            return sd == null ? null : sd.clone();
        }
    }

    private boolean securityTableReady;

    private void ensureSecurityTable(Connection c) throws SQLException {
        if (!securityTableReady) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS namespace_security(ns TEXT PRIMARY KEY, sd BLOB,"
                        + " requires_encryption INTEGER NOT NULL DEFAULT 0)");
            }
            securityTableReady = true;
        }
    }

    /** The security entry of {@code namespace} (case-insensitive, {@code /} or {@code \\}), if one was stored. */
    public Optional<NamespaceSecurityEntry> getNamespaceSecurity(String namespace) {
        String k = KeyText.fold(normalizeNamespace(namespace));
        return write(c -> {
            ensureSecurityTable(c);
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT sd, requires_encryption FROM namespace_security WHERE ns = ?")) {
                p.setString(1, k);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new NamespaceSecurityEntry(rs.getBytes(1), rs.getInt(2) != 0))
                            : Optional.<NamespaceSecurityEntry>empty();
                }
            }
        });
    }

    /** Stores the security descriptor of {@code namespace} ({@code null}: none of its own), keeping its flag. */
    public void putNamespaceSd(String namespace, byte[] sd) {
        String k = KeyText.fold(normalizeNamespace(namespace));
        write(c -> {
            ensureSecurityTable(c);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO namespace_security(ns, sd) VALUES(?, ?)"
                    + " ON CONFLICT(ns) DO UPDATE SET sd = excluded.sd")) {
                p.setString(1, k);
                p.setBytes(2, sd);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Stores the RequiresEncryption flag of {@code namespace}, keeping its descriptor. */
    public void putNamespaceRequiresEncryption(String namespace, boolean requiresEncryption) {
        String k = KeyText.fold(normalizeNamespace(namespace));
        write(c -> {
            ensureSecurityTable(c);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO namespace_security(ns, requires_encryption)"
                    + " VALUES(?, ?) ON CONFLICT(ns) DO UPDATE SET requires_encryption = excluded.requires_encryption")) {
                p.setString(1, k);
                p.setInt(2, requiresEncryption ? 1 : 0);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Removes the security entries of {@code namespace} and of every namespace below it. */
    public void deleteNamespaceSecurity(String namespace) {
        String k = KeyText.fold(normalizeNamespace(namespace));
        write(c -> {
            ensureSecurityTable(c);
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM namespace_security WHERE ns = ? OR (ns > ? AND ns < ?)")) {
                // descendants: keys starting with k + '\\' sort between k + '\\' and k + ']' (']' follows '\\')
                p.setString(1, k);
                p.setString(2, k + "\\");
                p.setString(3, k + "]");
                p.executeUpdate();
            }
            return null;
        });
    }
}
