package org.jwmi.rpc.epm;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-RPCE] 2.2.1.2.4 ept_lookup (opnum 2), the [in] parameters.
 * <pre>
 * void ept_lookup([in] handle_t hEpMapper,
 *                 [in] unsigned long inquiry_type,
 *                 [in, ptr] UUID* object,
 *                 [in, ptr] RPC_IF_ID* Ifid,
 *                 [in] unsigned long vers_option,
 *                 [in, out] ept_lookup_handle_t* entry_handle,
 *                 [in, range(0,500)] unsigned long max_ents, ...);
 * </pre>
 *
 * @param inquiryType one of the {@code Epm.RPC_C_EP_*} values (others are treated as RPC_C_EP_ALL_ELTS)
 * @param object      the object UUID to match, empty for NULL
 * @param ifid        the interface to match, empty for NULL
 * @param versOption  one of the {@code Epm.RPC_C_VERS_*} values
 * @param entryHandle NULL on the first call, then the handle the previous response returned
 * @param maxEnts     how many elements the response may carry (0..500)
 */
public record EptLookupRequest(int inquiryType, Optional<UUID> object, Optional<RpcIfId> ifid, int versOption,
                               NdrContextHandle entryHandle, int maxEnts) {

    public EptLookupRequest {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(ifid, "ifid");
        Objects.requireNonNull(entryHandle, "entryHandle");
        if (maxEnts < 0 || maxEnts > Epm.MAX_ENTRIES) {
            throw new IllegalArgumentException("max_ents must be 0.." + Epm.MAX_ENTRIES);
        }
    }

    public static EptLookupRequest decode(NdrReader r) {
        int inquiryType = (int) r.field("inquiry_type", NdrReader::u32).longValue();
        UUID object = r.field("object", s -> s.uniquePtr(NdrReader::uuid));
        RpcIfId ifid = r.field("Ifid", s -> s.uniquePtr(RpcIfId::decode));
        int versOption = (int) r.field("vers_option", NdrReader::u32).longValue();
        NdrContextHandle entryHandle = r.field("entry_handle", NdrReader::contextHandle);
        int maxEnts = r.field("max_ents", s -> EptCodec.range(s, "max_ents", Epm.MAX_ENTRIES));
        r.expectEnd();
        return new EptLookupRequest(inquiryType, Optional.ofNullable(object), Optional.ofNullable(ifid),
                versOption, entryHandle, maxEnts);
    }

    public void encode(NdrWriter w) {
        w.u32(inquiryType & 0xffffffffL)
                .uniquePtr(object.orElse(null), NdrWriter::uuid)
                .uniquePtr(ifid.orElse(null), RpcIfId::encode)
                .u32(versOption & 0xffffffffL)
                .contextHandle(entryHandle)
                .u32(maxEnts);
    }

    /** Decodes a little-endian stub. */
    public static EptLookupRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
