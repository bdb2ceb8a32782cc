package org.jwmi.server.security;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.cim.CimException;
import org.jwmi.cim.WbemStatus;

/** Builds the {@link CallerToken} of an authenticated peer from the server's {@link AccountDirectory}. */
public final class Tokens {

    /** S-1-5-7 Anonymous Logon. */
    public static final String ANONYMOUS_LOGON = "S-1-5-7";

    private Tokens() {
    }

    /**
     * The token of {@code peer}: the user's SID; groups Everyone, Authenticated Users, BUILTIN\Users and the SIDs of
     * the account's groups. An anonymous peer gets user Anonymous Logon, groups Everyone and Anonymous Logon, and
     * impersonation level ANONYMOUS whatever {@code impersonation} says.
     *
     * @throws CimException WBEM_E_ACCESS_DENIED if the account is unknown to the directory (e.g. removed since the
     *                      logon) or disabled
     */
    public static CallerToken of(AccountDirectory directory, PeerIdentity peer, Impersonation impersonation) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(impersonation, "impersonation");
        if (peer.anonymous() || impersonation == Impersonation.ANONYMOUS) {
            return anonymous(peer);
        }
        AccountDirectory.User user = directory.user(peer.domain() == null ? "" : peer.domain(), peer.user())
                .orElseThrow(() -> new CimException(WbemStatus.WBEM_E_ACCESS_DENIED,
                        "account " + peer.qualifiedName() + " is not in the account store"));
        if (user.disabled()) {
            throw new CimException(WbemStatus.WBEM_E_ACCESS_DENIED, "account " + peer.qualifiedName() + " is disabled");
        }
        Set<String> groups = new LinkedHashSet<>();
        groups.add(CallerToken.EVERYONE);
        groups.add(CallerToken.AUTHENTICATED_USERS);
        groups.add(CallerToken.USERS);
        for (String name : user.groups()) {
            String key = name.toLowerCase(Locale.ROOT);
            directory.groups().stream().filter(g -> g.name().toLowerCase(Locale.ROOT).equals(key)).findFirst()
                    .ifPresent(g -> groups.add(g.sid()));
        }
        return new CallerToken(peer, user.sid(), groups, impersonation);
    }

    /** The token of an anonymous caller. */
    public static CallerToken anonymous(PeerIdentity peer) {
        return new CallerToken(peer, ANONYMOUS_LOGON, Set.of(CallerToken.EVERYONE, ANONYMOUS_LOGON),
                Impersonation.ANONYMOUS);
    }
}
