package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jwmi.wire.Limits;

/**
 * Decodes and encodes the pObjectData of an [MS-DCOM] 2.2.18.6 OBJREF_CUSTOM whose clsid is {@link #clsid()}.
 * Upper layers register theirs with a {@link CustomUnmarshalerRegistry} (WMI adds IWbemClassObject and
 * IWbemContext); DCOM's own are activation properties, error objects and contexts.
 *
 * <p>{@link #decode(byte[], Limits)} must fail only with {@link org.jwmi.wire.ProtocolException} and must have no
 * side effects.
 *
 * @param <T> the decoded type
 */
public interface CustomObjRefCodec<T> {

    /** The unmarshaler CLSID this codec handles (OBJREF_CUSTOM.clsid). */
    UUID clsid();

    /** The type {@link #decode} returns. */
    Class<T> type();

    /** Decodes the whole of pObjectData. */
    T decode(byte[] pObjectData, Limits limits);

    /** Encodes {@code value} as pObjectData. */
    byte[] encode(T value);

    /** A codec from two functions. */
    static <T> CustomObjRefCodec<T> of(UUID clsid, Class<T> type, BiFunction<byte[], Limits, T> decoder,
                                       Function<T, byte[]> encoder) {
        Objects.requireNonNull(clsid, "clsid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(encoder, "encoder");
        return new CustomObjRefCodec<>() {
            @Override
            public UUID clsid() {
                return clsid;
            }

            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public T decode(byte[] pObjectData, Limits limits) {
                return decoder.apply(pObjectData, limits);
            }

            @Override
            public byte[] encode(T value) {
                return encoder.apply(value);
            }

            @Override
            public String toString() {
                return "CustomObjRefCodec[" + clsid + " -> " + type.getSimpleName() + "]";
            }
        };
    }
}
