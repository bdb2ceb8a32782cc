package org.jwmi.cim.wql;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.cim.CimException;
import org.jwmi.cim.WbemStatus;

/**
 * A compiled LIKE pattern (WMI SDK "LIKE Operator"): {@code %} any run of characters, {@code _} any one
 * character, {@code [abc]} / {@code [a-f]} one character of a set or range, {@code [^...]} one character not in
 * it; anything else matches itself. {@code [_]}, {@code [%]} and {@code [[]} match the literal character. Matching
 * ignores case, as all WQL comparisons do. Immutable.
 */
public final class LikePattern {
    private enum Kind { CHAR, ONE, ANY, SET }

    private record Element(Kind kind, char c, char[] ranges, boolean negated) {
        boolean matches(char x) {
            switch (kind) {
                case CHAR:
                    return fold(x) == c;
                case ONE:
                    return true;
                case SET:
                    char f = fold(x);
                    boolean in = false;
                    for (int i = 0; i < ranges.length; i += 2) {
                        if (f >= ranges[i] && f <= ranges[i + 1]) {
                            in = true;
                            break;
                        }
                    }
                    return in != negated;
                default:
                    return false;
            }
        }
    }

    private final String text;
    private final Element[] elements;

    private LikePattern(String text, Element[] elements) {
        this.text = text;
        this.elements = elements;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @param position where the pattern literal starts in the query, for the error position
     * @throws CimException WBEM_E_INVALID_QUERY for an unclosed {@code [}
     */
    public static LikePattern compile(String pattern, int position) {
        List<Element> l = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '%') {
                if (l.isEmpty() || l.get(l.size() - 1).kind != Kind.ANY) {
                    l.add(new Element(Kind.ANY, c, null, false));
                }
                i++;
            } else if (c == '_') {
                l.add(new Element(Kind.ONE, c, null, false));
                i++;
            } else if (c == '[') {
                int start = i;
                i++;
                boolean neg = false;
                if (i < pattern.length() && pattern.charAt(i) == '^') {
                    neg = true;
                    i++;
                }
                List<Character> r = new ArrayList<>();
                boolean first = true;
                while (true) {
                    if (i >= pattern.length()) {
                        throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY, "unclosed '[' in LIKE pattern",
                                position < 0 ? -1 : position + 1 + start);
                    }
                    char x = pattern.charAt(i);
                    if (x == ']' && !first) {
                        i++;
                        break;
                    }
                    first = false;
                    if (i + 2 < pattern.length() && pattern.charAt(i + 1) == '-' && pattern.charAt(i + 2) != ']') {
                        char lo = fold(x);
                        char hi = fold(pattern.charAt(i + 2));
                        r.add(lo <= hi ? lo : hi);
                        r.add(lo <= hi ? hi : lo);
                        i += 3;
                    } else {
                        r.add(fold(x));
                        r.add(fold(x));
                        i++;
                    }
                }
                char[] ranges = new char[r.size()];
                for (int k = 0; k < ranges.length; k++) {
                    ranges[k] = r.get(k);
                }
                l.add(new Element(Kind.SET, '[', ranges, neg));
            } else {
                l.add(new Element(Kind.CHAR, fold(c), null, false));
                i++;
            }
        }
        return new LikePattern(pattern, l.toArray(new Element[0]));
    }

    public static LikePattern compile(String pattern) {
        return compile(pattern, -1);
    }

    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /** True if all of {@code s} matches the pattern (case-insensitive). Linear backtracking: O(|s|·|pattern|). */
    public boolean matches(String s) {
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            if (pi < elements.length && elements[pi].kind != Kind.ANY && elements[pi].matches(s.charAt(si))) {
                si++;
                pi++;
            } else if (pi < elements.length && elements[pi].kind == Kind.ANY) {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < elements.length && elements[pi].kind == Kind.ANY) {
            pi++;
        }
        return pi == elements.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LikePattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
