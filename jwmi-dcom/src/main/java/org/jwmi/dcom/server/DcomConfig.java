package org.jwmi.dcom.server;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.SecurityBinding;
import org.jwmi.wire.Limits;

/** The settings of a {@link DcomServer}, as its builder collected them. */
record DcomConfig(InetAddress exporterBindAddress, String hostName, List<SecurityBinding> securityBindings,
                  AuthLevel exporterAuthLevel, boolean activationHardening, Duration pingPeriod,
                  int pingTimeoutPeriods, ComVersion comVersion, Clock clock, Random random, Limits limits) {

    DcomConfig {
        securityBindings = List.copyOf(securityBindings);
    }

    /** How long a ping set (or an OID in none) may stay silent: ping period x timeout periods. */
    long pingTimeoutMillis() {
        return pingPeriod.toMillis() * pingTimeoutPeriods;
    }

    /** [MS-DCOM] 1.7: major 5, minor from 1 up to ours. */
    boolean supports(ComVersion client) {
        return client.majorVersion() == comVersion.majorVersion() && client.minorVersion() >= 1
                && client.minorVersion() <= comVersion.minorVersion();
    }
}
