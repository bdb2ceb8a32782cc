package org.jwmi.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

/**
 * What a server context needs.
 *
 * @param accounts       where to look up accounts
 * @param netbiosDomain  the NetBIOS domain (or machine) name the server announces
 * @param netbiosComputer the server's NetBIOS computer name
 * @param dnsDomain      the DNS domain name announced in target info
 * @param dnsComputer    the server's DNS host name
 * @param allowAnonymous whether anonymous logons are accepted (off by default, as on hardened Windows)
 * @param clock          time source
 * @param random         randomness (server challenge)
 */
public record ServerOptions(AccountStore accounts, String netbiosDomain, String netbiosComputer, String dnsDomain,
                            String dnsComputer, boolean allowAnonymous, Clock clock, Random random) {

    public static ServerOptions of(AccountStore accounts, String computerName) {
        String nb = computerName.toUpperCase(java.util.Locale.ROOT);
        return new ServerOptions(accounts, nb, nb, computerName.toLowerCase(java.util.Locale.ROOT),
                computerName.toLowerCase(java.util.Locale.ROOT), false, Clock.systemUTC(), new SecureRandom());
    }
}
