package org.jwmi.dcom.client;

import java.util.List;
import java.util.Optional;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.SecurityProviders;
import org.jwmi.dcom.wire.DcomConstants;
import org.jwmi.dcom.wire.SecurityBinding;

/**
 * Turns a {@link SecurityBlanket} (already merged over the client's default) into the security of one call, with
 * the defaults Windows applies ([MS-DCOM] 3.2.4.1.1.2 activation, 3.2.4.1.2.2 OXID resolution, 3.2.4.2 ORPC calls,
 * 3.2.6.1 pings). Providers are looked up by RPC_C_AUTHN_* value in a {@link SecurityProviders} table, so a new
 * mechanism plugs in by registering there.
 */
final class SecurityResolver {
    /** The preference among the providers we hold when the server names none we know: Negotiate, Kerberos, NTLM. */
    private static final List<Integer> PREFERENCE = List.of(DcomConstants.RPC_C_AUTHN_GSS_NEGOTIATE,
            DcomConstants.RPC_C_AUTHN_GSS_KERBEROS, DcomConstants.RPC_C_AUTHN_WINNT);

    private final SecurityProviders providers;

    SecurityResolver(SecurityProviders providers) {
        this.providers = providers;
    }

    /**
     * Activation (3.2.4.1.1.2): a default level becomes pktIntegrity (note 80: what patched Windows sends since
     * KB5004442); an explicit level is sent as asked, so a server that refuses it says so. A default SPN is
     * {@code RPCSS/<host>} for Kerberos and Negotiate, none for NTLM; a default impersonation level is impersonate
     * (note 82).
     */
    EffectiveSecurity forActivation(SecurityBlanket b, List<SecurityBinding> serverBindings, String host) {
        AuthLevel level = b.authnLevel() == AuthLevel.DEFAULT ? AuthLevel.PKT_INTEGRITY : b.authnLevel().effective();
        return resolve(b, level, serverBindings, rpcssSpn(host), ImpersonationLevel.IMPERSONATE, "activation");
    }

    /**
     * ResolveOxid2 and pings (3.2.4.1.2.2, 3.2.6.1): at least pktIntegrity and identify (notes 84, 85, 93, 94), SPN
     * {@code RPCSS/<host>} for Kerberos and Negotiate whatever the blanket names (that SPN is the object's). A
     * blanket that asks for no security explicitly gets none here too.
     */
    EffectiveSecurity forResolver(SecurityBlanket b, List<SecurityBinding> serverBindings, String host) {
        if (b.authnLevel() == AuthLevel.NONE || b.authnService() == SecurityBlanket.AUTHN_NONE) {
            // a caller that chose no security has no credentials to raise the level with
            return resolve(b, AuthLevel.NONE, serverBindings, "", ImpersonationLevel.IDENTIFY, "OXID resolution");
        }
        AuthLevel asked = b.authnLevel() == AuthLevel.DEFAULT ? AuthLevel.PKT_INTEGRITY : b.authnLevel().effective();
        AuthLevel level = asked.atLeast(AuthLevel.PKT_INTEGRITY) ? asked : AuthLevel.PKT_INTEGRITY;
        EffectiveSecurity s = resolve(b.toBuilder().serverPrincipalName(null).build(), level, serverBindings,
                rpcssSpn(host), ImpersonationLevel.IDENTIFY, "OXID resolution");
        return s.impersonation().value() < ImpersonationLevel.IDENTIFY.value()
                ? new EffectiveSecurity(s.provider(), s.identity(), s.level(), ImpersonationLevel.IDENTIFY, s.spn(),
                s.authzService(), s.capabilities())
                : s;
    }

    /**
     * ORPC calls and IRemUnknown (3.2.4.2): a default level becomes the higher of connect and the exporter's
     * authentication hint (note 86: LegacyAuthenticationLevel, connect unless configured); a default SPN is the
     * aPrincName of the exporter's security binding for the chosen provider, if any.
     */
    EffectiveSecurity forExporter(SecurityBlanket b, List<SecurityBinding> exporterBindings, int authnHint) {
        AuthLevel level;
        if (b.authnLevel() == AuthLevel.DEFAULT) {
            AuthLevel hint = hintLevel(authnHint);
            level = hint.atLeast(AuthLevel.CONNECT) ? hint : AuthLevel.CONNECT;
        } else {
            level = b.authnLevel().effective();
        }
        return resolve(b, level, exporterBindings, null, ImpersonationLevel.IMPERSONATE, "the call");
    }

