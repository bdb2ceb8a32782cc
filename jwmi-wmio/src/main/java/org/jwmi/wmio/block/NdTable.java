package org.jwmi.wmio.block;

/**
 * [MS-WMIO] 2.2.26 NdTable and 2.2.27 NullAndDefaultFlag: two bits per property, packed four to an octet, the
 * property with DeclarationOrder {@code i} in bits {@code 2i} and {@code 2i+1} of the table (the spec's examples
 * index by DeclarationOrder, not by PropertyLookupTable position). Unused bits of the last octet may hold anything
 * and are kept as received.
 *
 * <p>Bit 0 ({@link #NULL}): the value is NULL. Bit 1 ({@link #DEFAULT}): in a class, the default is inherited from
 * the superclass; in an instance, the property has not been set and takes the class's default.
 */
public final class NdTable {
    /** Bit 0 of a NullAndDefaultFlag. */
    public static final int NULL = 1;
    /** Bit 1 of a NullAndDefaultFlag. */
    public static final int DEFAULT = 2;

    private NdTable() {
    }

    /** The octet count for {@code propertyCount} properties: {@code (PropertyCount - 1) / 4 + 1}, 0 for none. */
    public static int length(int propertyCount) {
        return propertyCount == 0 ? 0 : (propertyCount - 1) / 4 + 1;
    }

    /** The two bits of property {@code index}. */
    public static int bits(Octets table, int index) {
        return table.get(index >> 2) >> ((index & 3) * 2) & 3;
    }

    /** Sets the two bits of property {@code index} in {@code table} (a table under construction). */
    public static void set(byte[] table, int index, int bits) {
        int shift = (index & 3) * 2;
        table[index >> 2] = (byte) ((table[index >> 2] & ~(3 << shift)) | (bits & 3) << shift);
    }
}
