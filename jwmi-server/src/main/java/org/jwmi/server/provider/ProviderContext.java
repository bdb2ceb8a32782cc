package org.jwmi.server.provider;

import java.time.Clock;
import java.util.Objects;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.server.security.CallerToken;

/**
 * What a provider knows about the call it serves.
 *
 * @param token     the caller's access token: identity, groups and the impersonation level it granted. Providers
 *                  that act as the caller (terminate a process, read another user's data) check
 *                  {@code token.impersonation().mayActAsCaller()} and refuse with WBEM_E_ACCESS_DENIED otherwise
 * @param clock     the time source; providers never read the system clock directly
 * @param namespace the namespace the call addresses, backslash-separated (e.g. {@code root\cimv2})
 */
public record ProviderContext(CallerToken token, Clock clock, String namespace) {

    public ProviderContext {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(namespace, "namespace");
    }

    /** The authenticated peer the call is made for. */
    public PeerIdentity caller() {
        return token.identity();
    }
}
