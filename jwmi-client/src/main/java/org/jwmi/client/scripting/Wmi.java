package org.jwmi.client.scripting;

import org.jwmi.auth.Credentials;
import org.jwmi.cim.WbemStatus;
import org.jwmi.client.WbemException;

/**
 * VBScript's {@code GetObject("winmgmts:...")} for Java: binds monikers with a process-wide {@link SWbemLocator}.
 * That locator is created on first use with the defaults (this computer at 127.0.0.1, namespace root\cimv2), or set
 * with {@link #setLocator}; monikers carry no password, so connections use its default credentials
 * ({@link #setDefaultCredentials}), which stand in for the logged-on user of a Windows script.
 *
 * <pre>
 * Wmi.setDefaultCredentials("CORP\\alice", password);
 * try (SWbemServices svc = Wmi.getServices("winmgmts:{impersonationLevel=impersonate,authenticationLevel=pktPrivacy}!//srv/root/cimv2");
 *      SWbemObjectSet procs = svc.execQuery("SELECT Name FROM Win32_Process")) {
 *     procs.forEach(p -&gt; System.out.println(p.getValue("Name")));
 * }
 * </pre>
 * Libraries and tests should prefer their own {@link SWbemLocator} ({@link SWbemLocator#getObject}).
 */
public final class Wmi {
    private static SWbemLocator locator;
    private static boolean created;

    private Wmi() {
    }

    /** The process-wide locator (created on first use). */
    public static synchronized SWbemLocator locator() {
        if (locator == null) {
            locator = new SWbemLocator();
            created = true;
        }
        return locator;
    }

    /** Makes {@code l} the process-wide locator (the caller keeps closing it); closes one this class created. */
    public static synchronized void setLocator(SWbemLocator l) {
        if (created && locator != null && locator != l) {
            locator.close();
        }
        locator = l;
        created = false;
    }

    /** The process default credentials: DOMAIN&#92;user (or user@domain) and password (copied). */
    public static void setDefaultCredentials(String user, char[] password) {
        locator().setDefaultCredentials(user, password);
    }

    public static void setDefaultCredentials(Credentials credentials) {
        locator().setDefaultCredentials(credentials);
    }

    /**
     * GetObject(moniker): an {@link SWbemServices} when the moniker names a namespace, an {@link SWbemObject} when it
     * names a class or instance ("Constructing a Moniker String"). Close it to release the connection.
     */
    public static MonikerObject getObject(String moniker) {
        return locator().getObject(moniker);
    }

    /** GetObject for a moniker that names a namespace. */
    public static SWbemServices getServices(String moniker) {
        MonikerObject o = getObject(moniker);
        if (o instanceof SWbemServices s) {
            return s;
        }
        o.close();
        throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, "the moniker names a class or instance, not a"
                + " namespace: use Wmi.getWmiObject or Wmi.getObject");
    }

    /** GetObject for a moniker that names a class or instance. */
    public static SWbemObject getWmiObject(String moniker) {
        MonikerObject o = getObject(moniker);
        if (o instanceof SWbemObject w) {
            return w;
        }
        o.close();
        throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, "the moniker names a namespace, not a class or"
                + " instance: use Wmi.getServices or Wmi.getObject");
    }

    /** Closes the locator this class created (a later call creates a new one). */
    public static synchronized void shutdown() {
        if (created && locator != null) {
            locator.close();
        }
        locator = null;
        created = false;
    }
}
