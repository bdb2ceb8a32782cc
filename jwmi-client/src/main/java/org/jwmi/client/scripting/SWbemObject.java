package org.jwmi.client.scripting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.WbemStatus;
import org.jwmi.client.WbemCallResult;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemException;

/**
 * SWbemObject: a class or instance with the connection it came from, so that it can write itself back (Put_),
 * delete itself (Delete_) and run its methods (ExecMethod_). Its {@link #security()} starts as a copy of its
 * creator's and governs those calls. Property values are read and written locally ({@link #getValue},
 * {@link #setValue}, {@link #properties()}) until {@link #put()}.
 *
 * <p>An object a moniker named ({@link Wmi#getObject}) owns the connection the moniker opened: close it to release
 * that. For other objects close does nothing. Thread-safe.
 */
public final class SWbemObject implements MonikerObject {
    private final Connection connection;
    private final SWbemSecurity security;
    private final WbemClassObject object;
    private final boolean ownsConnection;
    private volatile WbemClassObject classDefinition;

    SWbemObject(Connection connection, SWbemSecurity security, WbemClassObject object, boolean ownsConnection) {
        this.connection = connection;
        this.security = security;
        this.object = object;
        this.ownsConnection = ownsConnection;
    }

    /** The COM-level object (IWbemClassObject) underneath. */
    public WbemClassObject wbemClassObject() {
        return object;
    }

    /** Whether this is a class (else an instance). */
    public boolean isClass() {
        return object.isClass();
    }

    /** The value of property {@code name} (system properties included); {@code objDisk.FreeSpace} in VBScript. */
    public Object getValue(String name) {
        return object.getValue(name);
    }

    /** Sets property {@code name} locally; {@link #put()} writes the object back. */
    public void setValue(String name, Object value) {
        object.put(name, value);
    }

    /** Properties_: the non-system properties, in declaration order. */
    public List<SWbemProperty> properties() {
        List<SWbemProperty> l = new ArrayList<>();
        for (CimProperty p : object.properties()) {
            l.add(new SWbemProperty(this, p));
        }
        return l;
    }

    /** Properties_.Item(name). */
    public SWbemProperty property(String name) {
        for (CimProperty p : object.properties()) {
            if (p.name().text().equalsIgnoreCase(name)) {
                return new SWbemProperty(this, p);
            }
        }
        throw new WbemException(WbemStatus.WBEM_E_NOT_FOUND, object.className() + " has no property " + name);
    }

    /**
     * The object that declares the methods: this one, or for an instance that arrived without its class's methods
     * (servers send an instance's class part without them) the class, read once from the connection.
     */
    private WbemClassObject methodHolder() {
        if (object.isClass() || !object.methods().isEmpty() || connection == null) {
            return object;
        }
        WbemClassObject c = classDefinition;
        if (c == null) {
            String name = object.className();
            c = connection.call(security, s -> s.getObject(name));
            classDefinition = c;
        }
        return c;
    }

    /** Methods_: the methods of the class (of the instance's class). */
    public List<SWbemMethod> methods() {
        List<SWbemMethod> l = new ArrayList<>();
        for (CimMethod m : methodHolder().methods()) {
            l.add(new SWbemMethod(this, m));
        }
        return l;
    }

    /** Methods_.Item(name). */
    public SWbemMethod method(String name) {
        return new SWbemMethod(this, methodHolder().method(name));
    }

    /** Path_: this object's path, with a copy of its security settings. */
    public SWbemObjectPath path() {
        SWbemObjectPath p = new SWbemObjectPath(null, security.copy());
        String full = object.path();
        if (full != null) {
            p.setPath(full);
        } else if (object.relPath() != null) {
            p.setRelPath(object.relPath());
        } else {
            p.setRelPath(object.className());
            if (!object.isClass()) {
                p.setAsClass();
            }
        }
        if (connection != null) {
            if (p.getNamespace() == null) {
                p.setNamespace(connection.namespace);
            }
            p.setLocale(connection.locale);
            p.setAuthority(connection.authority);
        }
        return p;
    }

