package org.jwmi.auth;

/**
 * Who authenticated: the account name and domain as the peer presented them (the account store's canonical
 * spelling on a server), the workstation it claimed, whether the logon was anonymous, and whether the client
 * allowed only identification (NTLMSSP_NEGOTIATE_IDENTIFY: the server may not act as it).
 */
public record PeerIdentity(String domain, String user, String workstation, boolean anonymous, boolean identifyOnly) {

    /** A peer that allowed impersonation. */
    public PeerIdentity(String domain, String user, String workstation, boolean anonymous) {
        this(domain, user, workstation, anonymous, false);
    }

    /** {@code DOMAIN\\user}, or {@code user} without a domain. */
    public String qualifiedName() {
        return domain == null || domain.isEmpty() ? user : domain + "\\" + user;
    }

    @Override
    public String toString() {
        return anonymous ? "ANONYMOUS" : qualifiedName();
    }
}
