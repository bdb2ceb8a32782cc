package org.jwmi.wire;

import java.util.HexFormat;

/** Hex conversions for vectors, tests and diagnostics. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] b) {
        return LOWER.formatHex(b);
    }

    public static String encode(byte[] b, int off, int len) {
        return LOWER.formatHex(b, off, off + len);
    }

    /**
     * Parses hex, ignoring whitespace, {@code :} separators, and comments that run from {@code #} or {@code //}
     * to the end of a line; a vector file with a header can be passed as is.
     */
    public static byte[] decode(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.toString().split("\\R")) {
            int c = line.indexOf('#');
            int s = line.indexOf("//");
            int cut = c < 0 ? s : (s < 0 ? c : Math.min(c, s));
            String data = cut < 0 ? line : line.substring(0, cut);
            for (int i = 0; i < data.length(); i++) {
                char ch = data.charAt(i);
                if (Character.digit(ch, 16) >= 0) {
                    sb.append(ch);
                } else if (!Character.isWhitespace(ch) && ch != ':') {
                    throw new IllegalArgumentException("not a hex digit: '" + ch + "'");
                }
            }
        }
        if (sb.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        return LOWER.parseHex(sb);
    }

    /** A classic 16-bytes-per-line dump with offsets, for logs and failure messages. */
    public static String dump(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i += 16) {
            sb.append(String.format("%04x:", i));
            for (int j = i; j < Math.min(i + 16, b.length); j++) {
                sb.append(' ').append(LOWER.toHexDigits(b[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
