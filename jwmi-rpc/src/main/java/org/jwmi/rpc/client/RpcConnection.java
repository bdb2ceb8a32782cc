package org.jwmi.rpc.client;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.SecurityContext;
import org.jwmi.rpc.BindRejectedException;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.RpcTransportException;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.pdu.AlterContext;
import org.jwmi.rpc.pdu.AlterContextResp;
import org.jwmi.rpc.pdu.AuthVerifier;
import org.jwmi.rpc.pdu.Bind;
import org.jwmi.rpc.pdu.BindAck;
import org.jwmi.rpc.pdu.BindNak;
import org.jwmi.rpc.pdu.BindTimeFeatures;
import org.jwmi.rpc.pdu.Fault;
import org.jwmi.rpc.pdu.Fragmenter;
import org.jwmi.rpc.pdu.FrameReader;
import org.jwmi.rpc.pdu.PContElem;
import org.jwmi.rpc.pdu.PResult;
import org.jwmi.rpc.pdu.PackedDrep;
import org.jwmi.rpc.pdu.Pdu;
import org.jwmi.rpc.pdu.PduLayout;
import org.jwmi.rpc.pdu.PduSecurity;
import org.jwmi.rpc.pdu.PfcFlag;
import org.jwmi.rpc.pdu.PfcFlags;
import org.jwmi.rpc.pdu.Protection;
import org.jwmi.rpc.pdu.Reassembler;
import org.jwmi.rpc.pdu.RejectReason;
import org.jwmi.rpc.pdu.Response;
import org.jwmi.rpc.pdu.RpcAuth3;
import org.jwmi.rpc.pdu.SecTrailer;
import org.jwmi.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection over TCP ([MS-RPCE] 3.3.2): the bind, further presentation contexts and security contexts
 * through alter_context, and calls. Calls are serialised (the client does not ask for PFC_CONC_MPX), so each reply
 * must carry the call_id of the request just sent. Any transport or protocol failure closes the connection.
 *
 * <p>Security legs ([MS-RPCE] 3.3.1.5.2.1): the first token goes in the bind (or alter_context on a bound
 * connection); the server's answer comes in bind_ack / alter_context_resp; when the mechanism completes on the
 * client with a final token (an odd number of legs, as NTLM) that token goes in rpc_auth_3, which is never
 * answered; otherwise each further token is sent in an alter_context.
 */