    /** The authentication level named by an authnHint; out-of-range hints count as connect. */
    static AuthLevel hintLevel(int authnHint) {
        if (authnHint < AuthLevel.NONE.value() || authnHint > AuthLevel.PKT_PRIVACY.value()) {
            return AuthLevel.CONNECT;
        }
        return AuthLevel.fromValue(authnHint).effective();
    }

    private EffectiveSecurity resolve(SecurityBlanket b, AuthLevel level, List<SecurityBinding> serverBindings,
                                      String gssSpn, ImpersonationLevel defaultImp, String what) {
        ImpersonationLevel imp = b.impersonationLevel() == ImpersonationLevel.DEFAULT ? defaultImp
                : b.impersonationLevel();
        int authz = b.authzService() == SecurityBlanket.AUTHZ_DEFAULT ? SecurityBlanket.AUTHZ_NONE : b.authzService();
        int caps = (b.capabilities() & Capability.EOAC_DEFAULT.value()) != 0 ? Capability.NONE : b.capabilities();
        if (level == AuthLevel.NONE || b.authnService() == SecurityBlanket.AUTHN_NONE) {
            return new EffectiveSecurity(null, null, AuthLevel.NONE, imp, "", authz, caps);
        }
        SecurityProvider provider = provider(b.authnService(), serverBindings, what);
        Credentials identity = b.identity();
        if (identity == null) {
            throw new IllegalStateException("no identity for " + what + " at authenticationLevel="
                    + level.scriptName() + ": set SecurityBlanket.identity (credentials) on the DcomClient's default"
                    + " blanket or on this proxy's blanket, or use authenticationLevel=none");
        }
        String spn = b.serverPrincipalName();
        if (spn == null) {
            spn = defaultSpn(provider.authType(), serverBindings, gssSpn);
        }
        return new EffectiveSecurity(provider, identity, level, imp, spn, authz, caps);
    }

    private static String defaultSpn(int authType, List<SecurityBinding> bindings, String gssSpn) {
        boolean gss = authType == DcomConstants.RPC_C_AUTHN_GSS_KERBEROS
                || authType == DcomConstants.RPC_C_AUTHN_GSS_NEGOTIATE;
        if (gssSpn != null) {
            return gss ? gssSpn : "";
        }
        for (SecurityBinding s : bindings) {
            if (s.wAuthnSvc() == authType && !s.aPrincName().isEmpty()) {
                return s.aPrincName();
            }
        }
        return "";
    }

    private static String rpcssSpn(String host) {
        return "RPCSS/" + host;
    }

    /**
     * An explicit service must be registered; a default one is the first of the server's security bindings we
     * support (3.2.4.2), else the first of Negotiate, Kerberos, NTLM we hold. The spec would send no security
     * when the server lists no bindings; we send the credentials the caller gave rather than fail later with
     * access denied.
     */
    private SecurityProvider provider(int authnService, List<SecurityBinding> serverBindings, String what) {
        if (authnService != SecurityBlanket.AUTHN_DEFAULT) {
            return providers.get(authnService).orElseThrow(() -> new IllegalStateException("authentication service "
                    + SecurityBlanket.serviceName(authnService) + " requested for " + what
                    + " is not registered with this DcomClient; register its SecurityProvider or choose another"));
        }
        for (SecurityBinding s : serverBindings) {
            Optional<SecurityProvider> p = providers.get(s.wAuthnSvc());
            if (p.isPresent()) {
                return p.get();
            }
        }
        for (int t : PREFERENCE) {
            Optional<SecurityProvider> p = providers.get(t);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw new IllegalStateException("no security provider is registered with this DcomClient for " + what
                + "; register one (e.g. NTLM) or use authenticationLevel=none");
    }
}
