package org.jwmi.client.scripting;

import java.util.List;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimObjectPath.KeyBinding;
import org.jwmi.client.WbemException;
import org.jwmi.client.moniker.Moniker;
import org.jwmi.dcom.client.ImpersonationLevel;

/**
 * SWbemObjectPath: the path of a class or instance, writable as in the SDK (Path, RelPath, Server, Namespace,
 * Class, SetAsClass, SetAsSingleton), with its Security_, Locale and Authority, and DisplayName (the path as a
 * moniker with its security settings). Thread-safe.
 */
public final class SWbemObjectPath {
    private String server;
    private String namespace;
    private CimObjectPath relPath;
    private String locale;
    private String authority;
    private final SWbemSecurity security;

    /** An empty path, to fill with the setters. */
    public SWbemObjectPath() {
        this(null, SWbemSecurity.defaults());
    }

    SWbemObjectPath(CimObjectPath path, SWbemSecurity security) {
        this.security = security;
        if (path != null) {
            set(path);
        }
    }

    /** A path parsed from {@code \\server\namespace:Class.Key="v"} (or any shorter form). */
    public static SWbemObjectPath parse(String path) {
        SWbemObjectPath p = new SWbemObjectPath();
        p.setPath(path);
        return p;
    }

    private void set(CimObjectPath p) {
        server = p.server();
        namespace = p.namespace();
        relPath = p.className() == null ? null : p.relative();
    }

    private static CimObjectPath parsePath(String text) {
        try {
            return CimObjectPath.parse(text);
        } catch (CimException e) {
            throw new WbemException(e.hresult(), null, e.getMessage(), e);
        }
    }

    /** Path: the full path, {@code \\server\namespace:Class.Key="v"} (as much of it as is known). */
    public synchronized String getPath() {
        StringBuilder b = new StringBuilder();
        if (server != null && namespace != null) {
            b.append("\\\\").append(server).append('\\');
        }
        if (namespace != null) {
            b.append(namespace);
            if (relPath != null) {
                b.append(':');
            }
        }
        if (relPath != null) {
            b.append(relPath);
        }
        return b.toString();
    }

    public synchronized void setPath(String path) {
        set(parsePath(path));
    }

    /** RelPath: {@code Class.Key="v"}, or null when the path names no class. */
    public synchronized String getRelPath() {
        return relPath == null ? null : relPath.toString();
    }

    public synchronized void setRelPath(String rel) {
        CimObjectPath p = parsePath(rel);
        if (p.namespace() != null || p.className() == null) {
            throw new IllegalArgumentException("'" + rel + "' is not a relative path (Class.Key=\"value\")");
        }
        relPath = p;
    }

    /** Server, or null when the path is relative to the local computer. */
    public synchronized String getServer() {
        return server;
    }

    public synchronized void setServer(String s) {
        server = s == null || s.isEmpty() ? null : s;
    }

    /** Namespace ({@code root\cimv2}), or null. */
    public synchronized String getNamespace() {
        return namespace;
    }

    public synchronized void setNamespace(String ns) {
        namespace = ns == null || ns.isEmpty() ? null : ns.replace('/', '\\');
    }

    /** ParentNamespace: {@code root} for {@code root\cimv2}; null for {@code root} or no namespace. */
    public synchronized String getParentNamespace() {
        if (namespace == null) {
            return null;
        }
        int i = namespace.lastIndexOf('\\');
        return i < 0 ? null : namespace.substring(0, i);
    }

    /** Class, or null. */
    public synchronized String getClassName() {
        return relPath == null ? null : relPath.className().text();
    }

    /** Class: sets the class; the keys are kept when the path was an instance path. */
    public synchronized void setClassName(String cls) {
        CimName n = CimName.of(cls);
        if (relPath == null || relPath.isClassPath()) {
            relPath = CimObjectPath.forClass(n);
        } else if (relPath.isSingleton()) {
            relPath = CimObjectPath.singleton(n);
        } else {
            relPath = CimObjectPath.forInstance(n, relPath.keys());
        }
    }

    /** IsClass. */
    public synchronized boolean isClass() {
        return relPath != null && relPath.isClassPath();
    }

    /** IsSingleton. */
    public synchronized boolean isSingleton() {
        return relPath != null && relPath.isSingleton();
    }

    /** Keys: the key bindings of an instance path (empty for a class or a singleton). */
    public synchronized List<KeyBinding> keys() {
        return relPath == null ? List.of() : relPath.keys();
    }

    /** SetAsClass: drops the keys. */
    public synchronized void setAsClass() {
        requireClass();
        relPath = CimObjectPath.forClass(relPath.className());
    }

    /** SetAsSingleton: {@code Class=@}. */
    public synchronized void setAsSingleton() {
        requireClass();
        relPath = CimObjectPath.singleton(relPath.className());
    }

    private void requireClass() {
        if (relPath == null) {
            throw new IllegalStateException("the path names no class yet: set Class first");
        }
    }

    /** Locale ({@code MS_409}), or null. */
    public synchronized String getLocale() {
        return locale;
    }

    public synchronized void setLocale(String l) {
        locale = l;
    }

    /** Authority ({@code ntlmdomain:DOMAIN}), or null. */
    public synchronized String getAuthority() {
        return authority;
    }

    public synchronized void setAuthority(String a) {
        authority = a;
    }

    /** Security_. */
    public SWbemSecurity security() {
        return security;
    }

    /**
     * DisplayName: the path as a moniker with this path's security settings, locale and authority, e.g.
     * {@code winmgmts:{impersonationLevel=impersonate,authenticationLevel=pktPrivacy}!\\srv\root\cimv2:Win32_Process.Handle="4"}.
     */
    public synchronized String getDisplayName() {
        ImpersonationLevel imp = security.getImpersonationLevel();
        AuthLevel auth = security.getAuthenticationLevel();
        List<Moniker.Privilege> privileges = security.getPrivileges().toList().stream()
                .map(p -> new Moniker.Privilege(p.identifier(), p.isEnabled())).toList();
        String srv = server != null && namespace != null ? server : null;
        String auth0 = srv == null || srv.equals(".") || srv.equalsIgnoreCase("localhost") ? null : authority;
        return new Moniker(imp, auth, auth0, privileges, locale, srv, namespace, relPath).toString();
    }

    @Override
    public String toString() {
        return getPath();
    }
}
