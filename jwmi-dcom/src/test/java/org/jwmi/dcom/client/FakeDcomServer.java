package org.jwmi.dcom.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.dcom.ops.ComplexPingRequest;
import org.jwmi.dcom.ops.ComplexPingResponse;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.OrpcStatusResponse;
import org.jwmi.dcom.ops.RemAddRefRequest;
import org.jwmi.dcom.ops.RemAddRefResponse;
import org.jwmi.dcom.ops.RemQueryInterfaceRequest;
import org.jwmi.dcom.ops.RemQueryInterfaceResponse;
import org.jwmi.dcom.ops.RemReleaseRequest;
import org.jwmi.dcom.ops.RemoteCreateInstanceRequest;
import org.jwmi.dcom.ops.ResolveOxid2Response;
import org.jwmi.dcom.ops.ResolveOxidRequest;
import org.jwmi.dcom.ops.ScmActivationResponse;
import org.jwmi.dcom.ops.ServerAlive2Response;
import org.jwmi.dcom.ops.SimplePingRequest;
import org.jwmi.dcom.ops.StatusResponse;
import org.jwmi.dcom.wire.ActivationProperties;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.CustomRemoteReplyScmInfo;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.DcomConstants;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.InstantiationInfoData;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.PropsOutInfo;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.dcom.wire.RemQiResult;
import org.jwmi.dcom.wire.ScmReplyInfoData;
import org.jwmi.dcom.wire.SecurityBinding;
import org.jwmi.dcom.wire.StdObjRef;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcServer;
import org.jwmi.rpc.server.RpcService;

/**
 * A scripted DCOM server for client tests: an object resolver (ServerAlive2, ResolveOxid2, pings, RemoteCreateInstance)
 * and an object exporter (IRemUnknown, IRemUnknown2 and the test interface {@link #ITEST}) on two loopback
 * RpcServers, answering with hand-built responses and recording every call it gets (interface, opnum, level,
 * decoded request).
 */
final class FakeDcomServer implements AutoCloseable {
    static final UUID CLSID = UUID.fromString("6c1f2e3a-0d4b-4f7e-9a51-3b2c1d0e9f01");
    static final UUID ITEST = UUID.fromString("6c1f2e3a-0d4b-4f7e-9a51-3b2c1d0e9f02");
    static final UUID IOTHER = UUID.fromString("6c1f2e3a-0d4b-4f7e-9a51-3b2c1d0e9f03");
    static final NtlmSecurityProvider NTLM = new NtlmSecurityProvider();
    static final String DOMAIN = "JWMI";
    static final String USER = "alice";
    private static final char[] PASSWORD = "S3cret-Passw0rd".toCharArray();
    private static final AtomicInteger SERVERS = new AtomicInteger();

    static final long OXID = 0x1122334455667788L;
    static final long OXID2 = 0x2233445566778899L;
    static final UUID IPID_REMUNKNOWN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID IPID_REMUNKNOWN2 = UUID.fromString("00000000-0000-0000-0000-0000000000bb");

    /** One call the fake received. */
    record Call(String iface, int opnum, AuthLevel level, Optional<UUID> object, Object request) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final RpcServer resolver;
    final RpcServer exporter;

    // scripted behaviour (set before the client acts)
    volatile int activationHr = 0;
    volatile int authnHint = AuthLevel.CONNECT.value();
    volatile ComVersion serverVersion = ComVersion.V5_7;
    volatile int stdFlags = 0;
    volatile int publicRefs = 5;
    volatile List<StringBinding> exporterBindings;
    volatile List<SecurityBinding> securityBindings = List.of(new SecurityBinding(DcomConstants.RPC_C_AUTHN_WINNT,
            ""));
    volatile Function<Integer, RuntimeException> resolverFault = op -> null;
    /** Rewrites the RemoteCreateInstance reply stub (robustness tests). */
    volatile java.util.function.UnaryOperator<byte[]> scmReply = b -> b;

