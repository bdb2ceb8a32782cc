package org.jwmi.client.scripting;

import java.util.Objects;
import org.jwmi.client.moniker.WbemPrivilege;

/**
 * SWbemPrivilege: one privilege of an {@link SWbemPrivilegeSet}, to enable or disable.
 *
 * @param identifier the privilege (Identifier)
 * @param isEnabled  whether it is to be enabled (IsEnabled) or disabled
 */
public record SWbemPrivilege(WbemPrivilege identifier, boolean isEnabled) {
    public SWbemPrivilege {
        Objects.requireNonNull(identifier, "identifier");
    }

    /** Name: {@code SeDebugPrivilege}. */
    public String name() {
        return identifier.privilegeName();
    }

    /** DisplayName: the scripting short name, {@code Debug}. */
    public String displayName() {
        return identifier.shortName();
    }
}
