package org.jwmi.ndr;

/**
 * The type of a union discriminant ({@code [switch_type(T)]} or the {@code switch (T d)} of an encapsulated
 * union), C706-digest 9.8: an integer, char, boolean or enum, aligned to its own size.
 */
public enum SwitchType {
    /** {@code small} / {@code __int8}: 1 byte, signed. */
    SMALL(1, true),
    /** {@code unsigned small}, {@code char}, {@code boolean}, {@code byte}: 1 byte, unsigned. */
    USMALL(1, false),
    /** {@code short}: 2 bytes, signed. */
    SHORT(2, true),
    /** {@code unsigned short}, {@code USHORT}, {@code WORD}, default 16-bit {@code enum}: 2 bytes, unsigned. */
    USHORT(2, false),
    /** {@code long}, {@code int}, {@code [v1_enum]} enum: 4 bytes, signed. */
    LONG(4, true),
    /** {@code unsigned long}, {@code ULONG}, {@code DWORD}: 4 bytes, unsigned. */
    ULONG(4, false),
    /** {@code hyper}: 8 bytes. */
    HYPER(8, true);

    private final int size;
    private final boolean signed;

    SwitchType(int size, boolean signed) {
        this.size = size;
        this.signed = signed;
    }

    /** Size on the wire in bytes, which is also its alignment. */
    public int size() {
        return size;
    }

    public boolean isSigned() {
        return signed;
    }
}
