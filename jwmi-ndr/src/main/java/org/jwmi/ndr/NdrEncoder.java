package org.jwmi.ndr;

/**
 * Encodes one value of an IDL type onto an {@link NdrWriter}; {@code NdrWriter::stringW} is one.
 *
 * @param <T> the Java type of the value
 */
@FunctionalInterface
public interface NdrEncoder<T> {
    void encode(NdrWriter w, T value);
}
