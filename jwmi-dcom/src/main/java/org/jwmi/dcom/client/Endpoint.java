package org.jwmi.dcom.client;

import java.util.Locale;
import java.util.Optional;
import org.jwmi.dcom.wire.DcomConstants;
import org.jwmi.dcom.wire.StringBinding;

/**
 * An ncacn_ip_tcp endpoint: a host as written in a STRINGBINDING or by the user, and a TCP port.
 *
 * @param host network address (name, IPv4 or IPv6 literal), compared case-insensitively
 * @param port TCP port
 */
record Endpoint(String host, int port) {

    Endpoint {
        host = host.toLowerCase(Locale.ROOT);
        if (port <= 0 || port > 0xffff) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
    }

    /**
     * The endpoint of an ncacn_ip_tcp STRINGBINDING ([MS-DCOM] 2.2.19.3: {@code host[port]}); {@code defaultPort}
     * when the binding names none (resolver bindings), empty for another protocol sequence or a malformed one.
     */
    static Optional<Endpoint> of(StringBinding b, int defaultPort) {
        if (b.wTowerId() != DcomConstants.NCACN_IP_TCP) {
            return Optional.empty();
        }
        String a = b.aNetworkAddr();
        int open = a.lastIndexOf('[');
        if (open < 0) {
            return a.isEmpty() || defaultPort <= 0 ? Optional.empty() : Optional.of(new Endpoint(a, defaultPort));
        }
        if (!a.endsWith("]") || open == 0) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(a.substring(open + 1, a.length() - 1));
            if (port <= 0 || port > 0xffff) {
                return Optional.empty();
            }
            return Optional.of(new Endpoint(a.substring(0, open), port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