    private final Map<UUID, UUID> ipidIid = Collections.synchronizedMap(new HashMap<>());
    private final Map<UUID, Long> ipidOid = Collections.synchronizedMap(new HashMap<>());
    private final AtomicInteger nextIpid = new AtomicInteger(1);
    private final AtomicInteger nextSet = new AtomicInteger(0x500);
    private volatile long lastOid = 0x1000;

    FakeDcomServer() {
        String prefix = "jwmi-fakedcom" + SERVERS.incrementAndGet();
        exporter = start(RpcServer.builder().threadNamePrefix(prefix + "-x")
                .register(AuthLevel.NONE, new Service(DcomInterfaces.IREMUNKNOWN, "IRemUnknown", this::remUnknown),
                        new Service(DcomInterfaces.IREMUNKNOWN2, "IRemUnknown2", this::remUnknown),
                        new Service(DcomInterfaces.of(ITEST), "ITest", this::itest)));
        resolver = start(RpcServer.builder().threadNamePrefix(prefix + "-r")
                .register(AuthLevel.NONE, new Service(DcomInterfaces.IOBJECTEXPORTER, "IObjectExporter",
                                this::objectExporter),
                        new Service(DcomInterfaces.IREMOTESCMACTIVATOR, "IRemoteSCMActivator", this::scm)));
        exporterBindings = List.of(StringBinding.tcp("127.0.0.1", exporter.port()));
    }

