package org.jwmi.client;

import java.util.Locale;
import org.jwmi.cim.WbemStatus;

/**
 * The user and authority arguments of ConnectServer: DOMAIN&#92;user, {@code user@domain} or {@code user} with
 * an authority {@code ntlmdomain:DOMAIN}; {@code kerberos:principal} is reserved for the Kerberos work.
 *
 * @param domain the NTLM domain ("" for none)
 * @param user   the user name
 */
record Identity(String domain, String user) {

    /** The prefix of an NTLM authority. */
    static final String NTLM_PREFIX = "ntlmdomain:";
    /** The prefix of a Kerberos authority. */
    static final String KERBEROS_PREFIX = "kerberos:";

    /**
     * Splits {@code user} and {@code authority} into domain and user.
     *
     * @throws WbemException WBEM_E_INVALID_PARAMETER for an unknown authority, a domain given twice or an empty
     *                       user; WBEM_E_NOT_SUPPORTED for a Kerberos authority
     */
    static Identity parse(String user, String authority) {
        String authorityDomain = authorityDomain(authority);
        if (user == null || user.isEmpty()) {
            throw invalid("a user name is needed with a password or NT hash");
        }
        String domain = "";
        String name = user;
        int slash = user.indexOf('\\');
        int at = user.lastIndexOf('@');
        if (slash >= 0) {
            domain = user.substring(0, slash);
            name = user.substring(slash + 1);
        } else if (at >= 0) {
            name = user.substring(0, at);
            domain = user.substring(at + 1);
        }
        if (name.isEmpty() || name.indexOf('\\') >= 0) {
            throw invalid("the user name '" + user + "' is malformed (use DOMAIN\\user, user@domain or user)");
        }
        if (authorityDomain != null) {
            if (slash >= 0 || at >= 0) {
                throw invalid("the domain is given twice, in the user name '" + user + "' and in the authority;"
                        + " give it in one place only");
            }
            domain = authorityDomain;
        }
        return new Identity(domain, name);
    }

    /** The domain an authority names ("" for {@code ntlmdomain:}), or null for no authority. */
    static String authorityDomain(String authority) {
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        String lower = authority.toLowerCase(Locale.ROOT);
        if (lower.startsWith(KERBEROS_PREFIX)) {
            throw new WbemException(WbemStatus.WBEM_E_NOT_SUPPORTED, "authority '" + authority + "': Kerberos is not"
                    + " implemented yet; use NTLM with authority ntlmdomain:DOMAIN (or DOMAIN\\user)");
        }
        if (!lower.startsWith(NTLM_PREFIX)) {
            throw invalid("authority '" + authority + "' must be ntlmdomain:DOMAIN (or kerberos:PRINCIPAL, once"
                    + " Kerberos is implemented)");
        }
        return authority.substring(NTLM_PREFIX.length());
    }

    private static WbemException invalid(String message) {
        return new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, message);
    }
}
