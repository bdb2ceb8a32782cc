package org.jwmi.auth.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * [MS-NLMP] 6 Appendix A primitives (HMAC_MD5, MD5, RC4 from the JDK) and the NTLMv2 and session-security
 * computations built on them: 3.3.2 ComputeResponse, 3.4.5 KXKEY / SIGNKEY / SEALKEY.
 */
final class NtlmCrypto {

    /** 100 ns ticks between 1601-01-01 and 1970-01-01. */
    private static final long FILETIME_EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private static final byte[] CLIENT_SIGN_MAGIC =
            cString("session key to client-to-server signing key magic constant");
    private static final byte[] SERVER_SIGN_MAGIC =
            cString("session key to server-to-client signing key magic constant");
    private static final byte[] CLIENT_SEAL_MAGIC =
            cString("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SEAL_MAGIC =
            cString("session key to server-to-client sealing key magic constant");

    private NtlmCrypto() {
    }

    private static byte[] cString(String s) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(a, a.length + 1);
    }

    /** HMAC_MD5(K, M) over the concatenation of {@code parts}. */
    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        Mac mac = newHmacMd5(key);
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    static Mac newHmacMd5(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is not available in this JDK", e);
        }
    }

    /** MD5 over the concatenation of {@code parts}. */
    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JDK", e);
        }
    }

    /** RC4Init: a handle whose keystream continues across calls. */
    static Cipher rc4Init(byte[] key) {
        try {
            Cipher c = Cipher.getInstance("ARCFOUR");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ARCFOUR is not available in this JDK", e);
        }
    }

    /** RC4(Handle, D) in place. */
    static void rc4(Cipher handle, byte[] data, int off, int len) {
        if (len == 0) {
            return;
        }
        try {
            handle.update(data, off, len, data, off);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RC4 failed", e);
        }
    }

    /** RC4K(K, D): a one-time RC4 instance. */
    static byte[] rc4k(byte[] key, byte[] data) {
        byte[] out = data.clone();
        rc4(rc4Init(key), out, 0, out.length);
        return out;
    }

    /** NTProofStr = HMAC_MD5(ResponseKeyNT, ConcatenationOf(ServerChallenge, temp)). */
    static byte[] ntProofStr(byte[] responseKeyNt, byte[] serverChallenge, byte[] temp) {
        return hmacMd5(responseKeyNt, serverChallenge, temp);
    }

    /** LMv2 response: HMAC_MD5(ResponseKeyLM, ServerChallenge || ClientChallenge) || ClientChallenge. */
    static byte[] lmV2Response(byte[] responseKeyLm, byte[] serverChallenge, byte[] clientChallenge) {
        byte[] h = hmacMd5(responseKeyLm, serverChallenge, clientChallenge);
        byte[] out = Arrays.copyOf(h, 24);
        System.arraycopy(clientChallenge, 0, out, 16, 8);
        return out;
    }

    /** SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr); with NTLMv2 it is also the KeyExchangeKey. */
    static byte[] sessionBaseKey(byte[] responseKeyNt, byte[] ntProofStr) {
        return hmacMd5(responseKeyNt, ntProofStr);
    }

    /** [MS-NLMP] 3.4.5.2 SIGNKEY with extended session security. */
    static byte[] signKey(byte[] exportedSessionKey, boolean client) {
        return md5(exportedSessionKey, client ? CLIENT_SIGN_MAGIC : SERVER_SIGN_MAGIC);
    }

    /** [MS-NLMP] 3.4.5.3 SEALKEY with extended session security: 128, 56 or 40 bits of the exported key. */
    static byte[] sealKey(NegotiateFlags negFlg, byte[] exportedSessionKey, boolean client) {
        byte[] k;
        if (negFlg.has(NegotiateFlag.NTLMSSP_NEGOTIATE_128)) {
            k = exportedSessionKey;
        } else if (negFlg.has(NegotiateFlag.NTLMSSP_NEGOTIATE_56)) {
            k = Arrays.copyOf(exportedSessionKey, 7);
        } else {
            k = Arrays.copyOf(exportedSessionKey, 5);
        }
        return md5(k, client ? CLIENT_SEAL_MAGIC : SERVER_SEAL_MAGIC);
    }

    /** An instant as a FILETIME (100 ns ticks since 1601-01-01 UTC). */
    static long fileTime(Instant t) {
        return (t.getEpochSecond() + FILETIME_EPOCH_DIFF_SECONDS) * 10_000_000L + t.getNano() / 100;
    }
}
