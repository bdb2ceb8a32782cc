package org.jwmi.dcom.wire;

import java.util.UUID;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;

/**
 * [MS-DCOM] 2.2.22.2.5 ActivationContextInfoData (CLSID_ActivationContextInfo): the client context and an
 * optional prototype context, each an OBJREF_CUSTOM of a {@link Context}.
 * <pre>
 * typedef struct tagActivationContextInfoData {
 *     long clientOK;                        // FALSE
 *     long bReserved1;                      // FALSE
 *     DWORD dwReserved1;                    // 0
 *     DWORD dwReserved2;                    // 0
 *     MInterfacePointer *pIFDClientCtx;
 *     MInterfacePointer *pIFDPrototypeCtx;
 * } ActivationContextInfoData;
 * </pre>
 * The spec says a server fails a NULL pIFDClientCtx with RPC_E_INVALID_OBJREF; impacket sends NULL and Windows
 * accepts it, so the decoder keeps NULL and leaves the decision to the activator.
 *
 * @param clientOK         raw clientOK
 * @param bReserved1       raw bReserved1
 * @param dwReserved1      raw dwReserved1
 * @param dwReserved2      raw dwReserved2
 * @param pIFDClientCtx    the client context, or {@code null}
 * @param pIFDPrototypeCtx the prototype context, or {@code null}
 */
public record ActivationContextInfoData(int clientOK, int bReserved1, int dwReserved1, int dwReserved2,
                                        MInterfacePointer pIFDClientCtx, MInterfacePointer pIFDPrototypeCtx)
        implements ActivationProperty {

    /** Reserved fields zero and these contexts. */
    public static ActivationContextInfoData of(MInterfacePointer clientCtx, MInterfacePointer prototypeCtx) {
        return new ActivationContextInfoData(0, 0, 0, 0, clientCtx, prototypeCtx);
    }

    @Override
    public UUID clsid() {
        return Clsids.CLSID_ACTIVATIONCONTEXTINFO;
    }

    @Override
    public byte[] serialize() {
        return TypeSerialization1.encode(this, ActivationContextInfoData::encode);
    }

    public static ActivationContextInfoData decode(NdrReader r) {
        return r.struct("ActivationContextInfoData", 4, s -> new ActivationContextInfoData(s.i32(), s.i32(),
                s.i32(), s.i32(), s.uniquePtr(MInterfacePointer::decode), s.uniquePtr(MInterfacePointer::decode)));
    }

    public static void encode(NdrWriter w, ActivationContextInfoData v) {
        w.struct(4, s -> s.i32(v.clientOK).i32(v.bReserved1).i32(v.dwReserved1).i32(v.dwReserved2)
                .uniquePtr(v.pIFDClientCtx, MInterfacePointer::encode)
                .uniquePtr(v.pIFDPrototypeCtx, MInterfacePointer::encode));
    }
}
