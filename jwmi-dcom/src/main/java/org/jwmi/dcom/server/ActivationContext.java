package org.jwmi.dcom.server;

import java.util.List;
import java.util.UUID;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.rpc.server.CallContext;

/**
 * What a class factory learns about an activation request ([MS-DCOM] 3.1.2.5.2.3).
 *
 * @param call          the activation call (caller identity, level, the address the client dialled)
 * @param clsid         the class requested
 * @param iids          the interfaces requested
 * @param clientVersion the client's COM version
 * @param classObject   whether the class object was asked for (RemoteGetClassObject, or RemoteActivation with Mode
 *                      0xFFFFFFFF)
 */
public record ActivationContext(CallContext call, UUID clsid, List<UUID> iids, ComVersion clientVersion,
                                boolean classObject) {

    public ActivationContext {
        iids = List.copyOf(iids);
    }
}