    /** GetObjectText_: the object as MOF. */
    public String getObjectText() {
        return object.toMof();
    }

    /** Security_. */
    @Override
    public SWbemSecurity security() {
        return security;
    }

    /** SpawnInstance_: a new instance of this class (not yet on the server: fill it, then {@link #put()}). */
    public SWbemObject spawnInstance() {
        return new SWbemObject(connection, security.copy(), object.spawnInstance(), false);
    }

    /**
     * Put_: creates or updates this instance (PutInstance) or class (PutClass) on the server.
     *
     * @return the path of what was written
     */
    public SWbemObjectPath put() {
        Connection c = connected("Put_");
        String written;
        if (object.isClass()) {
            c.run(security, s -> s.putClass(object));
            written = object.className();
        } else {
            written = c.call(security, s -> {
                try (WbemCallResult r = s.putInstanceSemisync(object, 0, null)) {
                    Duration wait = Duration.ofMinutes(1);
                    r.await(wait);
                    return r.getResultString(wait).orElse(object.relPath());
                }
            });
        }
        SWbemObjectPath p = new SWbemObjectPath(null, security.copy());
        if (written != null) {
            p.setPath(written);
        }
        if (p.getNamespace() == null) {
            p.setNamespace(c.namespace);
        }
        return p;
    }

    /** Delete_: deletes this instance (DeleteInstance) or class (DeleteClass) on the server. */
    public void delete() {
        Connection c = connected("Delete_");
        if (object.isClass()) {
            c.run(security, s -> s.deleteClass(object.className()));
        } else {
            String rel = requirePath("Delete_");
            c.run(security, s -> s.deleteInstance(rel));
        }
    }

    /** The in-parameters of {@code method}, spawned, with this object's connection; null when it takes none. */
    SWbemObject inParameters(String method) {
        WbemClassObject in = methodHolder().methodInParameters(method);
        return in == null ? null : new SWbemObject(connection, security.copy(), in, false);
    }

    /**
     * ExecMethod_: runs {@code method} on this object (on the class for a class, on the instance for an instance)
     * with {@code inParameters} (from {@link SWbemMethod#spawnInParameters()}, or null).
     *
     * @return the out-parameters (ReturnValue included), or null for a method without any
     */
    public SWbemObject execMethod(String method, SWbemObject inParameters) {
        Connection c = connected("ExecMethod_");
        String target = object.isClass() ? object.className() : requirePath("ExecMethod_");
        WbemClassObject in = inParameters == null ? null : inParameters.object;
        WbemClassObject out = c.call(security, s -> s.execMethod(target, method, in));
        return out == null ? null : new SWbemObject(c, security.copy(), out, false);
    }

    /** ExecMethod_ with the in-parameters given by name. */
    public SWbemObject execMethod(String method, Map<String, ?> arguments) {
        SWbemObject in = inParameters(method);
        if (in == null) {
            if (!arguments.isEmpty()) {
                throw new WbemException(WbemStatus.WBEM_E_INVALID_METHOD_PARAMETERS, "method " + method + " of "
                        + object.className() + " takes no parameters");
            }
        } else {
            arguments.forEach(in::setValue);
        }
        return execMethod(method, in);
    }

    /** ExecMethod_ without parameters. */
    public SWbemObject execMethod(String method) {
        return execMethod(method, (SWbemObject) null);
    }

    private Connection connected(String what) {
        if (connection == null) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_OPERATION, what + " needs an object read from a"
                    + " connection (SWbemServices.get, execQuery, ...)");
        }
        return connection;
    }

    private String requirePath(String what) {
        String rel = object.relPath();
        if (rel == null) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_OBJECT_PATH, what + ": the instance of "
                    + object.className() + " has no path (are its keys set?)");
        }
        return rel;
    }

    /** Releases the connection when a moniker opened it for this object; otherwise nothing. Idempotent. */
    @Override
    public void close() {
        if (ownsConnection) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return object.toString();
    }
}
