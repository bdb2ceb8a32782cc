package org.jwmi.wmi.marshal;

import java.util.Objects;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;

/**
 * Plugs the WMI custom marshalers into DCOM: [MS-WMI] 2.2.4 IWbemClassObject and 2.2.13 IWbemContext.
 */
public final class WmiMarshalers {

    private WmiMarshalers() {
    }

    /** Registers both codecs in {@code registry} (idempotent) and returns it. */
    public static CustomUnmarshalerRegistry register(CustomUnmarshalerRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return registry.register(WbemClassObjectMarshaler.CODEC).register(WbemContextBuffer.CODEC);
    }

    /** A registry with DCOM's defaults and the WMI marshalers. */
    public static CustomUnmarshalerRegistry withWmi() {
        return register(CustomUnmarshalerRegistry.withDcomDefaults());
    }
}
