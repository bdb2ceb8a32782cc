package org.jwmi.dcom.client;

import java.util.EnumSet;
import java.util.Objects;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.dcom.wire.BitFlag;
import org.jwmi.dcom.wire.DcomConstants;

/**
 * The security settings of calls through a proxy ([MS-DCOM] 3.2.4.1.1.2 and 3.2.4.2: security provider,
 * authentication level, impersonation level, SPN and credentials), as CoInitializeSecurity sets them for a process
 * and CoSetProxyBlanket for one proxy. Immutable; build one with {@link #builder()}.
 *
 * <p>Every field may be left at its "default" value, which means "take it from the blanket below": a proxy's
 * blanket falls back to the {@link DcomClient}'s default blanket (see {@link #orElse}), and what is still default
 * then is chosen per call as Windows does — the security provider from the server's security bindings, the
 * authentication level from the exporter's authentication hint (activation: pktIntegrity), impersonation
 * {@link ImpersonationLevel#IMPERSONATE}, the SPN from the server's security binding.
 *
 * @param authnService       RPC_C_AUTHN_* security provider ({@link #AUTHN_DEFAULT}, {@link #AUTHN_NONE},
 *                           {@link DcomConstants#RPC_C_AUTHN_WINNT}, ...); must be registered with the client's
 *                           security providers when used
 * @param authzService       RPC_C_AUTHZ_* authorization service ({@link #AUTHZ_DEFAULT}, {@link #AUTHZ_NONE})
 * @param serverPrincipalName the SPN, or {@code null} for COLE_DEFAULT_PRINCIPAL
 * @param authnLevel         the authentication level, {@link AuthLevel#DEFAULT} to negotiate
 * @param impersonationLevel the impersonation level
 * @param identity           the credentials, or {@code null} for COLE_DEFAULT_AUTHINFO (the default identity)
 * @param capabilities       raw EOAC_* flags ({@link Capability#EOAC_DEFAULT} to take the process default)
 */
