package org.jwmi.ndr;

import java.util.Objects;
import java.util.UUID;

/**
 * C706-digest 9.10 {@code ndr_context_handle}: a 20-byte opaque token ([MS-RPCE] 2.2.1.1.4), 4-aligned.
 *
 * <pre>
 * typedef struct { unsigned long context_handle_attributes; uuid_t context_handle_uuid; } ndr_context_handle;
 * </pre>
 *
 * @param contextHandleAttributes Windows sends 0
 * @param contextHandleUuid       identifies the server-side context; all zero (with attributes 0) means NULL
 */
public record NdrContextHandle(int contextHandleAttributes, UUID contextHandleUuid) {
    /** The NULL context handle: 20 zero bytes. */
    public static final NdrContextHandle NULL = new NdrContextHandle(0, new UUID(0, 0));

    public NdrContextHandle {
        Objects.requireNonNull(contextHandleUuid, "contextHandleUuid");
    }

    public boolean isNull() {
        return contextHandleAttributes == 0 && contextHandleUuid.getMostSignificantBits() == 0
                && contextHandleUuid.getLeastSignificantBits() == 0;
    }
}
