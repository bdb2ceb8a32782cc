package org.jwmi.dcom.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An activation property whose CLSID this package does not know: its serialized bytes (the whole pSizes entry)
 * are kept and sent back unchanged.
 *
 * @param clsid      the CLSID from CustomHeader.pclsid
 * @param serialized the property's bytes as found in the blob (not copied; do not modify)
 */
public record UnknownActivationProperty(UUID clsid, byte[] serialized) implements ActivationProperty {

    public UnknownActivationProperty {
        Objects.requireNonNull(clsid, "clsid");
        Objects.requireNonNull(serialized, "serialized");
    }

    @Override
    public byte[] serialize() {
        return serialized.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownActivationProperty u && clsid.equals(u.clsid)
                && Arrays.equals(serialized, u.serialized);
    }

    @Override
    public int hashCode() {
        return clsid.hashCode() * 31 + Arrays.hashCode(serialized);
    }

    @Override
    public String toString() {
        return "UnknownActivationProperty[clsid=" + clsid + ", " + serialized.length + " bytes]";
    }
}
