package org.jwmi.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * A client identity (SEC_WINNT_AUTH_IDENTITY): domain, user and either a password or its NT hash. The secret is
 * kept as a char or byte array the caller may {@link #destroy()}; {@link #toString()} never shows it.
 */
public final class Credentials {
    private final String domain;
    private final String user;
    private final char[] password;
    private final byte[] ntHash;

    private Credentials(String domain, String user, char[] password, byte[] ntHash) {
        this.domain = domain == null ? "" : domain;
        this.user = Objects.requireNonNull(user, "user");
        this.password = password;
        this.ntHash = ntHash;
    }

    public static Credentials ofPassword(String domain, String user, char[] password) {
        return new Credentials(domain, user, password.clone(), null);
    }

    public static Credentials ofNtHash(String domain, String user, byte[] ntHash) {
        if (ntHash.length != 16) {
            throw new IllegalArgumentException("an NT hash has 16 bytes");
        }
        return new Credentials(domain, user, null, ntHash.clone());
    }

    public String domain() {
        return domain;
    }

    public String user() {
        return user;
    }

    /** The password, or {@code null} when only the hash is known. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** The NT hash given directly, or {@code null} when a password was given. */
    public byte[] ntHash() {
        return ntHash == null ? null : ntHash.clone();
    }

    public void destroy() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        if (ntHash != null) {
            Arrays.fill(ntHash, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return (domain.isEmpty() ? "" : domain + "\\") + user;
    }
}
