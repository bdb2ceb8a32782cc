package org.jwmi.wmi.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-WMI] 3.1.4.1.3 IWbemLevel1Login::WBEMLogin (opnum 5), the [in] parameters; the server MUST answer
 * WBEM_E_NOT_SUPPORTED. The response is an {@link InterfacePointerResponse} (reserved5, IWbemServices).
 * <pre>
 * ORPCTHIS orpcthis,                                                  // implicit
 * [in, unique, string] wchar_t* reserved1,
 * [in, size_is(16), length_is(16), unique] unsigned char* reserved2,
 * [in] long reserved3,
 * [in] IWbemContext* reserved4
 * </pre>
 */
public record WbemLoginRequest(OrpcThis orpcThis, String reserved1, byte[] reserved2, int reserved3,
                               MInterfacePointer reserved4) {

    public WbemLoginRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        if (reserved2 != null && reserved2.length > 16) {
            throw new IllegalArgumentException("reserved2 holds at most 16 bytes");
        }
    }

    public static WbemLoginRequest decode(NdrReader r) {
        return decodeParams(r, Mip.orpcThis(r));
    }

    /** The [in] parameters after ORPCTHIS (server: {@code OrpcCall.body()}); reads to the end. */
    public static WbemLoginRequest decodeParams(NdrReader r, OrpcThis t) {
        String a = r.field("reserved1", x -> x.uniquePtr(NdrReader::stringW));
        byte[] b = r.field("reserved2", x -> x.uniquePtr(y -> {
            int max = y.maxByteCount();
            if (max != 16) {
                throw y.fail(Kind.BAD_VALUE, "max_count " + max + " is not 16");
            }
            return y.byteElements(y.varyingBounds(max).actualCount());
        }));
        int c = r.field("reserved3", NdrReader::i32);
        MInterfacePointer d = Mip.read(r, "reserved4");
        r.expectEnd();
        return new WbemLoginRequest(t, a, b, c, d);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        encodeParams(w);
    }

    /** Writes the [in] parameters that follow ORPCTHIS (client: the body of {@code ComProxy.call}). */
    public void encodeParams(NdrWriter w) {
        w.uniquePtr(reserved1, NdrWriter::stringW);
        w.uniquePtr(reserved2, (x, b) -> x.maxCount(16).varyingBounds(0, b.length).byteElements(b));
        w.i32(reserved3);
        Mip.write(w, reserved4);
    }

    public static WbemLoginRequest decode(byte[] stub) {
        return Mip.decode(stub, WbemLoginRequest::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
