package org.jwmi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a password from a stream without ever making a {@link String} of it. */
final class PasswordInput {
    static final int MAX_BYTES = 1024;

    private PasswordInput() {
    }

    /**
     * Reads one line of UTF-8 (up to a newline or the end of the stream; a trailing CR LF or LF is dropped). The
     * caller wipes the result.
     */
    static char[] readLine(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_BYTES];
        int n = 0;
        try {
            while (true) {
                int b = in.read();
                if (b < 0 || b == '\n') {
                    if (b < 0 && n == 0) {
                        throw new IllegalArgumentException("no password on standard input");
                    }
                    break;
                }
                if (n == buf.length) {
                    throw new IllegalArgumentException("the password is longer than " + MAX_BYTES + " bytes");
                }
                buf[n++] = (byte) b;
            }
            if (n > 0 && buf[n - 1] == '\r') {
                n--;
            }
            if (n == 0) {
                throw new IllegalArgumentException("the password on standard input is empty");
            }
            CharBuffer chars;
            try {
                chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(buf, 0, n));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("the password on standard input is not valid UTF-8");
            }
            char[] out = new char[chars.remaining()];
            chars.get(out);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return out;
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
