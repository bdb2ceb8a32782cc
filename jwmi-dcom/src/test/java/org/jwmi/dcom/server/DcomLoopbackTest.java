package org.jwmi.dcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.ops.ComplexPingRequest;
import org.jwmi.dcom.ops.ComplexPingResponse;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.EmptyRequest;
import org.jwmi.dcom.ops.OrpcStatusResponse;
import org.jwmi.dcom.ops.RemAddRefRequest;
import org.jwmi.dcom.ops.RemAddRefResponse;
import org.jwmi.dcom.ops.RemQueryInterface2Request;
import org.jwmi.dcom.ops.RemQueryInterface2Response;
import org.jwmi.dcom.ops.RemQueryInterfaceRequest;
import org.jwmi.dcom.ops.RemQueryInterfaceResponse;
import org.jwmi.dcom.ops.RemReleaseRequest;
import org.jwmi.dcom.ops.RemoteActivationRequest;
import org.jwmi.dcom.ops.RemoteActivationResponse;
import org.jwmi.dcom.ops.RemoteGetClassObjectRequest;
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
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.PropsOutInfo;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.dcom.wire.ScmReplyInfoData;
import org.jwmi.dcom.wire.SecurityBinding;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Raw RPC calls against a loopback DcomServer: activation, OXID resolution, IRemUnknown, ORPC calls, pinging. */
class DcomLoopbackTest {

    static DcomFixture fx;
    static final CustomUnmarshalerRegistry REGISTRY = CustomUnmarshalerRegistry.withDcomDefaults();

