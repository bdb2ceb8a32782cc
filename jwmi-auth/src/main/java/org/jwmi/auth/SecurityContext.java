package org.jwmi.auth;

import java.util.List;

/**
 * One side of an established (or establishing) security association. Token exchange first: the RPC runtime
 * passes each token received (or {@code null} to start on the client) to {@link #step(byte[])} and sends back
 * what it returns, until {@link #isEstablished()}. Then per-message protection over PDU regions, in wire order
 * ([MS-RPCE] 3.3.1.5.2.2: header, body, sec_trailer). Each context keeps its own send and receive sequence
 * numbers, so calls must be made in the order the PDUs are sent and received.
 */
public interface SecurityContext {

    /**
     * Consumes the peer's token ({@code null} for the client's first call) and returns the token to send, or
     * {@code null} when there is nothing to send.
     *
     * @throws AuthenticationException when the peer's token is malformed or the logon fails
     */
    byte[] step(byte[] inputToken);

    boolean isEstablished();

    /** The exported session key; valid once established. */
    byte[] sessionKey();

    /** Who the peer is (on a server: the authenticated client); valid once established. */
    PeerIdentity peer();

    /** The size of the signature (auth token) that {@link #sign} and {@link #seal} produce. */
    int signatureSize();

    /** GSS_GetMICEx: a signature over all buffers. Advances the send sequence. */
    byte[] sign(List<SecBuffer> buffers);

    /**
     * GSS_VerifyMICEx: checks the signature over all buffers. Advances the receive sequence.
     *
     * @throws AuthenticationException (SEC_E_MESSAGE_ALTERED / SEC_E_OUT_OF_SEQUENCE) when it does not verify
     */
    void verify(List<SecBuffer> buffers, byte[] signature);

    /** GSS_WrapEx: encrypts the {@code seal} buffers in place and returns the signature over all. */
    byte[] seal(List<SecBuffer> buffers);

    /** GSS_UnwrapEx: decrypts the {@code seal} buffers in place and checks the signature over all. */
    void unseal(List<SecBuffer> buffers, byte[] signature);
}
