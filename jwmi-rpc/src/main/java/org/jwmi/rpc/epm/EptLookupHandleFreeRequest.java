package org.jwmi.rpc.epm;

import java.util.Objects;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-RPCE] 2.2.1.2.8 ept_lookup_handle_free (opnum 4), the [in] parameters.
 * <pre>
 * void ept_lookup_handle_free([in] handle_t hEpMapper, [in, out] ept_lookup_handle_t* entry_handle,
 *                             [out] error_status* status);
 * </pre>
 *
 * @param entryHandle the handle an ept_lookup or ept_map response returned
 */
public record EptLookupHandleFreeRequest(NdrContextHandle entryHandle) {

    public EptLookupHandleFreeRequest {
        Objects.requireNonNull(entryHandle, "entryHandle");
    }

    public static EptLookupHandleFreeRequest decode(NdrReader r) {
        NdrContextHandle h = r.field("entry_handle", NdrReader::contextHandle);
        r.expectEnd();
        return new EptLookupHandleFreeRequest(h);
    }

    public void encode(NdrWriter w) {
        w.contextHandle(entryHandle);
    }

    /** Decodes a little-endian stub. */
    public static EptLookupHandleFreeRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
