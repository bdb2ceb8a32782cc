package org.jwmi.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

/**
 * What a client context needs besides credentials.
 *
 * @param level         the authentication level that will be used (decides sign/seal capabilities)
 * @param workstation   the client's machine name, as sent in NTLM messages
 * @param targetName    the server principal name, or empty
 * @param clock         time source (NTLMv2 timestamps)
 * @param random        randomness (challenges, session keys)
 */
public record ClientOptions(AuthLevel level, String workstation, String targetName, Clock clock, Random random) {

    public static ClientOptions of(AuthLevel level) {
        return new ClientOptions(level, "JWMI", "", Clock.systemUTC(), new SecureRandom());
    }
}
