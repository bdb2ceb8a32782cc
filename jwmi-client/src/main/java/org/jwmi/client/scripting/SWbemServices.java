package org.jwmi.client.scripting;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.WbemStatus;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemException;
import org.jwmi.client.WbemServices;

/**
 * SWbemServices: one namespace on one computer, from {@link SWbemLocator#connectServer} or a moniker. Every call
 * runs with this object's {@link #security()} (a copy of the locator's or the moniker's settings); the objects and
 * object sets it returns start with a copy of it. {@code flags} are the SDK's iFlags
 * ({@link #WBEM_FLAG_RETURN_IMMEDIATELY}, {@link #WBEM_FLAG_FORWARD_ONLY}, ...); the methods without them use the
 * SDK's defaults. Close it to release the connection (objects read through it can no longer write back then).
 */
public final class SWbemServices implements MonikerObject {
    /** wbemFlagReturnImmediately: the call returns at once, objects come as they are iterated (the default). */
    public static final int WBEM_FLAG_RETURN_IMMEDIATELY = 0x10;
    /** wbemFlagReturnWhenComplete: the call returns when the server has every object. */
    public static final int WBEM_FLAG_RETURN_WHEN_COMPLETE = 0;
    /** wbemFlagForwardOnly: the set can be iterated once and keeps nothing (scripts pass 48 = 16 + 32). */
    public static final int WBEM_FLAG_FORWARD_ONLY = 0x20;
    /** wbemFlagUseAmendedQualifiers. */
    public static final int WBEM_FLAG_USE_AMENDED_QUALIFIERS = 0x20000;
    /** wbemQueryFlagShallow: immediate subclasses or instances of the class itself only. */
    public static final int WBEM_QUERY_FLAG_SHALLOW = 1;
    /** wbemQueryFlagDeep (the default). */
    public static final int WBEM_QUERY_FLAG_DEEP = 0;

    private final Connection connection;
    private final SWbemSecurity security;
    private final boolean ownsConnection;

    SWbemServices(Connection connection, SWbemSecurity security, boolean ownsConnection) {
        this.connection = connection;
        this.security = security;
        this.ownsConnection = ownsConnection;
    }

    /** The computer as it was named ({@code .} for this computer). */
    public String server() {
        return connection.server;
    }

    /** The namespace ({@code root\cimv2}). */
    public String namespace() {
        return connection.namespace;
    }

    /** The COM-level IWbemServices underneath. */
    public WbemServices wbemServices() {
        return connection.services;
    }

    /** Security_. */
    @Override
    public SWbemSecurity security() {
        return security;
    }

    // ------------------------------------------------------------------ queries and enumerations

    /** ExecQuery with the SDK defaults: WQL, wbemFlagReturnImmediately. */
    public SWbemObjectSet execQuery(String query) {
        return execQuery(query, "WQL", WBEM_FLAG_RETURN_IMMEDIATELY);
    }

    /** ExecQuery. */
    public SWbemObjectSet execQuery(String query, String language, int flags) {
        return set(flags, s -> s.execQuery(language, query, enumFlags(flags), null));
    }

    /** InstancesOf: the instances of {@code className} and its subclasses. */
    public SWbemObjectSet instancesOf(String className) {
        return instancesOf(className, WBEM_FLAG_RETURN_IMMEDIATELY);
    }

    public SWbemObjectSet instancesOf(String className, int flags) {
        return set(flags, s -> s.createInstanceEnum(className, enumFlags(flags), null));
    }

    /** SubclassesOf: every class of the namespace. */
    public SWbemObjectSet subclassesOf() {
        return subclassesOf(null, WBEM_FLAG_RETURN_IMMEDIATELY);
    }

    /** SubclassesOf: the subclasses of {@code superclass} ({@code null}: every class), deep unless shallow. */
    public SWbemObjectSet subclassesOf(String superclass) {
        return subclassesOf(superclass, WBEM_FLAG_RETURN_IMMEDIATELY);
    }

