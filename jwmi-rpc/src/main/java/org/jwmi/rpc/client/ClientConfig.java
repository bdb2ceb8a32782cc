package org.jwmi.rpc.client;

import java.time.Duration;
import java.util.Objects;
import org.jwmi.wire.Limits;

/**
 * Client connection settings.
 *
 * @param limits             bounds on what the server may send (Limits.maxBodySize caps a reassembled response)
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        longest wait for each PDU of a reply ([MS-RPCE] 3.3.2.2.2 communication time-out)
 * @param maxFragmentSize    max_xmit_frag and max_recv_frag proposed in the bind (Windows: 5840)
 * @param assocGroupId       association group to join (0 = new, [MS-RPCE] 3.3.1.5.7)
 * @param featureNegotiation whether the bind offers bind time feature negotiation ([MS-RPCE] 3.3.1.5.3)
 */
public record ClientConfig(Limits limits, Duration connectTimeout, Duration readTimeout, int maxFragmentSize,
                           int assocGroupId, boolean featureNegotiation) {

    public ClientConfig {
        Objects.requireNonNull(limits);
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(readTimeout);
        if (maxFragmentSize < 1432 || maxFragmentSize > 0xffff) {
            throw new IllegalArgumentException("fragment size must be between 1432 and 65535");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Limits.DEFAULT, 10 s connect, 60 s read, 5840-byte fragments, a new association group, feature negotiation. */
    public static ClientConfig defaults() {
        return new ClientConfig(Limits.DEFAULT, Duration.ofSeconds(10), Duration.ofSeconds(60), 5840, 0, true);
    }

    public ClientConfig withLimits(Limits l) {
        return new ClientConfig(l, connectTimeout, readTimeout, maxFragmentSize, assocGroupId, featureNegotiation);
    }

    public ClientConfig withConnectTimeout(Duration d) {
        return new ClientConfig(limits, d, readTimeout, maxFragmentSize, assocGroupId, featureNegotiation);
    }

    public ClientConfig withReadTimeout(Duration d) {
        return new ClientConfig(limits, connectTimeout, d, maxFragmentSize, assocGroupId, featureNegotiation);
    }

    public ClientConfig withMaxFragmentSize(int n) {
        return new ClientConfig(limits, connectTimeout, readTimeout, n, assocGroupId, featureNegotiation);
    }

    public ClientConfig withAssocGroupId(int id) {
        return new ClientConfig(limits, connectTimeout, readTimeout, maxFragmentSize, id, featureNegotiation);
    }

    public ClientConfig withFeatureNegotiation(boolean b) {
        return new ClientConfig(limits, connectTimeout, readTimeout, maxFragmentSize, assocGroupId, b);
    }
}