    private static RpcServer start(RpcServer.Builder b) {
        try {
            return b.bindAddress(InetAddress.getLoopbackAddress()).port(0).security(NTLM, serverOptions())
                    .minAuthLevel(AuthLevel.NONE).readTimeout(Duration.ofSeconds(5)).idleTimeout(Duration.ofSeconds(30))
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServerOptions serverOptions() {
        AccountStore accounts = (domain, user) -> user.toLowerCase(Locale.ROOT).equals(USER)
                ? Optional.of(new AccountStore.Account(DOMAIN, USER, NtlmHashes.ntOwfV1(PASSWORD)))
                : Optional.empty();
        return new ServerOptions(accounts, DOMAIN, "TESTSRV", "jwmi.test", "testsrv.jwmi.test", false,
                Clock.systemUTC(), new SecureRandom());
    }

    static Credentials alice() {
        return Credentials.ofPassword(DOMAIN, USER, PASSWORD);
    }

    /** A client for this server: NTLM, alice as default identity, resolver port of the fake, manual pings. */
    DcomClient.Builder client() {
        return DcomClient.builder().securityProvider(NTLM).resolverPort(resolver.port())
                .defaultBlanket(SecurityBlanket.builder().identity(alice()).build())
                .pingPeriod(Duration.ofHours(1))
                .rpcConfig(org.jwmi.rpc.client.ClientConfig.defaults().withReadTimeout(Duration.ofSeconds(5)))
                .threadNamePrefix("jwmi-dcomtest-" + SERVERS.get());
    }

    List<Call> calls(String iface) {
        return calls.stream().filter(c -> c.iface.equals(iface)).toList();
    }

    List<Call> calls(String iface, int opnum) {
        return calls.stream().filter(c -> c.iface.equals(iface) && c.opnum == opnum).toList();
    }

    @Override
    public void close() {
        resolver.close();
        exporter.close();
    }

    // ------------------------------------------------------------------------------------------------ services

    private record Service(SyntaxId syntax, String name, Handler handler) implements RpcService {
        @Override
        public byte[] invoke(CallContext call, int opnum, byte[] stub) {
            return handler.handle(call, opnum, stub);
        }
    }

    private interface Handler {
        byte[] handle(CallContext call, int opnum, byte[] stub);
    }

    private void record(String iface, CallContext c, int opnum, Object request) {
        calls.add(new Call(iface, opnum, c.authLevel(), c.object(), request));
    }

    private byte[] objectExporter(CallContext c, int opnum, byte[] stub) {
        RuntimeException fault = resolverFault.apply(opnum);
        if (fault != null) {
            record("IObjectExporter", c, opnum, null);
            throw fault;
        }
        switch (opnum) {
            case DcomInterfaces.OP_SERVER_ALIVE2 -> {
                record("IObjectExporter", c, opnum, null);
                return new ServerAlive2Response(serverVersion, resolverBindings(), 0, 0).encode();
            }
            case DcomInterfaces.OP_RESOLVE_OXID2 -> {
                ResolveOxidRequest r = ResolveOxidRequest.decode(stub);
                record("IObjectExporter", c, opnum, r);
                if (r.oxid() != OXID && r.oxid() != OXID2) {
                    return ResolveOxid2Response.failure(DcomStatus.OR_INVALID_OXID.value()).encode();
                }
                return new ResolveOxid2Response(new DualStringArray(exporterBindings, securityBindings),
                        IPID_REMUNKNOWN2, authnHint, serverVersion, 0).encode();
            }
            case DcomInterfaces.OP_SIMPLE_PING -> {
                SimplePingRequest r = SimplePingRequest.decode(stub);
                record("IObjectExporter", c, opnum, r);
                return new StatusResponse(0).encode();
            }
            case DcomInterfaces.OP_COMPLEX_PING -> {
                ComplexPingRequest r = ComplexPingRequest.decode(stub);
                record("IObjectExporter", c, opnum, r);
                long set = r.setId() == 0 ? nextSet.incrementAndGet() : r.setId();
                return new ComplexPingResponse(set, 0, 0).encode();
            }
            default -> throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "opnum " + opnum);
        }
    }

    DualStringArray resolverBindings() {
        return new DualStringArray(List.of(StringBinding.tcp("127.0.0.1")), securityBindings);
    }

    private byte[] scm(CallContext c, int opnum, byte[] stub) {
        if (opnum != DcomInterfaces.OP_REMOTE_CREATE_INSTANCE) {
            throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "opnum " + opnum);
        }
        RemoteCreateInstanceRequest req = RemoteCreateInstanceRequest.decode(stub);
        ObjRefCustom o = (ObjRefCustom) req.pActProperties().objRef(CustomUnmarshalerRegistry.withDcomDefaults());
        ActivationProperties in = o.objectData(ActivationProperties.class).orElseThrow();
        record("IRemoteSCMActivator", c, opnum, req);
        if (activationHr != 0) {
            return ScmActivationResponse.failure(activationHr).encode();
        }
        InstantiationInfoData inst = in.require(InstantiationInfoData.class);
        List<Integer> hrs = new ArrayList<>();
        List<MInterfacePointer> ptrs = new ArrayList<>();
        long oid = ++lastOid;
        for (UUID iid : inst.iids()) {
            if (iid.equals(ITEST) || iid.equals(Iids.IID_IUNKNOWN)) {
                hrs.add(0);
                ptrs.add(objRef(OXID, oid, iid));
            } else {
                hrs.add(DcomStatus.E_NOINTERFACE.value());
                ptrs.add(null);
            }
        }
        ActivationProperties out = ActivationProperties.of(
                PropsOutInfo.of(inst.iids(), hrs, ptrs),
                ScmReplyInfoData.of(new CustomRemoteReplyScmInfo(OXID, new DualStringArray(exporterBindings,
                        securityBindings), IPID_REMUNKNOWN2, authnHint, serverVersion)));
        return scmReply.apply(new ScmActivationResponse(OrpcThat.EMPTY, MInterfacePointer.of(out.toObjRefOut()), 0)
                .encode());
    }

    /** A new IPID for {@code iid} on object {@code oid} of exporter {@code oxid}, as an OBJREF_STANDARD. */
    MInterfacePointer objRef(long oxid, long oid, UUID iid) {
        UUID ipid = new UUID(0x1234L, nextIpid.incrementAndGet());
        ipidIid.put(ipid, iid);
        ipidOid.put(ipid, oid);
        return MInterfacePointer.of(new ObjRefStandard(iid, new StdObjRef(stdFlags, publicRefs, oxid, oid, ipid),
                resolverBindings()));
    }

