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
 * @param identifyOnly  the server may learn who the client is but not act as it (RPC_C_IMP_LEVEL_IDENTIFY; NTLM
 *                      sends NTLMSSP_NEGOTIATE_IDENTIFY)
 */
public record ClientOptions(AuthLevel level, String workstation, String targetName, Clock clock, Random random,
                            boolean identifyOnly) {

    /** Options that let the server impersonate the client (the usual level). */
    public ClientOptions(AuthLevel level, String workstation, String targetName, Clock clock, Random random) {
        this(level, workstation, targetName, clock, random, false);
    }

    public static ClientOptions of(AuthLevel level) {
        return new ClientOptions(level, "JWMI", "", Clock.systemUTC(), new SecureRandom());
    }
}
