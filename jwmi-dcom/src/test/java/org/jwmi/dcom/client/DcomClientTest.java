package org.jwmi.dcom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.ops.ComplexPingRequest;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.RemAddRefRequest;
import org.jwmi.dcom.ops.RemQueryInterfaceRequest;
import org.jwmi.dcom.ops.RemoteCreateInstanceRequest;
import org.jwmi.dcom.ops.ResolveOxidRequest;
import org.jwmi.dcom.ops.SimplePingRequest;
import org.jwmi.dcom.wire.ActivationContextInfoData;
import org.jwmi.dcom.wire.ActivationProperties;
import org.jwmi.dcom.wire.Clsids;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.InstantiationInfoData;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.dcom.wire.ScmRequestInfoData;
import org.jwmi.dcom.wire.StdObjRefFlag;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted server: what goes on the wire for activation, calls, IRemUnknown and pings. */
class DcomClientTest {
    private static final String HOST = "127.0.0.1";
    private FakeDcomServer server;

    @BeforeEach
    void start() {
        server = new FakeDcomServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** ITest opnum 3: (level the server saw, x + 1). */
    private static int[] echo(ComProxy p, int x) {
        return p.call(3, w -> w.i32(x), r -> {
            int level = r.i32();
            int y = r.i32();
            int hr = r.i32();
            assertThat(hr).isZero();
            return new int[] {level, y};
        });
    }

    @Test
    void activationCarriesTheWindowsPropertiesAtPktIntegrityByDefault() {
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            assertThat(p.iid()).isEqualTo(FakeDcomServer.ITEST);
            assertThat(server.iidOf(p.ipid())).isEqualTo(FakeDcomServer.ITEST);
        }
        FakeDcomServer.Call alive = server.calls("IObjectExporter", DcomInterfaces.OP_SERVER_ALIVE2).get(0);
        assertThat(alive.level()).as("ServerAlive2 goes without security").isEqualTo(AuthLevel.NONE);
        FakeDcomServer.Call act = server.calls("IRemoteSCMActivator").get(0);
        assertThat(act.level()).isEqualTo(AuthLevel.PKT_INTEGRITY);
        RemoteCreateInstanceRequest req = (RemoteCreateInstanceRequest) act.request();
        assertThat(req.orpcThis().version()).isEqualTo(ComVersion.V5_7);
        assertThat(req.pUnkOuter()).isNull();
        ObjRefCustom o = (ObjRefCustom) req.pActProperties().objRef(CustomUnmarshalerRegistry.withDcomDefaults());
        ActivationProperties in = o.objectData(ActivationProperties.class).orElseThrow();
        assertThat(in.properties()).extracting(x -> x.clsid()).containsExactly(Clsids.CLSID_SPECIALSYSTEMPROPERTIES,
                Clsids.CLSID_INSTANTIATIONINFO, Clsids.CLSID_ACTIVATIONCONTEXTINFO, Clsids.CLSID_SECURITYINFO,
                Clsids.CLSID_SERVERLOCATIONINFO, Clsids.CLSID_SCMREQUESTINFO);
        InstantiationInfoData inst = in.require(InstantiationInfoData.class);
        assertThat(inst.classId()).isEqualTo(FakeDcomServer.CLSID);
        assertThat(inst.iids()).containsExactly(FakeDcomServer.ITEST);
        assertThat(inst.clientCOMVersion()).isEqualTo(ComVersion.V5_7);
        assertThat(in.require(ScmRequestInfoData.class).remoteRequest().protseqs()).containsExactly(7);
        assertThat(in.require(ActivationContextInfoData.class).pIFDClientCtx()).as("a marshaled client context")
                .isNotNull();
    }

