package org.jwmi.rpc.client;

import java.util.Objects;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecurityProvider;

/**
 * How a binding is secured ([MS-RPCE] 3.3.2.3.2): the security provider (chosen by auth_type), the credentials and
 * the authentication level; or {@link #none()}.
 */
public record SecuritySpec(SecurityProvider provider, Credentials credentials, AuthLevel level, ClientOptions options) {

    private static final SecuritySpec NONE = new SecuritySpec(null, null, AuthLevel.NONE, null);

    public SecuritySpec {
        Objects.requireNonNull(level);
        if (provider != null) {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(options, "options");
            if (level.effective().value() < AuthLevel.CONNECT.value()) {
                throw new IllegalArgumentException("a security provider needs authenticationLevel=connect or higher");
            }
        }
    }

    /** No authentication (RPC_C_AUTHN_LEVEL_NONE). */
    public static SecuritySpec none() {
        return NONE;
    }

    public static SecuritySpec of(SecurityProvider provider, Credentials credentials, AuthLevel level) {
        AuthLevel eff = level.effective();
        return new SecuritySpec(Objects.requireNonNull(provider), credentials, eff, ClientOptions.of(eff));
    }

    public boolean isNone() {
        return provider == null;
    }

    @Override
    public String toString() {
        return isNone() ? "SecuritySpec[none]"
                : "SecuritySpec[" + provider.name() + ", " + credentials + ", " + level.scriptName() + "]";
    }
}