public record SecurityBlanket(int authnService, int authzService, String serverPrincipalName, AuthLevel authnLevel,
                              ImpersonationLevel impersonationLevel, Credentials identity, int capabilities) {

    /** RPC_C_AUTHN_DEFAULT: let DCOM pick the security provider. */
    public static final int AUTHN_DEFAULT = 0xffffffff;
    /** RPC_C_AUTHN_NONE: no security provider (only with authentication level none). */
    public static final int AUTHN_NONE = DcomConstants.RPC_C_AUTHN_NONE;
    /** RPC_C_AUTHN_WINNT: NTLM. */
    public static final int AUTHN_WINNT = DcomConstants.RPC_C_AUTHN_WINNT;
    /** RPC_C_AUTHN_GSS_NEGOTIATE: SPNEGO. */
    public static final int AUTHN_GSS_NEGOTIATE = DcomConstants.RPC_C_AUTHN_GSS_NEGOTIATE;
    /** RPC_C_AUTHN_GSS_KERBEROS: Kerberos. */
    public static final int AUTHN_GSS_KERBEROS = DcomConstants.RPC_C_AUTHN_GSS_KERBEROS;

    /** RPC_C_AUTHZ_NONE. */
    public static final int AUTHZ_NONE = 0;
    /** RPC_C_AUTHZ_NAME. */
    public static final int AUTHZ_NAME = 1;
    /** RPC_C_AUTHZ_DCE. */
    public static final int AUTHZ_DCE = 2;
    /** RPC_C_AUTHZ_DEFAULT. */
    public static final int AUTHZ_DEFAULT = 0xffffffff;

    /** Every field at its default: a proxy with this blanket uses the client's default blanket. */
    public static final SecurityBlanket DEFAULT = new SecurityBlanket(AUTHN_DEFAULT, AUTHZ_DEFAULT, null,
            AuthLevel.DEFAULT, ImpersonationLevel.DEFAULT, null, Capability.EOAC_DEFAULT.value());

    public SecurityBlanket {
        Objects.requireNonNull(authnLevel, "authnLevel");
        Objects.requireNonNull(impersonationLevel, "impersonationLevel");
        if (authnService == AUTHN_NONE && authnLevel != AuthLevel.NONE && authnLevel != AuthLevel.DEFAULT) {
            throw new IllegalArgumentException("authnService none allows only authenticationLevel=none, not "
                    + authnLevel.scriptName());
        }
        if (serverPrincipalName != null && serverPrincipalName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the server principal name must not contain U+0000");
        }
    }

    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** A builder starting from this blanket's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This blanket with every default field taken from {@code base} (CoSetProxyBlanket over CoInitializeSecurity). */
    public SecurityBlanket orElse(SecurityBlanket base) {
        return new SecurityBlanket(
                authnService == AUTHN_DEFAULT ? base.authnService : authnService,
                authzService == AUTHZ_DEFAULT ? base.authzService : authzService,
                serverPrincipalName == null ? base.serverPrincipalName : serverPrincipalName,
                authnLevel == AuthLevel.DEFAULT ? base.authnLevel : authnLevel,
                impersonationLevel == ImpersonationLevel.DEFAULT ? base.impersonationLevel : impersonationLevel,
                identity == null ? base.identity : identity,
                (capabilities & Capability.EOAC_DEFAULT.value()) != 0 ? base.capabilities : capabilities);
    }

    public EnumSet<Capability> capabilitySet() {
        return BitFlag.toSet(Capability.class, capabilities);
    }

    /** This blanket with another authentication level. */
    public SecurityBlanket withAuthnLevel(AuthLevel level) {
        return toBuilder().authnLevel(level).build();
    }

    /** This blanket with another identity. */
    public SecurityBlanket withIdentity(Credentials credentials) {
        return toBuilder().identity(credentials).build();
    }

    @Override
    public String toString() {
        return "SecurityBlanket[authn=" + serviceName(authnService) + ", authz="
                + (authzService == AUTHZ_DEFAULT ? "default" : Integer.toString(authzService)) + ", spn="
                + (serverPrincipalName == null ? "default" : serverPrincipalName) + ", level="
                + authnLevel.scriptName() + ", impersonation=" + impersonationLevel.scriptName() + ", identity="
                + (identity == null ? "default" : identity) + ", capabilities=0x"
                + Integer.toHexString(capabilities) + "]";
    }

    /** {@code NTLM (10)}, {@code default}: the name of an RPC_C_AUTHN_* value for messages. */
    static String serviceName(int authnService) {
        return switch (authnService) {
            case AUTHN_DEFAULT -> "default";
            case AUTHN_NONE -> "none";
            case DcomConstants.RPC_C_AUTHN_WINNT -> "NTLM (10)";
            case DcomConstants.RPC_C_AUTHN_GSS_NEGOTIATE -> "Negotiate (9)";
            case DcomConstants.RPC_C_AUTHN_GSS_KERBEROS -> "Kerberos (16)";
            case DcomConstants.RPC_C_AUTHN_GSS_SCHANNEL -> "Schannel (14)";
            case DcomConstants.RPC_C_AUTHN_NETLOGON -> "Netlogon (68)";
            default -> "auth_type " + Integer.toUnsignedString(authnService);
        };
    }

    /** Builds a {@link SecurityBlanket}; unset fields stay at their defaults. */
    public static final class Builder {
        private int authnService;
        private int authzService;
        private String serverPrincipalName;
        private AuthLevel authnLevel;
        private ImpersonationLevel impersonationLevel;
        private Credentials identity;
        private int capabilities;

        private Builder(SecurityBlanket b) {
            authnService = b.authnService;
            authzService = b.authzService;
            serverPrincipalName = b.serverPrincipalName;
            authnLevel = b.authnLevel;
            impersonationLevel = b.impersonationLevel;
            identity = b.identity;
            capabilities = b.capabilities;
        }

        /** RPC_C_AUTHN_* value ({@link SecurityBlanket#AUTHN_WINNT}, ...). */
        public Builder authnService(int service) {
            authnService = service;
            return this;
        }

        public Builder authzService(int service) {
            authzService = service;
            return this;
        }

        /** The SPN; {@code null} for the default principal. */
        public Builder serverPrincipalName(String spn) {
            serverPrincipalName = spn;
            return this;
        }

        public Builder authnLevel(AuthLevel level) {
            authnLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        public Builder impersonationLevel(ImpersonationLevel level) {
            impersonationLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** The credentials; {@code null} for the default identity. */
        public Builder identity(Credentials credentials) {
            identity = credentials;
            return this;
        }

        /** Raw EOAC_* flags. */
        public Builder capabilities(int raw) {
            capabilities = raw;
            return this;
        }

        public Builder capabilities(Capability... flags) {
            capabilities = BitFlag.toInt(java.util.List.of(flags));
            return this;
        }

        public SecurityBlanket build() {
            return new SecurityBlanket(authnService, authzService, serverPrincipalName, authnLevel,
                    impersonationLevel, identity, capabilities);
        }
    }
}
