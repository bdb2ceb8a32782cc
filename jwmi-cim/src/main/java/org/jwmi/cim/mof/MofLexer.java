package org.jwmi.cim.mof;

import java.math.BigInteger;

/**
 * Splits MOF text into tokens (WMI SDK "Managed Object Format (MOF)", "MOF Data Types", "Numbers", "MOF strings",
 * "Creating a Comment"; DMTF DSP0004 appendix A for the lexical rules mofcomp shares).
 *
 * <ul>
 *   <li>Comments {@code //...} to the end of the line and {@code /* ... *&#47;}; white space; a leading U+FEFF.</li>
 *   <li>Identifiers: a letter, {@code _} or a character from U+0080 up, then also digits. Keywords are
 *       identifiers the parser compares without regard to case.</li>
 *   <li>Integers: decimal, {@code 0x} hexadecimal, octal with a leading 0, binary with a trailing {@code b}/{@code B}.
 *       Reals: {@code 3.14}, {@code .5}, {@code -1.2778E+02}, {@code 2e3}. A sign is a separate token.</li>
 *   <li>Strings {@code "..."} and characters {@code '.'} with the escapes {@code \b \t \n \f \r \" \' \\} and
 *       {@code \x}/{@code \X} followed by one to four hexadecimal digits. A string may not span lines.</li>
 *   <li>Aliases {@code $name}; punctuation {@code { } [ ] ( ) ; , : = # + -}.</li>
 * </ul>
 */
final class MofLexer {

    enum Kind { IDENT, INT, REAL, STRING, CHAR, ALIAS, LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN, SEMI, COMMA,
        COLON, EQ, HASH, MINUS, PLUS, EOF }

    /**
     * A token. {@code text} is the identifier, alias name (no dollar), string value (escapes applied), the
     * literal text of a number, or the punctuation; {@code intValue} is set for INT.
     */
    record Token(Kind kind, String text, BigInteger intValue, int offset, int end) {
        boolean is(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }

        boolean is(Kind k) {
            return kind == k;
        }

        String describe() {
            return switch (kind) {
                case EOF -> "end of file";
                case STRING -> "string \"" + clip(text) + "\"";
                case CHAR -> "character literal";
                case ALIAS -> "alias $" + text;
                case IDENT -> "'" + clip(text) + "'";
                default -> "'" + clip(text) + "'";
            };
        }

        private static String clip(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "..." : s;
        }
    }

    private final SourceText src;
    private final String s;
    private int i;

    MofLexer(SourceText src) {
        this.src = src;
        this.s = src.text();
        this.i = s.startsWith("\uFEFF") ? 1 : 0;
    }


    private MofFailure error(MofErrorCode code, int at, String msg) {
        return MofFailure.of(src, at, code, msg);
    }

    /** The next token; EOF at the end (and again after it). */
    Token next() {
        skipSpaceAndComments();
        int start = i;
        if (i >= s.length()) {
            return new Token(Kind.EOF, "", null, start, start);
        }
        char c = s.charAt(i);
        if (isIdentStart(c)) {
            while (i < s.length() && isIdentPart(s.charAt(i))) {
                i++;
            }
            return new Token(Kind.IDENT, s.substring(start, i), null, start, i);
        }
        if (c >= '0' && c <= '9' || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
            return number();
        }
        switch (c) {
            case '"':
                return string();
            case '\'':
                return character();
            case '$': {
                i++;
                if (i >= s.length() || !isIdentStart(s.charAt(i))) {
                    throw error(MofErrorCode.WBEMMOF_E_EXPECTED_ALIAS_NAME, start,
                            "'$' must be followed by an alias name");
                }
                int n = i;
                while (i < s.length() && isIdentPart(s.charAt(i))) {
                    i++;
                }
                return new Token(Kind.ALIAS, s.substring(n, i), null, start, i);
            }
            default:
                break;
        }
        Kind k = switch (c) {
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case '[' -> Kind.LBRACK;
            case ']' -> Kind.RBRACK;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case ';' -> Kind.SEMI;
            case ',' -> Kind.COMMA;
            case ':' -> Kind.COLON;
            case '=' -> Kind.EQ;
            case '#' -> Kind.HASH;
            case '-' -> Kind.MINUS;
            case '+' -> Kind.PLUS;
            default -> null;
        };
        if (k == null) {
            throw error(MofErrorCode.WBEMMOF_E_UNRECOGNIZED_TOKEN, start, "unexpected character " + show(c));
        }
        i++;
        return new Token(k, String.valueOf(c), null, start, i);
    }

