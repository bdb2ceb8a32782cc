package org.jwmi.auth.ntlm;

import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_128;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_56;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_ALWAYS_SIGN;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_DATAGRAM;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_IDENTIFY;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_NTLM;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_SEAL;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_SIGN;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_TARGET_INFO;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLM_NEGOTIATE_OEM;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_REQUEST_TARGET;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_TARGET_TYPE_DOMAIN;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_TARGET_TYPE_SERVER;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.auth.ServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NTLM server ([MS-NLMP] 3.2.5.1, connection-oriented) for local accounts, NTLMv2 only. {@code step(negotiate)}
 * returns the CHALLENGE_MESSAGE; {@code step(authenticate)} verifies the client, returns {@code null} and
 * establishes the context.
 *
 * <p>The CHALLENGE_MESSAGE grants what the client asked for among Unicode, SIGN, SEAL, ALWAYS_SIGN, extended
 * session security, IDENTIFY, VERSION, 128, 56 and KEY_EXCH, and carries a random ServerChallenge and TargetInfo
 * with MsvAvNbComputerName, MsvAvNbDomainName, MsvAvDnsComputerName, MsvAvDnsDomainName (when configured) and
 * MsvAvTimestamp. A client that wants SIGN or SEAL must offer extended session security and 128-bit keys; one that
 * offers only the OEM character set or connectionless NTLM is refused.
 *
 * <p>Verifying the AUTHENTICATE_MESSAGE:
 * <ul>
 * <li>An empty UserName with an empty NtChallengeResponse (and an LmChallengeResponse of Z(1) or nothing) is an
 *     anonymous logon, refused unless {@link ServerOptions#allowAnonymous()}.</li>
 * <li>NtChallengeResponse of 24 bytes (NTLMv1) or empty with an LM response (LM only) is refused.</li>
 * <li><b>Domain rule:</b> the account store is asked for {@code (DomainName as sent, UserName)} and decides
 *     what a domain matches. A stand-alone Windows server authenticates a domain it does not know against its
 *     local accounts ([MS-NLMP] &lt;78&gt;); stores that keep domain-less local accounts do the same. The proof
 *     binds the domain the client sent (NTOWFv2), so matching it loosely never weakens the check.</li>
 * <li>NTProofStr is recomputed from the account's NT hash with the user and domain as sent, and again with an
 *     empty domain for clients that leave UserDom out (3.2.5.1.2); comparisons are constant-time.</li>
 * <li>The NTLMv2 TimeStamp must lie within 36 hours of the server clock (MaxLifetime, [MS-NLMP] &lt;39&gt;).</li>
 * <li>When MsvAvFlags announces a MIC, the MIC over NEGOTIATE + CHALLENGE + AUTHENTICATE (MIC zeroed) must match.</li>
 * </ul>
 * Failures raise SEC_E_LOGON_DENIED naming the user and the reason (never a hash or key); malformed messages raise
 * SEC_E_INVALID_TOKEN.
 */
final class NtlmServerContext extends NtlmContext {

    private static final Logger LOG = LoggerFactory.getLogger(NtlmServerContext.class);

    /** MaxLifetime of an NTLMv2 timestamp, in 100 ns ticks (36 hours). */
    static final long MAX_LIFETIME_TICKS = 36L * 3600 * 10_000_000L;

    /** The v1/LM refusal, as users see it. */
    static final String V1_REFUSED = "NTLMv1/LM responses are refused; configure the client for NTLMv2 "
            + "(LmCompatibilityLevel 3 or higher)";

    private static final NegotiateFlags SUPPORTED = NegotiateFlags.of(NTLMSSP_NEGOTIATE_UNICODE,
            NTLMSSP_REQUEST_TARGET, NTLMSSP_NEGOTIATE_SIGN, NTLMSSP_NEGOTIATE_SEAL, NTLMSSP_NEGOTIATE_NTLM,
            NTLMSSP_NEGOTIATE_ALWAYS_SIGN, NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, NTLMSSP_NEGOTIATE_IDENTIFY,
            NTLMSSP_NEGOTIATE_TARGET_INFO, NTLMSSP_NEGOTIATE_VERSION, NTLMSSP_NEGOTIATE_128,
            NTLMSSP_NEGOTIATE_KEY_EXCH, NTLMSSP_NEGOTIATE_56);

    private final ServerOptions options;
    private byte[] negotiateBytes;
    private byte[] challengeBytes;
    private NegotiateFlags challengeFlags;
    private byte[] serverChallenge;

    NtlmServerContext(ServerOptions options) {
        this.options = options;
    }

    @Override
    protected byte[] doStep(byte[] inputToken) {
        if (inputToken == null) {
            throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                    "the NTLM server expected a token from the client but got none");
        }
        long type = MessageCodec.peekType(inputToken);
        if (state == State.INITIAL) {
            if (type != MessageCodec.NT_LM_NEGOTIATE) {
                throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                        "the NTLM server expected a NEGOTIATE_MESSAGE but got " + MessageCodec.typeName(type));
            }
            byte[] out = challenge(inputToken);
            state = State.IN_PROGRESS;
            return out;
        }
        if (type != MessageCodec.NT_LM_AUTHENTICATE) {
            throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                    "the NTLM server expected an AUTHENTICATE_MESSAGE but got " + MessageCodec.typeName(type));
        }
        authenticate(inputToken);
        return null;
    }

    /** [MS-NLMP] 3.2.5.1.1. */
    private byte[] challenge(byte[] negotiate) {
        NegotiateMessage neg = NegotiateMessage.decode(negotiate);
        NegotiateFlags offered = neg.negotiateFlags();
        if (!offered.has(NTLMSSP_NEGOTIATE_UNICODE)) {
            if (offered.has(NTLM_NEGOTIATE_OEM)) {
                throw new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION,
                        "the NTLM client offers only the OEM character set; this server needs Unicode");
            }
            throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                    "NEGOTIATE_MESSAGE selects neither Unicode nor OEM");
        }
        if (offered.has(NTLMSSP_NEGOTIATE_DATAGRAM)) {
            throw new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION,
                    "the NTLM client asks for connectionless NTLM, which this server does not support");
        }
        boolean domainJoined = !options.netbiosDomain().equalsIgnoreCase(options.netbiosComputer());
        NegotiateFlags flags = SUPPORTED.and(offered).with(NTLMSSP_NEGOTIATE_UNICODE, NTLMSSP_REQUEST_TARGET,
                NTLMSSP_NEGOTIATE_NTLM, NTLMSSP_NEGOTIATE_ALWAYS_SIGN, NTLMSSP_NEGOTIATE_TARGET_INFO,
                domainJoined ? NTLMSSP_TARGET_TYPE_DOMAIN : NTLMSSP_TARGET_TYPE_SERVER);
        if (flags.has(NTLMSSP_NEGOTIATE_SIGN) || flags.has(NTLMSSP_NEGOTIATE_SEAL)) {
            if (!flags.has(NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
                throw new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION,
                        "the NTLM client wants signing or sealing without extended session security; "
                                + "configure it for NTLMv2 session security");
            }
            if (!flags.has(NTLMSSP_NEGOTIATE_128)) {
                throw new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION,
                        "the NTLM client does not offer 128-bit session keys; weaker keys are refused");
            }
        }
        serverChallenge = new byte[8];
        options.random().nextBytes(serverChallenge);
        List<AvPair> info = new ArrayList<>();
        info.add(AvPair.text(AvId.MsvAvNbComputerName, options.netbiosComputer()));
        info.add(AvPair.text(AvId.MsvAvNbDomainName, options.netbiosDomain()));
        if (!options.dnsComputer().isEmpty()) {
            info.add(AvPair.text(AvId.MsvAvDnsComputerName, options.dnsComputer()));
        }
        if (!options.dnsDomain().isEmpty()) {
            info.add(AvPair.text(AvId.MsvAvDnsDomainName, options.dnsDomain()));
        }
        info.add(AvPair.u64(AvId.MsvAvTimestamp, NtlmCrypto.fileTime(options.clock().instant())));
        ChallengeMessage challenge = new ChallengeMessage(
                domainJoined ? options.netbiosDomain() : options.netbiosComputer(), flags, serverChallenge,
                new AvPairs(info), flags.has(NTLMSSP_NEGOTIATE_VERSION) ? NtlmVersion.DEFAULT : null);
        negotiateBytes = negotiate.clone();
        challengeFlags = flags;
        challengeBytes = challenge.encode();
        return challengeBytes.clone();
    }

    /** [MS-NLMP] 3.2.5.1.2. */
    private void authenticate(byte[] authBytes) {
        AuthenticateMessage auth = AuthenticateMessage.decode(authBytes);
        NegotiateFlags negFlg = challengeFlags.and(auth.negotiateFlags());
        String user = auth.userName();
        String domain = auth.domainName();
        String who = (domain.isEmpty() ? "" : domain + "\\") + user;
        byte[] nt = auth.ntChallengeResponse();
        byte[] lm = auth.lmChallengeResponse();

        boolean anonymous = user.isEmpty() && nt.length == 0
                && (lm.length == 0 || (lm.length == 1 && lm[0] == 0));
        byte[] sessionBaseKey;
        PeerIdentity peer;
        AvPairs clientInfo = AvPairs.empty();
        if (anonymous) {
            if (!options.allowAnonymous()) {
                throw denied("anonymous NTLM logon refused (anonymous logons are disabled on this server)");
            }
            sessionBaseKey = new byte[16];
            peer = new PeerIdentity("NT AUTHORITY", "ANONYMOUS LOGON", auth.workstation(), true);
        } else {
            if (nt.length == 0 || nt.length == 24) {
                throw denied(V1_REFUSED + " (logon of '" + who + "')");
            }
            if (user.isEmpty()) {
                throw denied("NTLM logon without a user name refused");
            }
            NtlmV2Response response = NtlmV2Response.decode(nt);
            clientInfo = response.clientChallenge().avPairs();
            Optional<AccountStore.Account> account = options.accounts().lookup(domain, user);
            if (account.isEmpty()) {
                throw denied("NTLM logon of '" + who + "' refused: unknown user");
            }
            byte[] ntHash = account.get().ntHash();
            byte[] received = response.response();
            byte[] blob = response.blob();
            sessionBaseKey = null;
            for (String userDom : domain.isEmpty() ? List.of("") : List.of(domain, "")) {
                byte[] key = NtlmHashes.ntOwfV2(ntHash, user, userDom);
                byte[] expected = NtlmCrypto.ntProofStr(key, serverChallenge, blob);
                if (MessageDigest.isEqual(expected, received)) {
                    sessionBaseKey = NtlmCrypto.sessionBaseKey(key, expected);
                }
                Arrays.fill(key, (byte) 0);
                if (sessionBaseKey != null) {
                    break;
                }
            }
            Arrays.fill(ntHash, (byte) 0);
            if (sessionBaseKey == null) {
                throw denied("NTLM logon of '" + who + "' refused: wrong password (NTLMv2 response does not match)");
            }
            long skew = Math.abs(response.clientChallenge().timeStamp()
                    - NtlmCrypto.fileTime(options.clock().instant()));
            if (skew > MAX_LIFETIME_TICKS || skew < 0) {
                throw denied("NTLM logon of '" + who + "' refused: the NTLMv2 timestamp is more than 36 hours "
                        + "from the server's clock; check both clocks");
            }
            // [MS-NLMP] 2.2.2.5: NTLMSSP_NEGOTIATE_IDENTIFY asks for an identify-level token.
            peer = new PeerIdentity(account.get().domain(), account.get().user(), auth.workstation(), false,
                    negFlg.has(NTLMSSP_NEGOTIATE_IDENTIFY));
        }

        byte[] exportedSessionKey;
        if (negFlg.has(NTLMSSP_NEGOTIATE_KEY_EXCH)
                && (negFlg.has(NTLMSSP_NEGOTIATE_SIGN) || negFlg.has(NTLMSSP_NEGOTIATE_SEAL))) {
            byte[] encrypted = auth.encryptedRandomSessionKey();
            if (encrypted.length != 16) {
                throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                        "NTLMSSP_NEGOTIATE_KEY_EXCH is set but EncryptedRandomSessionKey has " + encrypted.length
                                + " bytes instead of 16");
            }
            exportedSessionKey = NtlmCrypto.rc4k(sessionBaseKey, encrypted);
        } else {
            exportedSessionKey = sessionBaseKey.clone();
        }

        if ((clientInfo.flags().orElse(0) & AvId.FLAG_MIC_PRESENT) != 0) {
            byte[] mic = auth.mic();
            if (mic == null) {
                throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                        "MsvAvFlags announces a MIC but the AUTHENTICATE_MESSAGE has no MIC field");
            }
            byte[] zeroed = authBytes.clone();
            Arrays.fill(zeroed, AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_OFFSET
                    + AuthenticateMessage.MIC_SIZE, (byte) 0);
            byte[] expected = NtlmCrypto.hmacMd5(exportedSessionKey, negotiateBytes, challengeBytes, zeroed);
            if (!MessageDigest.isEqual(expected, mic)) {
                throw denied("NTLM logon of '" + who + "' refused: the MIC does not match "
                        + "(the messages were altered in transit)");
            }
        }

        established(negFlg, exportedSessionKey, peer, false);
        Arrays.fill(sessionBaseKey, (byte) 0);
        Arrays.fill(exportedSessionKey, (byte) 0);
        LOG.debug("NTLM logon of {} from workstation '{}' accepted", peer, auth.workstation());
    }

    private static AuthenticationException denied(String message) {
        LOG.info("{}", message);
        return new AuthenticationException(AuthenticationException.SEC_E_LOGON_DENIED, message);
    }
}
