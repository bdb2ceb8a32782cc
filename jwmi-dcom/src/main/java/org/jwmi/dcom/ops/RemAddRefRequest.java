package org.jwmi.dcom.ops;

import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.1.5.6.1.2 IRemUnknown::RemAddRef (opnum 4), the [in] parameters (RemRelease sends the same,
 * see {@link RemReleaseRequest}).
 * <pre>
 * ORPCTHIS orpcthis,                                               // implicit
 * [in] unsigned short cInterfaceRefs,
 * [in, size_is(cInterfaceRefs)] REMINTERFACEREF InterfaceRefs[]
 * </pre>
 *
 * @param orpcThis      ORPCTHIS
 * @param interfaceRefs the references to add (cInterfaceRefs is their number)
 */
public record RemAddRefRequest(OrpcThis orpcThis, List<RemInterfaceRef> interfaceRefs) {

    public RemAddRefRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        interfaceRefs = List.copyOf(interfaceRefs);
        Codec.checkU16("cInterfaceRefs", interfaceRefs.size());
    }

    public static RemAddRefRequest decode(NdrReader r) {
        OrpcThis orpcThis = r.field("ORPCthis", OrpcThis::decode);
        int c = r.field("cInterfaceRefs", NdrReader::u16);
        List<RemInterfaceRef> refs = r.field("InterfaceRefs", s -> Codec.sized(s, c, "InterfaceRefs",
                RemInterfaceRef::decode));
        r.expectEnd();
        return new RemAddRefRequest(orpcThis, refs);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        w.u16(interfaceRefs.size());
        Codec.sized(w, interfaceRefs, RemInterfaceRef::encode);
    }

    public static RemAddRefRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