public final class RpcConnection implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcConnection.class);
    private static final int FEATURES_OFFERED = BindTimeFeatures.SECURITY_CONTEXT_MULTIPLEXING
            | BindTimeFeatures.KEEP_CONNECTION_ON_ORPHAN;
    private static final int MIN_PEER_FRAG = 256;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ClientConfig config;
    private final String peerName;
    private final ReentrantLock lock = new ReentrantLock();

    private Negotiated negotiated;
    private boolean headerSigningDecided;
    private boolean headerSigning;
    private int nextCallId = 1;
    private int nextPContId;
    private int nextAuthContextId;
    private final Map<Integer, ClientAuth> auths = new LinkedHashMap<>();
    private volatile boolean closed;

    /** A security context on this connection. */
    static final class ClientAuth {
        final int contextId;
        final SecuritySpec spec;
        final SecurityContext context;
        final AuthLevel level;
        boolean usedAuth3;
        boolean hadSuccess;

        ClientAuth(int contextId, SecuritySpec spec, SecurityContext context) {
            this.contextId = contextId;
            this.spec = spec;
            this.context = context;
            this.level = spec.level().effective();
        }

        int authType() {
            return spec.provider().authType();
        }
    }

    private RpcConnection(Socket socket, ClientConfig config) throws IOException {
        this.socket = socket;
        this.config = config;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        InetSocketAddress r = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.peerName = r.getHostString() + ":" + r.getPort();
    }

    /** Opens a TCP connection; nothing is sent until the first {@link #bind}. */
    public static RpcConnection connect(String host, int port, ClientConfig config) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis()));
            return new RpcConnection(s, config);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Negotiates a presentation context for {@code iface}, secured as {@code security}: with a bind on a new
     * connection, with alter_context afterwards.
     *
     * @throws BindRejectedException   the server answered bind_nak
     * @throws AuthenticationException the mechanism failed or the server refused the security context
     * @throws RpcFaultException       the server does not offer the interface (RPC_S_UNKNOWN_IF) or NDR20
     *                                 (RPC_S_UNSUPPORTED_TRANS_SYN), or answered alter_context with a fault
     */
    public RpcBinding bind(SyntaxId iface, SecuritySpec security) {
        return negotiate(iface, security, null);
    }

    /** A new presentation context with a new security context (or none) on this connection. */
    public RpcBinding alterContext(SyntaxId iface, SecuritySpec security) {
        return negotiate(iface, security, null);
    }

    /** A new presentation context that uses the security context of {@code shareSecurityWith}. */
    public RpcBinding alterContext(SyntaxId iface, RpcBinding shareSecurityWith) {
        if (shareSecurityWith.connection() != this) {
            throw new IllegalArgumentException("security contexts belong to their connection");
        }
        return negotiate(iface, SecuritySpec.none(), shareSecurityWith.auth());
    }

    /** The values agreed by the bind, or {@code null} before it. */
    public Negotiated negotiated() {
        return negotiated;
    }

    public boolean isOpen() {
        return !closed;
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new RpcTransportException("the connection to " + peerName + " is closed");
        }
    }

    private RpcTransportException broken(String what, Throwable cause) {
        close();
        return new RpcTransportException(what + " (connection to " + peerName + " closed)", cause);
    }

    private int newCallId() {
        if (nextCallId < 0) {
            close();
            throw new RpcTransportException("call_id space of the connection to " + peerName + " exhausted; reconnect");
        }
        return nextCallId++;
    }

    // ------------------------------------------------------------------------------------------------- binding

    private record Ack(PfcFlags flags, int maxXmit, int maxRecv, int group, String secAddr, List<PResult> results,
                       byte[] token) {
    }

    private RpcBinding negotiate(SyntaxId iface, SecuritySpec security, ClientAuth share) {
        lock.lock();
        try {
            ensureOpen();
            boolean first = negotiated == null;
            int pcid = nextPContId++;
            List<PContElem> elems = new ArrayList<>();
            elems.add(new PContElem(pcid, iface, List.of(SyntaxId.NDR20)));
            if (first && config.featureNegotiation()) {
                elems.add(new PContElem(nextPContId++, iface, List.of(BindTimeFeatures.syntax(FEATURES_OFFERED))));
            }
            ClientAuth auth = share;
            byte[] token = null;
            boolean signBit = false;
            if (!security.isNone()) {
                SecurityContext ctx = security.provider().newClientContext(security.credentials(), security.options());
                auth = new ClientAuth(nextAuthContextId++, security, ctx);
                token = ctx.step(null);
                signBit = !headerSigningDecided && auth.level.atLeast(AuthLevel.PKT_INTEGRITY);
            }
            int callId = newCallId();
            PfcFlags flags = signBit ? PfcFlags.FIRST_LAST.with(PfcFlag.SUPPORT_HEADER_SIGN) : PfcFlags.FIRST_LAST;
            Optional<AuthVerifier> v = token == null ? Optional.empty() : Optional.of(verifier(auth, token));
            int frag = config.maxFragmentSize();
            int group = first ? config.assocGroupId() : negotiated.assocGroupId();
            byte[] pdu = first ? new Bind(flags, PackedDrep.LITTLE_ENDIAN, callId, frag, frag, group, elems, v).encode()
                    : new AlterContext(flags, PackedDrep.LITTLE_ENDIAN, callId, frag, frag, group, elems, v).encode();
            sendAll(List.of(pdu));
            Ack ack = receiveAck(first, callId, auth);
            if (first) {
                int xmit = ack.maxRecv == 0 ? 1432 : ack.maxRecv;
                int recv = ack.maxXmit == 0 ? 1432 : ack.maxXmit;
                if (xmit < MIN_PEER_FRAG) {
                    throw broken("the server offers max_recv_frag " + ack.maxRecv + ", too small to carry calls", null);
                }
                int bits = -1;
                for (int i = 1; i < ack.results.size() && i < elems.size(); i++) {
                    if (ack.results.get(i).result() == PResult.NEGOTIATE_ACK) {
                        bits = ack.results.get(i).reason();
                    }
                }
                negotiated = new Negotiated(Math.min(xmit, frag), recv, ack.group, ack.secAddr, false, bits,
                        ack.flags.has(PfcFlag.CONC_MPX));
            }
            if (!security.isNone()) {
                if (!headerSigningDecided) {
                    headerSigningDecided = true;
                    headerSigning = signBit && ack.flags.has(PfcFlag.SUPPORT_HEADER_SIGN);
                    negotiated = new Negotiated(negotiated.maxXmitFrag(), negotiated.maxRecvFrag(),
                            negotiated.assocGroupId(), negotiated.secondaryAddress(), headerSigning,
                            negotiated.featureBits(), negotiated.concurrentMultiplexing());
                }
                ack = completeLegs(auth, ack, elems);
                auths.put(auth.contextId, auth);
            }
            PResult r = ack.results.isEmpty() ? null : ack.results.get(0);
            if (r == null || !r.accepted()) {
                int st = r != null && r.reason() == PResult.ABSTRACT_SYNTAX_NOT_SUPPORTED
                        ? RpcStatus.RPC_S_UNKNOWN_IF.value() : RpcStatus.RPC_S_UNSUPPORTED_TRANS_SYN.value();
                throw new RpcFaultException(st, true, "the server at " + peerName + " does not offer interface "
                        + iface + (r == null ? "" : " (" + r + ")")
                        + (st == RpcStatus.RPC_S_UNKNOWN_IF.value()
                        ? "; check the interface UUID/version and that the service listens on this port" : ""));
            }
            if (!r.transferSyntax().equals(SyntaxId.NDR20)) {
                throw broken("the server accepted transfer syntax " + r.transferSyntax() + " that was not proposed", null);
            }
            LOG.debug("bound {} on {} as presentation context {}{}", iface, peerName, pcid,
                    auth == null ? "" : " (" + auth.spec.provider().name() + " at " + auth.level.scriptName() + ")");
            return new RpcBinding(this, iface, pcid, auth);
        } finally {
            lock.unlock();
        }
    }

    private static AuthVerifier verifier(ClientAuth a, byte[] token) {
        return new AuthVerifier(SecTrailer.of(a.authType(), a.level.value(), 0, a.contextId), token);
    }

    /** Runs the remaining security legs after the first answer. */
    private Ack completeLegs(ClientAuth auth, Ack ack, List<PContElem> elems) {
        byte[] serverToken = ack.token;
        for (int legs = 0; legs < 16; legs++) {
            if (auth.context.isEstablished() && (serverToken == null || serverToken.length == 0)) {
                return ack;
            }
            byte[] out;
            try {
                out = auth.context.step(serverToken);
            } catch (AuthenticationException | ProtocolException e) {
                close();
                throw e instanceof AuthenticationException a ? a
                        : new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                        "the server at " + peerName + " sent a malformed " + auth.spec.provider().name() + " token: "
                                + e.getMessage(), e);
            }
            boolean hasOut = out != null && out.length > 0;
            if (auth.context.isEstablished()) {
                if (hasOut) {
                    auth.usedAuth3 = true;
                    RpcAuth3 a3 = new RpcAuth3(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, nextCallId - 1, 0,
                            verifier(auth, out));
                    sendAll(List.of(a3.encode()));
                }
                return ack;
            }
            if (!hasOut) {
                close();
                throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN, auth.spec.provider().name()
                        + " produced no token although the security context is not complete");
            }
            int callId = newCallId();
            AlterContext alter = new AlterContext(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, callId,
                    config.maxFragmentSize(), config.maxFragmentSize(), negotiated.assocGroupId(), elems,
                    Optional.of(verifier(auth, out)));
            sendAll(List.of(alter.encode()));
            ack = receiveAck(false, callId, auth);
            serverToken = ack.token;
        }
        close();
        throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN,
                "security context with " + peerName + " not complete after 16 legs");
    }

    private Ack receiveAck(boolean bind, int callId, ClientAuth auth) {
        Pdu pdu = readPdu();
        if (pdu.callId() != callId) {
            throw broken("the server answered call_id " + pdu.callId() + " instead of " + callId, null);
        }
        switch (pdu.type()) {
            case BIND_ACK -> {
                if (bind) {
                    BindAck a = (BindAck) pdu;
                    return new Ack(a.pfcFlags(), a.maxXmitFrag(), a.maxRecvFrag(), a.assocGroupId(), a.secAddr(),
                            a.results(), a.auth().map(AuthVerifier::token).orElse(null));
                }
            }
            case ALTER_CONTEXT_RESP -> {
                if (!bind) {
                    AlterContextResp a = (AlterContextResp) pdu;
                    return new Ack(a.pfcFlags(), a.maxXmitFrag(), a.maxRecvFrag(), a.assocGroupId(), a.secAddr(),
                            a.results(), a.auth().map(AuthVerifier::token).orElse(null));
                }
            }
            case BIND_NAK -> {
                close();
                int reason = ((BindNak) pdu).providerRejectReason();
                throw new BindRejectedException(reason, advice(reason, auth));
            }
            case FAULT -> {
                Fault f = (Fault) pdu;
                close();
                throw contextFault(f, auth);
            }
            default -> {
            }
        }
        throw broken("the server answered a " + (bind ? "bind" : "alter_context") + " with " + pdu.type(), null);
    }

    private static String advice(int reason, ClientAuth auth) {
        RejectReason r = RejectReason.of(reason);
        if (r == null) {
            return "";
        }
        String mech = auth == null ? "the authentication service" : auth.spec.provider().name() + " (auth_type "
                + auth.authType() + ")";
        return switch (r) {
            case AUTHENTICATION_TYPE_NOT_RECOGNIZED -> "the server does not accept " + mech
                    + "; choose an authentication service the server offers";
            case INVALID_CHECKSUM -> "the server's security package refused the first token of " + mech
                    + "; check the authentication settings";
            case PROTOCOL_VERSION_NOT_SUPPORTED -> "the server does not accept this bind (DCE/RPC 5.0 request)";
            case LOCAL_LIMIT_EXCEEDED, TEMPORARY_CONGESTION -> "the server is out of resources; retry later";
            case REASON_NOT_SPECIFIED -> auth != null && auth.level.value() < AuthLevel.CONNECT.value()
                    ? "" : "the server gave no reason (unknown association group, bad authentication level or a"
                    + " malformed bind)";
            default -> "";
        };
    }

    private RuntimeException contextFault(Fault f, ClientAuth auth) {
        int st = f.status();
        if (auth != null && st == RpcStatus.RPC_S_SEC_PKG_ERROR.value()) {
            return new AuthenticationException(AuthenticationException.SEC_E_LOGON_DENIED, "the server at " + peerName
                    + " refused the " + auth.spec.provider().name() + " logon of " + auth.spec.credentials()
                    + " (RPC_S_SEC_PKG_ERROR): check the user name, domain and password");
        }
        if (auth != null && st == RpcStatus.RPC_S_UNKNOWN_AUTHN_SERVICE.value()) {
            return new AuthenticationException(AuthenticationException.SEC_E_UNSUPPORTED_FUNCTION, "the server at "
                    + peerName + " does not accept " + auth.spec.provider().name() + " (auth_type " + auth.authType()
                    + "); choose an authentication service it offers");
        }
        return new RpcFaultException(st, f.didNotExecute(), "alter_context refused by " + peerName);
    }

    // --------------------------------------------------------------------------------------------------- calls

    RpcReply call(RpcBinding b, int opnum, byte[] stub, Optional<UUID> object) {
        if (opnum < 0 || opnum > 0xffff) {
            throw new IllegalArgumentException("opnum " + opnum + " is not a u16");
        }
        lock.lock();
        try {
            ensureOpen();
            int callId = newCallId();
            ClientAuth a = b.auth();
            Protection p = a == null ? null
                    : new Protection(a.context, a.level, a.authType(), a.contextId, headerSigning, auths.size() > 1);
            sendAll(Fragmenter.request(callId, b.contextId(), opnum, object, stub, negotiated.maxXmitFrag(), p,
                    PackedDrep.LITTLE_ENDIAN));
            Reassembler body = null;
            PackedDrep replyDrep = null;
            while (true) {
                byte[] frag = readFragment();
                Pdu pdu = decode(frag);
                if (pdu.callId() != callId) {
                    throw broken("reply for call_id " + pdu.callId() + " while waiting for " + callId, null);
                }
                switch (pdu.type()) {
                    case FAULT -> throw callFault((Fault) pdu, b, opnum);
                    case RESPONSE -> {
                        Response r = (Response) pdu;
                        if ((body == null) != r.pfcFlags().has(PfcFlag.FIRST_FRAG)) {
                            throw broken("response fragments of call " + callId + " out of order", null);
                        }
                        checkResponseSecurity(frag, r, a);
                        if (body == null) {
                            body = new Reassembler(config.limits().maxBodySize(), r.allocHintUnsigned());
                            replyDrep = r.drep();
                        } else if (!r.drep().equals(replyDrep)) {
                            throw broken("response fragments of call " + callId + " declare different data"
                                    + " representations (" + replyDrep + ", then " + r.drep() + ")", null);
                        }
                        PduLayout l = PduLayout.of(frag, r);
                        if (!body.append(frag, l.bodyOffset(), l.stubLength())) {
                            throw broken("the response to opnum " + opnum + " exceeds " + config.limits().maxBodySize()
                                    + " bytes (Limits.maxBodySize); raise the limit to receive it", null);
                        }
                        if (r.pfcFlags().has(PfcFlag.LAST_FRAG)) {
                            if (a != null) {
                                a.hadSuccess = true;
                            }
                            return new RpcReply(body.toByteArray(), replyDrep);
                        }
                    }
                    case SHUTDOWN -> throw broken("the server asked to close the connection (shutdown PDU)", null);
                    default -> throw broken("unexpected " + pdu.type() + " PDU while waiting for a response", null);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkResponseSecurity(byte[] frag, Response r, ClientAuth a) {
        if (a == null || !a.level.atLeast(AuthLevel.PKT)) {
            return;
        }
        if (r.auth().isEmpty()) {
            close();
            throw new AuthenticationException(AuthenticationException.SEC_E_MESSAGE_ALTERED, "the response from "
                    + peerName + " carries no verifier although the call is at authenticationLevel="
                    + a.level.scriptName() + "; the connection was closed");
        }
        SecTrailer t = r.auth().get().trailer();
        if (t.authContextId() != a.contextId || t.authType() != a.authType() || t.authLevel() != a.level.value()) {
            close();
            throw new AuthenticationException(AuthenticationException.SEC_E_MESSAGE_ALTERED, "the response from "
                    + peerName + " is protected with another security context (auth_type " + t.authType() + ", level "
                    + t.authLevel() + ", auth_context_id " + t.authContextId() + ")");
        }
        try {
            PduSecurity.unprotect(frag, PduLayout.of(frag, r), a.context, a.level, headerSigning);
        } catch (AuthenticationException | ProtocolException e) {
            close();
            throw new AuthenticationException(AuthenticationException.SEC_E_MESSAGE_ALTERED, "a response from "
                    + peerName + " failed verification (" + e.getMessage() + "); the connection was closed", e);
        }
    }

    private RuntimeException callFault(Fault f, RpcBinding b, int opnum) {
        int st = f.status();
        boolean dne = f.didNotExecute();
        ClientAuth a = b.auth();
        String where = "call to " + b.syntax() + " opnum " + opnum + " on " + peerName;
        if (st == RpcStatus.ERROR_ACCESS_DENIED.value()) {
            if (a != null && !a.hadSuccess && !dne) {
                close();
                return new AuthenticationException(AuthenticationException.SEC_E_LOGON_DENIED, "the server at "
                        + peerName + " refused the " + a.spec.provider().name() + " logon of " + a.spec.credentials()
                        + " (access denied, 0x5): check the user name, domain and password");
            }
            if (dne) {
                AuthLevel lvl = a == null ? AuthLevel.NONE : a.level;
                if (!lvl.atLeast(AuthLevel.PKT_PRIVACY)) {
                    return new RpcFaultException(st, true, where + " refused at authenticationLevel="
                            + lvl.scriptName() + "; the server requires a higher authentication level: use "
                            + (lvl.atLeast(AuthLevel.PKT_INTEGRITY) ? "authenticationLevel=pktPrivacy"
                            : "authenticationLevel=pktIntegrity or higher"));
                }
            }
        }
        if (st == RpcStatus.RPC_S_SEC_PKG_ERROR.value()) {
            close();
            return new AuthenticationException(AuthenticationException.SEC_E_MESSAGE_ALTERED, "the server at "
                    + peerName + " rejected the verifier of a request (RPC_S_SEC_PKG_ERROR, 0x721); the connection was"
                    + " closed");
        }
        if (!dne && (st == RpcStatus.NCA_S_PROTO_ERROR.value() || st == RpcStatus.ERROR_ACCESS_DENIED.value())) {
            close();
        }
        return new RpcFaultException(st, dne, where);
    }

    // --------------------------------------------------------------------------------------------------- I/O

    private void sendAll(List<byte[]> frags) {
        try {
            for (byte[] f : frags) {
                out.write(f);
            }
            out.flush();
        } catch (IOException e) {
            throw broken("sending to " + peerName + " failed: " + e.getMessage(), e);
        }
    }

    private byte[] readFragment() {
        try {
            byte[] f = FrameReader.read(in, config.limits().maxFragmentSize(), () -> { });
            if (f == null) {
                throw broken("the server closed the connection", null);
            }
            return f;
        } catch (SocketTimeoutException e) {
            throw broken("no reply from " + peerName + " within " + config.readTimeout().toMillis()
                    + " ms (readTimeout)", e);
        } catch (IOException e) {
            if (closed) {
                throw new RpcTransportException("the connection to " + peerName + " was closed", e);
            }
            throw broken("reading from " + peerName + " failed: " + e.getMessage(), e);
        }
    }

    private Pdu decode(byte[] frag) {
        try {
            return Pdu.decode(frag);
        } catch (ProtocolException e) {
            throw broken("malformed PDU from " + peerName + ": " + e.getMessage(), e);
        }
    }

    private Pdu readPdu() {
        return decode(readFragment());
    }

    @Override
    public String toString() {
        return "RpcConnection[" + peerName + (closed ? ", closed" : "") + (negotiated == null ? "" : ", " + negotiated)
                + "]";
    }
}
