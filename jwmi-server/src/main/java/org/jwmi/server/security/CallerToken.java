package org.jwmi.server.security;

import java.util.Objects;
import java.util.Set;
import org.jwmi.auth.PeerIdentity;

/**
 * The access token of one caller as the server builds it after logon: who authenticated, the user's SID, the SIDs
 * of every group the caller belongs to (the well-known Everyone and Authenticated Users included), and the
 * impersonation level granted ([MS-DTYP] 2.5.2 token/authorization context, reduced to what access checks need).
 *
 * @param identity      the authenticated peer
 * @param userSid       the user's SID in string form ({@code S-1-5-21-...-1001})
 * @param groupSids     the SIDs of the caller's groups, string form
 * @param impersonation the impersonation level of the caller's blanket
 */
public record CallerToken(PeerIdentity identity, String userSid, Set<String> groupSids, Impersonation impersonation) {

    /** S-1-1-0 Everyone. */
    public static final String EVERYONE = "S-1-1-0";
    /** S-1-5-11 Authenticated Users. */
    public static final String AUTHENTICATED_USERS = "S-1-5-11";
    /** S-1-5-32-544 BUILTIN\Administrators. */
    public static final String ADMINISTRATORS = "S-1-5-32-544";
    /** S-1-5-32-545 BUILTIN\Users. */
    public static final String USERS = "S-1-5-32-545";
    /** S-1-5-18 Local System. */
    public static final String LOCAL_SYSTEM = "S-1-5-18";

    public CallerToken {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(userSid, "userSid");
        groupSids = Set.copyOf(groupSids);
        Objects.requireNonNull(impersonation, "impersonation");
    }

    /** True if the token holds {@code sid} as its user or one of its groups. */
    public boolean has(String sid) {
        return userSid.equalsIgnoreCase(sid) || groupSids.stream().anyMatch(g -> g.equalsIgnoreCase(sid));
    }

    /** Member of BUILTIN\Administrators. */
    public boolean isAdministrator() {
        return has(ADMINISTRATORS);
    }

    /** A token for in-process callers and tests: Local System, an administrator, Impersonate. */
    public static CallerToken system() {
        return new CallerToken(new PeerIdentity("NT AUTHORITY", "SYSTEM", "", false), LOCAL_SYSTEM,
                Set.of(EVERYONE, AUTHENTICATED_USERS, ADMINISTRATORS), Impersonation.IMPERSONATE);
    }
}
