package org.jwmi.client.scripting;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jwmi.client.moniker.WbemPrivilege;

/**
 * SWbemPrivilegeSet: the privileges an {@link SWbemSecurity} asks for. Thread-safe; iteration sees a snapshot.
 *
 * <p>They are recorded and inherited as on Windows, but this client has no Windows access token to adjust: on Windows
 * the privileges are enabled in the calling process's own token before each call and reach the server only through
 * impersonation of a local caller. Over NTLM to a remote server nothing carries them, so here they change nothing on
 * the wire; the server decides with the account's own rights.
 */
public final class SWbemPrivilegeSet implements Iterable<SWbemPrivilege> {
    private final Map<WbemPrivilege, Boolean> privileges = new LinkedHashMap<>();

    SWbemPrivilegeSet() {
    }

    /** Add: enables ({@code enable}) or disables the privilege; replaces an earlier setting of the same one. */
    public synchronized SWbemPrivilege add(WbemPrivilege privilege, boolean enable) {
        privileges.put(privilege, enable);
        return new SWbemPrivilege(privilege, enable);
    }

    /** AddAsString: by name ({@code SeDebugPrivilege}, {@code Debug} or {@code wbemPrivilegeDebug}). */
    public SWbemPrivilege addAsString(String privilege, boolean enable) {
        return add(WbemPrivilege.parse(privilege), enable);
    }

    /** Remove. */
    public synchronized void remove(WbemPrivilege privilege) {
        privileges.remove(privilege);
    }

    /** DeleteAll. */
    public synchronized void deleteAll() {
        privileges.clear();
    }

    /** Count. */
    public synchronized int count() {
        return privileges.size();
    }

    /** Item: the setting of {@code privilege}, or null when the set does not name it. */
    public synchronized SWbemPrivilege item(WbemPrivilege privilege) {
        Boolean on = privileges.get(privilege);
        return on == null ? null : new SWbemPrivilege(privilege, on);
    }

    /** The settings, in the order they were added. */
    public synchronized List<SWbemPrivilege> toList() {
        List<SWbemPrivilege> l = new ArrayList<>();
        privileges.forEach((p, on) -> l.add(new SWbemPrivilege(p, on)));
        return l;
    }

    @Override
    public Iterator<SWbemPrivilege> iterator() {
        return toList().iterator();
    }

    synchronized void copyFrom(SWbemPrivilegeSet other) {
        Map<WbemPrivilege, Boolean> snapshot;
        synchronized (other) {
            snapshot = new LinkedHashMap<>(other.privileges);
        }
        privileges.clear();
        privileges.putAll(snapshot);
    }

    @Override
    public String toString() {
        return toList().toString();
    }
}
