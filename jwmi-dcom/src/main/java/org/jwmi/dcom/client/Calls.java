package org.jwmi.dcom.client;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.rpc.BindRejectedException;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.RpcTransportException;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.wire.ProtocolException;

/** Runs one RPC call on a lease and turns every failure into a {@link DcomException} that says what to change. */
final class Calls {
    /** [MS-DCOM] 3.1.1.5.4 note 40: Windows answers a too-low level with either of these. */
    private static final int ERROR_ACCESS_DENIED = RpcStatus.ERROR_ACCESS_DENIED.value();

    private Calls() {
    }

    /** Decodes a reply stub; a ProtocolException becomes RPC_X_BAD_STUB_DATA. */
    interface Decoder<T> {
        T decode(byte[] stub);
    }

    static <T> T call(ConnectionPool.Lease lease, UUID iid, int opnum, byte[] stub, UUID object, String what,
                      Decoder<T> decoder) {
        byte[] reply;
        try {
            RpcBinding b = lease.binding(iid);
            reply = b.call(opnum, stub, Optional.ofNullable(object));
        } catch (IOException e) {
            throw new DcomException(DcomStatus.RPC_S_SERVER_UNAVAILABLE, "cannot reach " + lease.endpoint() + " for "
                    + what + " (" + e.getMessage() + "); check the host, the port and that the server is running", e);
        } catch (RuntimeException e) {
            throw translate(e, what, lease.security());
        }
        try {
            return decoder.decode(reply);
        } catch (ProtocolException e) {
            throw new DcomException(DcomStatus.RPC_X_BAD_STUB_DATA, "the reply to " + what + " from "
                    + lease.endpoint() + " is malformed: " + e.getMessage(), e);
        }
    }

    /** A failure of the RPC layer as a DcomException; other exceptions pass through. */
    static RuntimeException translate(RuntimeException e, String what, EffectiveSecurity security) {
        if (e instanceof DcomException) {
            return e;
        }
        if (e instanceof RpcFaultException f) {
            return new DcomException(f.status(), what + " failed" + accessAdvice(f.status(), security, false), f);
        }
        if (e instanceof AuthenticationException a) {
            return new DcomException(a.status(), what + ": " + a.getMessage(), a);
        }
        if (e instanceof BindRejectedException b) {
            return new DcomException(DcomStatus.RPC_S_CALL_FAILED_DNE, what + ": the server rejected the bind ("
                    + b.getMessage() + ")", b);
        }
        if (e instanceof RpcTransportException t) {
            return new DcomException(DcomStatus.RPC_S_CALL_FAILED, what + ": " + t.getMessage(), t);
        }
        return e;
    }

    /**
     * What to change after an access-denied answer: a level below pktIntegrity is what hardened servers refuse
     * ([MS-DCOM] 3.1.2.5.2.3 for activation since KB5004442, 3.1.1.5.4 for calls); at pktIntegrity some namespaces
     * still require pktPrivacy; at pktPrivacy it is a permission.
     */
    static String accessAdvice(int status, EffectiveSecurity security, boolean activation) {
        if (status != DcomStatus.E_ACCESSDENIED.value() && status != ERROR_ACCESS_DENIED
                && status != DcomStatus.RPC_E_ACCESS_DENIED.value()) {
            return "";
        }
        AuthLevel level = security.level();
        if (!level.atLeast(AuthLevel.PKT_INTEGRITY)) {
            return " at authenticationLevel=" + level.scriptName() + "; the server requires"
                    + " authenticationLevel=pktIntegrity or higher: raise the blanket's authnLevel";
        }
        if (!activation && !level.atLeast(AuthLevel.PKT_PRIVACY)) {
            return " at authenticationLevel=" + level.scriptName() + "; the object may require"
                    + " authenticationLevel=pktPrivacy (raise the proxy's blanket), or " + security.identity()
                    + " lacks permission";
        }
        return " at authenticationLevel=" + level.scriptName() + "; "
                + (security.identity() == null ? "the anonymous caller" : security.identity())
                + (activation ? " may not launch or activate this class: check the server's launch and activation"
                + " permissions" : " lacks permission for this call");
    }
}
