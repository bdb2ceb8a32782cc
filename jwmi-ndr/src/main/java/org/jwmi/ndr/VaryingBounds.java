package org.jwmi.ndr;

/**
 * The variance of a varying or conformant varying array, C706-digest 9.4: the index of the first element sent
 * and how many are sent.
 *
 * @param offset      index of the first transmitted element
 * @param actualCount number of transmitted elements
 */
public record VaryingBounds(int offset, int actualCount) {
    public VaryingBounds {
        if (offset < 0 || actualCount < 0) {
            throw new IllegalArgumentException("negative varying bounds");
        }
    }
}
