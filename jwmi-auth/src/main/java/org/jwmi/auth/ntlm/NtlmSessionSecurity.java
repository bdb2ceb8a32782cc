package org.jwmi.auth.ntlm;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;

import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.SecBuffer;

/**
 * [MS-NLMP] 3.4 session security with extended session security, connection-oriented: one direction signs and
 * seals with its own SigningKey, RC4 handle (keyed once with its SealingKey, keystream continuing across
 * messages) and SeqNum; the other direction verifies and unseals with the peer's. The client sends with the
 * client-to-server keys, the server with the server-to-client keys.
 *
 * <p>[MS-NLMP] 2.2.2.9.2 NTLMSSP_MESSAGE_SIGNATURE: {@code Version (u32 = 1) | Checksum (8) | SeqNum (u32)} where
 * Checksum = HMAC_MD5(SigningKey, SeqNum || message)[0..7], RC4-encrypted with the handle when KEY_EXCH was
 * negotiated (3.4.4.2). With NTLMv2 the message is the concatenation of every buffer, sealed or not (3.4.6.1).
 * Sealing encrypts the seal buffers first and the checksum after them, with the same handle (3.4.3; the order is
 * the one the 4.2.4.4 vector shows).
 *
 * <p>Send operations and receive operations are each serialised; they may run on different threads. After a
 * receive failure the receive keystream is out of step, so every later receive fails too.
 */
final class NtlmSessionSecurity {

    /** Size of NTLMSSP_MESSAGE_SIGNATURE. */
    static final int SIGNATURE_SIZE = 16;

    private final boolean keyExch;
    private final Direction send;
    private final Direction recv;

    private static final class Direction {
        final Mac mac;
        final Cipher handle;
        int seqNum;
        boolean broken;

        Direction(byte[] signingKey, byte[] sealingKey) {
            this.mac = NtlmCrypto.newHmacMd5(signingKey);
            this.handle = NtlmCrypto.rc4Init(sealingKey);
        }
    }

    /**
     * @param negFlg             the negotiated flags (128/56 decide the sealing key strength, KEY_EXCH whether the
     *                           checksum is encrypted)
     * @param exportedSessionKey ExportedSessionKey
     * @param client             whether this end is the client (sends with client-to-server keys)
     */
    NtlmSessionSecurity(NegotiateFlags negFlg, byte[] exportedSessionKey, boolean client) {
        this.keyExch = negFlg.has(NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH);
        byte[] clientSign = NtlmCrypto.signKey(exportedSessionKey, true);
        byte[] serverSign = NtlmCrypto.signKey(exportedSessionKey, false);
        byte[] clientSeal = NtlmCrypto.sealKey(negFlg, exportedSessionKey, true);
        byte[] serverSeal = NtlmCrypto.sealKey(negFlg, exportedSessionKey, false);
        Direction c2s = new Direction(clientSign, clientSeal);
        Direction s2c = new Direction(serverSign, serverSeal);
        this.send = client ? c2s : s2c;
        this.recv = client ? s2c : c2s;
        Arrays.fill(clientSign, (byte) 0);
        Arrays.fill(serverSign, (byte) 0);
        Arrays.fill(clientSeal, (byte) 0);
        Arrays.fill(serverSeal, (byte) 0);
    }

    /** GSS_GetMICEx: the signature over all buffers; SeqNum advances. */
    byte[] sign(List<SecBuffer> buffers) {
        synchronized (send) {
            int seq = send.seqNum;
            macSeq(send.mac, seq);
            for (SecBuffer b : buffers) {
                send.mac.update(b.data(), b.offset(), b.length());
            }
            byte[] sig = signature(send, seq);
            send.seqNum = seq + 1;
            return sig;
        }
    }

    /** GSS_WrapEx: encrypts the seal buffers in place, in order, and returns the signature over the plaintext. */
    byte[] seal(List<SecBuffer> buffers) {
        synchronized (send) {
            int seq = send.seqNum;
            macSeq(send.mac, seq);
            for (SecBuffer b : buffers) {
                send.mac.update(b.data(), b.offset(), b.length());
                if (b.seal()) {
                    NtlmCrypto.rc4(send.handle, b.data(), b.offset(), b.length());
                }
            }
            byte[] sig = signature(send, seq);
            send.seqNum = seq + 1;
            return sig;
        }
    }

