package org.jwmi.ndr;

/**
 * Chooses a union arm from its discriminant: returns the arm's decoder, or {@code null} when no case matches and
 * the union has no {@code [default]} (which the reader reports as {@code BAD_SWITCH}). An empty arm is a decoder
 * that reads nothing.
 *
 * @param <T> the Java type of the decoded union
 */
@FunctionalInterface
public interface UnionArms<T> {
    NdrDecoder<T> arm(long discriminant);
}
