package org.jwmi.dcom.server;

import java.util.Map;
import java.util.UUID;
import org.jwmi.auth.AuthLevel;

/**
 * An object the exporter hosts: the interfaces it implements, each an {@link OrpcDispatcher}. IUnknown is implicit
 * (the exporter's IRemUnknown handles reference counts and QueryInterface). Identity matters: the exporter keys its
 * OID table by the object reference, so exporting the same instance twice yields the same OID.
 */
public interface ComObject {

    /** The dispatcher of interface {@code iid}, or {@code null} if the object does not implement it. */
    OrpcDispatcher queryInterface(UUID iid);

    /** The lowest authentication level calls on this object need; {@code null} for the exporter's level. */
    default AuthLevel minAuthLevel() {
        return null;
    }

    /**
     * Called once when the exporter lets the object go: its last reference was released, the client holding it
     * stopped pinging, or the server closed.
     */
    default void released() {
    }

    /** An object implementing exactly these interfaces. */
    static ComObject of(Map<UUID, OrpcDispatcher> interfaces) {
        Map<UUID, OrpcDispatcher> copy = Map.copyOf(interfaces);
        return copy::get;
    }
}