    private static String show(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private void skipSpaceAndComments() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B) {
                i++;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw error(MofErrorCode.WBEMMOF_E_UNRECOGNIZED_TOKEN, i, "comment '/*' is not closed by '*/'");
                }
                i = end + 2;
            } else {
                return;
            }
        }
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80 && c != '\uFEFF';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private Token number() {
        int start = i;
        if (s.charAt(i) == '0' && i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            i += 2;
            int digits = i;
            while (i < s.length() && isHex(s.charAt(i))) {
                i++;
            }
            if (i == digits) {
                throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, start, "'0x' must be followed by hexadecimal digits");
            }
            endOfNumber(start);
            return new Token(Kind.INT, s.substring(start, i), new BigInteger(s.substring(digits, i), 16), start, i);
        }
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        int intEnd = i;
        boolean real = false;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            int frac = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == frac) {
                throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, start, "a real needs digits after '.'");
            }
            real = true;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == exp) {
                i = save;
            } else {
                real = true;
            }
        }
        if (real) {
            endOfNumber(start);
            return new Token(Kind.REAL, s.substring(start, i), null, start, i);
        }
        String digits = s.substring(start, intEnd);
        if (i < s.length() && (s.charAt(i) == 'b' || s.charAt(i) == 'B')
                && (i + 1 >= s.length() || !isIdentPart(s.charAt(i + 1)))) {
            for (int k = 0; k < digits.length(); k++) {
                if (digits.charAt(k) != '0' && digits.charAt(k) != '1') {
                    throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, start,
                            "binary constant " + digits + "b may contain only 0 and 1");
                }
            }
            i++;
            return new Token(Kind.INT, s.substring(start, i), new BigInteger(digits, 2), start, i);
        }
        endOfNumber(start);
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            for (int k = 1; k < digits.length(); k++) {
                if (digits.charAt(k) > '7') {
                    throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, start,
                            "octal constant " + digits + " may contain only the digits 0 to 7");
                }
            }
            return new Token(Kind.INT, digits, new BigInteger(digits.substring(1), 8), start, i);
        }
        return new Token(Kind.INT, digits, new BigInteger(digits), start, i);
    }

    private void endOfNumber(int start) {
        if (i < s.length() && (isIdentPart(s.charAt(i)) || s.charAt(i) == '.')) {
            int j = i;
            while (j < s.length() && (isIdentPart(s.charAt(j)) || s.charAt(j) == '.') && j - start < 40) {
                j++;
            }
            throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, start,
                    "'" + s.substring(start, j) + "' is not a valid number");
        }
    }

    private Token string() {
        int start = i;
        i++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length() || s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, start,
                        "string is not closed by '\"' before the end of the line");
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return new Token(Kind.STRING, sb.toString(), null, start, i);
            }
            if (c == '\\') {
                sb.append(escape());
            } else {
                sb.append(c);
                i++;
            }
        }
    }

    private Token character() {
        int start = i;
        i++;
        if (i >= s.length() || s.charAt(i) == '\'' || s.charAt(i) == '\n' || s.charAt(i) == '\r') {
            throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, start, "a character literal holds one character");
        }
        char v;
        if (s.charAt(i) == '\\') {
            v = escape();
        } else {
            v = s.charAt(i++);
        }
        if (i >= s.length() || s.charAt(i) != '\'') {
            throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, start,
                    "a character literal holds one character and ends with '");
        }
        i++;
        return new Token(Kind.CHAR, String.valueOf(v), null, start, i);
    }

    /** At a backslash: the escaped character. */
    private char escape() {
        int at = i;
        i++;
        if (i >= s.length()) {
            throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, at, "escape '\\' at the end of the text");
        }
        char c = s.charAt(i++);
        switch (c) {
            case 'b': return '\b';
            case 't': return '\t';
            case 'n': return '\n';
            case 'f': return '\f';
            case 'r': return '\r';
            case '"': return '"';
            case '\'': return '\'';
            case '\\': return '\\';
            case 'x':
            case 'X': {
                int v = 0;
                int n = 0;
                while (n < 4 && i < s.length() && isHex(s.charAt(i))) {
                    v = v * 16 + Character.digit(s.charAt(i), 16);
                    i++;
                    n++;
                }
                if (n == 0) {
                    throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, at,
                            "escape '\\" + c + "' must be followed by 1 to 4 hexadecimal digits");
                }
                return (char) v;
            }
            default:
                throw error(MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, at, "unknown escape '\\" + show(c)
                        .replace("'", "") + "' (use \\b \\t \\n \\f \\r \\\" \\' \\\\ or \\xHHHH)");
        }
    }
}