    @Test
    void multiQiReportsEachInterfaceAndAllFailingIsAnError() {
        try (DcomClient dcom = server.client().build()) {
            List<QiResult> r = dcom.createInstance(HOST, FakeDcomServer.CLSID,
                    List.of(FakeDcomServer.IOTHER, FakeDcomServer.ITEST), SecurityBlanket.DEFAULT);
            assertThat(r.get(0).hresult()).isEqualTo(DcomStatus.E_NOINTERFACE.value());
            assertThat(r.get(0).proxy()).isNull();
            assertThat(r.get(1).proxy()).isNotNull();
            assertThatThrownBy(() -> dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.IOTHER))
                    .isInstanceOfSatisfying(DcomException.class, e -> assertThat(e.hresult())
                            .isEqualTo(DcomStatus.E_NOINTERFACE.value()))
                    .hasMessageContaining("E_NOINTERFACE (0x80004002)");
        }
    }

    @Test
    void aDefaultLevelBecomesTheExportersHintAnExplicitOneIsKept() {
        server.authnHint = AuthLevel.PKT_PRIVACY.value();
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            assertThat(echo(p, 41)).containsExactly(AuthLevel.PKT_PRIVACY.value(), 42);
            assertThat(p.authnLevel()).isEqualTo(AuthLevel.PKT_PRIVACY);
            p.setBlanket(SecurityBlanket.builder().authnLevel(AuthLevel.PKT_INTEGRITY).build());
            assertThat(echo(p, 1)[0]).isEqualTo(AuthLevel.PKT_INTEGRITY.value());
        }
        server.calls.clear();
        server.authnHint = AuthLevel.NONE.value();
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            assertThat(echo(p, 1)[0]).as("a hint below connect gives connect").isEqualTo(AuthLevel.CONNECT.value());
        }
    }

    @Test
    void eachProxyAndItsIUnknownCallsRunUnderItsOwnBlanket() {
        try (DcomClient dcom = server.client().build()) {
            ComProxy a = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST,
                    SecurityBlanket.builder().authnLevel(AuthLevel.PKT_PRIVACY).build());
            ComProxy b = a.queryInterface(FakeDcomServer.IOTHER);
            assertThat(b.blanket().authnLevel()).as("QI keeps the blanket").isEqualTo(AuthLevel.PKT_PRIVACY);
            b.setBlanket(SecurityBlanket.builder().authnLevel(AuthLevel.PKT_INTEGRITY).build());
            ComProxy c = b.queryInterface(FakeDcomServer.ITEST);
            assertThat(echo(a, 1)[0]).isEqualTo(AuthLevel.PKT_PRIVACY.value());
            assertThat(echo(c, 1)[0]).isEqualTo(AuthLevel.PKT_INTEGRITY.value());
            List<FakeDcomServer.Call> qi = server.calls("IRemUnknown2", DcomInterfaces.OP_REM_QUERY_INTERFACE);
            assertThat(qi).extracting(FakeDcomServer.Call::level).containsExactly(AuthLevel.PKT_PRIVACY,
                    AuthLevel.PKT_INTEGRITY);
            assertThat(qi).extracting(x -> ((RemQueryInterfaceRequest) x.request()).ripid()).containsExactly(a.ipid(),
                    b.ipid());
            assertThat(qi).extracting(FakeDcomServer.Call::object)
                    .allMatch(o -> o.orElseThrow().equals(FakeDcomServer.IPID_REMUNKNOWN2));
            assertThat(server.exporter.activeConnections()).as("one connection per blanket").isEqualTo(2);
            b.release();
            c.release();
            FakeDcomServer.Call rel = server.calls("IRemUnknown2", DcomInterfaces.OP_REM_RELEASE).get(0);
            assertThat(rel.level()).isEqualTo(AuthLevel.PKT_INTEGRITY);
            assertThat(server.released()).extracting(RemInterfaceRef::ipid).containsExactly(b.ipid(), c.ipid());
            assertThat(server.released()).extracting(RemInterfaceRef::cPublicRefs).containsExactly(1, 1);
            FakeDcomServer.awaitTrue(() -> server.exporter.activeConnections() == 1,
                    "the integrity connection closes with its last proxy");
            a.release();
            assertThat(server.released().get(2).cPublicRefs()).as("all five refs of the activation").isEqualTo(5);
            assertThat(server.calls("IRemUnknown2", DcomInterfaces.OP_REM_RELEASE).get(2).level())
                    .isEqualTo(AuthLevel.PKT_PRIVACY);
            FakeDcomServer.awaitTrue(() -> server.exporter.activeConnections() == 0, "no proxy left");
            assertThatThrownBy(() -> echo(a, 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("released");
        }
    }

    @Test
    void theServersComVersionIsAdoptedInOrpcThis() {
        server.serverVersion = ComVersion.V5_6;
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            echo(p, 1);
            assertThat(p.serverVersion()).isEqualTo(ComVersion.V5_6);
            assertThat(server.lastOrpcThis.version()).isEqualTo(ComVersion.V5_6);
            assertThat(server.lastOrpcThis.flags()).isZero();
            UUID cid1 = server.lastOrpcThis.cid();
            echo(p, 1);
            assertThat(server.lastOrpcThis.cid()).as("a new causality id per call").isNotEqualTo(cid1);
            RemoteCreateInstanceRequest act = (RemoteCreateInstanceRequest) server.calls("IRemoteSCMActivator").get(0)
                    .request();
            assertThat(act.orpcThis().version()).as("from ServerAlive2").isEqualTo(ComVersion.V5_6);
        }
    }

    @Test
    void bindingsAreTriedInOrderPreferringTheDialledAddress() throws IOException {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        int live = server.exporter.port();
        server.exporterBindings = List.of(StringBinding.tcp("testsrv.invalid", live),
                StringBinding.tcp("127.0.0.1", dead), StringBinding.tcp("127.0.0.2", live),
                StringBinding.tcp("127.0.0.1", live));
        List<String> attempts = new CopyOnWriteArrayList<>();
        try (DcomClient dcom = server.client().connector((h, port, cfg) -> {
            attempts.add(h + ":" + port);
            return RpcConnection.connect(h, port, cfg);
        }).build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            attempts.clear();
            echo(p, 1);
            assertThat(attempts).containsExactly("127.0.0.1:" + dead, "127.0.0.1:" + live);
        }
    }

    @Test
    void noReachableBindingIsServerUnavailable() throws IOException {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        server.exporterBindings = List.of(StringBinding.tcp("127.0.0.1", dead), StringBinding.tcp("127.0.0.1"));
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            assertThatThrownBy(() -> echo(p, 1)).isInstanceOfSatisfying(DcomException.class,
                    e -> assertThat(e.hresult()).isEqualTo(DcomStatus.RPC_S_SERVER_UNAVAILABLE.value()))
                    .hasMessageContaining("127.0.0.1:" + dead);
        }
    }

    @Test
    void pingsSendTheSetThenSimplePingThenTheDeletions() {
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            ComProxy q = p.queryInterface(FakeDcomServer.IOTHER);
            assertThat(dcom.pingedOids(HOST)).containsExactly(p.oid());
            dcom.pingNow();
            dcom.pingNow();
            p.release();
            dcom.pingNow();
            q.release();
            dcom.pingNow();
            dcom.pingNow();
            List<FakeDcomServer.Call> pings = server.calls("IObjectExporter").stream()
                    .filter(c -> c.opnum() == DcomInterfaces.OP_COMPLEX_PING || c.opnum() == DcomInterfaces.OP_SIMPLE_PING)
                    .toList();
            assertThat(pings).hasSize(4);
            ComplexPingRequest first = (ComplexPingRequest) pings.get(0).request();
            assertThat(first.setId()).isZero();
            assertThat(first.sequenceNum()).isEqualTo(1);
            assertThat(first.addToSet()).containsExactly(p.oid());
            assertThat(first.delFromSet()).isEmpty();
            long set = ((SimplePingRequest) pings.get(1).request()).setId();
            assertThat(set).isNotZero();
            assertThat(pings.get(2).opnum()).as("q still holds the OID").isEqualTo(DcomInterfaces.OP_SIMPLE_PING);
            ComplexPingRequest last = (ComplexPingRequest) pings.get(3).request();
            assertThat(last.setId()).isEqualTo(set);
            assertThat(last.sequenceNum()).isEqualTo(2);
            assertThat(last.addToSet()).isEmpty();
            assertThat(last.delFromSet()).containsExactly(p.oid());
            assertThat(pings).extracting(FakeDcomServer.Call::level).allMatch(l -> l.atLeast(AuthLevel.PKT_INTEGRITY));
            assertThat(dcom.pingedOids(HOST)).isEmpty();
        }
    }

    @Test
    void noPingObjectsAreNotPinged() {
        server.stdFlags = StdObjRefFlag.SORF_NOPING.value();
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            assertThat(p.pinged()).isFalse();
            dcom.pingNow();
            assertThat(server.calls("IObjectExporter", DcomInterfaces.OP_COMPLEX_PING)).isEmpty();
        }
    }

    @Test
    void aReferenceWithoutPublicRefsIsAddRefed() {
        server.publicRefs = 0;
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            RemAddRefRequest add = (RemAddRefRequest) server.calls("IRemUnknown2", DcomInterfaces.OP_REM_ADD_REF)
                    .get(0).request();
            assertThat(add.interfaceRefs()).containsExactly(new RemInterfaceRef(p.ipid(), 1, 0));
            assertThat(p.publicRefs()).isEqualTo(1);
        }
        assertThat(server.released()).extracting(RemInterfaceRef::cPublicRefs).containsExactly(1);
    }

    @Test
    void activationAccessDeniedTellsWhatLevelToUse() {
        server.activationHr = DcomStatus.E_ACCESSDENIED.value();
        try (DcomClient dcom = server.client().build()) {
            SecurityBlanket connect = SecurityBlanket.builder().authnLevel(AuthLevel.CONNECT).build();
            assertThatThrownBy(() -> dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST, connect))
                    .isInstanceOfSatisfying(DcomException.class, e -> {
                        assertThat(e.hresult()).isEqualTo(0x80070005);
                        assertThat(e.hresultName()).isEqualTo("E_ACCESSDENIED");
                    })
                    .hasMessageStartingWith("E_ACCESSDENIED (0x80070005)")
                    .hasMessageContaining("the server requires authenticationLevel=pktIntegrity or higher");
            assertThat(server.calls("IRemoteSCMActivator").get(0).level()).isEqualTo(AuthLevel.CONNECT);
        }
    }

    @Test
    void anUnknownClassIsClassNotRegistered() {
        server.activationHr = DcomStatus.REGDB_E_CLASSNOTREG.value();
        try (DcomClient dcom = server.client().build()) {
            assertThatThrownBy(() -> dcom.createInstance(HOST, UUID.randomUUID(), FakeDcomServer.ITEST))
                    .isInstanceOfSatisfying(DcomException.class, e -> assertThat(e.hresult()).isEqualTo(0x80040154))
                    .hasMessageStartingWith("REGDB_E_CLASSNOTREG (0x80040154)")
                    .hasMessageContaining("check the CLSID");
            assertThat(dcom.liveProxies()).isZero();
        }
    }

    @Test
    void aFaultOfAnOrpcCallIsADcomExceptionWithAdvice() {
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            assertThatThrownBy(() -> p.call(5, new byte[0])).isInstanceOfSatisfying(DcomException.class,
                    e -> assertThat(e.hresult()).isEqualTo(DcomStatus.E_ACCESSDENIED.value()))
                    .hasMessageContaining("authenticationLevel=connect")
                    .hasMessageContaining("pktIntegrity or higher");
            assertThatThrownBy(() -> p.call(9, new byte[0])).isInstanceOfSatisfying(DcomException.class,
                    e -> assertThat(e.hresultName()).isEqualTo("nca_s_op_rng_error"));
            assertThatThrownBy(() -> p.call(1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThat(echo(p, 7)[1]).as("the proxy still works").isEqualTo(8);
        }
    }

    @Test
    void unmarshaledReferencesResolveTheirOxidOnceAtPktIntegrity() {
        try (DcomClient dcom = server.client().build()) {
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
            MInterfacePointer ip1 = p.call(4, w -> { }, DcomClientTest::pointerAndHr);
            MInterfacePointer ip2 = p.call(4, w -> { }, DcomClientTest::pointerAndHr);
            ComProxy o1 = p.unmarshal(ip1);
            ComProxy o2 = p.unmarshal(ip2);
            assertThat(o1.oxid()).isEqualTo(FakeDcomServer.OXID2);
            assertThat(echo(o1, 1)[1]).isEqualTo(2);
            assertThat(echo(o2, 2)[1]).isEqualTo(3);
            List<FakeDcomServer.Call> resolves = server.calls("IObjectExporter", DcomInterfaces.OP_RESOLVE_OXID2);
            assertThat(resolves).hasSize(1);
            assertThat(((ResolveOxidRequest) resolves.get(0).request()).oxid()).isEqualTo(FakeDcomServer.OXID2);
            assertThat(((ResolveOxidRequest) resolves.get(0).request()).requestedProtseqs()).containsExactly(7);
            assertThat(resolves.get(0).level()).isEqualTo(AuthLevel.PKT_INTEGRITY);
            assertThat(dcom.pingedOids(HOST)).containsExactlyInAnyOrder(p.oid(), o1.oid(), o2.oid());
        }
    }

    private static MInterfacePointer pointerAndHr(org.jwmi.ndr.NdrReader r) {
        MInterfacePointer ip = r.uniquePtr(MInterfacePointer::decode);
        assertThat(r.i32()).isZero();
        return ip;
    }

    @Test
    void closingReleasesEverythingAndJoinsThePingThread() {
        DcomClient dcom = server.client().threadNamePrefix("jwmi-dcomclose").build();
        ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST);
        ComProxy q = p.queryInterface(FakeDcomServer.IOTHER);
        dcom.pingNow();
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("jwmi-dcomclose-ping"));
        dcom.close();
        assertThat(server.released()).extracting(RemInterfaceRef::ipid).containsExactlyInAnyOrder(p.ipid(), q.ipid());
        ComplexPingRequest last = (ComplexPingRequest) server.calls("IObjectExporter", DcomInterfaces.OP_COMPLEX_PING)
                .get(1).request();
        assertThat(last.delFromSet()).containsExactly(p.oid());
        assertThat(dcom.openConnections()).isZero();
        assertThat(dcom.liveProxies()).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("jwmi-dcomclose-ping")
                && t.isAlive());
        FakeDcomServer.awaitTrue(() -> server.exporter.activeConnections() == 0
                && server.resolver.activeConnections() == 0, "every connection closed");
        assertThatThrownBy(() -> dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST))
                .isInstanceOf(IllegalStateException.class);
        dcom.close();
    }

    @Test
    void theResolverPortMustAnswer() throws IOException {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        try (DcomClient dcom = server.client().resolverPort(dead).build()) {
            assertThatThrownBy(() -> dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST))
                    .isInstanceOfSatisfying(DcomException.class, e -> assertThat(e.hresult())
                            .isEqualTo(DcomStatus.RPC_S_SERVER_UNAVAILABLE.value()))
                    .hasMessageContaining("127.0.0.1:" + dead).hasMessageContaining("check the host, the port");
        }
    }

    @Test
    void withoutAnIdentityTheClientSaysWhatToSet() {
        try (DcomClient dcom = server.client().defaultBlanket(SecurityBlanket.DEFAULT).build()) {
            assertThatThrownBy(() -> dcom.createInstance(HOST, FakeDcomServer.CLSID, FakeDcomServer.ITEST))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("SecurityBlanket.identity");
            ComProxy p = dcom.createInstance(HOST, FakeDcomServer.CLSID, Iids.IID_IUNKNOWN,
                    SecurityBlanket.builder().authnLevel(AuthLevel.NONE).build());
            assertThat(server.calls("IRemoteSCMActivator").get(0).level()).isEqualTo(AuthLevel.NONE);
            p.release();
        }
    }
}