    private byte[] remUnknown(CallContext c, int opnum, byte[] stub) {
        String iface = c.abstractSyntax().equals(DcomInterfaces.IREMUNKNOWN2) ? "IRemUnknown2" : "IRemUnknown";
        switch (opnum) {
            case DcomInterfaces.OP_REM_QUERY_INTERFACE -> {
                RemQueryInterfaceRequest r = RemQueryInterfaceRequest.decode(stub);
                record(iface, c, opnum, r);
                List<RemQiResult> results = new ArrayList<>();
                Long oid = ipidOid.get(r.ripid());
                for (UUID iid : r.iids()) {
                    if (oid != null && (iid.equals(ITEST) || iid.equals(IOTHER) || iid.equals(Iids.IID_IUNKNOWN))) {
                        UUID ipid = new UUID(0x5678L, nextIpid.incrementAndGet());
                        ipidIid.put(ipid, iid);
                        ipidOid.put(ipid, oid);
                        results.add(new RemQiResult(0, new StdObjRef(stdFlags, r.cRefs(), OXID, oid, ipid)));
                    } else {
                        results.add(new RemQiResult(DcomStatus.E_NOINTERFACE.value(),
                                new StdObjRef(0, 0, 0, 0, new UUID(0, 0))));
                    }
                }
                return new RemQueryInterfaceResponse(OrpcThat.EMPTY, results, 0).encode();
            }
            case DcomInterfaces.OP_REM_ADD_REF -> {
                RemAddRefRequest r = RemAddRefRequest.decode(stub);
                record(iface, c, opnum, r);
                return new RemAddRefResponse(OrpcThat.EMPTY, r.interfaceRefs().stream().map(x -> 0).toList(), 0)
                        .encode();
            }
            case DcomInterfaces.OP_REM_RELEASE -> {
                RemReleaseRequest r = RemReleaseRequest.decode(stub);
                record(iface, c, opnum, r);
                return new OrpcStatusResponse(OrpcThat.EMPTY, 0).encode();
            }
            default -> throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "opnum " + opnum);
        }
    }

    /** Last ORPCTHIS seen by ITest. */
    volatile OrpcThis lastOrpcThis;

    /**
     * ITest: opnum 3 (long x) returns (long authLevel, long x + 1, HRESULT S_OK); opnum 4 returns an interface
     * pointer on exporter OXID2 (known only through ResolveOxid2); opnum 5 fails with a fault E_ACCESSDENIED.
     */
    private byte[] itest(CallContext c, int opnum, byte[] stub) {
        NdrReader r = NdrReader.of(stub);
        OrpcThis t = OrpcThis.decode(r);
        lastOrpcThis = t;
        switch (opnum) {
            case 3 -> {
                int x = r.i32();
                r.expectEnd();
                record("ITest", c, opnum, x);
                NdrWriter w = new NdrWriter();
                OrpcThat.encode(w, OrpcThat.EMPTY);
                return w.i32(c.authLevel().value()).i32(x + 1).i32(0).toByteArray();
            }
            case 4 -> {
                record("ITest", c, opnum, null);
                NdrWriter w = new NdrWriter();
                OrpcThat.encode(w, OrpcThat.EMPTY);
                w.uniquePtr(objRef(OXID2, ++lastOid, ITEST), MInterfacePointer::encode).i32(0);
                return w.toByteArray();
            }
            case 5 -> {
                record("ITest", c, opnum, null);
                throw new RpcFaultException(DcomStatus.E_ACCESSDENIED.value(), "refused");
            }
            default -> throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "opnum " + opnum);
        }
    }

    /** Waits up to 5 s for a condition that other threads make true. */
    static void awaitTrue(java.util.function.BooleanSupplier cond, String what) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The interface an IPID was handed out for. */
    UUID iidOf(UUID ipid) {
        return ipidIid.get(ipid);
    }

    /** Reads RemRelease's references from the recorded calls. */
    List<RemInterfaceRef> released() {
        List<RemInterfaceRef> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.opnum == DcomInterfaces.OP_REM_RELEASE && c.request instanceof RemReleaseRequest r) {
                out.addAll(r.interfaceRefs());
            }
        }
        return out;
    }
}
