package org.jwmi.rpc.pdu;

import java.util.Arrays;

/**
 * [C706] 13.2.6.1 auth_verifier_co_t: the {@link SecTrailer} followed by the authentication token of
 * auth_length octets ([MS-RPCE] 2.2.2.12: a GSS token at bind time, a signature on requests and responses).
 */
public record AuthVerifier(SecTrailer trailer, byte[] token) {

    public AuthVerifier {
        token = token.clone();
        if (token.length > 0xffff) {
            throw new IllegalArgumentException("auth token longer than 65535 bytes");
        }
    }

    @Override
    public byte[] token() {
        return token.clone();
    }

    public int tokenLength() {
        return token.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthVerifier a && a.trailer.equals(trailer) && Arrays.equals(a.token, token);
    }

    @Override
    public int hashCode() {
        return trailer.hashCode() * 31 + Arrays.hashCode(token);
    }

    @Override
    public String toString() {
        return "AuthVerifier[" + trailer + ", token=" + token.length + " bytes]";
    }
}
