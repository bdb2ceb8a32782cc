package org.jwmi.server.provider;

import java.time.Clock;
import java.util.Objects;
import org.jwmi.auth.PeerIdentity;

/**
 * What a provider knows about the call it serves.
 *
 * @param caller the authenticated peer the call is made for
 * @param clock the time source; providers never read the system clock directly
 * @param namespace the namespace the call addresses, backslash-separated (e.g. {@code root\cimv2})
 */
public record ProviderContext(PeerIdentity caller, Clock clock, String namespace) {

    public ProviderContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(namespace, "namespace");
    }
}
