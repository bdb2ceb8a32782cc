package org.jwmi.rpc.server;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.pdu.AlterContext;
import org.jwmi.rpc.pdu.AlterContextResp;
import org.jwmi.rpc.pdu.AuthVerifier;
import org.jwmi.rpc.pdu.Bind;
import org.jwmi.rpc.pdu.BindAck;
import org.jwmi.rpc.pdu.BindNak;
import org.jwmi.rpc.pdu.BindTimeFeatures;
import org.jwmi.rpc.pdu.CommonHeader;
import org.jwmi.rpc.pdu.Fault;
import org.jwmi.rpc.pdu.Fragmenter;
import org.jwmi.rpc.pdu.FrameReader;
import org.jwmi.rpc.pdu.Orphaned;
import org.jwmi.rpc.pdu.PContElem;
import org.jwmi.rpc.pdu.PResult;
import org.jwmi.rpc.pdu.PType;
import org.jwmi.rpc.pdu.PackedDrep;
import org.jwmi.rpc.pdu.Pdu;
import org.jwmi.rpc.pdu.PduLayout;
import org.jwmi.rpc.pdu.PduSecurity;
import org.jwmi.rpc.pdu.PfcFlag;
import org.jwmi.rpc.pdu.PfcFlags;
import org.jwmi.rpc.pdu.Protection;
import org.jwmi.rpc.pdu.Reassembler;
import org.jwmi.rpc.pdu.RejectReason;
import org.jwmi.rpc.pdu.Request;
import org.jwmi.rpc.pdu.RpcAuth3;
import org.jwmi.rpc.pdu.SecTrailer;
import org.jwmi.rpc.pdu.VerificationTrailer;
import org.jwmi.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one connection ([MS-RPCE] 3.3.3): reads fragments, negotiates presentation and security
 * contexts, checks every verifier, reassembles requests and dispatches them one at a time (the server never grants
 * PFC_CONC_MPX, so calls on a connection are sequential).
 *
 * <p>Refusals follow what Windows does (as recorded by Samba's raw_protocol tests): a missing or mismatching
 * verifier is ERROR_ACCESS_DENIED and a bad signature RPC_S_SEC_PKG_ERROR, both followed by closing the connection;
 * a call below the required level is refused with ERROR_ACCESS_DENIED and PFC_DID_NOT_EXECUTE, connection kept.
 */
final class ServerConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);

    /** Windows limit of security contexts per connection ([MS-RPCE] 3.3.1.5.4, note 104). */
    static final int MAX_AUTH_CONTEXTS = 2048;
    private static final int SUPPORTED_FEATURES = BindTimeFeatures.SECURITY_CONTEXT_MULTIPLEXING
            | BindTimeFeatures.KEEP_CONNECTION_ON_ORPHAN;
    private static final int OLD_CALL_WINDOW = 150;

    private final RpcServer server;
    private final Socket socket;
    private final long id;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private OutputStream out;

    private boolean bound;
    private int maxXmit;
    private int maxRecv;
    private int assocGroupId;
    private boolean inGroup;
    private boolean headerSigning;
    private boolean clientOfferedHeaderSign;
    private int features;
    private final Map<Integer, PresContext> contexts = new HashMap<>();
    private final Map<Integer, AuthCtx> auths = new HashMap<>();
    /** The connection's first security context: requests without a verifier fall back to it (connect level). */
    private AuthCtx defaultAuth;
    private Call current;
    private int lastCallId = -1;
    private boolean open = true;

    private record PresContext(int id, SyntaxId abstractSyntax, SyntaxId transferSyntax, RpcServer.ServiceEntry entry) {
    }

    /** A security context on this connection, keyed by auth_context_id. */
    private static final class AuthCtx {
        final int contextId;
        final SecurityProvider provider;
        final SecurityContext context;
        final AuthLevel level;
        boolean established;
        String failure;

        AuthCtx(int contextId, SecurityProvider provider, SecurityContext context, AuthLevel level) {
            this.contextId = contextId;
            this.provider = provider;
            this.context = context;
            this.level = level;
        }

        int authType() {
            return provider.authType();
        }
    }

    /** A request being reassembled. */
    private static final class Call {
        final int callId;
        final PresContext ctx;
        final int opnum;
        final Optional<java.util.UUID> object;
        final AuthCtx auth;
        final AuthLevel level;
        final PackedDrep drep;
        final Reassembler body;

        Call(int callId, PresContext ctx, int opnum, Optional<java.util.UUID> object, AuthCtx auth, AuthLevel level,
             PackedDrep drep, Reassembler body) {
            this.callId = callId;
            this.ctx = ctx;
            this.opnum = opnum;
            this.object = object;
            this.auth = auth;
            this.level = level;
            this.drep = drep;
            this.body = body;
        }
    }

    /** Ends processing of the connection after the PDUs already queued were sent. */
    private static final class Close extends Exception {
        private static final long serialVersionUID = 1L;

        Close() {
            super(null, null, false, false);
        }
    }

    ServerConnection(RpcServer server, Socket socket, long id) {
        this.server = server;
        this.socket = socket;
        this.id = id;
        this.local = (InetSocketAddress) socket.getLocalSocketAddress();
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.maxRecv = server.limits.maxFragmentSize();
        this.maxXmit = RpcServer.MUST_RECV_FRAG_SIZE;
    }

    void closeSocket() {
        RpcServer.closeQuietly(socket);
    }

    private String who() {
        return remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            while (open && !server.isClosed()) {
                socket.setSoTimeout(server.idleTimeoutMillis);
                byte[] frag;
                try {
                    frag = FrameReader.read(in, maxRecv, this::switchToReadTimeout);
                } catch (FrameReader.BadFrameException e) {
                    LOG.warn("closing connection from {}: {}", who(), e.getMessage());
                    CommonHeader h = e.header();
                    if (h != null && h.rpcVers() == 5) {
                        refuseMalformed(h, "fragment rejected: " + e.getMessage(), false);
                    }
                    break;
                }
                if (frag == null) {
                    break;
                }
                server.pktsIn.incrementAndGet();
                try {
                    handle(frag);
                } catch (Close c) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("closing idle or stalled connection from {}", who());
        } catch (EOFException | SocketException e) {
            LOG.debug("connection from {} ended: {}", who(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("connection from {} failed: {}", who(), e.toString());
        } catch (RuntimeException e) {
            server.internalErrors.incrementAndGet();
            LOG.error("internal error on connection from {}", who(), e);
        } finally {
            closeSocket();
            if (inGroup) {
                server.groups.leave(assocGroupId);
            }
            server.connectionEnded(this);
        }
    }

    private void switchToReadTimeout() {
        try {
            socket.setSoTimeout(server.readTimeoutMillis);
        } catch (SocketException ignored) {
            // the next read fails anyway
        }
    }

    private void send(byte[] pdu) throws IOException {
        server.pktsOut.incrementAndGet(); // counted before the peer can see it, so stats never lag a reply
        out.write(pdu);
    }

    private void flush() throws IOException {
        out.flush();
    }

    private void sendNow(byte[] pdu) throws IOException {
        send(pdu);
        flush();
    }

    private void fault(int callId, int pContId, int status, boolean didNotExecute) throws IOException {
        sendNow(Fault.of(callId, pContId, status, didNotExecute).encode());
    }

    /** Sends a fault and ends the connection. */
    private Close faultAndClose(int callId, int pContId, int status) throws IOException {
        fault(callId, pContId, status, false);
        open = false;
        return new Close();
    }

    private Close nakAndClose(int callId, RejectReason reason) throws IOException {
        sendNow(BindNak.of(callId, reason).encode());
        open = false;
        return new Close();
    }

    /** A PDU that does not decode: bind_nak for a bind, nca_s_proto_error otherwise; then close. */
    private void refuseMalformed(CommonHeader h, String why, boolean log) throws IOException {
        if (log) {
            LOG.warn("closing connection from {}: {}", who(), why);
        }
        if (h.type() == PType.BIND) {
            boolean version = h.rpcVers() != 5 || h.rpcVersMinor() != 0;
            sendNow(BindNak.of(h.callId(), version ? RejectReason.PROTOCOL_VERSION_NOT_SUPPORTED
                    : RejectReason.REASON_NOT_SPECIFIED).encode());
        } else if (h.type() != null && h.type() != PType.RPC_AUTH_3) {
            fault(h.callId(), 0, RpcStatus.NCA_S_PROTO_ERROR.value(), false);
        }
        open = false;
    }

    private void handle(byte[] frag) throws IOException, Close {
        CommonHeader h = CommonHeader.decode(frag);
        Pdu pdu;
        try {
            pdu = Pdu.decode(frag);
        } catch (ProtocolException e) {
            refuseMalformed(h, "malformed " + (h.type() == null ? "PTYPE " + h.ptype() : h.type()) + " PDU: "
                    + e.getMessage(), true);
            throw new Close();
        }
        switch (pdu.type()) {
            case BIND -> onBind((Bind) pdu);
            case ALTER_CONTEXT -> onAlter((AlterContext) pdu);
            case RPC_AUTH_3 -> onAuth3((RpcAuth3) pdu);
            case REQUEST -> onRequest(frag, (Request) pdu);
            case CO_CANCEL -> LOG.debug("co_cancel for call {} from {} ignored (calls are not cancellable)",
                    pdu.callId(), who());
            case ORPHANED -> onOrphaned((Orphaned) pdu);
            default -> {
                LOG.warn("closing connection from {}: unexpected {} PDU from a client", who(), pdu.type());
                if (pdu.type() != PType.FAULT && pdu.type() != PType.RESPONSE) {
                    throw faultAndClose(pdu.callId(), 0, RpcStatus.NCA_S_PROTO_ERROR.value());
                }
                open = false;
                throw new Close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- negotiation

    private static int negotiateFrag(int proposed, int limit) {
        int v = proposed == 0 ? RpcServer.MUST_RECV_FRAG_SIZE : Math.max(RpcServer.MUST_RECV_FRAG_SIZE, proposed);
        return Math.min(v, limit) & ~7;
    }

    /** The outcome of negotiating a context list: results, or a refusal of the whole PDU. */
    private record Negotiation(List<PResult> results, RejectReason nak, String problem) {
    }

    private Negotiation negotiate(List<PContElem> elems, boolean bind) {
        List<PResult> results = new ArrayList<>(elems.size());
        boolean featureSeen = false;
        Map<Integer, PresContext> added = new HashMap<>();
        int limit = 4000 * Math.max(1, server.services.size());
        for (PContElem e : elems) {
            SyntaxId feature = null;
            for (SyntaxId t : e.transferSyntaxes()) {
                if (BindTimeFeatures.isFeatureSyntax(t)) {
                    feature = t;
                    break;
                }
            }
            if (feature != null) {
                if (featureSeen) {
                    return new Negotiation(null, RejectReason.REASON_NOT_SPECIFIED,
                            "more than one bind time feature negotiation element");
                }
                featureSeen = true;
                int bits = BindTimeFeatures.bitmask(feature) & SUPPORTED_FEATURES;
                if (bind) {
                    features = bits;
                }
                results.add(PResult.negotiateAck(bits));
                continue;
            }
            PresContext existing = contexts.get(e.pContId());
            if (existing == null) {
                existing = added.get(e.pContId());
            }
            if (existing != null) {
                if (!existing.abstractSyntax.equals(e.abstractSyntax())
                        || !e.transferSyntaxes().contains(existing.transferSyntax)) {
                    return new Negotiation(null, RejectReason.REASON_NOT_SPECIFIED, "presentation context "
                            + e.pContId() + " re-proposed with a different syntax");
                }
                results.add(PResult.accept(existing.transferSyntax));
                continue;
            }
            RpcServer.ServiceEntry entry = server.lookup(e.abstractSyntax());
            if (entry == null) {
                results.add(PResult.reject(PResult.ABSTRACT_SYNTAX_NOT_SUPPORTED));
            } else if (e.transferSyntaxes().contains(SyntaxId.NDR20)) {
                if (contexts.size() + added.size() >= limit) {
                    return new Negotiation(null, RejectReason.LOCAL_LIMIT_EXCEEDED,
                            "more than " + limit + " presentation contexts");
                }
                added.put(e.pContId(), new PresContext(e.pContId(), e.abstractSyntax(), SyntaxId.NDR20, entry));
                results.add(PResult.accept(SyntaxId.NDR20));
            } else {
                results.add(PResult.reject(PResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED));
            }
        }
        contexts.putAll(added);
        return new Negotiation(results, null, null);
    }

    /** The result of processing a security leg carried by a bind or alter_context. */
    private record Leg(Optional<AuthVerifier> reply, RejectReason nak, int faultStatus) {
        static Leg ok(Optional<AuthVerifier> reply) {
            return new Leg(reply, null, 0);
        }

        static Leg refuse(RejectReason nak, int faultStatus) {
            return new Leg(Optional.empty(), nak, faultStatus);
        }
    }

    private Leg securityLeg(AuthVerifier v, boolean bind) {
        SecTrailer t = v.trailer();
        AuthCtx a = auths.get(t.authContextId());
        if (a == null) {
            if (t.authLevel() < AuthLevel.CONNECT.value() || t.authLevel() > AuthLevel.PKT_PRIVACY.value()) {
                LOG.warn("refused security context from {}: authentication level {} is not valid", who(), t.authLevel());
                return Leg.refuse(RejectReason.REASON_NOT_SPECIFIED, RpcStatus.NCA_S_PROTO_ERROR.value());
            }
            SecurityProvider p = server.providers.get(t.authType());
            if (p == null) {
                LOG.warn("refused security context from {}: auth_type {} is not offered by this server", who(),
                        t.authType());
                return Leg.refuse(RejectReason.AUTHENTICATION_TYPE_NOT_RECOGNIZED,
                        RpcStatus.RPC_S_UNKNOWN_AUTHN_SERVICE.value());
            }
            if (auths.size() >= MAX_AUTH_CONTEXTS) {
                return Leg.refuse(RejectReason.LOCAL_LIMIT_EXCEEDED, RpcStatus.NCA_S_PROTO_ERROR.value());
            }
            SecurityContext sc;
            try {
                sc = p.newServerContext(server.providerOptions.get(p.authType()));
            } catch (RuntimeException e) {
                LOG.warn("{} cannot create a server context: {}", p.name(), e.getMessage());
                return Leg.refuse(RejectReason.INVALID_CHECKSUM, RpcStatus.RPC_S_SEC_PKG_ERROR.value());
            }
            a = new AuthCtx(t.authContextId(), p, sc, AuthLevel.fromValue(t.authLevel()).effective());
            auths.put(t.authContextId(), a);
            if (defaultAuth == null) {
                defaultAuth = a;
            }
            LOG.debug("{} security context {} started by {} with a {}", p.name(), t.authContextId(), who(),
                    bind ? "bind" : "alter_context");
        } else if (a.established) {
            LOG.debug("alter_context from {} names established security context {}; token ignored", who(),
                    t.authContextId());
            return Leg.ok(Optional.empty());
        } else if (a.failure != null || a.authType() != t.authType() || a.level.value() != wireLevel(t)) {
            LOG.warn("refused security leg from {}: auth_type/level differ from the context's first leg", who());
            return Leg.refuse(RejectReason.REASON_NOT_SPECIFIED, RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        byte[] outToken;
        try {
            outToken = a.context.step(v.token());
        } catch (AuthenticationException | ProtocolException e) {
            a.failure = e.getMessage();
            auths.remove(t.authContextId());
            LOG.warn("refused {} logon from {} (auth_context_id {}): {}", a.provider.name(), who(),
                    t.authContextId(), e.getMessage());
            return Leg.refuse(RejectReason.INVALID_CHECKSUM, RpcStatus.RPC_S_SEC_PKG_ERROR.value());
        }
        if (a.context.isEstablished()) {
            a.established = true;
            logEstablished(a);
        }
        if (outToken == null || outToken.length == 0) {
            return Leg.ok(Optional.empty());
        }
        return Leg.ok(Optional.of(new AuthVerifier(SecTrailer.of(a.authType(), a.level.value(), 0, a.contextId),
                outToken)));
    }

    /** The effective level a trailer names, or -1 when it names none. */
    private static int wireLevel(SecTrailer t) {
        int v = t.authLevel();
        return v >= 1 && v <= 6 ? AuthLevel.fromValue(v).effective().value() : -1;
    }

    private void logEstablished(AuthCtx a) {
        PeerIdentity p = safePeer(a);
        LOG.info("{} logon of {} from {} accepted (auth_context_id {}, {})", a.provider.name(),
                p == null ? "?" : p, who(), a.contextId, a.level.scriptName());
    }

    private static PeerIdentity safePeer(AuthCtx a) {
        try {
            return a.context.peer();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void onBind(Bind b) throws IOException, Close {
        if (bound) {
            LOG.warn("closing connection from {}: second bind on a bound connection", who());
            throw nakAndClose(b.callId(), RejectReason.REASON_NOT_SPECIFIED);
        }
        if (b.contexts().isEmpty()) {
            LOG.warn("closing connection from {}: bind without presentation contexts", who());
            throw nakAndClose(b.callId(), RejectReason.REASON_NOT_SPECIFIED);
        }
        if (b.assocGroupId() != 0) {
            if (!server.groups.join(b.assocGroupId(), remote.getAddress())) {
                LOG.warn("closing connection from {}: association group 0x{} unknown or owned by another client",
                        who(), Integer.toHexString(b.assocGroupId()));
                throw nakAndClose(b.callId(), RejectReason.REASON_NOT_SPECIFIED);
            }
            assocGroupId = b.assocGroupId();
        } else {
            assocGroupId = server.groups.create(remote.getAddress(), server.random);
        }
        inGroup = true;
        Negotiation n = negotiate(b.contexts(), true);
        if (n.nak != null) {
            LOG.warn("closing connection from {}: {}", who(), n.problem);
            throw nakAndClose(b.callId(), n.nak);
        }
        boolean signBit = false;
        Optional<AuthVerifier> reply = Optional.empty();
        if (b.auth().isPresent()) {
            Leg leg = securityLeg(b.auth().get(), true);
            if (leg.nak != null) {
                throw nakAndClose(b.callId(), leg.nak);
            }
            reply = leg.reply;
            signBit = b.pfcFlags().has(PfcFlag.SUPPORT_HEADER_SIGN);
            clientOfferedHeaderSign |= signBit;
            AuthLevel lvl = AuthLevel.fromValue(b.auth().get().trailer().authLevel()).effective();
            headerSigning = signBit && lvl.atLeast(AuthLevel.PKT_INTEGRITY);
        }
        maxXmit = negotiateFrag(b.maxRecvFrag(), server.maxFragmentSize);
        maxRecv = negotiateFrag(b.maxXmitFrag(), server.maxFragmentSize);
        bound = true;
        PfcFlags flags = signBit ? PfcFlags.FIRST_LAST.with(PfcFlag.SUPPORT_HEADER_SIGN) : PfcFlags.FIRST_LAST;
        sendNow(new BindAck(flags, PackedDrep.LITTLE_ENDIAN, b.callId(), maxXmit, maxRecv, assocGroupId,
                Integer.toString(local.getPort()), n.results, reply).encode());
    }

    private void onAlter(AlterContext a) throws IOException, Close {
        if (!bound) {
            LOG.warn("closing connection from {}: alter_context before bind", who());
            throw faultAndClose(a.callId(), 0, RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        Negotiation n = negotiate(a.contexts(), false);
        if (n.nak != null) {
            LOG.warn("closing connection from {}: {}", who(), n.problem);
            throw faultAndClose(a.callId(), 0, RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        boolean signBit = false;
        Optional<AuthVerifier> reply = Optional.empty();
        if (a.auth().isPresent()) {
            Leg leg = securityLeg(a.auth().get(), false);
            if (leg.nak != null) {
                throw faultAndClose(a.callId(), 0, leg.faultStatus);
            }
            reply = leg.reply;
            signBit = a.pfcFlags().has(PfcFlag.SUPPORT_HEADER_SIGN);
            clientOfferedHeaderSign |= signBit;
            AuthLevel lvl = AuthLevel.fromValue(a.auth().get().trailer().authLevel()).effective();
            if (signBit && lvl.atLeast(AuthLevel.PKT_INTEGRITY)) {
                headerSigning = true;
            }
        }
        PfcFlags flags = signBit ? PfcFlags.FIRST_LAST.with(PfcFlag.SUPPORT_HEADER_SIGN) : PfcFlags.FIRST_LAST;
        sendNow(new AlterContextResp(flags, PackedDrep.LITTLE_ENDIAN, a.callId(), maxXmit, maxRecv, assocGroupId, "",
                n.results, reply).encode());
    }

    private void onAuth3(RpcAuth3 p) throws Close {
        SecTrailer t = p.verifier().trailer();
        AuthCtx a = auths.get(t.authContextId());
        if (!bound || a == null || a.established || a.failure != null || a.authType() != t.authType()) {
            LOG.warn("closing connection from {}: rpc_auth_3 for no security context in progress (auth_context_id {})",
                    who(), t.authContextId());
            open = false;
            throw new Close();
        }
        try {
            byte[] extra = a.context.step(p.verifier().token());
            if (extra != null && extra.length > 0) {
                a.failure = "the mechanism wants another leg after rpc_auth_3";
            } else if (!a.context.isEstablished()) {
                a.failure = "the security context is not complete after rpc_auth_3";
            } else {
                a.established = true;
                logEstablished(a);
                return;
            }
        } catch (AuthenticationException | ProtocolException e) {
            a.failure = e.getMessage();
        }
        LOG.warn("refused {} logon from {} (auth_context_id {}): {}", a.provider.name(), who(), a.contextId,
                a.failure);
    }

    private void onOrphaned(Orphaned o) throws Close {
        if (current != null && current.callId == o.callId()) {
            LOG.debug("call {} orphaned by {}", o.callId(), who());
            current = null;
        }
        if ((features & BindTimeFeatures.KEEP_CONNECTION_ON_ORPHAN) == 0) {
            open = false;
            throw new Close();
        }
    }

    // ------------------------------------------------------------------------------------------------- requests

    /** The security context and level that cover a request fragment, after checking its verifier. */
    private record Coverage(AuthCtx auth, AuthLevel level) {
    }

    private Coverage checkSecurity(byte[] frag, Request q) throws IOException, Close {
        if (q.auth().isEmpty()) {
            if (auths.isEmpty()) {
                return new Coverage(null, AuthLevel.NONE);
            }
            AuthCtx only = defaultAuth;
            if (only != null && only.established && only.level == AuthLevel.CONNECT) {
                return new Coverage(only, AuthLevel.CONNECT);
            }
            if (only != null && only.failure != null) {
                LOG.warn("refused call from {}: the {} logon of this connection failed ({})", who(),
                        only.provider.name(), only.failure);
                throw faultAndClose(q.callId(), q.pContId(), RpcStatus.ERROR_ACCESS_DENIED.value());
            }
            LOG.warn("refused call from {}: request without verifier on a connection secured at {}", who(),
                    describeLevels());
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.ERROR_ACCESS_DENIED.value());
        }
        SecTrailer t = q.auth().get().trailer();
        AuthCtx a = auths.get(t.authContextId());
        if (a == null) {
            LOG.warn("closing connection from {}: request names unknown auth_context_id {}", who(), t.authContextId());
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        if (a.failure != null) {
            LOG.warn("refused call from {}: the {} logon of auth_context_id {} failed ({})", who(),
                    a.provider.name(), a.contextId, a.failure);
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.ERROR_ACCESS_DENIED.value());
        }
        int wire = t.authLevel();
        AuthLevel level = wire >= 1 && wire <= 6 ? AuthLevel.fromValue(wire).effective() : null;
        if (!a.established || t.authType() != a.authType() || level != a.level) {
            LOG.warn("refused call from {}: verifier (auth_type {}, level {}) does not match security context {}"
                    + " ({} at {}{})", who(), t.authType(), wire, a.contextId, a.provider.name(),
                    a.level.scriptName(), a.established ? "" : ", not established");
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.ERROR_ACCESS_DENIED.value());
        }
        if (level.atLeast(AuthLevel.PKT)) {
            try {
                PduSecurity.unprotect(frag, PduLayout.of(frag, q), a.context, level, headerSigning);
            } catch (AuthenticationException | ProtocolException e) {
                PeerIdentity p = safePeer(a);
                LOG.warn("refused call {} from {} ({}): verifier of auth_context_id {} does not check: {}", q.callId(),
                        who(), p == null ? "?" : p, a.contextId, e.getMessage());
                throw faultAndClose(q.callId(), q.pContId(), RpcStatus.RPC_S_SEC_PKG_ERROR.value());
            }
        }
        return new Coverage(a, level);
    }

    private String describeLevels() {
        StringBuilder sb = new StringBuilder();
        for (AuthCtx a : auths.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(a.level.scriptName());
        }
        return sb.toString();
    }

    private void onRequest(byte[] frag, Request q) throws IOException, Close {
        if (!bound) {
            LOG.warn("closing connection from {}: request before bind", who());
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        // every fragment is checked, also those about to be dropped, so the mechanism's sequence stays in step
        Coverage cov = checkSecurity(frag, q);
        boolean first = q.pfcFlags().has(PfcFlag.FIRST_FRAG);
        if (!first && current == null) {
            long behind = (long) lastCallId - q.callId();
            if (behind >= 0 && behind < OLD_CALL_WINDOW) {
                LOG.debug("dropping fragment of finished call {} from {}", q.callId(), who());
                return;
            }
            LOG.warn("closing connection from {}: continuation fragment of unknown call {}", who(), q.callId());
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        if (first && current != null) {
            LOG.warn("closing connection from {}: call {} started before call {} was complete", who(), q.callId(),
                    current.callId);
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        if (!first && q.callId() != current.callId) {
            LOG.warn("closing connection from {}: fragment of call {} inside call {}", who(), q.callId(),
                    current.callId);
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        if (q.callId() < 0) {
            LOG.warn("closing connection from {}: call_id 0x{} above 0x7fffffff", who(),
                    Integer.toHexString(q.callId()));
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        PduLayout layout = PduLayout.of(frag, q);
        if (first) {
            lastCallId = q.callId();
            PresContext pc = contexts.get(q.pContId());
            if (pc == null) {
                LOG.debug("call {} from {} names unknown presentation context {}", q.callId(), who(), q.pContId());
                fault(q.callId(), 0, RpcStatus.NCA_S_UNK_IF.value(), true);
                return;
            }
            AuthLevel need = pc.entry.minLevel().atLeast(server.minAuthLevel) ? pc.entry.minLevel()
                    : server.minAuthLevel;
            if (!cov.level.atLeast(need)) {
                PeerIdentity p = cov.auth == null ? null : safePeer(cov.auth);
                LOG.warn("refused call to {} from {} ({}): authentication level {} is below the required {}",
                        pc.entry.service().name(), who(), p == null ? "anonymous" : p, cov.level.scriptName(),
                        need.scriptName());
                fault(q.callId(), q.pContId(), RpcStatus.ERROR_ACCESS_DENIED.value(), true);
                return;
            }
            current = new Call(q.callId(), pc, q.opnum(), q.object(), cov.auth, cov.level, q.drep(),
                    new Reassembler(server.limits.maxBodySize(), q.allocHintUnsigned()));
        } else if (cov.auth != current.auth || cov.level != current.level) {
            LOG.warn("closing connection from {}: fragments of call {} use different security contexts", who(),
                    q.callId());
            throw faultAndClose(q.callId(), q.pContId(), RpcStatus.NCA_S_PROTO_ERROR.value());
        } else if (!q.drep().equals(current.drep)) {
            // the stub is decoded in one byte order: every fragment must declare the first one's (as Samba checks)
            LOG.warn("closing connection from {}: fragments of call {} declare data representations {} and {}",
                    who(), q.callId(), current.drep, q.drep());
            Call c = current;
            current = null;
            throw faultAndClose(c.callId, c.ctx.id, RpcStatus.NCA_S_PROTO_ERROR.value());
        }
        if (!current.body.append(frag, layout.bodyOffset(), layout.stubLength())) {
            LOG.warn("closing connection from {}: request {} exceeds the {}-byte body limit (Limits.maxBodySize)",
                    who(), q.callId(), server.limits.maxBodySize());
            Call c = current;
            current = null;
            throw faultAndClose(c.callId, c.ctx.id, RpcStatus.ERROR_ACCESS_DENIED.value());
        }
        if (q.pfcFlags().has(PfcFlag.LAST_FRAG)) {
            Call c = current;
            current = null;
            dispatch(c);
        }
    }

    /** [MS-RPCE] 2.2.2.13.2-4: what a verification trailer asserts must hold for this request. */
    private String checkVerificationTrailer(VerificationTrailer vt, Call c) {
        for (VerificationTrailer.Command cmd : vt.commands()) {
            byte[] body = cmd.body();
            switch (cmd.type()) {
                case VerificationTrailer.SEC_VT_COMMAND_BITMASK_1 -> {
                    if (body.length != 4) {
                        return "bitmask command of " + body.length + " bytes";
                    }
                    int bits = (body[0] & 0xff) | (body[1] & 0xff) << 8 | (body[2] & 0xff) << 16 | (body[3] & 0xff) << 24;
                    if ((bits & VerificationTrailer.CLIENT_SUPPORT_HEADER_SIGNING) != 0 && !clientOfferedHeaderSign) {
                        return "says the client supports header signing, but its bind did not offer it";
                    }
                }
                case VerificationTrailer.SEC_VT_COMMAND_PCONTEXT -> {
                    if (!java.util.Arrays.equals(body, VerificationTrailer.pcontextBody(c.ctx.abstractSyntax,
                            c.ctx.transferSyntax))) {
                        return "names another presentation context than p_cont_id " + c.ctx.id;
                    }
                }
                case VerificationTrailer.SEC_VT_COMMAND_HEADER2 -> {
                    if (!java.util.Arrays.equals(body, VerificationTrailer.header2Body(PType.REQUEST.value(), c.drep,
                            c.callId, c.ctx.id, c.opnum))) {
                        return "header2 does not match the request header";
                    }
                }
                default -> {
                    if (cmd.mustProcess()) {
                        return "has unknown must-process command 0x" + Integer.toHexString(cmd.command());
                    }
                }
            }
        }
        return null;
    }

    private void dispatch(Call c) throws IOException {
        server.callsIn.incrementAndGet();
        RpcService svc = c.ctx.entry.service();
        Optional<PeerIdentity> peer = c.auth == null || !c.auth.established ? Optional.empty()
                : Optional.ofNullable(safePeer(c.auth));
        CallContext cc = new CallContext(server, id, assocGroupId, local, remote, c.ctx.abstractSyntax, c.object,
                c.level, c.auth == null ? 0 : c.auth.authType(), peer, c.drep.littleEndian(), c.callId);
        byte[] stub = c.body.toByteArray();
        Optional<VerificationTrailer> vt = VerificationTrailer.find(stub);
        if (vt.isPresent()) {
            String problem = checkVerificationTrailer(vt.get(), c);
            if (problem != null) {
                LOG.warn("refused call {} to {} from {}: verification trailer {}", c.callId, svc.name(), who(), problem);
                fault(c.callId, c.ctx.id, RpcStatus.ERROR_ACCESS_DENIED.value(), true);
                return;
            }
            stub = java.util.Arrays.copyOf(stub, vt.get().offset());
        }
        byte[] reply;
        try {
            reply = svc.invoke(cc, c.opnum, stub);
            if (reply == null) {
                reply = new byte[0];
            }
        } catch (RpcFaultException f) {
            fault(c.callId, c.ctx.id, f.status(), f.didNotExecute());
            return;
        } catch (ProtocolException e) {
            LOG.debug("{} opnum {} from {}: stub does not decode: {}", svc.name(), c.opnum, who(), e.getMessage());
            fault(c.callId, c.ctx.id, RpcStatus.RPC_X_BAD_STUB_DATA.value(), false);
            return;
        } catch (RuntimeException e) {
            LOG.error("{} opnum {} failed for {}", svc.name(), c.opnum, who(), e);
            fault(c.callId, c.ctx.id, RpcStatus.NCA_S_FAULT_UNSPEC.value(), false);
            return;
        }
        Protection p = c.auth == null ? null
                : new Protection(c.auth.context, c.level, c.auth.authType(), c.auth.contextId, headerSigning, false);
        for (byte[] f : Fragmenter.response(c.callId, c.ctx.id, reply, maxXmit, p, PackedDrep.LITTLE_ENDIAN)) {
            send(f);
        }
        server.callsOut.incrementAndGet();
        flush();
    }
}
