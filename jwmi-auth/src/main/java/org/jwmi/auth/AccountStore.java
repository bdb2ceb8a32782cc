package org.jwmi.auth;

import java.util.Optional;

/**
 * What a server-side mechanism needs of the accounts it authenticates: the NT hash (MD4 of the UTF-16LE password)
 * of a user, looked up case-insensitively by domain and name. An empty domain in the lookup means the caller sent
 * none; stores decide whether that matches their local domain.
 */
public interface AccountStore {

    Optional<Account> lookup(String domain, String user);

    /** An account: canonical domain and user spelling, and the 16-byte NT hash. */
    record Account(String domain, String user, byte[] ntHash) {
        public Account {
            if (ntHash.length != 16) {
                throw new IllegalArgumentException("an NT hash has 16 bytes");
            }
            ntHash = ntHash.clone();
        }

        @Override
        public byte[] ntHash() {
            return ntHash.clone();
        }

        @Override
        public String toString() {
            return (domain.isEmpty() ? "" : domain + "\\") + user;
        }
    }
}
