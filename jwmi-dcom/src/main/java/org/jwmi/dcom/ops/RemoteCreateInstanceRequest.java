package org.jwmi.dcom.ops;

import java.util.Objects;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 3.1.2.5.2.3.3 IRemoteSCMActivator::RemoteCreateInstance (opnum 4), the [in] parameters.
 * <pre>
 * [in] ORPCTHIS *orpcthis,
 * [in, unique] MInterfacePointer *pUnkOuter,        // NULL, ignored
 * [in, unique] MInterfacePointer *pActProperties    // OBJREF_CUSTOM holding ActivationPropertiesIn
 * </pre>
 *
 * @param orpcThis       ORPCTHIS (extensions NULL)
 * @param pUnkOuter      {@code null} when sent
 * @param pActProperties the activation properties, or {@code null} for a NULL pointer (a server refuses it)
 */
public record RemoteCreateInstanceRequest(OrpcThis orpcThis, MInterfacePointer pUnkOuter,
                                          MInterfacePointer pActProperties) {

    public RemoteCreateInstanceRequest {
        Objects.requireNonNull(orpcThis, "orpcThis");
    }

    public static RemoteCreateInstanceRequest decode(NdrReader r) {
        OrpcThis orpcThis = r.field("orpcthis", OrpcThis::decode);
        MInterfacePointer outer = r.field("pUnkOuter", s -> s.uniquePtr(MInterfacePointer::decode));
        MInterfacePointer props = r.field("pActProperties", s -> s.uniquePtr(MInterfacePointer::decode));
        r.expectEnd();
        return new RemoteCreateInstanceRequest(orpcThis, outer, props);
    }

    public void encode(NdrWriter w) {
        OrpcThis.encode(w, orpcThis);
        w.uniquePtr(pUnkOuter, MInterfacePointer::encode).uniquePtr(pActProperties, MInterfacePointer::encode);
    }

    public static RemoteCreateInstanceRequest decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
