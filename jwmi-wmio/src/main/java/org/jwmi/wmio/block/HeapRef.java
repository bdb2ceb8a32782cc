package org.jwmi.wmio.block;

/**
 * [MS-WMIO] 2.2.69 HeapRef: a 32-bit offset into the current heap; 0xFFFFFFFF is NULL; with the most significant
 * bit set (and not NULL) a reference to a string is a {@link DictionaryReference} ([MS-WMIO] 2.2.80) instead.
 */
public final class HeapRef {
    /** The NULL reference: no heap item. */
    public static final int NULL = 0xFFFFFFFF;
    /** The bit that marks a DictionaryReference. */
    public static final int DICTIONARY_BIT = 0x80000000;

    private HeapRef() {
    }

    public static boolean isNull(int ref) {
        return ref == NULL;
    }

    /** True if the reference is a dictionary reference (MSB set, not NULL). */
    public static boolean isDictionary(int ref) {
        return ref != NULL && (ref & DICTIONARY_BIT) != 0;
    }

    /** True if the reference is a plain offset into the heap. */
    public static boolean isOffset(int ref) {
        return (ref & DICTIONARY_BIT) == 0;
    }

    /** {@code ref} formatted as {@code 0x..} for paths and messages. */
    public static String format(int ref) {
        return "0x" + Integer.toHexString(ref);
    }
}
