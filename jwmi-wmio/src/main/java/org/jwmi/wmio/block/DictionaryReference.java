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

    private final String text;

    DictionaryReference(String text) {
        this.text = text;
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
        String n = name.toLowerCase(Locale.ROOT);
        for (DictionaryReference d : values()) {
            if (d != QUOTE && d != EMPTY_QUOTES && d.text.toLowerCase(Locale.ROOT).equals(n)) {
                return d;
            }
        }
        return null;
    }
}