    @BeforeAll
    static void start() throws Exception {
        fx = new DcomFixture(b -> { });
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** What an activation handed out. */
    record Activated(long oxid, UUID ipidRemUnknown, ObjRefStandard objRef, DualStringArray bindings, int authnHint) {
    }

    static Activated activate(RpcBinding scm, List<UUID> iids) {
        ScmActivationResponse r = DcomFixture.createInstance(scm, EchoClass.CLSID, iids);
        assertThat(r.hresult()).as(DcomStatus.describe(r.hresult())).isZero();
        ActivationProperties out = DcomFixture.propertiesOut(r);
        PropsOutInfo props = out.require(PropsOutInfo.class);
        CustomRemoteReplyScmInfo reply = out.require(ScmReplyInfoData.class).remoteReply();
        assertThat(out.properties().get(0)).isInstanceOf(PropsOutInfo.class);
        ObjRefStandard o = (ObjRefStandard) props.ppIntfData().get(0).objRef(REGISTRY);
        return new Activated(reply.oxid(), reply.ipidRemUnknown(), o, reply.pdsaOxidBindings(), reply.authnHint());
    }

    static byte[] orpc(NdrWriter body) {
        NdrWriter w = new NdrWriter();
        OrpcThis.encode(w, DcomFixture.orpcThis(ComVersion.V5_7, 0));
        w.bytes(body.toByteArray());
        return w.toByteArray();
    }

    /** Calls method 3 (Echo / Twice) on {@code ipid} and returns {result, hresult}. */
    static int[] echo(RpcBinding b, UUID ipid, int v) {
        NdrReader r = NdrReader.of(b.call(3, orpc(new NdrWriter().i32(v)), Optional.of(ipid)));
        OrpcThat.decode(r);
        int[] out = {r.i32(), r.i32()};
        r.expectEnd();
        return out;
    }

    @Test
    void activationRepliesWithObjrefBindingsHintAndVersion() throws Exception {
        try (RpcConnection c = fx.connectResolver()) {
            RpcBinding scm = c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            ScmActivationResponse r = DcomFixture.createInstance(scm, EchoClass.CLSID,
                    List.of(EchoClass.IID_IECHO, UUID.randomUUID()));
            assertThat(r.hresult()).isZero();
            ActivationProperties out = DcomFixture.propertiesOut(r);
            PropsOutInfo props = out.require(PropsOutInfo.class);
            assertThat(props.phresults()).containsExactly(0, DcomStatus.E_NOINTERFACE.value());
            assertThat(props.ppIntfData().get(1)).isNull();
            CustomRemoteReplyScmInfo reply = out.require(ScmReplyInfoData.class).remoteReply();
            int port = fx.dcom.exporterPort();
            assertThat(reply.pdsaOxidBindings().stringBindings()).containsExactly(
                    StringBinding.tcp("127.0.0.1[" + port + "]"),
                    StringBinding.tcp(DcomFixture.HOST + "[" + port + "]"));
            assertThat(reply.pdsaOxidBindings().securityBindings()).containsExactly(
                    new SecurityBinding(10, DcomFixture.HOST));
            assertThat(reply.authnHint()).isEqualTo(AuthLevel.PKT_INTEGRITY.value());
            assertThat(reply.serverVersion()).isEqualTo(ComVersion.V5_7);
            assertThat(reply.oxid()).isEqualTo(fx.dcom.exporter().oxid());
            ObjRefStandard o = (ObjRefStandard) props.ppIntfData().get(0).objRef(REGISTRY);
            assertThat(o.iid()).isEqualTo(EchoClass.IID_IECHO);
            assertThat(o.std().cPublicRefs()).isEqualTo(5);
            assertThat(o.std().oxid()).isEqualTo(reply.oxid());
            assertThat(o.std().flags()).isZero();
            assertThat(o.saResAddr().stringBindings()).containsExactly(StringBinding.tcp("127.0.0.1"),
                    StringBinding.tcp(DcomFixture.HOST));
        }
    }

    @Test
    void orpcCallsRemQueryInterfaceAddRefAndReleaseManageTheObject() throws Exception {
        int releasedBefore = fx.echo.released.get();
        Activated a;
        try (RpcConnection c = fx.connectResolver()) {
            a = activate(c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.PKT_PRIVACY)),
                    List.of(EchoClass.IID_IECHO));
        }
        UUID echoIpid = a.objRef().std().ipid();
        try (RpcConnection c = fx.connectExporter()) {
            RpcBinding echo = c.bind(DcomInterfaces.of(EchoClass.IID_IECHO), DcomFixture.ntlm(AuthLevel.PKT_PRIVACY));
            assertThat(echo(echo, echoIpid, 21)).containsExactly(21, 0);
            assertThat(echo(echo, echoIpid, -1)).containsExactly(-1, DcomStatus.E_INVALIDARG.value());

            RpcBinding ru = echo.alterContext(DcomInterfaces.IREMUNKNOWN);
            RemQueryInterfaceResponse qi = RemQueryInterfaceResponse.decode(ru.call(
                    DcomInterfaces.OP_REM_QUERY_INTERFACE,
                    new RemQueryInterfaceRequest(DcomFixture.orpcThis(ComVersion.V5_7, 0), echoIpid, 2,
                            List.of(EchoClass.IID_IECHO_AGAIN, Iids.IID_IUNKNOWN, UUID.randomUUID())).encode(),
                    Optional.of(a.ipidRemUnknown())));
            assertThat(qi.hresult()).isEqualTo(DcomStatus.S_FALSE.value());
            assertThat(qi.ppQIResults()).extracting(x -> x.hResult())
                    .containsExactly(0, 0, DcomStatus.E_NOINTERFACE.value());
            UUID againIpid = qi.ppQIResults().get(0).std().ipid();
            assertThat(qi.ppQIResults().get(0).std().oid()).isEqualTo(a.objRef().std().oid());
            assertThat(qi.ppQIResults().get(0).std().cPublicRefs()).isEqualTo(2);
            UUID unknownIpid = qi.ppQIResults().get(1).std().ipid();

            RpcBinding again = echo.alterContext(DcomInterfaces.of(EchoClass.IID_IECHO_AGAIN));
            assertThat(echo(again, againIpid, 21)).containsExactly(42, 0);

            RemAddRefResponse add = RemAddRefResponse.decode(ru.call(DcomInterfaces.OP_REM_ADD_REF,
                    new RemAddRefRequest(DcomFixture.orpcThis(ComVersion.V5_7, 0), List.of(
                            new RemInterfaceRef(againIpid, 3, 1), new RemInterfaceRef(UUID.randomUUID(), 1, 0)))
                            .encode(), Optional.of(a.ipidRemUnknown())));
            assertThat(add.pResults()).containsExactly(0, DcomStatus.CO_E_OBJNOTREG.value());
            assertThat(fx.dcom.exporter().refs(againIpid)).containsExactly(5, 1);

            release(ru, a.ipidRemUnknown(), new RemInterfaceRef(againIpid, 5, 1),
                    new RemInterfaceRef(unknownIpid, 2, 0));
            assertThat(fx.dcom.exporter().refs(againIpid)).isNull();
            assertThat(fx.dcom.exporter().isExported(a.objRef().std().oid())).isTrue();
            assertThat(fx.echo.released.get()).isEqualTo(releasedBefore);

            release(ru, a.ipidRemUnknown(), new RemInterfaceRef(echoIpid, 4, 0));
            assertThat(fx.dcom.exporter().refs(echoIpid)).containsExactly(1, 0);
            release(ru, a.ipidRemUnknown(), new RemInterfaceRef(echoIpid, 9, 0));
            assertThat(fx.dcom.exporter().isExported(a.objRef().std().oid())).isFalse();
            assertThat(fx.echo.released.get()).isEqualTo(releasedBefore + 1);

            assertThatThrownBy(() -> echo(echo, echoIpid, 1)).isInstanceOfSatisfying(RpcFaultException.class,
                    f -> assertThat(f.status()).isEqualTo(DcomStatus.RPC_E_DISCONNECTED.value()));
            RemQueryInterfaceResponse gone = RemQueryInterfaceResponse.decode(ru.call(
                    DcomInterfaces.OP_REM_QUERY_INTERFACE, new RemQueryInterfaceRequest(DcomFixture.orpcThis(
                            ComVersion.V5_7, 0), echoIpid, 1, List.of(EchoClass.IID_IECHO)).encode(),
                    Optional.of(a.ipidRemUnknown())));
            assertThat(gone.hresult()).isEqualTo(DcomStatus.RPC_E_INVALID_OBJECT.value());
            assertThat(gone.ppQIResults()).isNull();
        }
    }

    static void release(RpcBinding ru, UUID ipidRemUnknown, RemInterfaceRef... refs) {
        OrpcStatusResponse r = OrpcStatusResponse.decode(ru.call(DcomInterfaces.OP_REM_RELEASE,
                new RemReleaseRequest(DcomFixture.orpcThis(ComVersion.V5_7, 0), List.of(refs)).encode(),
                Optional.of(ipidRemUnknown)));
        assertThat(r.hresult()).isZero();
    }

    @Test
    void remQueryInterface2ReturnsObjrefsAndOnlyOnIRemUnknown2() throws Exception {
        Activated a;
        try (RpcConnection c = fx.connectResolver()) {
            a = activate(c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY)),
                    List.of(EchoClass.IID_IECHO));
        }
        try (RpcConnection c = fx.connectExporter()) {
            RpcBinding ru2 = c.bind(DcomInterfaces.IREMUNKNOWN2, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            byte[] stub = new RemQueryInterface2Request(DcomFixture.orpcThis(ComVersion.V5_7, 0),
                    a.objRef().std().ipid(), List.of(EchoClass.IID_IECHO_AGAIN, UUID.randomUUID())).encode();
            RemQueryInterface2Response r = RemQueryInterface2Response.decode(ru2.call(
                    DcomInterfaces.OP_REM_QUERY_INTERFACE2, stub, Optional.of(a.ipidRemUnknown())));
            assertThat(r.hresult()).isEqualTo(DcomStatus.S_FALSE.value());
            assertThat(r.phr()).containsExactly(0, DcomStatus.E_NOINTERFACE.value());
            ObjRefStandard o = (ObjRefStandard) r.ppMIF().get(0).objRef(REGISTRY);
            assertThat(o.iid()).isEqualTo(EchoClass.IID_IECHO_AGAIN);
            assertThat(o.std().oxid()).isEqualTo(a.oxid());
            assertThat(r.ppMIF().get(1)).isNull();
            RpcBinding ru = ru2.alterContext(DcomInterfaces.IREMUNKNOWN);
            assertThatThrownBy(() -> ru.call(DcomInterfaces.OP_REM_QUERY_INTERFACE2, stub,
                    Optional.of(a.ipidRemUnknown()))).isInstanceOfSatisfying(RpcFaultException.class,
                    f -> assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR.value()));
        }
    }

    @Test
    void activationBelowIntegrityIsRefusedWithAccessDenied() throws Exception {
        int created = fx.echo.created.get();
        for (AuthLevel level : List.of(AuthLevel.NONE, AuthLevel.CONNECT)) {
            try (RpcConnection c = fx.connectResolver()) {
                RpcBinding scm = c.bind(DcomInterfaces.IREMOTESCMACTIVATOR,
                        level == AuthLevel.NONE ? org.jwmi.rpc.client.SecuritySpec.none() : DcomFixture.ntlm(level));
                ScmActivationResponse r = DcomFixture.createInstance(scm, EchoClass.CLSID,
                        List.of(EchoClass.IID_IECHO));
                assertThat(r.hresult()).isEqualTo(DcomStatus.E_ACCESSDENIED.value());
                assertThat(r.ppActProperties()).isNull();
                RpcBinding act = scm.alterContext(DcomInterfaces.IACTIVATION);
                RemoteActivationResponse ra = RemoteActivationResponse.decode(act.call(
                        DcomInterfaces.OP_REMOTE_ACTIVATION, RemoteActivationRequest.of(DcomFixture.orpcThis(
                                ComVersion.V5_7, 0), EchoClass.CLSID, List.of(EchoClass.IID_IECHO)).encode()));
                assertThat(ra.hr()).isEqualTo(DcomStatus.E_ACCESSDENIED.value());
                assertThat(ra.ppInterfaceData()).containsExactly((MInterfacePointer) null);
            }
        }
        assertThat(fx.echo.created.get()).isEqualTo(created);
    }

    @Test
    void activationAtConnectSucceedsWithHardeningOff() throws Exception {
        try (DcomFixture open = new DcomFixture(b -> b.activationHardening(false).exporterAuthLevel(AuthLevel.CONNECT));
             RpcConnection c = open.connectResolver()) {
            RpcBinding scm = c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.CONNECT));
            Activated a = activate(scm, List.of(EchoClass.IID_IECHO));
            assertThat(a.authnHint()).isEqualTo(AuthLevel.CONNECT.value());
            try (RpcConnection e = open.connectExporter()) {
                RpcBinding echo = e.bind(DcomInterfaces.of(EchoClass.IID_IECHO), DcomFixture.ntlm(AuthLevel.CONNECT));
                assertThat(echo(echo, a.objRef().std().ipid(), 5)).containsExactly(5, 0);
            }
        }
    }

    @Test
    void unknownClassIsNotRegistered() throws Exception {
        try (RpcConnection c = fx.connectResolver()) {
            RpcBinding scm = c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            ScmActivationResponse r = DcomFixture.createInstance(scm, UUID.randomUUID(), List.of(Iids.IID_IUNKNOWN));
            assertThat(r.hresult()).isEqualTo(DcomStatus.REGDB_E_CLASSNOTREG.value());
            assertThat(r.ppActProperties()).isNull();
            RemoteActivationResponse ra = RemoteActivationResponse.decode(scm.alterContext(DcomInterfaces.IACTIVATION)
                    .call(0, RemoteActivationRequest.of(DcomFixture.orpcThis(ComVersion.V5_7, 0), UUID.randomUUID(),
                            List.of(Iids.IID_IUNKNOWN, EchoClass.IID_IECHO)).encode()));
            assertThat(ra.hr()).isEqualTo(DcomStatus.REGDB_E_CLASSNOTREG.value());
            assertThat(ra.pResults()).containsExactly(0, 0);
        }
    }

    @Test
    void unsupportedComVersionsGetVersionMismatch() throws Exception {
        try (RpcConnection c = fx.connectResolver()) {
            RpcBinding scm = c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            for (ComVersion v : List.of(new ComVersion(6, 1), new ComVersion(5, 8), new ComVersion(5, 0))) {
                byte[] stub = new org.jwmi.dcom.ops.RemoteCreateInstanceRequest(DcomFixture.orpcThis(v, 1), null,
                        MInterfacePointer.of(DcomFixture.activationIn(EchoClass.CLSID, List.of(EchoClass.IID_IECHO), v)
                                .toObjRefIn())).encode();
                ScmActivationResponse r = ScmActivationResponse.decode(scm.call(4, stub));
                assertThat(r.hresult()).as(v.toString()).isEqualTo(DcomStatus.RPC_E_VERSION_MISMATCH.value());
            }
            Activated a = activate(scm, List.of(EchoClass.IID_IECHO));
            try (RpcConnection e = fx.connectExporter()) {
                RpcBinding echo = e.bind(DcomInterfaces.of(EchoClass.IID_IECHO),
                        DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
                NdrWriter w = new NdrWriter();
                OrpcThis.encode(w, DcomFixture.orpcThis(new ComVersion(4, 1), 0));
                w.i32(1);
                assertThatThrownBy(() -> echo.call(3, w.toByteArray(), Optional.of(a.objRef().std().ipid())))
                        .isInstanceOfSatisfying(RpcFaultException.class, f -> assertThat(f.status())
                                .isEqualTo(DcomStatus.RPC_E_VERSION_MISMATCH.value()));
                assertThat(echo(echo, a.objRef().std().ipid(), 3)).containsExactly(3, 0);
                NdrWriter flagged = new NdrWriter();
                OrpcThis.encode(flagged, DcomFixture.orpcThis(ComVersion.V5_1, 4));
                flagged.i32(1);
                assertThatThrownBy(() -> echo.call(3, flagged.toByteArray(), Optional.of(a.objRef().std().ipid())))
                        .isInstanceOfSatisfying(RpcFaultException.class, f -> assertThat(f.status())
                                .isEqualTo(DcomStatus.RPC_E_INVALID_HEADER.value()));
            }
        }
    }

    @Test
    void serverAlive2AndResolveOxid2ReturnTheDialledAddress() throws Exception {
        try (RpcConnection c = fx.connectResolver()) {
            RpcBinding ox = c.bind(DcomInterfaces.IOBJECTEXPORTER, org.jwmi.rpc.client.SecuritySpec.none());
            ServerAlive2Response alive = ServerAlive2Response.decode(ox.call(DcomInterfaces.OP_SERVER_ALIVE2,
                    EmptyRequest.INSTANCE.encode()));
            assertThat(alive.errorStatus()).isZero();
            assertThat(alive.comVersion()).isEqualTo(ComVersion.V5_7);
            assertThat(alive.ppdsaOrBindings().stringBindings()).containsExactly(StringBinding.tcp("127.0.0.1"),
                    StringBinding.tcp(DcomFixture.HOST));
            assertThat(StatusResponse.decode(ox.call(DcomInterfaces.OP_SERVER_ALIVE, new byte[0])).errorStatus())
                    .isZero();

            byte[] q = new ResolveOxidRequest(fx.dcom.exporter().oxid(), List.of(7)).encode();
            ResolveOxid2Response r = ResolveOxid2Response.decode(ox.call(DcomInterfaces.OP_RESOLVE_OXID2, q));
            assertThat(r.errorStatus()).isZero();
            assertThat(r.ipidRemUnknown()).isEqualTo(fx.dcom.exporter().ipidRemUnknown());
            assertThat(r.comVersion()).isEqualTo(ComVersion.V5_7);
            assertThat(r.ppdsaOxidBindings().stringBindings().get(0))
                    .isEqualTo(StringBinding.tcp("127.0.0.1", fx.dcom.exporterPort()));
            ResolveOxid2Response bad = ResolveOxid2Response.decode(ox.call(DcomInterfaces.OP_RESOLVE_OXID2,
                    new ResolveOxidRequest(fx.dcom.exporter().oxid() + 1, List.of(7)).encode()));
            assertThat(bad.errorStatus()).isEqualTo(DcomStatus.OR_INVALID_OXID.value());
            assertThat(bad.ppdsaOxidBindings()).isNull();
            assertThatThrownBy(() -> ox.call(9, new byte[0])).isInstanceOfSatisfying(RpcFaultException.class,
                    f -> assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR.value()));
        }
    }

    @Test
    void callsBelowTheObjectsLevelAreRefused() throws Exception {
        UUID clsid = UUID.randomUUID();
        fx.dcom.classes().register(clsid, ctx -> new ComObject() {
            @Override
            public OrpcDispatcher queryInterface(UUID iid) {
                return EchoClass.IID_IECHO.equals(iid) ? call -> OrpcReply.of(new NdrWriter().i32(7).i32(0)) : null;
            }

            @Override
            public AuthLevel minAuthLevel() {
                return AuthLevel.PKT_PRIVACY;
            }
        });
        ObjRefStandard o;
        try (RpcConnection c = fx.connectResolver()) {
            ScmActivationResponse r = DcomFixture.createInstance(c.bind(DcomInterfaces.IREMOTESCMACTIVATOR,
                    DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY)), clsid, List.of(EchoClass.IID_IECHO));
            o = (ObjRefStandard) DcomFixture.propertiesOut(r).require(PropsOutInfo.class).ppIntfData().get(0)
                    .objRef(REGISTRY);
        }
        try (RpcConnection c = fx.connectExporter()) {
            RpcBinding b = c.bind(DcomInterfaces.of(EchoClass.IID_IECHO), DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            assertThatThrownBy(() -> echo(b, o.std().ipid(), 1)).isInstanceOfSatisfying(RpcFaultException.class,
                    f -> assertThat(f.status()).isEqualTo(DcomStatus.E_ACCESSDENIED.value()));
        }
        try (RpcConnection c = fx.connectExporter()) {
            RpcBinding b = c.bind(DcomInterfaces.of(EchoClass.IID_IECHO), DcomFixture.ntlm(AuthLevel.PKT_PRIVACY));
            assertThat(echo(b, o.std().ipid(), 1)).containsExactly(7, 0);
            // the exporter's own level (integrity) guards IRemUnknown: connect is refused
        }
        try (RpcConnection c = fx.connectExporter()) {
            RpcBinding ru = c.bind(DcomInterfaces.IREMUNKNOWN, DcomFixture.ntlm(AuthLevel.CONNECT));
            assertThatThrownBy(() -> ru.call(DcomInterfaces.OP_REM_QUERY_INTERFACE, new RemQueryInterfaceRequest(
                    DcomFixture.orpcThis(ComVersion.V5_7, 0), o.std().ipid(), 1, List.of(Iids.IID_IUNKNOWN)).encode(),
                    Optional.of(fx.dcom.exporter().ipidRemUnknown()))).isInstanceOfSatisfying(
                    RpcFaultException.class, f -> assertThat(f.status()).isEqualTo(DcomStatus.E_ACCESSDENIED.value()));
        }
    }

    @Test
    void remoteActivationAndClassObjectsWork() throws Exception {
        try (RpcConnection c = fx.connectResolver()) {
            RpcBinding act = c.bind(DcomInterfaces.IACTIVATION, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            RemoteActivationResponse r = RemoteActivationResponse.decode(act.call(0, RemoteActivationRequest.of(
                    DcomFixture.orpcThis(ComVersion.V5_7, 0), EchoClass.CLSID, List.of(EchoClass.IID_IECHO,
                            Iids.IID_IUNKNOWN)).encode()));
            assertThat(r.hr()).isZero();
            assertThat(r.pResults()).containsExactly(0, 0);
            assertThat(r.oxid()).isEqualTo(fx.dcom.exporter().oxid());
            assertThat(r.ipidRemUnknown()).isEqualTo(fx.dcom.exporter().ipidRemUnknown());
            ObjRefStandard a = (ObjRefStandard) r.ppInterfaceData().get(0).objRef(REGISTRY);
            ObjRefStandard b = (ObjRefStandard) r.ppInterfaceData().get(1).objRef(REGISTRY);
            assertThat(a.std().oid()).isEqualTo(b.std().oid());
            assertThat(a.std().ipid()).isNotEqualTo(b.std().ipid());

            RpcBinding scm = act.alterContext(DcomInterfaces.IREMOTESCMACTIVATOR);
            ScmActivationResponse cf = ScmActivationResponse.decode(scm.call(DcomInterfaces.OP_REMOTE_GET_CLASS_OBJECT,
                    new RemoteGetClassObjectRequest(DcomFixture.orpcThis(ComVersion.V5_7, 1), MInterfacePointer.of(
                            DcomFixture.activationIn(EchoClass.CLSID, List.of(Iids.IID_ICLASSFACTORY), ComVersion.V5_7)
                                    .toObjRefIn())).encode()));
            assertThat(cf.hresult()).isZero();
            ObjRefStandard factory = (ObjRefStandard) DcomFixture.propertiesOut(cf).require(PropsOutInfo.class)
                    .ppIntfData().get(0).objRef(REGISTRY);
            try (RpcConnection e = fx.connectExporter()) {
                RpcBinding icf = e.bind(DcomInterfaces.of(Iids.IID_ICLASSFACTORY),
                        DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
                NdrReader rr = NdrReader.of(icf.call(3, orpc(new NdrWriter().uniquePtr(null, MInterfacePointer::encode)
                        .uuid(EchoClass.IID_IECHO)), Optional.of(factory.std().ipid())));
                OrpcThat.decode(rr);
                MInterfacePointer created = rr.uniquePtr(MInterfacePointer::decode);
                assertThat(rr.i32()).isZero();
                ObjRefStandard o = (ObjRefStandard) created.objRef(REGISTRY);
                RpcBinding echo = icf.alterContext(DcomInterfaces.of(EchoClass.IID_IECHO));
                assertThat(echo(echo, o.std().ipid(), 8)).containsExactly(8, 0);
            }
        }
    }

    @Test
    void objectsOfAClientThatStopsPingingAreReleased() throws Exception {
        Activated a;
        try (DcomFixture fx = new DcomFixture(b -> b.pingPeriod(Duration.ofMillis(100)));
             RpcConnection c = fx.connectResolver()) {
            int released = fx.echo.released.get();
            a = activate(c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY)),
                    List.of(EchoClass.IID_IECHO));
            long oid = a.objRef().std().oid();
            RpcBinding ox = c.alterContext(DcomInterfaces.IOBJECTEXPORTER, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            ComplexPingResponse set = ComplexPingResponse.decode(ox.call(DcomInterfaces.OP_COMPLEX_PING,
                    new ComplexPingRequest(0, 1, List.of(oid), List.of()).encode()));
            assertThat(set.errorStatus()).isZero();
            assertThat(set.setId()).isNotZero();
            long end = System.nanoTime() + Duration.ofMillis(700).toNanos();
            while (System.nanoTime() < end) {      // 7 ping periods, pinged every 50 ms
                assertThat(StatusResponse.decode(ox.call(DcomInterfaces.OP_SIMPLE_PING,
                        new SimplePingRequest(set.setId()).encode())).errorStatus()).isZero();
                Thread.sleep(50);
            }
            assertThat(fx.dcom.exporter().isExported(oid)).isTrue();
            long stopped = System.nanoTime();
            while (fx.dcom.exporter().isExported(oid) && System.nanoTime() - stopped < 3_000_000_000L) {
                Thread.sleep(10);
            }
            long tookMs = (System.nanoTime() - stopped) / 1_000_000;
            assertThat(fx.dcom.exporter().isExported(oid)).isFalse();
            assertThat(tookMs).as("released %d ms after the last ping", tookMs).isBetween(250L, 900L);
            assertThat(fx.echo.released.get()).isEqualTo(released + 1);
            assertThat(StatusResponse.decode(ox.call(DcomInterfaces.OP_SIMPLE_PING,
                    new SimplePingRequest(set.setId()).encode())).errorStatus())
                    .isEqualTo(DcomStatus.OR_INVALID_SET.value());
        }
    }

}
