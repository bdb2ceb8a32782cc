package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The custom unmarshalers known to a DCOM endpoint, keyed by the OBJREF_CUSTOM clsid ([MS-DCOM] 2.2.18.6). An
 * OBJREF_CUSTOM whose clsid has no codec here is kept as raw pObjectData bytes. Thread-safe; there is no global
 * instance: each client or server owns one.
 */
public final class CustomUnmarshalerRegistry {

    private final ConcurrentMap<UUID, CustomObjRefCodec<?>> codecs = new ConcurrentHashMap<>();

    /** An empty registry: every OBJREF_CUSTOM stays raw. */
    public CustomUnmarshalerRegistry() {
    }

    /**
     * A registry with DCOM's own unmarshalers: ActivationPropertiesIn and ActivationPropertiesOut (2.2.22), the
     * error object (2.2.21.2) and the context marshaler (2.2.20).
     */
    public static CustomUnmarshalerRegistry withDcomDefaults() {
        return new CustomUnmarshalerRegistry()
                .register(ActivationProperties.IN_CODEC)
                .register(ActivationProperties.OUT_CODEC)
                .register(ErrorObjectData.CODEC)
                .register(Context.CODEC);
    }

    /**
     * Adds {@code codec}. Registering the same codec twice is harmless; a different codec for a CLSID that
     * already has one is an {@link IllegalStateException}.
     */
    public CustomUnmarshalerRegistry register(CustomObjRefCodec<?> codec) {
        Objects.requireNonNull(codec, "codec");
        CustomObjRefCodec<?> old = codecs.putIfAbsent(codec.clsid(), codec);
        if (old != null && old != codec) {
            throw new IllegalStateException("CLSID " + codec.clsid() + " already has " + old);
        }
        return this;
    }

    /** The codec registered for {@code clsid}. */
    public Optional<CustomObjRefCodec<?>> lookup(UUID clsid) {
        return Optional.ofNullable(codecs.get(clsid));
    }

    /** The CLSIDs that have a codec. */
    public Set<UUID> clsids() {
        return Set.copyOf(codecs.keySet());
    }
}
