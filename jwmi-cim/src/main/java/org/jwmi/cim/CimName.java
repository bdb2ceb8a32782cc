package org.jwmi.cim;

import java.util.Objects;

/**
 * The name of a CIM element (class, property, method, parameter, qualifier, namespace element): compared without
 * regard to case, as WMI compares names, while the spelling it was created with is kept for display and encoding.
 *
 * <p>Immutable; {@code equals}, {@code hashCode} and {@code compareTo} ignore case, so a {@code CimName} is the key
 * to use in maps of names.
 */
public final class CimName implements Comparable<CimName> {
    private final String text;
    private final int hash;

    private CimName(String text) {
        this.text = text;
        int h = 0;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + fold(text.charAt(i));
        }
        this.hash = h;
    }

    /** A name spelled {@code text}; must not be null or empty. */
    public static CimName of(String text) {
        Objects.requireNonNull(text, "name");
        if (text.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "empty name");
        }
        return new CimName(text);
    }

    /** {@code of(text)}, or null when {@code text} is null. */
    public static CimName ofNullable(String text) {
        return text == null ? null : of(text);
    }

    /** Same folding as {@link String#equalsIgnoreCase}, so that hash codes agree with equality. */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The name as it was spelled. */
    @Override
    public String toString() {
        return text;
    }

    /** The name as it was spelled. */
    public String text() {
        return text;
    }

    /** True if this name equals {@code other} ignoring case. */
    public boolean is(String other) {
        return other != null && text.equalsIgnoreCase(other);
    }

    /** True for names starting with two underscores (system classes and system properties). */
    public boolean isSystem() {
        return text.startsWith("__");
    }

    /**
     * True if the name is a WMI identifier: a letter or underscore followed by letters, digits and underscores
     * (letters include the Unicode range U+0080 and above, as MOF allows).
     */
    public boolean isIdentifier() {
        return isIdentifier(text);
    }

    /** True if {@code s} is an identifier in the sense of {@link #isIdentifier()}. */
    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CimName n && n.hash == hash && n.text.equalsIgnoreCase(text);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(CimName o) {
        int n = Math.min(text.length(), o.text.length());
        for (int i = 0; i < n; i++) {
            char a = fold(text.charAt(i));
            char b = fold(o.text.charAt(i));
            if (a != b) {
                return a - b;
            }
        }
        return text.length() - o.text.length();
    }
}
