package org.jwmi.server.service;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.cim.wql.QuerySource;
import org.jwmi.cim.wql.WqlEvaluator;
import org.jwmi.cim.wql.WqlExpr;
import org.jwmi.cim.wql.WqlLiteral;
import org.jwmi.cim.wql.WqlOperator;
import org.jwmi.cim.wql.WqlParser;
import org.jwmi.cim.wql.WqlProperty;
import org.jwmi.cim.wql.WqlQuery;
import org.jwmi.cim.wql.WqlSelect;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.MethodProvider;
import org.jwmi.server.provider.ProviderContext;
import org.jwmi.server.provider.ProviderRegistry;
import org.jwmi.server.repository.CimRepository;
import org.jwmi.server.security.CallerToken;

/**
 * The CIM object manager ([MS-WMI] 3.1.1.1 and 3.1.4.3 in CIM terms, no protocol): one namespace's classes come from
 * the repository; instances of a class with an instance provider come from the provider, the others are the
 * repository's static instances. Queries run {@link WqlEvaluator} over the merged view; a data query whose WHERE
 * fixes every key of the FROM class with {@code =} asks the provider for that one instance instead of enumerating,
 * and other {@code =} comparisons go to the provider's {@link InstanceProvider#lookup} (so
 * {@code WHERE ProcessId = 42} reads one {@code /proc} entry). Results are lazy streams: callers close them.
 *
 * <p>Access checks are not done here; the service checks the namespace rights before calling.
 */
public final class Cimom {

    private static final CimName DYNAMIC = CimName.of("dynamic");
    private static final CimName NAMESPACE = CimName.of("__NAMESPACE");
    private static final CimName SYSTEM_SECURITY = CimName.of("__SystemSecurity");

    private final CimRepository repository;
    private final ProviderRegistry providers;
    private final String serverName;
    private final Clock clock;
    private volatile Consumer<String> namespaceDeleted = ns -> { };

