package org.jwmi.dcom.ops;

import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.1.5.6.1.3 IRemUnknown::RemRelease (opnum 5), the [in] parameters.
 * <pre>
 * ORPCTHIS orpcthis,                                               // implicit
 * [in] unsigned short cInterfaceRefs,
 * [in, size_is(cInterfaceRefs)] REMINTERFACEREF InterfaceRefs[]
 * </pre>
 *
 * @param orpcThis      ORPCTHIS
 * @param interfaceRefs the references to release (cInterfaceRefs is their number)
 */
public record RemReleaseRequest(OrpcThis orpcThis, List<RemInterfaceRef> interfaceRefs) {

    public RemReleaseRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
        interfaceRefs = List.copyOf(interfaceRefs);
        Codec.checkU16("cInterfaceRefs", interfaceRefs.size());
    }

    public static RemReleaseRequest decode(NdrReader r) {
        RemAddRefRequest same = RemAddRefRequest.decode(r);
        return new RemReleaseRequest(same.orpcThis(), same.interfaceRefs());
    }

    public void encode(NdrWriter w) {
        new RemAddRefRequest(orpcThis, interfaceRefs).encode(w);
    }

    public static RemReleaseRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
