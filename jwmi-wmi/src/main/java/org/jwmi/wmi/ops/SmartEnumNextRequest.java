package org.jwmi.wmi.ops;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-WMI] 3.1.4.7.1 IWbemWCOSmartEnum::Next (opnum 3), the [in] parameters.
 * <pre>
 * ORPCTHIS orpcthis,           // implicit
 * [in] REFGUID proxyGUID,      // [ref] GUID*: the GUID itself
 * [in] long lTimeout,
 * [in] ULONG uCount
 * </pre>
 */
public record SmartEnumNextRequest(OrpcThis orpcThis, UUID proxyGuid, int lTimeout, long uCount) {

    public SmartEnumNextRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        Objects.requireNonNull(proxyGuid, "proxyGuid");
        if (uCount < 0 || uCount > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("uCount out of ULONG range");
        }
    }

    public static SmartEnumNextRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static SmartEnumNextRequest decodeParams(NdrReader r, OrpcThis t) {
        UUID guid = r.field("proxyGUID", NdrReader::uuid);
        int timeout = r.field("lTimeout", NdrReader::i32);
        long count = r.field("uCount", NdrReader::u32);
        r.expectEnd();
        return new SmartEnumNextRequest(t, guid, timeout, count);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.uuid(proxyGuid).i32(lTimeout).u32(uCount);
    }

    public static SmartEnumNextRequest decode(byte[] stub) {
        return Mip.decode(stub, SmartEnumNextRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
