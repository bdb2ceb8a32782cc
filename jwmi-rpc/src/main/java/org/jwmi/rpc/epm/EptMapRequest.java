package org.jwmi.rpc.epm;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-RPCE] 2.2.1.2.5 ept_map (opnum 3), the [in] parameters.
 * <pre>
 * void ept_map([in] handle_t hEpMapper,
 *              [in, ptr] UUID* obj,
 *              [in, ptr] twr_p_t map_tower,
 *              [in, out] ept_lookup_handle_t* entry_handle,
 *              [in, range(0,500)] unsigned long max_towers, ...);
 * </pre>
 *
 * @param obj         the object UUID, empty for NULL (the nil UUID means the same)
 * @param mapTower    the tower to find: interface, transfer syntax and protocol floors
 * @param entryHandle NULL on the first call, then the handle the previous response returned
 * @param maxTowers   how many towers the response may carry (0..500)
 */
public record EptMapRequest(Optional<UUID> obj, Optional<Twr> mapTower, NdrContextHandle entryHandle,
                            int maxTowers) {

    public EptMapRequest {
        Objects.requireNonNull(obj, "obj");
        Objects.requireNonNull(mapTower, "mapTower");
        Objects.requireNonNull(entryHandle, "entryHandle");
        if (maxTowers < 0 || maxTowers > Epm.MAX_ENTRIES) {
            throw new IllegalArgumentException("max_towers must be 0.." + Epm.MAX_ENTRIES);
        }
    }

    public static EptMapRequest decode(NdrReader r) {
        UUID obj = r.field("obj", s -> s.uniquePtr(NdrReader::uuid));
        Twr mapTower = r.field("map_tower", s -> s.uniquePtr(Twr::decode));
        NdrContextHandle entryHandle = r.field("entry_handle", NdrReader::contextHandle);
        int maxTowers = r.field("max_towers", s -> EptCodec.range(s, "max_towers", Epm.MAX_ENTRIES));
        r.expectEnd();
        return new EptMapRequest(Optional.ofNullable(obj), Optional.ofNullable(mapTower), entryHandle, maxTowers);
    }

    public void encode(NdrWriter w) {
        w.uniquePtr(obj.orElse(null), NdrWriter::uuid)
                .uniquePtr(mapTower.orElse(null), Twr::encode)
                .contextHandle(entryHandle)
                .u32(maxTowers);
    }

    /** Decodes a little-endian stub. */
    public static EptMapRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
