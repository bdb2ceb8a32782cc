package org.jwmi.auth.ntlm;

import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_128;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_56;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_ALWAYS_SIGN;
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_NEGOTIATE_ANONYMOUS;
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
import static org.jwmi.auth.ntlm.NegotiateFlag.NTLMSSP_REQUEST_TARGET;

import java.util.Arrays;
import java.util.OptionalLong;

import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.PeerIdentity;

/**
 * The NTLM client ([MS-NLMP] 3.1.5.1, connection-oriented), NTLMv2 only. First {@code step(null)} returns the
 * NEGOTIATE_MESSAGE; {@code step(challenge)} returns the AUTHENTICATE_MESSAGE and establishes the context.
 *
 * <p>What it asks for: Unicode, NTLM, ALWAYS_SIGN, extended session security, TargetInfo, VERSION, 128- and
 * 56-bit keys and KEY_EXCH always; SIGN from authentication level pkt, SEAL at pktPrivacy. What it insists on when
 * it signs or seals: the server granted SIGN / SEAL, extended session security and 128-bit keys, and named
 * itself in TargetInfo (3.1.5.1.2); otherwise step fails with SEC_E_UNSUPPORTED_FUNCTION / SEC_E_LOGON_DENIED.
 *
 * <p>The AUTHENTICATE_MESSAGE always carries a MIC over the three messages, announced in MsvAvFlags, plus
 * MsvAvChannelBindings (all zero: no channel bindings) and MsvAvTargetName (the options' target name).
 * An empty user name with an empty password logs on anonymously (3.3.2 special case).
 */
final class NtlmClientContext extends NtlmContext {

    private final String user;
    private final String domain;
    private final boolean anonymous;
    private final ClientOptions options;
    private final NegotiateFlags requested;
    private byte[] ntHash;
    private byte[] negotiateBytes;

    NtlmClientContext(Credentials credentials, ClientOptions options) {
        this.user = credentials.user();
        this.domain = credentials.domain();
        this.options = options;
        byte[] hash = credentials.ntHash();
        char[] password = credentials.password();
        this.anonymous = user.isEmpty() && hash == null && (password == null || password.length == 0);
        if (hash != null) {
            this.ntHash = hash;
        } else if (!anonymous) {
            this.ntHash = NtlmHashes.ntOwfV1(password == null ? new char[0] : password);
        }
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        NegotiateFlags f = NegotiateFlags.of(NTLMSSP_NEGOTIATE_UNICODE, NTLMSSP_REQUEST_TARGET,
                NTLMSSP_NEGOTIATE_NTLM, NTLMSSP_NEGOTIATE_ALWAYS_SIGN, NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY,
                NTLMSSP_NEGOTIATE_TARGET_INFO, NTLMSSP_NEGOTIATE_VERSION, NTLMSSP_NEGOTIATE_128, NTLMSSP_NEGOTIATE_56,
                NTLMSSP_NEGOTIATE_KEY_EXCH);
        if (options.identifyOnly()) {
            f = f.with(NTLMSSP_NEGOTIATE_IDENTIFY);
        }
        AuthLevel level = options.level().effective();
        if (level.atLeast(AuthLevel.PKT)) {
            f = f.with(NTLMSSP_NEGOTIATE_SIGN);
        }
        if (level.atLeast(AuthLevel.PKT_PRIVACY)) {
            f = f.with(NTLMSSP_NEGOTIATE_SEAL);
        }
        this.requested = f;
    }

