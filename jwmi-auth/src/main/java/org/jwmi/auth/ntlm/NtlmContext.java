package org.jwmi.auth.ntlm;

import java.util.List;

import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.auth.SecBuffer;
import org.jwmi.auth.SecurityContext;
import org.jwmi.wire.ProtocolException;

/**
 * What the NTLM client and server contexts share: the state machine's end states and per-message protection
 * ([MS-NLMP] 3.4) once established.
 */
abstract class NtlmContext implements SecurityContext {

    /** Where the exchange stands. */
    enum State { INITIAL, IN_PROGRESS, ESTABLISHED, FAILED }

    protected State state = State.INITIAL;
    private NegotiateFlags negotiated;
    private byte[] exportedSessionKey;
    private PeerIdentity peer;
    private NtlmSessionSecurity security;

    /** Runs one leg, turning decode failures into SEC_E_INVALID_TOKEN and any failure into the FAILED state. */
    @Override
    public final byte[] step(byte[] inputToken) {
        if (state == State.ESTABLISHED) {
            throw new IllegalStateException("the NTLM context is already established");
        }
        if (state == State.FAILED) {
            throw new IllegalStateException("the NTLM context failed earlier; start a new one");
        }
        try {
            return doStep(inputToken);
        } catch (ProtocolException e) {
            state = State.FAILED;
            throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                    "malformed NTLM message: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    protected abstract byte[] doStep(byte[] inputToken);

    /** Records the outcome of a successful exchange. */
    protected final void established(NegotiateFlags negFlg, byte[] exportedKey, PeerIdentity who, boolean client) {
        this.negotiated = negFlg;
        this.exportedSessionKey = exportedKey.clone();
        this.peer = who;
        if (negFlg.has(NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            this.security = new NtlmSessionSecurity(negFlg, exportedKey, client);
        }
        this.state = State.ESTABLISHED;
    }

    /** The flags both ends agreed on; valid once established. */
    NegotiateFlags negotiatedFlags() {
        requireEstablished();
        return negotiated;
    }

    @Override
    public final boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    @Override
    public final byte[] sessionKey() {
        requireEstablished();
        return exportedSessionKey.clone();
    }

    @Override
    public final PeerIdentity peer() {
        requireEstablished();
        return peer;
    }

    @Override
    public final int signatureSize() {
        return NtlmSessionSecurity.SIGNATURE_SIZE;
    }

    @Override
    public final byte[] sign(List<SecBuffer> buffers) {
        return integrity().sign(buffers);
    }

    @Override
    public final void verify(List<SecBuffer> buffers, byte[] signature) {
        integrity().verify(buffers, signature);
    }

    @Override
    public final byte[] seal(List<SecBuffer> buffers) {
        return confidentiality().seal(buffers);
    }

    @Override
    public final void unseal(List<SecBuffer> buffers, byte[] signature) {
        confidentiality().unseal(buffers, signature);
    }

    private void requireEstablished() {
        if (state != State.ESTABLISHED) {
            throw new IllegalStateException("the NTLM context is not established");
        }
    }

    private NtlmSessionSecurity integrity() {
        requireEstablished();
        if (security == null) {
            throw new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION,
                    "NTLM extended session security was not negotiated, so messages cannot be signed");
        }
        if (!negotiated.has(NegotiateFlag.NTLMSSP_NEGOTIATE_SIGN) && !negotiated.has(NegotiateFlag.NTLMSSP_NEGOTIATE_SEAL)) {
            throw new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION,
                    "NTLM message integrity (NTLMSSP_NEGOTIATE_SIGN) was not negotiated; "
                            + "use authentication level pkt or higher");
        }
        return security;
    }

    private NtlmSessionSecurity confidentiality() {
        NtlmSessionSecurity s = integrity();
        if (!negotiated.has(NegotiateFlag.NTLMSSP_NEGOTIATE_SEAL)) {
            throw new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION,
                    "NTLM confidentiality (NTLMSSP_NEGOTIATE_SEAL) was not negotiated; "
                            + "use authentication level pktPrivacy");
        }
        return s;
    }
}
