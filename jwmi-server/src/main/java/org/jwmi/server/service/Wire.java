package org.jwmi.server.service;

import java.util.function.Consumer;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.server.OrpcReply;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the service's dispatchers share: reply encoding, object marshaling, error mapping. */
final class Wire {

    private static final Logger LOG = LoggerFactory.getLogger(Wire.class);

    private Wire() {
    }

    /** An ORPC reply whose body (after ORPCTHAT) {@code body} writes. */
    static OrpcReply reply(OrpcCall call, Consumer<NdrWriter> body) {
        NdrWriter w = Codec.writer(call.limits());
        body.accept(w);
        return OrpcReply.of(w);
    }

    /** A reply with no [out] parameters: just the HRESULT. */
    static OrpcReply status(OrpcCall call, int hresult) {
        return reply(call, w -> w.i32(hresult));
    }

    /** The IWbemClassObject interface pointer of {@code o}. */
    static MInterfacePointer object(CimObject o) {
        return o == null ? null : WbemClassObjectMarshaler.pointer(o);
    }

    /**
     * The CIM object an [in] IWbemClassObject parameter carries; a blob that is not a valid object is
     * WBEM_E_INVALID_OBJECT (the call fails, the connection lives on).
     */
    static CimObject inObject(OrpcCall call, MInterfacePointer p, String what) {
        if (p == null) {
            return null;
        }
        try {
            return WbemClassObjectMarshaler.cimObject(p, call.limits());
        } catch (ProtocolException | CimException e) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT, what + " is not a valid object: "
                    + e.getMessage());
        }
    }

    /**
     * A BSTR [in] parameter as the server reads it: up to its first NUL. Windows passes BSTRs on as C strings, so a
     * terminating NUL that a client counted into the BSTR's length (impacket does) is not part of the value.
     */
    static String text(String bstr) {
        if (bstr == null) {
            return null;
        }
        int nul = bstr.indexOf('\0');
        return nul < 0 ? bstr : bstr.substring(0, nul);
    }

    /** Who made {@code call}: {@code DOMAIN\\user}, or empty for an unauthenticated call. */
    static String caller(OrpcCall call) {
        return call.context() == null ? "" : call.context().peer().filter(p -> !p.anonymous())
                .map(p -> p.qualifiedName().toLowerCase(java.util.Locale.ROOT)).orElse("");
    }

    /**
     * [MS-WMI] 3.1.4.4.2 and 3.1.4.5: an enumerator or call result answers only the security principal whose call
     * created it; anyone else gets WBEM_E_ACCESS_DENIED.
     */
    static boolean sameCaller(OrpcCall call, String owner) {
        return owner.equals(caller(call));
    }

    /** nca_s_op_rng_error for an opnum the interface does not have. */
    static RpcFaultException noSuchOpnum(String iface, int opnum) {
        return new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, iface + " has no opnum " + opnum);
    }

    /** The HRESULT a failure becomes; unexpected runtime errors are WBEM_E_FAILED (and logged: they are bugs). */
    static int hresult(RuntimeException e) {
        if (e instanceof CimException c) {
            return c.hresult();
        }
        LOG.warn("WMI operation failed unexpectedly; answering WBEM_E_FAILED", e);
        return WbemStatus.WBEM_E_FAILED.code();
    }
}
