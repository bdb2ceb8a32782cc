package org.jwmi.dcom.client;

import java.time.Clock;
import java.util.Random;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.rpc.client.SecuritySpec;

/**
 * A blanket with every default resolved for one call target: what actually goes on the wire. Equal values share a
 * pooled connection (providers and credentials compare by identity).
 *
 * @param provider      the security provider, {@code null} for no security
 * @param identity      the credentials ({@code null} only without a provider)
 * @param level         the effective level (never DEFAULT; CALL is already PKT)
 * @param impersonation the impersonation level (never DEFAULT)
 * @param spn           the server principal name, empty for none
 * @param authzService  RPC_C_AUTHZ_* as requested
 * @param capabilities  EOAC_* as requested
 */
record EffectiveSecurity(SecurityProvider provider, Credentials identity, AuthLevel level,
                         ImpersonationLevel impersonation, String spn, int authzService, int capabilities) {

    static final EffectiveSecurity NONE = new EffectiveSecurity(null, null, AuthLevel.NONE, ImpersonationLevel.IDENTIFY,
            "", SecurityBlanket.AUTHZ_NONE, Capability.NONE);

    boolean isNone() {
        return provider == null;
    }

    /** The RPC layer's view of this security. */
    SecuritySpec toSpec(String workstation, Clock clock, Random random) {
        if (provider == null) {
            return SecuritySpec.none();
        }
        return new SecuritySpec(provider, identity, level, new ClientOptions(level, workstation, spn, clock, random,
                impersonation == ImpersonationLevel.ANONYMOUS || impersonation == ImpersonationLevel.IDENTIFY));
    }

    @Override
    public String toString() {
        return provider == null ? "no security"
                : provider.name() + " as " + identity + " at authenticationLevel=" + level.scriptName()
                + ", impersonationLevel=" + impersonation.scriptName() + (spn.isEmpty() ? "" : ", spn=" + spn);
    }
}
