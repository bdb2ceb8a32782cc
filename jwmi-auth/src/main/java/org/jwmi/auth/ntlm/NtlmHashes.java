package org.jwmi.auth.ntlm;

import java.util.Arrays;

import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * [MS-NLMP] 3.3.1 and 3.3.2: the one-way functions that turn a password into the keys NTLM uses. NTOWFv1 is MD4 of
 * the UTF-16LE password (the "NT hash" account stores keep); NTOWFv2 keys HMAC-MD5 with it over the upper-cased
 * user name and the domain.
 */
public final class NtlmHashes {

    private NtlmHashes() {
    }

    /**
     * [MS-NLMP] 3.3.1 NTOWFv1: {@code MD4(UNICODE(Passwd))}. The intermediate UTF-16LE copy is wiped.
     *
     * @param password the password; not modified
     * @return the 16-byte NT hash
     */
    public static byte[] ntOwfV1(char[] password) {
        byte[] utf16 = utf16le(password);
        try {
            return md4(utf16);
        } finally {
            Arrays.fill(utf16, (byte) 0);
        }
    }

    /**
     * [MS-NLMP] 3.3.2 NTOWFv2: {@code HMAC_MD5(NTOWFv1, UNICODE(ConcatenationOf(Uppercase(User), UserDom)))}.
     * The user name is upper-cased one UTF-16 unit at a time, as Windows does (so the length never changes).
     *
     * @param ntHash the 16-byte NTOWFv1 value
     * @param user   the user name as sent (upper-cased here)
     * @param domain the domain name as sent (not upper-cased)
     */
    public static byte[] ntOwfV2(byte[] ntHash, String user, String domain) {
        char[] chars = new char[user.length() + domain.length()];
        for (int i = 0; i < user.length(); i++) {
            chars[i] = Character.toUpperCase(user.charAt(i));
        }
        domain.getChars(0, domain.length(), chars, user.length());
        byte[] unicode = utf16le(chars);
        try {
            return NtlmCrypto.hmacMd5(ntHash, unicode);
        } finally {
            Arrays.fill(unicode, (byte) 0);
        }
    }

    /** [MS-NLMP] 3.3.2 NTOWFv2 from a password. */
    public static byte[] ntOwfV2(char[] password, String user, String domain) {
        byte[] nt = ntOwfV1(password);
        try {
            return ntOwfV2(nt, user, domain);
        } finally {
            Arrays.fill(nt, (byte) 0);
        }
    }

    /** MD4 ([RFC1320]) of {@code data}. */
    static byte[] md4(byte[] data) {
        MD4Digest d = new MD4Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /** UNICODE(): each UTF-16 code unit little-endian, unpaired surrogates included as they are. */
    private static byte[] utf16le(char[] chars) {
        byte[] out = new byte[chars.length * 2];
        for (int i = 0; i < chars.length; i++) {
            out[2 * i] = (byte) chars[i];
            out[2 * i + 1] = (byte) (chars[i] >>> 8);
        }
        return out;
    }
}
