package org.jwmi.dcom.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.2.3.2 IRemoteSCMActivator::RemoteGetClassObject (opnum 3), the [in] parameters.
 * <pre>
 * [in] ORPCTHIS *orpcthis,
 * [in, unique] MInterfacePointer *pActProperties    // OBJREF_CUSTOM holding ActivationPropertiesIn
 * </pre>
 *
 * @param orpcThis       ORPCTHIS (extensions NULL)
 * @param pActProperties the activation properties, or {@code null} for a NULL pointer (a server refuses it)
 */
public record RemoteGetClassObjectRequest(OrpcThis orpcThis, MInterfacePointer pActProperties) {

    public RemoteGetClassObjectRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static RemoteGetClassObjectRequest decode(NdrReader r) {
        OrpcThis orpcThis = r.field("orpcthis", OrpcThis::decode);
        MInterfacePointer props = r.field("pActProperties", s -> s.uniquePtr(MInterfacePointer::decode));
        r.expectEnd();
        return new RemoteGetClassObjectRequest(orpcThis, props);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        w.uniquePtr(pActProperties, MInterfacePointer::encode);
    }

    public static RemoteGetClassObjectRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