    public Cimom(CimRepository repository, ProviderRegistry providers, String serverName, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.serverName = Objects.requireNonNull(serverName, "serverName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CimRepository repository() {
        return repository;
    }

    public String serverName() {
        return serverName;
    }

    /**
     * The namespace a client names, as the repository spells it: accepts {@code root\cimv2}, {@code root/cimv2},
     * {@code \\.\root\cimv2}, {@code //server/root/cimv2}; the server part is ignored (a connection reaches only
     * this server).
     *
     * @throws CimException WBEM_E_INVALID_NAMESPACE if it does not exist or is malformed
     */
    public String resolveNamespace(String resource) {
        if (resource == null || resource.isBlank()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "no namespace given");
        }
        String s = resource.replace('/', '\\');
        if (s.startsWith("\\\\")) {
            int end = s.indexOf('\\', 2);
            if (end < 0) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "no namespace after the server name in "
                        + resource);
            }
            s = s.substring(end + 1);
        }
        return existing(s, resource);
    }

    /** The child {@code relative} of {@code namespace} (IWbemServices::OpenNamespace). */
    public String childNamespace(String namespace, String relative) {
        if (relative == null || relative.isBlank()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "no namespace given");
        }
        String r = relative.replace('/', '\\');
        if (r.startsWith("\\") || r.contains("\\\\") || r.endsWith("\\")) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE,
                    "OpenNamespace takes a namespace relative to " + namespace + ", not " + relative);
        }
        return existing(namespace + "\\" + r, relative);
    }

    private String existing(String ns, String asGiven) {
        if (ns.isEmpty() || ns.length() > 1024 || ns.contains("\\\\")) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "not a namespace: " + asGiven);
        }
        for (String n : repository.namespaces()) {
            if (n.equalsIgnoreCase(ns)) {
                return n;
            }
        }
        throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "namespace " + ns + " does not exist");
    }

    // ------------------------------------------------------------------ reads

    /** IWbemServices::GetObject: a class, or an instance (from its provider or the repository). */
    public CimObject getObject(CallerToken caller, String ns, String objectPath) {
        if (objectPath == null || objectPath.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                    "an empty object path asks for an empty class, which this server does not hand out");
        }
        CimObjectPath path = CimObjectPath.parse(objectPath);
        if (path.className() == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "not an object path: " + objectPath);
        }
        CimClass cls = repository.getClass(ns, path.className()).orElse(null);
        if (path.isClassPath()) {
            if (cls == null) {
                throw new CimException(WbemStatus.WBEM_E_NOT_FOUND, "class " + path.className() + " does not exist");
            }
            return cls;
        }
        if (cls == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_CLASS, "class " + path.className() + " does not exist");
        }
        return source(caller, ns).getInstance(path)
                .orElseThrow(() -> new CimException(WbemStatus.WBEM_E_NOT_FOUND, "no instance " + objectPath));
    }

    /** IWbemServices::CreateClassEnum: the subclasses of {@code superclass} (all classes if null). */
    public Stream<CimClass> classes(String ns, String superclass, boolean shallow) {
        CimName sup = superclass == null || superclass.isEmpty() ? null : CimName.of(superclass);
        return repository.enumClasses(ns, sup, shallow ? CimRepository.WBEM_FLAG_SHALLOW
                : CimRepository.WBEM_FLAG_DEEP);
    }

    /** IWbemServices::CreateInstanceEnum: the instances of {@code className}, and of its subclasses unless shallow. */
    public Stream<CimInstance> instances(CallerToken caller, String ns, String className, boolean shallow) {
        if (className == null || className.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "CreateInstanceEnum needs a class name");
        }
        CimName name = CimName.of(className);
        CimClass cls = repository.getClass(ns, name).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_INVALID_CLASS, "class " + className + " does not exist in " + ns));
        NamespaceSource src = source(caller, ns);
        return shallow ? src.ownInstances(cls) : src.instances(name);
    }

    /** IWbemServices::ExecQuery with {@code language} "WQL": a data, schema, ASSOCIATORS OF or REFERENCES OF query. */
    public Stream<CimObject> execQuery(CallerToken caller, String ns, String language, String query) {
        if (language == null || !language.equalsIgnoreCase("WQL")) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY_TYPE,
                    "query language " + language + " is not supported; use WQL");
        }
        if (query == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "no query");
        }
        WqlQuery q = WqlParser.parseDataQuery(query);
        NamespaceSource src = source(caller, ns);
        if (q instanceof WqlSelect s && !s.isSchemaQuery() && s.where() != null) {
            Optional<Supplier<Stream<CimInstance>>> narrowed = narrowed(src, ns, s);
            if (narrowed.isPresent()) {
                return new WqlEvaluator(src.restrictedTo(s.className(), narrowed.get())).execute(q);
            }
        }
        return new WqlEvaluator(src).execute(q);
    }

    /**
     * The instances of a provider-served FROM class that a data query's WHERE narrows to, found without enumerating:
     * when its chain of ANDs compares every key with {@code =} to a literal, the one instance those keys name (the
     * provider's get); else, when it compares other properties so, what the provider's
     * {@link InstanceProvider#lookup} finds for them. Empty when the query does not have that shape; the evaluator
     * still applies the whole WHERE to what this yields.
     */
    private Optional<Supplier<Stream<CimInstance>>> narrowed(NamespaceSource src, String ns, WqlSelect s) {
        Optional<InstanceProvider> p = providers.instanceProvider(s.className());
        CimClass cls = p.isEmpty() ? null : repository.getClass(ns, s.className()).orElse(null);
        if (cls == null) {
            return Optional.empty();
        }
        Map<CimName, CimValue> values = equalities(s.where());
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<CimObjectPath.KeyBinding> bindings = new ArrayList<>();
        for (var key : cls.keys()) {
            CimValue v = values.get(key.name());
            if (v == null) {
                bindings = null;
                break;
            }
            bindings.add(CimObjectPath.KeyBinding.of(key.name().toString(), v));
        }
        if (bindings != null && !bindings.isEmpty()) {
            CimObjectPath path = CimObjectPath.forInstance(cls.name(), bindings);
            return Optional.of(() -> src.getInstance(path).stream());
        }
        return p.get().lookup(src.context(), cls, values)
                .map(st -> () -> st.map(i -> i.withOrigin(serverName, ns)));
    }

    /** {@code property = literal} (either way round, literal not NULL) in a chain of ANDs; the last one wins. */
    private static Map<CimName, CimValue> equalities(WqlExpr where) {
        List<WqlExpr.Comparison> eqs = new ArrayList<>();
        collectEqualities(where, eqs);
        Map<CimName, CimValue> values = new HashMap<>();
        for (WqlExpr.Comparison c : eqs) {
            if (c.left() instanceof WqlProperty prop && c.right() instanceof WqlLiteral l && !l.isNull()) {
                values.put(prop.name(), keyValue(l));
            } else if (c.right() instanceof WqlProperty prop && c.left() instanceof WqlLiteral l && !l.isNull()) {
                values.put(prop.name(), keyValue(l));
            }
        }
        return values;
    }

    private static CimValue keyValue(WqlLiteral l) {
        return switch (l.kind()) {
            case STRING -> CimValue.string((String) l.value());
            case INTEGER -> {
                BigInteger v = (BigInteger) l.value();
                yield v.bitLength() < 64 ? CimValue.sint64(v.longValue()) : CimValue.uint64(v.longValue());
            }
            case REAL -> CimValue.real64((Double) l.value());
            case BOOLEAN -> CimValue.bool((Boolean) l.value());
            case NULL -> throw new IllegalStateException("NULL literals are filtered out");
        };
    }

    private static void collectEqualities(WqlExpr e, List<WqlExpr.Comparison> out) {
        if (e instanceof WqlExpr.And a) {
            collectEqualities(a.left(), out);
            collectEqualities(a.right(), out);
        } else if (e instanceof WqlExpr.Comparison c && c.op() == WqlOperator.EQ) {
            out.add(c);
        }
    }

    // ------------------------------------------------------------------ writes

    /** IWbemServices::PutClass. */
    public void putClass(String ns, CimObject object, int flags) {
        if (!(object instanceof CimClass cls)) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "PutClass takes a class, not an instance");
        }
        repository.putClass(ns, cls, changeFlags(flags));
    }

    /** IWbemServices::DeleteClass. */
    public void deleteClass(String ns, String className) {
        if (className == null || className.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "DeleteClass needs a class name");
        }
        CimObjectPath path = CimObjectPath.parse(className);
        if (!path.isClassPath()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_CLASS, "not a class name: " + className);
        }
        repository.deleteClass(ns, path.className());
    }

    /** IWbemServices::PutInstance: static instances only (dynamic classes: WBEM_E_PROVIDER_NOT_CAPABLE). */
    public CimObjectPath putInstance(String ns, CimObject object, int flags) {
        if (!(object instanceof CimInstance inst)) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "PutInstance takes an instance, not a class");
        }
        CimClass cls = repository.getClass(ns, inst.cimClass().name()).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_INVALID_CLASS, "class " + inst.cimClass().name() + " does not exist in " + ns));
        if (isDynamic(cls)) {
            throw new CimException(WbemStatus.WBEM_E_PROVIDER_NOT_CAPABLE,
                    "the provider of " + cls.name() + " does not create or update instances");
        }
        return repository.putInstance(ns, inst, changeFlags(flags));
    }

    /** IWbemServices::DeleteInstance. */
    public void deleteInstance(String ns, String objectPath) {
        if (objectPath == null || objectPath.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "DeleteInstance needs an object path");
        }
        CimObjectPath path = CimObjectPath.parse(objectPath);
        if (!path.isInstancePath()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "not an instance path: " + objectPath);
        }
        CimClass cls = repository.getClass(ns, path.className()).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_INVALID_CLASS, "class " + path.className() + " does not exist in " + ns));
        if (isDynamic(cls)) {
            throw new CimException(WbemStatus.WBEM_E_PROVIDER_NOT_CAPABLE,
                    "the provider of " + cls.name() + " does not delete instances");
        }
        repository.deleteInstance(ns, path);
        if (cls.name().equals(NAMESPACE)) {
            path.resolveKeyNames(cls).key(CimName.of("Name"))
                    .ifPresent(name -> namespaceDeleted.accept(ns + "\\" + name.asString()));
        }
    }

    /**
     * Called with the full name of each namespace deleted through DeleteInstance of its {@code __NAMESPACE}
     * (namespace security forgets its descriptor, so a namespace created again under that name starts afresh).
     */
    public void onNamespaceDeleted(Consumer<String> listener) {
        this.namespaceDeleted = Objects.requireNonNull(listener, "listener");
    }

    private static int changeFlags(int flags) {
        int mode = flags & 0x3;
        if (mode == 3) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                    "WBEM_FLAG_UPDATE_ONLY and WBEM_FLAG_CREATE_ONLY exclude each other");
        }
        return mode;
    }

    /**
     * IWbemServices::ExecMethod: runs {@code method} of the class or instance {@code objectPath} through the method
     * provider of the class that defines it (or a class derived from it along the path).
     */
    public CimInstance execMethod(CallerToken caller, String ns, String objectPath, String method,
                                  CimInstance inParams) {
        if (objectPath == null || objectPath.isEmpty() || method == null || method.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "ExecMethod needs an object path and a method");
        }
        CimObjectPath path = CimObjectPath.parse(objectPath);
        if (path.className() == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "not an object path: " + objectPath);
        }
        CimClass cls = repository.getClass(ns, path.className()).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_INVALID_CLASS, "class " + path.className() + " does not exist in " + ns));
        CimName m = CimName.of(method);
        CimMethod decl = cls.method(m).orElseThrow(() -> new CimException(WbemStatus.WBEM_E_INVALID_METHOD,
                "class " + cls.name() + " has no method " + method));
        if (cls.name().equals(SYSTEM_SECURITY)) {
            // [MS-WMI] 2.2.30: __SystemSecurity stands for the namespace itself; clients call its methods on the
            // class ("__SystemSecurity") or on the singleton ("__SystemSecurity=@"), and no instance is stored.
        } else if (path.isInstancePath() && !decl.qualifiers().isTrue("static")) {
            CimObjectPath resolved = path.resolveKeyNames(cls);
            source(caller, ns).getInstance(resolved).orElseThrow(() -> new CimException(WbemStatus.WBEM_E_NOT_FOUND,
                    "no instance " + objectPath));
        } else if (!decl.qualifiers().isTrue("static")) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_METHOD_PARAMETERS,
                    "method " + method + " is not static: call it on an instance of " + cls.name());
        }
        MethodProvider mp = null;
        for (CimName c = cls.name(); c != null && mp == null; ) {
            mp = providers.methodProvider(c).orElse(null);
            CimClass k = mp == null ? repository.getClass(ns, c).orElse(null) : null;
            c = k == null || k.parentClass() == null ? null : k.parentClass().name();
        }
        if (mp == null) {
            throw new CimException(WbemStatus.WBEM_E_PROVIDER_NOT_FOUND, "no provider executes " + cls.name() + "."
                    + method);
        }
        return mp.invoke(context(caller, ns), cls, path.resolveKeyNames(cls), m, inParams);
    }

    // ------------------------------------------------------------------ the merged view

    private ProviderContext context(CallerToken caller, String ns) {
        return new ProviderContext(caller, clock, ns);
    }

    private static boolean isDynamic(CimClass cls) {
        return cls.qualifiers().isTrue(DYNAMIC);
    }

    NamespaceSource source(CallerToken caller, String ns) {
        return new NamespaceSource(ns, context(caller, ns));
    }

    /** One namespace as the WQL evaluator sees it: repository classes, provider or repository instances. */
    final class NamespaceSource implements QuerySource {
        private final String ns;
        private final ProviderContext ctx;

        NamespaceSource(String ns, ProviderContext ctx) {
            this.ns = ns;
            this.ctx = ctx;
        }

        @Override
        public Optional<CimClass> getClass(CimName name) {
            return repository.getClass(ns, name);
        }

        @Override
        public Stream<CimClass> classes() {
            return repository.enumClasses(ns, null, CimRepository.WBEM_FLAG_DEEP);
        }

        @Override
        public Stream<CimInstance> instances(CimName className) {
            Optional<CimClass> top = getClass(className);
            if (top.isEmpty()) {
                return Stream.empty();
            }
            List<CimClass> family = new ArrayList<>();
            family.add(top.get());
            try (Stream<CimClass> sub = repository.enumClasses(ns, className, CimRepository.WBEM_FLAG_DEEP)) {
                sub.forEach(family::add);
            }
            return concat(family);
        }

        /**
         * The own instances of each class in turn, each class's stream opened only when the previous one is used up.
         * Not {@code flatMap}: a flat-mapped stream read through its iterator (as enumerators do) buffers a whole
         * inner stream first, which for a provider with a million instances is the whole result in memory.
         */
        @SuppressWarnings("unchecked")
        private Stream<CimInstance> concat(List<CimClass> family) {
            Iterator<CimClass> classes = family.iterator();
            Stream<CimInstance>[] open = new Stream[1];
            Iterator<CimInstance> it = new Iterator<>() {
                private Iterator<CimInstance> current = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext()) {
                        if (open[0] != null) {
                            open[0].close();
                            open[0] = null;
                        }
                        if (!classes.hasNext()) {
                            return false;
                        }
                        open[0] = ownInstances(classes.next());
                        current = open[0].iterator();
                    }
                    return true;
                }

                @Override
                public CimInstance next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
                    .onClose(() -> {
                        if (open[0] != null) {
                            open[0].close();
                        }
                    });
        }

        /** The instances whose class is exactly {@code cls}. */
        Stream<CimInstance> ownInstances(CimClass cls) {
            Optional<InstanceProvider> p = providers.instanceProvider(cls.name());
            if (p.isPresent()) {
                return p.get().enumerate(ctx, cls).map(i -> i.withOrigin(serverName, ns));
            }
            if (isDynamic(cls) || cls.isAbstract()) {
                return Stream.empty();
            }
            return repository.enumInstances(ns, cls.name(), CimRepository.WBEM_FLAG_SHALLOW);
        }

        @Override
        public Optional<CimInstance> getInstance(CimObjectPath path) {
            if (path.className() == null || !path.isInstancePath()) {
                return Optional.empty();
            }
            CimClass cls = getClass(path.className()).orElse(null);
            if (cls == null) {
                return Optional.empty();
            }
            Optional<InstanceProvider> p = providers.instanceProvider(cls.name());
            if (p.isPresent()) {
                if (path.isSingleton()) {
                    return onlyInstance(p.get(), cls);
                }
                return p.get().get(ctx, cls, path.resolveKeyNames(cls)).map(i -> i.withOrigin(serverName, ns));
            }
            if (isDynamic(cls)) {
                throw new CimException(WbemStatus.WBEM_E_PROVIDER_NOT_FOUND,
                        "no provider is registered for dynamic class " + cls.name());
            }
            try {
                CimObject o = repository.getObject(ns, path.resolveKeyNames(cls));
                return o instanceof CimInstance i ? Optional.of(i) : Optional.empty();
            } catch (CimException e) {
                if (e.status() == WbemStatus.WBEM_E_NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        /**
         * {@code Class=@}: the instance of a class that has exactly one (Windows answers
         * {@code Win32_OperatingSystem=@} this way).
         */
        private Optional<CimInstance> onlyInstance(InstanceProvider p, CimClass cls) {
            try (Stream<CimInstance> all = p.enumerate(ctx, cls)) {
                List<CimInstance> two = all.limit(2).toList();
                if (two.size() != 1) {
                    return Optional.empty();
                }
                return Optional.of(two.get(0).withOrigin(serverName, ns));
            }
        }

        ProviderContext context() {
            return ctx;
        }

        /** This namespace, except that the instances of {@code className} are those {@code only} supplies. */
        QuerySource restrictedTo(CimName className, Supplier<Stream<CimInstance>> only) {
            NamespaceSource outer = this;
            return new QuerySource() {
                @Override
                public Optional<CimClass> getClass(CimName name) {
                    return outer.getClass(name);
                }

                @Override
                public Stream<CimClass> classes() {
                    return outer.classes();
                }

                @Override
                public Stream<CimInstance> instances(CimName name) {
                    if (name.equals(className)) {
                        return only.get();
                    }
                    return outer.instances(name);
                }

                @Override
                public Optional<CimInstance> getInstance(CimObjectPath p) {
                    return outer.getInstance(p);
                }
            };
        }
    }

    @Override
    public String toString() {
        return "Cimom[" + serverName.toLowerCase(Locale.ROOT) + "]";
    }
}
