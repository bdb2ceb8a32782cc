package org.jwmi.auth;

/**
 * A mechanism, registered by its RPC auth_type ([MS-RPCE] 2.2.1.1.7: 0x0A NTLM, 0x09 SPNEGO, 0x10 Kerberos).
 */
public interface SecurityProvider {

    /** The RPC_C_AUTHN_* value carried in sec_trailer.auth_type. */
    int authType();

    /** A short name for logs and errors ({@code NTLM}). */
    String name();

    /**
     * A client context for {@code credentials}; {@code level} tells the mechanism which capabilities to ask for
     * (integrity, confidentiality).
     */
    SecurityContext newClientContext(Credentials credentials, ClientOptions options);

    /** A server context that authenticates against the given configuration. */
    SecurityContext newServerContext(ServerOptions options);
}