    public SWbemObjectSet subclassesOf(String superclass, int flags) {
        return set(flags, s -> s.createClassEnum(superclass, enumFlags(flags), null));
    }

    /**
     * The optional arguments of AssociatorsOf and ReferencesTo (the WHERE clause of an ASSOCIATORS OF or
     * REFERENCES OF query); {@code null} or false leaves one out.
     */
    public record AssociationFilter(String assocClass, String resultClass, String resultRole, String role,
                                    boolean classesOnly, boolean schemaOnly, String requiredAssocQualifier,
                                    String requiredQualifier) {
        /** No filter. */
        public static final AssociationFilter NONE = new AssociationFilter(null, null, null, null, false, false,
                null, null);

        public AssociationFilter withAssocClass(String v) {
            return new AssociationFilter(v, resultClass, resultRole, role, classesOnly, schemaOnly,
                    requiredAssocQualifier, requiredQualifier);
        }

        public AssociationFilter withResultClass(String v) {
            return new AssociationFilter(assocClass, v, resultRole, role, classesOnly, schemaOnly,
                    requiredAssocQualifier, requiredQualifier);
        }

        public AssociationFilter withResultRole(String v) {
            return new AssociationFilter(assocClass, resultClass, v, role, classesOnly, schemaOnly,
                    requiredAssocQualifier, requiredQualifier);
        }

        public AssociationFilter withRole(String v) {
            return new AssociationFilter(assocClass, resultClass, resultRole, v, classesOnly, schemaOnly,
                    requiredAssocQualifier, requiredQualifier);
        }

        public AssociationFilter withClassesOnly(boolean v) {
            return new AssociationFilter(assocClass, resultClass, resultRole, role, v, schemaOnly,
                    requiredAssocQualifier, requiredQualifier);
        }

        public AssociationFilter withSchemaOnly(boolean v) {
            return new AssociationFilter(assocClass, resultClass, resultRole, role, classesOnly, v,
                    requiredAssocQualifier, requiredQualifier);
        }

        public AssociationFilter withRequiredAssocQualifier(String v) {
            return new AssociationFilter(assocClass, resultClass, resultRole, role, classesOnly, schemaOnly, v,
                    requiredQualifier);
        }

        public AssociationFilter withRequiredQualifier(String v) {
            return new AssociationFilter(assocClass, resultClass, resultRole, role, classesOnly, schemaOnly,
                    requiredAssocQualifier, v);
        }
    }

    /** AssociatorsOf: the objects associated with the object at {@code objectPath}. */
    public SWbemObjectSet associatorsOf(String objectPath) {
        return associatorsOf(objectPath, AssociationFilter.NONE, WBEM_FLAG_RETURN_IMMEDIATELY);
    }

    public SWbemObjectSet associatorsOf(String objectPath, AssociationFilter filter, int flags) {
        return execQuery(associatorsQuery(objectPath, filter), "WQL", flags);
    }

    /** ReferencesTo: the association objects that refer to the object at {@code objectPath}. */
    public SWbemObjectSet referencesTo(String objectPath) {
        return referencesTo(objectPath, AssociationFilter.NONE, WBEM_FLAG_RETURN_IMMEDIATELY);
    }

    /** ReferencesTo; the filter's assocClass, resultRole and requiredAssocQualifier do not apply and must be null. */
    public SWbemObjectSet referencesTo(String objectPath, AssociationFilter filter, int flags) {
        return execQuery(referencesQuery(objectPath, filter), "WQL", flags);
    }

    /** The ASSOCIATORS OF query AssociatorsOf sends. */
    static String associatorsQuery(String objectPath, AssociationFilter f) {
        List<String> where = new ArrayList<>();
        name(where, "AssocClass", f.assocClass());
        if (f.classesOnly()) {
            where.add("ClassDefsOnly");
        }
        name(where, "RequiredAssocQualifier", f.requiredAssocQualifier());
        name(where, "RequiredQualifier", f.requiredQualifier());
        name(where, "ResultClass", f.resultClass());
        name(where, "ResultRole", f.resultRole());
        name(where, "Role", f.role());
        if (f.schemaOnly()) {
            where.add("SchemaOnly");
        }
        return "ASSOCIATORS OF {" + checkedPath(objectPath) + "}" + (where.isEmpty() ? "" : " WHERE "
                + String.join(" ", where));
    }

