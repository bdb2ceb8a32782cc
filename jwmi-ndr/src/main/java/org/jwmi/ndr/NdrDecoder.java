package org.jwmi.ndr;

/**
 * Decodes one value of an IDL type from an {@link NdrReader}. A decoder is a pure function of the bytes: it may be
 * run twice over the same bytes (see {@link NdrReader} on deferred referents), so it must not have side effects
 * and must not reject a {@code null} pointer value on its own.
 *
 * @param <T> the Java type of the decoded value
 */
@FunctionalInterface
public interface NdrDecoder<T> {
    T decode(NdrReader r);
}