    @Override
    protected byte[] doStep(byte[] inputToken) {
        if (state == State.INITIAL) {
            if (inputToken != null && inputToken.length > 0) {
                throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                        "the NTLM client starts the exchange; it expected no input token but got "
                                + MessageCodec.typeName(MessageCodec.peekType(inputToken)));
            }
            // 3.1.5.1.1: with VERSION, DomainName and Workstation are empty.
            negotiateBytes = new NegotiateMessage(requested, "", "", NtlmVersion.DEFAULT).encode();
            state = State.IN_PROGRESS;
            return negotiateBytes.clone();
        }
        if (inputToken == null) {
            throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                    "the NTLM client expected a CHALLENGE_MESSAGE but got no token");
        }
        try {
            return authenticate(inputToken);
        } finally {
            if (ntHash != null) {
                Arrays.fill(ntHash, (byte) 0);
            }
        }
    }

    private byte[] authenticate(byte[] challengeBytes) {
        ChallengeMessage challenge = ChallengeMessage.decode(challengeBytes);
        NegotiateFlags granted = challenge.negotiateFlags();
        checkPolicy(challenge, granted);

        NegotiateFlags negFlg = requested.and(granted);
        if (anonymous) {
            negFlg = negFlg.with(NTLMSSP_NEGOTIATE_ANONYMOUS);
        }
        byte[] serverChallenge = challenge.serverChallenge();
        AvPairs serverInfo = challenge.targetInfo();
        OptionalLong serverTime = serverInfo.timestamp();
        long time = serverTime.isPresent() ? serverTime.getAsLong() : NtlmCrypto.fileTime(options.clock().instant());
        byte[] clientChallenge = new byte[8];
        options.random().nextBytes(clientChallenge);

        byte[] lm;
        byte[] nt;
        byte[] sessionBaseKey;
        if (anonymous) {
            nt = new byte[0];
            lm = new byte[1];
            sessionBaseKey = new byte[16];
        } else {
            byte[] responseKey = NtlmHashes.ntOwfV2(ntHash, user, domain);
            int avFlags = serverInfo.flags().orElse(0) | AvId.FLAG_MIC_PRESENT;
            AvPairs clientInfo = serverInfo
                    .with(AvPair.u32(AvId.MsvAvFlags, avFlags))
                    .with(AvPair.of(AvId.MsvAvChannelBindings, new byte[16]))
                    .with(AvPair.text(AvId.MsvAvTargetName, options.targetName() == null ? "" : options.targetName()));
            byte[] temp = NtlmV2ClientChallenge.of(time, clientChallenge, clientInfo).temp();
            byte[] proof = NtlmCrypto.ntProofStr(responseKey, serverChallenge, temp);
            nt = new byte[16 + temp.length];
            System.arraycopy(proof, 0, nt, 0, 16);
            System.arraycopy(temp, 0, nt, 16, temp.length);
            // 3.1.5.1.2: with a server timestamp the LmChallengeResponse is Z(24).
            lm = serverTime.isPresent() ? new byte[24] : NtlmCrypto.lmV2Response(responseKey, serverChallenge,
                    clientChallenge);
            sessionBaseKey = NtlmCrypto.sessionBaseKey(responseKey, proof);
            Arrays.fill(responseKey, (byte) 0);
        }

        byte[] keyExchangeKey = sessionBaseKey;
        byte[] exportedSessionKey;
        byte[] encryptedRandomSessionKey;
        if (negFlg.has(NTLMSSP_NEGOTIATE_KEY_EXCH)
                && (negFlg.has(NTLMSSP_NEGOTIATE_SIGN) || negFlg.has(NTLMSSP_NEGOTIATE_SEAL))) {
            exportedSessionKey = new byte[16];
            options.random().nextBytes(exportedSessionKey);
            encryptedRandomSessionKey = NtlmCrypto.rc4k(keyExchangeKey, exportedSessionKey);
        } else {
            exportedSessionKey = keyExchangeKey.clone();
            encryptedRandomSessionKey = new byte[0];
        }

        NtlmVersion version = negFlg.has(NTLMSSP_NEGOTIATE_VERSION) ? NtlmVersion.DEFAULT : null;
        AuthenticateMessage auth = new AuthenticateMessage(lm, nt, domain, user, options.workstation(),
                encryptedRandomSessionKey, negFlg, version, anonymous ? null : new byte[AuthenticateMessage.MIC_SIZE]);
        byte[] authBytes = auth.encode();
        if (!anonymous) {
            byte[] mic = NtlmCrypto.hmacMd5(exportedSessionKey, negotiateBytes, challengeBytes, authBytes);
            System.arraycopy(mic, 0, authBytes, AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_SIZE);
        }

        PeerIdentity server = new PeerIdentity(serverInfo.text(AvId.MsvAvNbDomainName).orElse(""),
                serverInfo.text(AvId.MsvAvNbComputerName).orElse(challenge.targetName()),
                serverInfo.text(AvId.MsvAvDnsComputerName).orElse(""), false);
        established(negFlg, exportedSessionKey, server, true);
        Arrays.fill(sessionBaseKey, (byte) 0);
        Arrays.fill(exportedSessionKey, (byte) 0);
        return authBytes;
    }

    /** [MS-NLMP] 3.1.5.1.2: is what the server selected strong enough? */
    private void checkPolicy(ChallengeMessage challenge, NegotiateFlags granted) {
        if (!granted.has(NTLMSSP_NEGOTIATE_UNICODE)) {
            throw unsupported("the server selected the OEM character set; this client speaks Unicode only");
        }
        if (granted.has(NTLMSSP_NEGOTIATE_DATAGRAM)) {
            throw unsupported("the server selected connectionless NTLM, which RPC over TCP does not use");
        }
        boolean sign = requested.has(NTLMSSP_NEGOTIATE_SIGN);
        boolean seal = requested.has(NTLMSSP_NEGOTIATE_SEAL);
        if (sign && !granted.has(NTLMSSP_NEGOTIATE_SIGN)) {
            throw unsupported("the server refused message integrity (NTLMSSP_NEGOTIATE_SIGN) that authentication "
                    + "level " + options.level().scriptName() + " needs");
        }
        if (seal && !granted.has(NTLMSSP_NEGOTIATE_SEAL)) {
            throw unsupported("the server refused confidentiality (NTLMSSP_NEGOTIATE_SEAL) that authentication "
                    + "level " + options.level().scriptName() + " needs");
        }
        if (sign || seal) {
            if (!granted.has(NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
                throw unsupported("the server refused NTLM extended session security, needed to sign or seal");
            }
            if (!granted.has(NTLMSSP_NEGOTIATE_128)) {
                throw unsupported("the server refused 128-bit session keys; weaker keys are not accepted");
            }
            AvPairs info = challenge.targetInfo();
            if (info.get(AvId.MsvAvNbComputerName).isEmpty() || info.get(AvId.MsvAvNbDomainName).isEmpty()) {
                throw new AuthenticationException(AuthenticationException.SEC_E_LOGON_DENIED,
                        "the server's CHALLENGE_MESSAGE lacks MsvAvNbComputerName or MsvAvNbDomainName in TargetInfo");
            }
        }
    }

    private static AuthenticationException unsupported(String message) {
        return new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION, message);
    }
}
