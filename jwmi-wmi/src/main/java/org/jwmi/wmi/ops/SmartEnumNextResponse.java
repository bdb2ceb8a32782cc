package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-WMI] 3.1.4.7.1 IWbemWCOSmartEnum::Next (opnum 3), the [out] parameters; pBuffer is an ObjectArray
 * (2.2.14, packet type 1) for org.jwmi.wmio.ObjectArrayReader.
 * <pre>
 * ORPCTHAT orpcthat,                                  // implicit
 * [out] ULONG* puReturned,
 * [out] ULONG* pdwBuffSize,
 * [out, size_is(,*pdwBuffSize)] byte** pBuffer,       // outer [ref]; unique ptr id, max_count, bytes
 * HRESULT
 * </pre>
 * As the IDL says, the inner pointer of pBuffer is a unique pointer (its id precedes max_count); impacket's
 * structure omits it.
 *
 * @param orpcThat   ORPCTHAT
 * @param puReturned the number of objects in the buffer
 * @param pBuffer    the ObjectArray bytes (pdwBuffSize is its length), or null for a NULL pointer
 * @param hresult    the method's HRESULT
 */
public record SmartEnumNextResponse(OrpcThat orpcThat, long puReturned, byte[] pBuffer, int hresult) {

    public SmartEnumNextResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
    }

    public static SmartEnumNextResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static SmartEnumNextResponse decodeResults(NdrReader r, OrpcThat t) {
        long returned = r.field("puReturned", NdrReader::u32);
        long size = r.field("pdwBuffSize", NdrReader::u32);
        byte[] buffer = r.field("pBuffer", x -> x.uniquePtr(NdrReader::conformantBytes));
        if (size != (buffer == null ? 0 : buffer.length)) {
            throw r.fail(Kind.BAD_VALUE, "pdwBuffSize " + size + " differs from the buffer's max_count");
        }
        return new SmartEnumNextResponse(t, returned, buffer, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        w.u32(puReturned).u32(pBuffer == null ? 0 : pBuffer.length);
        w.uniquePtr(pBuffer, NdrWriter::conformantBytes);
        w.i32(hresult);
    }

    public static SmartEnumNextResponse decode(byte[] stub) {
        return Mip.decode(stub, SmartEnumNextResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
