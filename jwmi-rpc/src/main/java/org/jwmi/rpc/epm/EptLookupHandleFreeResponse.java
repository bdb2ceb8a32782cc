package org.jwmi.rpc.epm;

import java.util.Objects;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-RPCE] 2.2.1.2.8 ept_lookup_handle_free (opnum 4), the [out] parameters: the handle (NULL once freed) and
 * a status that "MUST be set to 0x00000000".
 *
 * @param entryHandle the handle after the call (NULL)
 * @param status      0
 */
public record EptLookupHandleFreeResponse(NdrContextHandle entryHandle, int status) {

    public EptLookupHandleFreeResponse {
        Objects.requireNonNull(entryHandle, "entryHandle");
    }

    public static EptLookupHandleFreeResponse decode(NdrReader r) {
        NdrContextHandle h = r.field("entry_handle", NdrReader::contextHandle);
        int status = (int) r.field("status", NdrReader::u32).longValue();
        r.expectEnd();
        return new EptLookupHandleFreeResponse(h, status);
    }

    public void encode(NdrWriter w) {
        w.contextHandle(entryHandle).u32(status & 0xffffffffL);
    }

    /** Decodes a little-endian stub. */
    public static EptLookupHandleFreeResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
