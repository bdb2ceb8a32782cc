package org.jwmi.dcom.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.1.6 IObjectExporter::ServerAlive2 (opnum 5), the [out] parameters and the result (the request
 * is an {@link EmptyRequest}).
 * <pre>
 * [out, ref] COMVERSION *pComVersion,
 * [out, ref] DUALSTRINGARRAY **ppdsaOrBindings,     // unique inner pointer
 * [out, ref] DWORD *pReserved                       // 0
 * error_status_t
 * </pre>
 *
 * @param comVersion      the object resolver's COM version
 * @param ppdsaOrBindings the object resolver's string and security bindings, {@code null} for a NULL pointer
 * @param reserved        raw pReserved
 * @param errorStatus     0 on success
 */
public record ServerAlive2Response(ComVersion comVersion, DualStringArray ppdsaOrBindings, int reserved,
                                   int errorStatus) {

    public ServerAlive2Response {
        Objects.requireNonNull(comVersion, "comVersion");
    }

    public static ServerAlive2Response decode(NdrReader r) {
        ComVersion version = r.field("pComVersion", ComVersion::decode);
        DualStringArray dsa = r.field("ppdsaOrBindings", s -> s.uniquePtr(DualStringArray::decode));
        int reserved = r.field("pReserved", NdrReader::i32);
        int status = r.field("error_status", NdrReader::i32);
        r.expectEnd();
        return new ServerAlive2Response(version, dsa, reserved, status);
    }

    public void encode(NdrWriter w) {
        ComVersion.encode(w, comVersion);
        w.uniquePtr(ppdsaOrBindings, DualStringArray::encode).i32(reserved).i32(errorStatus);
    }

    public static ServerAlive2Response decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
