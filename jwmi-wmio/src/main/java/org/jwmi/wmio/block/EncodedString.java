package org.jwmi.wmio.block;

import java.nio.charset.StandardCharsets;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.78 Encoded-String: a flag octet, the characters, and a terminating NUL character.
 *
 * <pre>
 * Encoded-String = Encoded-String-Flag *Character Null
 * </pre>
 *
 * <p>Flag 0x00: each character is one octet holding its code point (U+0000..U+00FF, not UTF-8), NUL is one octet.
 * Flag 0x01: UTF-16LE code units and a two-octet NUL. Encoders MUST compress when every character fits in one octet
 * ({@link #of(String)} does); the decoder accepts both forms and keeps the flag, so a received uncompressed string
 * is sent back unchanged. Unpaired surrogates are kept as they are.
 *
 * @param encodedStringFlag 0 (compressed) or 1 (UTF-16)
 * @param value             the characters, without the terminator; never contains U+0000
 */
public record EncodedString(int encodedStringFlag, String value) {
    /** Encoded-String-Flag of a compressed (one octet per character) string. */
    public static final int COMPRESSED = 0;
    /** Encoded-String-Flag of a UTF-16 string. */
    public static final int UNICODE = 1;

    public EncodedString {
        if (encodedStringFlag != COMPRESSED && encodedStringFlag != UNICODE) {
            throw new IllegalArgumentException("Encoded-String-Flag must be 0 or 1");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an Encoded-String cannot contain U+0000");
        }
        if (encodedStringFlag == COMPRESSED && !compressible(value)) {
            throw new IllegalArgumentException("characters above U+00FF need the UTF-16 form");
        }
    }

    /** The canonical encoding of {@code value}: compressed when every character is at most U+00FF. */
    public static EncodedString of(String value) {
        return new EncodedString(compressible(value) ? COMPRESSED : UNICODE, value);
    }

    /** True if every character of {@code s} is at most U+00FF. */
    public static boolean compressible(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** Octets of the encoding, flag and terminator included. */
    public int encodedLength() {
        return encodedStringFlag == COMPRESSED ? value.length() + 2 : 2 * value.length() + 3;
    }

    public void encode(WireWriter w) {
        w.u8(encodedStringFlag);
        if (encodedStringFlag == COMPRESSED) {
            w.bytes(value.getBytes(StandardCharsets.ISO_8859_1));
            w.u8(0);
        } else {
            for (int i = 0; i < value.length(); i++) {
                w.u16(value.charAt(i));
            }
            w.u16(0);
        }
    }

    /** Reads an Encoded-String that must end (terminator included) before {@code d}'s current limit. */
    static EncodedString decode(BlockDecoder d) {
        int flag = d.u8();
        byte[] buf = d.r.array();
        int start = d.r.arrayOffset();
        int avail = d.room();
        if (flag == COMPRESSED) {
            int n = 0;
            while (n < avail && buf[start + n] != 0) {
                n++;
            }
            if (n == avail) {
                throw d.fail(ProtocolException.Kind.BUFSIZE, "Encoded-String has no terminator");
            }
            String value = new String(buf, start, n, StandardCharsets.ISO_8859_1);
            d.skip(n + 1);
            return new EncodedString(COMPRESSED, value);
        }
        if (flag != UNICODE) {
            d.back(1);
            throw d.fail(ProtocolException.Kind.BAD_VALUE, "Encoded-String-Flag 0x" + Integer.toHexString(flag));
        }
        int units = avail / 2;
        int n = 0;
        while (n < units && (buf[start + 2 * n] | buf[start + 2 * n + 1]) != 0) {
            n++;
        }
        if (n == units) {
            throw d.fail(ProtocolException.Kind.BUFSIZE, "UTF-16 Encoded-String has no terminator");
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) ((buf[start + 2 * i] & 0xff) | (buf[start + 2 * i + 1] & 0xff) << 8);
        }
        d.skip(2 * n + 2);
        return new EncodedString(UNICODE, new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
