package org.jwmi.rpc.epm;

import java.util.List;
import java.util.Objects;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.VaryingBounds;

/**
 * [MS-RPCE] 2.2.1.2.4 ept_lookup (opnum 2), the [out] parameters.
 * <pre>
 *   [in, out] ept_lookup_handle_t* entry_handle,
 *   [out] unsigned long* num_ents,
 *   [out, length_is(*num_ents), size_is(max_ents)] ept_entry_t entries[],
 *   [out] error_status* status
 * </pre>
 *
 * @param entryHandle NULL when there is nothing more to fetch, else the handle for the next call
 * @param maxEnts     the conformance of entries (the request's max_ents)
 * @param entries     the elements returned; num_ents is their number
 * @param status      0, or {@link Epm#EPT_S_NOT_REGISTERED} when nothing matched
 */
public record EptLookupResponse(NdrContextHandle entryHandle, int maxEnts, List<EptEntry> entries, int status) {

    public EptLookupResponse {
        Objects.requireNonNull(entryHandle, "entryHandle");
        entries = List.copyOf(entries);
        if (entries.size() > maxEnts) {
            throw new IllegalArgumentException(entries.size() + " entries exceed max_ents " + maxEnts);
        }
    }

    public static EptLookupResponse decode(NdrReader r) {
        NdrContextHandle entryHandle = r.field("entry_handle", NdrReader::contextHandle);
        long numEnts = r.field("num_ents", NdrReader::u32);
        Sized entries = r.field("entries", s -> {
            int maxCount = s.maxCount();
            VaryingBounds b = EptCodec.lengthIs(s, maxCount, numEnts);
            return new Sized(maxCount, s.fixedArray(b.actualCount(), EptEntry::decode));
        });
        int status = (int) r.field("status", NdrReader::u32).longValue();
        r.expectEnd();
        return new EptLookupResponse(entryHandle, entries.maxCount(), entries.elements(), status);
    }

    private record Sized(int maxCount, List<EptEntry> elements) {
    }

    public void encode(NdrWriter w) {
        w.contextHandle(entryHandle)
                .u32(entries.size())
                .conformantVaryingArray(maxEnts, entries, EptEntry::encode)
                .u32(status & 0xffffffffL);
    }

    /** Decodes a little-endian stub. */
    public static EptLookupResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
