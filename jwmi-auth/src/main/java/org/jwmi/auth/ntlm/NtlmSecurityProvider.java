package org.jwmi.auth.ntlm;

import java.util.Objects;

import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.ServerOptions;

/**
 * NTLM ([MS-NLMP]) as RPC security provider RPC_C_AUTHN_WINNT (0x0A, [MS-RPCE] 2.2.1.1.7): a three-leg mechanism
 * (NEGOTIATE in bind, CHALLENGE in bind_ack, AUTHENTICATE in rpc_auth_3). NTLMv2 only, with extended session
 * security.
 *
 * <p><b>Client</b> ({@code step(null)} → NEGOTIATE, {@code step(CHALLENGE)} → AUTHENTICATE, established): always
 * NTLMv2 with a MIC, KEY_EXCH and 128-bit keys; SIGN from level pkt, SEAL at pktPrivacy. Empty user and password
 * log on anonymously.
 *
 * <p><b>Server</b> ({@code step(NEGOTIATE)} → CHALLENGE, {@code step(AUTHENTICATE)} → {@code null}, established)
 * authenticates local accounts from {@link org.jwmi.auth.ServerOptions#accounts()}. It refuses NTLMv1 and LM-only
 * responses, anonymous logons unless {@link org.jwmi.auth.ServerOptions#allowAnonymous()}, a bad MIC, and NTLMv2
 * timestamps more than 36 hours from its clock. <b>Domain rule:</b> the AUTHENTICATE_MESSAGE's DomainName must be
 * empty or equal (ignoring case) to the server's NetBIOS domain, DNS domain, NetBIOS computer name or DNS computer
 * name; any other domain is refused before the account store is consulted, which is then asked for
 * {@code (DomainName as sent, UserName)}. Logon failures are SEC_E_LOGON_DENIED naming the user and the reason;
 * malformed messages SEC_E_INVALID_TOKEN.
 *
 * <p><b>Per-message protection</b> ([MS-NLMP] 3.4): 16-byte signatures; every buffer passed to sign / verify /
 * seal / unseal is covered by the signature whether it is marked seal or sign-only (NTLMv2, 3.4.6.1); seal
 * encrypts the seal buffers in place, in order. Each direction has its own keys, RC4 stream and sequence number,
 * so calls must follow the order PDUs are sent and received; a failed verify leaves the receive side unusable.
 */
public final class NtlmSecurityProvider implements SecurityProvider {

    /** RPC_C_AUTHN_WINNT. */
    public static final int RPC_C_AUTHN_WINNT = 0x0A;

    @Override
    public int authType() {
        return RPC_C_AUTHN_WINNT;
    }

    @Override
    public String name() {
        return "NTLM";
    }

    @Override
    public SecurityContext newClientContext(Credentials credentials, ClientOptions options) {
        return new NtlmClientContext(Objects.requireNonNull(credentials, "credentials"),
                Objects.requireNonNull(options, "options"));
    }

    @Override
    public SecurityContext newServerContext(ServerOptions options) {
        return new NtlmServerContext(Objects.requireNonNull(options, "options"));
    }
}
