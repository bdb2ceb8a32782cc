package org.jwmi.auth;

/**
 * Who authenticated: the account name and domain as the peer presented them (the account store's canonical
 * spelling on a server), the workstation it claimed, and whether the logon was anonymous.
 */
public record PeerIdentity(String domain, String user, String workstation, boolean anonymous) {

    /** {@code DOMAIN\\user}, or {@code user} without a domain. */
    public String qualifiedName() {
        return domain == null || domain.isEmpty() ? user : domain + "\\" + user;
    }

    @Override
    public String toString() {
        return anonymous ? "ANONYMOUS" : qualifiedName();
    }
}
