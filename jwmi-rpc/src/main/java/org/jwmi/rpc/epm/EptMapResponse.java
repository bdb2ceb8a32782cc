package org.jwmi.rpc.epm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.VaryingBounds;

/**
 * [MS-RPCE] 2.2.1.2.5 ept_map (opnum 3), the [out] parameters. ITowers travels as a conformant varying array of
 * tower pointers ("no wire impact" of the [ptr] Windows adds, [MS-RPCE] 2.2.1.2.5).
 * <pre>
 *   [in, out] ept_lookup_handle_t* entry_handle,
 *   [out] unsigned long* num_towers,
 *   [out, ptr, size_is(max_towers), length_is(*num_towers)] twr_p_t* ITowers,
 *   [out] error_status* status
 * </pre>
 *
 * @param entryHandle NULL when there is nothing more to fetch, else the handle for the next call
 * @param maxTowers   the conformance of ITowers (the request's max_towers)
 * @param towers      the towers returned (empty elements for NULL pointers); num_towers is their number
 * @param status      0, or {@link Epm#EPT_S_NOT_REGISTERED} when nothing matched
 */
public record EptMapResponse(NdrContextHandle entryHandle, int maxTowers, List<Optional<Twr>> towers, int status) {

    public EptMapResponse {
        Objects.requireNonNull(entryHandle, "entryHandle");
        towers = List.copyOf(towers);
        if (towers.size() > maxTowers) {
            throw new IllegalArgumentException(towers.size() + " towers exceed max_towers " + maxTowers);
        }
    }

    private record Sized(int maxCount, List<Twr> elements) {
    }

    public static EptMapResponse decode(NdrReader r) {
        NdrContextHandle entryHandle = r.field("entry_handle", NdrReader::contextHandle);
        long numTowers = r.field("num_towers", NdrReader::u32);
        Sized towers = r.field("ITowers", s -> {
            int maxCount = s.maxCount();
            VaryingBounds b = EptCodec.lengthIs(s, maxCount, numTowers);
            return new Sized(maxCount, s.fixedArray(b.actualCount(), e -> e.uniquePtr(Twr::decode)));
        });
        int status = (int) r.field("status", NdrReader::u32).longValue();
        r.expectEnd();
        List<Optional<Twr>> out = new ArrayList<>(towers.elements().size());
        for (Twr t : towers.elements()) {
            out.add(Optional.ofNullable(t));
        }
        return new EptMapResponse(entryHandle, towers.maxCount(), out, status);
    }

    public void encode(NdrWriter w) {
        w.contextHandle(entryHandle)
                .u32(towers.size())
                .conformantVaryingArray(maxTowers, towers, (a, t) -> a.uniquePtr(t.orElse(null), Twr::encode))
                .u32(status & 0xffffffffL);
    }

    /** Decodes a little-endian stub. */
    public static EptMapResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
