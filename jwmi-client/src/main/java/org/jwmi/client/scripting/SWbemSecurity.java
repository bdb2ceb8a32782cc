package org.jwmi.client.scripting;

import java.util.Objects;
import org.jwmi.auth.AuthLevel;
import org.jwmi.client.moniker.Moniker;
import org.jwmi.dcom.client.ImpersonationLevel;
import org.jwmi.dcom.client.SecurityBlanket;

/**
 * SWbemSecurity: the Security_ of a scripting object — impersonation level, authentication level and privileges.
 * As "Setting the Default Process Security Level Using VBScript" describes, an object's settings are passed to the
 * objects created from it: an {@link SWbemServices} starts with its locator's (or its moniker's) settings, an
 * {@link SWbemObjectSet} or {@link SWbemObject} with the settings of what created it, each as a copy taken at that
 * moment, so a later change affects the object changed and what it creates afterwards, never its parent.
 *
 * <p>The levels apply to the calls the object makes (CoSetProxyBlanket on the connection's proxy before each call);
 * the default impersonation level is Impersonate, as the scripting registry default. Thread-safe.
 */
public final class SWbemSecurity {
    private ImpersonationLevel impersonationLevel;
    private AuthLevel authenticationLevel;
    private final SWbemPrivilegeSet privileges = new SWbemPrivilegeSet();

    private SWbemSecurity(ImpersonationLevel impersonation, AuthLevel authentication) {
        this.impersonationLevel = impersonation;
        this.authenticationLevel = authentication;
    }

    /** The scripting defaults: Impersonate (the registry's Default Impersonation Level 3), authentication Default. */
    static SWbemSecurity defaults() {
        return new SWbemSecurity(ImpersonationLevel.IMPERSONATE, AuthLevel.DEFAULT);
    }

    /** ImpersonationLevel. */
    public synchronized ImpersonationLevel getImpersonationLevel() {
        return impersonationLevel;
    }

    /** ImpersonationLevel: anonymous, identify, impersonate or delegate, for the calls this object makes from now. */
    public synchronized void setImpersonationLevel(ImpersonationLevel level) {
        if (Objects.requireNonNull(level, "level") == ImpersonationLevel.DEFAULT) {
            throw new IllegalArgumentException("give an impersonation level (anonymous, identify, impersonate or"
                    + " delegate); scripting has no 'default' one");
        }
        this.impersonationLevel = level;
    }

    /**
     * AuthenticationLevel: the level this object's calls use. After a connection it is the level negotiated when
     * it was Default.
     */
    public synchronized AuthLevel getAuthenticationLevel() {
        return authenticationLevel;
    }

    public synchronized void setAuthenticationLevel(AuthLevel level) {
        this.authenticationLevel = Objects.requireNonNull(level, "level");
    }

    /** Privileges (see {@link SWbemPrivilegeSet} for what they do here). */
    public SWbemPrivilegeSet getPrivileges() {
        return privileges;
    }

    /** A copy for a descendant object. */
    SWbemSecurity copy() {
        SWbemSecurity c;
        synchronized (this) {
            c = new SWbemSecurity(impersonationLevel, authenticationLevel);
        }
        c.privileges.copyFrom(privileges);
        return c;
    }

    /** Takes a moniker's security settings (those it gives). */
    SWbemSecurity apply(Moniker m) {
        synchronized (this) {
            if (m.impersonationLevel() != ImpersonationLevel.DEFAULT) {
                impersonationLevel = m.impersonationLevel();
            }
            if (m.authenticationLevel() != AuthLevel.DEFAULT) {
                authenticationLevel = m.authenticationLevel();
            }
        }
        m.privileges().forEach(p -> privileges.add(p.privilege(), p.enabled()));
        return this;
    }

    /** The connection's blanket with these levels (Default keeps the connection's level). */
    synchronized SecurityBlanket applyTo(SecurityBlanket connection) {
        SecurityBlanket.Builder b = connection.toBuilder().impersonationLevel(impersonationLevel);
        if (authenticationLevel != AuthLevel.DEFAULT) {
            b.authnLevel(authenticationLevel);
        }
        return b.build();
    }

    /** Records the level a connection negotiated when this one says Default. */
    synchronized void settle(AuthLevel negotiated) {
        if (authenticationLevel == AuthLevel.DEFAULT) {
            authenticationLevel = negotiated;
        }
    }

    @Override
    public synchronized String toString() {
        return "{impersonationLevel=" + impersonationLevel.scriptName() + ",authenticationLevel="
                + authenticationLevel.scriptName() + (privileges.count() == 0 ? "" : "," + privileges) + "}";
    }
}
