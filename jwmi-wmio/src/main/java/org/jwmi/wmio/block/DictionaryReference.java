package org.jwmi.wmio.block;

import java.util.Locale;

/**
 * [MS-WMIO] 2.2.80 DictionaryReference: the common strings a HeapStringRef may name by ordinal instead of pointing
 * into the heap (the reference value is {@code 0x80000000 | ordinal}).
 *
 * <p>The spec lists ordinal 0 as the quote character and ordinal 2 as {@code ""}; both are decoded as printed.
 * Windows uses the dictionary for qualifier names (e.g. {@code CIMTYPE}, {@code key}, {@code read}) matched without
 * regard to case (the {@code Key} qualifier of the CIM schema is sent as ordinal 1); it does not use it for values
 * ({@code CIMWin32} is sent as a heap string in Win32_Process). {@link #forQualifierName} reflects that.
 */
public enum DictionaryReference {
    QUOTE("\""),
    KEY("key"),
    EMPTY_QUOTES("\"\""),
    READ("read"),
    WRITE("write"),
    VOLATILE("volatile"),
    PROVIDER("provider"),
    DYNAMIC("dynamic"),
    CIMWIN32("cimwin32"),
    DWORD("DWORD"),
    CIMTYPE("CIMTYPE");

    /** The entries {@link #forQualifierName} may return: all but the quote strings. */
    private static final DictionaryReference[] NAMED = {KEY, READ, WRITE, VOLATILE, PROVIDER, DYNAMIC, CIMWIN32,
        DWORD, CIMTYPE};

    private final String text;
    private final String lower;

    DictionaryReference(String text) {
        this.text = text;
        this.lower = text.toLowerCase(Locale.ROOT);
    }

    /** The string this ordinal stands for. */
    public String text() {
        return text;
    }

    /** The ordinal as it appears in the low 31 bits of the reference. */
    public int index() {
        return ordinal();
    }

    /** The 32-bit HeapStringRef value ({@code 0x80000000 | ordinal}). */
    public int ref() {
        return HeapRef.DICTIONARY_BIT | ordinal();
    }

    /** The entry with ordinal {@code index}, or null when the ordinal is outside the dictionary. */
    public static DictionaryReference byIndex(int index) {
        DictionaryReference[] all = values();
        return index >= 0 && index < all.length ? all[index] : null;
    }

    /**
     * The entry Windows would use for a qualifier named {@code name}, or null: the named entries (key, read, write,
     * volatile, provider, dynamic, cimwin32, DWORD, CIMTYPE) compared without regard to case.
     */
    public static DictionaryReference forQualifierName(String name) {
        if (isAscii(name)) {
            for (DictionaryReference d : NAMED) {
                if (d.text.length() == name.length() && d.text.equalsIgnoreCase(name)) {
                    return d;
                }
            }
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (DictionaryReference d : NAMED) {
            if (d.lower.equals(n)) {
                return d;
            }
        }
        return null;
    }

    /**
     * For ASCII text, ignoring case as {@link String#equalsIgnoreCase} does is the same as comparing
     * {@link Locale#ROOT} lower case; other text takes the lower-casing path (which may change its length).
     */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