    /** The REFERENCES OF query ReferencesTo sends. */
    static String referencesQuery(String objectPath, AssociationFilter f) {
        if (f.assocClass() != null || f.resultRole() != null || f.requiredAssocQualifier() != null) {
            throw new IllegalArgumentException("ReferencesTo takes resultClass, role, classesOnly, schemaOnly and"
                    + " requiredQualifier only");
        }
        List<String> where = new ArrayList<>();
        if (f.classesOnly()) {
            where.add("ClassDefsOnly");
        }
        name(where, "RequiredQualifier", f.requiredQualifier());
        name(where, "ResultClass", f.resultClass());
        name(where, "Role", f.role());
        if (f.schemaOnly()) {
            where.add("SchemaOnly");
        }
        return "REFERENCES OF {" + checkedPath(objectPath) + "}" + (where.isEmpty() ? "" : " WHERE "
                + String.join(" ", where));
    }

    private static void name(List<String> where, String keyword, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(keyword + " '" + value + "' is not a class, property or qualifier"
                    + " name");
        }
        where.add(keyword + " = " + value);
    }

    private static String checkedPath(String path) {
        try {
            CimObjectPath.parse(path);
        } catch (CimException e) {
            throw new WbemException(e.hresult(), null, e.getMessage(), e);
        }
        if (path.indexOf('}') >= 0) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "the object path '" + path + "' cannot"
                    + " hold '}' in an ASSOCIATORS OF or REFERENCES OF query");
        }
        return path;
    }

    private SWbemObjectSet set(int flags, java.util.function.Function<WbemServices, WbemEnumerator> op) {
        SWbemSecurity s = security.copy();
        WbemEnumerator e = connection.call(security, op);
        return new SWbemObjectSet(connection, s, e, (flags & WBEM_FLAG_FORWARD_ONLY) != 0);
    }

    /** The scripting flags as IWbemServices lFlags: every enumeration is semisynchronous underneath. */
    private static int enumFlags(int flags) {
        return flags | WBEM_FLAG_RETURN_IMMEDIATELY;
    }

    // ------------------------------------------------------------------ objects and methods

    /** Get: the class or instance at {@code objectPath}. */
    public SWbemObject get(String objectPath) {
        WbemClassObject o = connection.call(security, s -> s.getObject(objectPath));
        return new SWbemObject(connection, security.copy(), o, false);
    }

    /** Get with no path: a new, empty class to define and Put_. */
    public SWbemObject get() {
        return get("");
    }

    /**
     * ExecMethod: runs {@code method} of the class or instance at {@code objectPath} with {@code inParameters}
     * (null for none).
     *
     * @return the out-parameters, or null for a method without any
     */
    public SWbemObject execMethod(String objectPath, String method, SWbemObject inParameters) {
        WbemClassObject in = inParameters == null ? null : inParameters.wbemClassObject();
        WbemClassObject out = connection.call(security, s -> s.execMethod(objectPath, method, in));
        return out == null ? null : new SWbemObject(connection, security.copy(), out, false);
    }

    /** Delete: the instance at {@code objectPath}, or the class when the path names one. */
    public void delete(String objectPath) {
        CimObjectPath p;
        try {
            p = CimObjectPath.parse(objectPath);
        } catch (CimException e) {
            throw new WbemException(e.hresult(), null, e.getMessage(), e);
        }
        if (p.isClassPath()) {
            connection.run(security, s -> s.deleteClass(p.className().text()));
        } else {
            connection.run(security, s -> s.deleteInstance(objectPath));
        }
    }

    /** Releases the connection, when this object opened it (ConnectServer, a moniker). Idempotent. */
    @Override
    public void close() {
        if (ownsConnection) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "SWbemServices(\\\\" + connection.server + "\\" + connection.namespace + ")";
    }
}
