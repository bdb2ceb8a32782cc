package org.jwmi.server.security;

import java.util.List;
import java.util.Optional;

/**
 * The server's local accounts and groups as WMI shows them (Win32_UserAccount, Win32_Group) and as access checks
 * need them (group membership). Implemented by the account store the server runs with. Thread-safe; each call
 * reflects the store at that moment.
 */
public interface AccountDirectory {

    /**
     * A local user account.
     *
     * @param domain   the account's domain (the NetBIOS computer name for local accounts)
     * @param name     the user name, canonical spelling
     * @param sid      the user's SID, string form
     * @param groups   the names of the local groups the user belongs to (e.g. {@code Administrators})
     * @param disabled whether logons are refused
     */
    record User(String domain, String name, String sid, List<String> groups, boolean disabled) {
        public User {
            groups = List.copyOf(groups);
        }
    }

    /**
     * A local group.
     *
     * @param domain      {@code BUILTIN} for the built-in groups
     * @param name        the group name
     * @param sid         the group's SID, string form
     * @param description what the group is for
     */
    record Group(String domain, String name, String sid, String description) {
    }

    List<User> users();

    List<Group> groups();

    /** The user named {@code name} (case-insensitive) in {@code domain} (empty: any domain). */
    Optional<User> user(String domain, String name);
}