    /** GSS_VerifyMICEx. */
    void verify(List<SecBuffer> buffers, byte[] signature) {
        synchronized (recv) {
            checkUsable(signature);
            macSeq(recv.mac, recv.seqNum);
            for (SecBuffer b : buffers) {
                recv.mac.update(b.data(), b.offset(), b.length());
            }
            check(signature);
        }
    }

    /** GSS_UnwrapEx: decrypts the seal buffers in place, in order, then checks the signature over the plaintext. */
    void unseal(List<SecBuffer> buffers, byte[] signature) {
        synchronized (recv) {
            checkUsable(signature);
            macSeq(recv.mac, recv.seqNum);
            for (SecBuffer b : buffers) {
                if (b.seal()) {
                    NtlmCrypto.rc4(recv.handle, b.data(), b.offset(), b.length());
                }
                recv.mac.update(b.data(), b.offset(), b.length());
            }
            check(signature);
        }
    }

    private void checkUsable(byte[] signature) {
        if (recv.broken) {
            throw new AuthenticationException(AuthenticationException.SEC_E_MESSAGE_ALTERED,
                    "an earlier message failed verification; the NTLM receive stream is out of step");
        }
        if (signature == null || signature.length != SIGNATURE_SIZE) {
            throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                    "NTLMSSP_MESSAGE_SIGNATURE has " + SIGNATURE_SIZE + " bytes, got "
                            + (signature == null ? "none" : signature.length));
        }
    }

    private static void macSeq(Mac mac, int seq) {
        mac.update((byte) seq);
        mac.update((byte) (seq >>> 8));
        mac.update((byte) (seq >>> 16));
        mac.update((byte) (seq >>> 24));
    }

    /** Finishes the MAC of {@code d} into an NTLMSSP_MESSAGE_SIGNATURE. */
    private byte[] signature(Direction d, int seq) {
        byte[] h = d.mac.doFinal();
        byte[] sig = new byte[SIGNATURE_SIZE];
        sig[0] = 1; // Version
        System.arraycopy(h, 0, sig, 4, 8);
        if (keyExch) {
            NtlmCrypto.rc4(d.handle, sig, 4, 8);
        }
        putSeq(sig, seq);
        return sig;
    }

    private static void putSeq(byte[] sig, int seq) {
        sig[12] = (byte) seq;
        sig[13] = (byte) (seq >>> 8);
        sig[14] = (byte) (seq >>> 16);
        sig[15] = (byte) (seq >>> 24);
    }

    /** Compares the received signature with the expected one in constant time; advances SeqNum on success. */
    private void check(byte[] signature) {
        int expectedSeq = recv.seqNum;
        byte[] expected = signature(recv, expectedSeq);
        if (MessageDigest.isEqual(expected, signature)) {
            recv.seqNum = expectedSeq + 1;
            return;
        }
        recv.broken = true;
        int version = (signature[0] & 0xff) | (signature[1] & 0xff) << 8 | (signature[2] & 0xff) << 16
                | (signature[3] & 0xff) << 24;
        int seq = (signature[12] & 0xff) | (signature[13] & 0xff) << 8 | (signature[14] & 0xff) << 16
                | (signature[15] & 0xff) << 24;
        if (version != 1) {
            throw new AuthenticationException(AuthenticationException.SEC_E_MESSAGE_ALTERED,
                    "NTLMSSP_MESSAGE_SIGNATURE version " + Integer.toUnsignedString(version) + ", expected 1");
        }
        if (seq != expectedSeq) {
            throw new AuthenticationException(AuthenticationException.SEC_E_OUT_OF_SEQUENCE,
                    "message carries NTLM sequence number " + Integer.toUnsignedString(seq) + ", expected "
                            + Integer.toUnsignedString(expectedSeq) + " (replayed, reordered or lost message)");
        }
        throw new AuthenticationException(AuthenticationException.SEC_E_MESSAGE_ALTERED,
                "NTLM message signature does not verify (message " + Integer.toUnsignedString(expectedSeq)
                        + " altered in transit)");
    }
}
