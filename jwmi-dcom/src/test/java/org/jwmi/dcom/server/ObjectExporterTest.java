package org.jwmi.dcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.dcom.ops.ComplexPingRequest;
import org.jwmi.dcom.ops.ComplexPingResponse;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.OrpcStatusResponse;
import org.jwmi.dcom.ops.RemAddRefRequest;
import org.jwmi.dcom.ops.RemAddRefResponse;
import org.jwmi.dcom.ops.RemReleaseRequest;
import org.jwmi.dcom.ops.SimplePingRequest;
import org.jwmi.dcom.ops.StatusResponse;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reference counting and ping-based garbage collection of the {@link ObjectExporter}, driven through the
 * IObjectExporter service and the Remote Unknown with a fake clock (ping period 120 s x 3, no background collector,
 * no sockets).
 */
class ObjectExporterTest {

    static final Duration PERIOD = Duration.ofSeconds(120);
    static final Duration TIMEOUT = PERIOD.multipliedBy(3);
    static final Duration JUST_OVER = TIMEOUT.plusSeconds(1);
    static final Duration JUST_UNDER = TIMEOUT.minusSeconds(1);

    FakeClock clock;
    DcomServer dcom;
    ObjectExporter ex;
    RpcService resolver;
    EchoClass echo;

    @BeforeEach
    void setUp() {
        clock = new FakeClock();
        dcom = DcomServer.builder().clock(clock).random(new Random(1)).collectorInterval(Duration.ZERO)
                .hostName("H").pingPeriod(PERIOD).build();
        ex = dcom.exporter();
        resolver = dcom.resolverServices().get(2);
        echo = new EchoClass();
    }

    @AfterEach
    void tearDown() {
        dcom.close();
    }

    static CallContext call(SyntaxId iface, UUID object, String user) {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
        return new CallContext(null, 1, 1, a, a, iface, Optional.ofNullable(object), AuthLevel.PKT_PRIVACY, 10,
                Optional.of(new PeerIdentity("D", user, "W", false)), true, 1);
    }

    ObjRefStandard export(ComObject o) {
        return ex.marshalObjRef(o, EchoClass.IID_IECHO, call(DcomInterfaces.IREMOTESCMACTIVATOR, null, "alice"));
    }

    ComObject newEcho() {
        return echo.createInstance(null);
    }

    long complexPing(long setId, int seq, List<Long> add, List<Long> del, int status) {
        ComplexPingResponse r = ComplexPingResponse.decode(resolver.invoke(call(DcomInterfaces.IOBJECTEXPORTER, null,
                "alice"), DcomInterfaces.OP_COMPLEX_PING, new ComplexPingRequest(setId, seq, add, del).encode()));
        assertThat(r.errorStatus()).isEqualTo(status);
        return r.setId();
    }

    int simplePing(long setId) {
        return StatusResponse.decode(resolver.invoke(call(DcomInterfaces.IOBJECTEXPORTER, null, "alice"),
                DcomInterfaces.OP_SIMPLE_PING, new SimplePingRequest(setId).encode())).errorStatus();
    }

    void echoCall(UUID ipid) {
        NdrWriter w = new NdrWriter();
        OrpcThis.encode(w, OrpcThis.of(ComVersion.V5_7, UUID.randomUUID()));
        w.i32(1);
        ex.dispatch(call(DcomInterfaces.of(EchoClass.IID_IECHO), ipid, "alice"), 3, w.toByteArray());
    }

    int remRelease(String user, RemInterfaceRef... refs) {
        byte[] stub = new RemReleaseRequest(OrpcThis.of(ComVersion.V5_7, UUID.randomUUID()), List.of(refs)).encode();
        byte[] out = ex.dispatch(call(DcomInterfaces.IREMUNKNOWN, ex.ipidRemUnknown(), user),
                DcomInterfaces.OP_REM_RELEASE, stub);
        return OrpcStatusResponse.decode(out).hresult();
    }

    RemAddRefResponse remAddRef(String user, RemInterfaceRef... refs) {
        byte[] stub = new RemAddRefRequest(OrpcThis.of(ComVersion.V5_7, UUID.randomUUID()), List.of(refs)).encode();
        return RemAddRefResponse.decode(ex.dispatch(call(DcomInterfaces.IREMUNKNOWN2, ex.ipidRemUnknown(), user),
                DcomInterfaces.OP_REM_ADD_REF, stub));
    }

    @Test
    void anObjectNobodyPingsGoesOnePingTimeoutAfterItsLastActivity() {
        ObjRefStandard o = export(newEcho());
        clock.advance(JUST_UNDER);
        assertThat(ex.collectGarbage()).isZero();
        echoCall(o.std().ipid());                       // an ORPC call counts as activity
        clock.advance(JUST_UNDER);
        assertThat(ex.collectGarbage()).isZero();
        assertThat(ex.isExported(o.std().oid())).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(ex.collectGarbage()).isEqualTo(1);
        assertThat(ex.isExported(o.std().oid())).isFalse();
        assertThat(echo.released.get()).isEqualTo(1);
        assertThatThrownBy(() -> echoCall(o.std().ipid())).isInstanceOfSatisfying(RpcFaultException.class,
                f -> assertThat(f.status()).isEqualTo(DcomStatus.RPC_E_DISCONNECTED.value()));
        clock.advance(JUST_OVER);
        assertThat(ex.collectGarbage()).isZero();
        assertThat(echo.released.get()).isEqualTo(1);
    }

    @Test
    void aPingedSetKeepsItsObjectsAndTheyGoWhenThePingsStop() {
        ObjRefStandard o = export(newEcho());
        long set = complexPing(0, 1, List.of(o.std().oid()), List.of(), 0);
        assertThat(set).isNotZero();
        for (int i = 0; i < 5; i++) {
            clock.advance(JUST_UNDER);
            assertThat(simplePing(set)).isZero();
            assertThat(ex.collectGarbage()).isZero();
        }
        clock.advance(JUST_UNDER);
        assertThat(ex.collectGarbage()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(ex.collectGarbage()).isEqualTo(1);
        assertThat(ex.pingSetCount()).isZero();
        assertThat(simplePing(set)).isEqualTo(DcomStatus.OR_INVALID_SET.value());
        assertThat(echo.released.get()).isEqualTo(1);
    }

    @Test
    void anObjectInTwoSetsLivesWhileOneIsPinged() {
        ObjRefStandard o = export(newEcho());
        long a = complexPing(0, 1, List.of(o.std().oid()), List.of(), 0);
        long b = complexPing(0, 1, List.of(o.std().oid()), List.of(), 0);
        assertThat(a).isNotEqualTo(b);
        clock.advance(JUST_UNDER);
        assertThat(simplePing(b)).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(ex.collectGarbage()).isZero();
        assertThat(ex.pingSetCount()).isEqualTo(1);
        assertThat(ex.isExported(o.std().oid())).isTrue();
        clock.advance(JUST_OVER);
        assertThat(ex.collectGarbage()).isEqualTo(1);
    }

    @Test
    void complexPingAddsDeletesAndHonoursSequenceNumbers() {
        ObjRefStandard o1 = export(newEcho());
        ObjRefStandard o2 = export(newEcho());
        long set = complexPing(0, 5, List.of(o1.std().oid(), 12345L), List.of(), 0);   // unknown OIDs ignored
        assertThat(complexPing(set, 6, List.of(o2.std().oid(), 777L), List.of(), DcomStatus.OR_INVALID_OID.value()))
                .isEqualTo(set);
        assertThat(complexPing(set, 4, List.of(), List.of(o1.std().oid(), o2.std().oid()), 0)).isEqualTo(set);
        clock.advance(JUST_OVER);                       // the stale request changed nothing
        assertThat(simplePing(set)).isZero();
        assertThat(ex.collectGarbage()).isZero();
        complexPing(set, 7, List.of(), List.of(o1.std().oid()), 0);
        assertThat(ex.collectGarbage()).isEqualTo(1);   // o1 is in no set and idle for longer than the timeout
        assertThat(ex.isExported(o1.std().oid())).isFalse();
        assertThat(ex.isExported(o2.std().oid())).isTrue();
        assertThat(complexPing(0x5555, 1, List.of(), List.of(), DcomStatus.OR_INVALID_SET.value())).isEqualTo(0x5555);
    }

    @Test
    void releaseCountsPublicAndPerClientPrivateReferences() {
        ComObject obj = newEcho();
        ObjRefStandard o = export(obj);
        UUID ipid = o.std().ipid();
        assertThat(ex.refs(ipid)).containsExactly(5, 0);
        assertThat(export(obj).std().ipid()).isEqualTo(ipid);     // same object and IID: same IPID, more refs
        assertThat(ex.refs(ipid)).containsExactly(10, 0);
        RemAddRefResponse add = remAddRef("bob", new RemInterfaceRef(ipid, 0, 3));
        assertThat(add.hresult()).isZero();
        assertThat(ex.refs(ipid)).containsExactly(10, 3);
        assertThat(remRelease("alice", new RemInterfaceRef(ipid, 10, 3))).isZero();   // alice holds no private refs
        assertThat(ex.refs(ipid)).containsExactly(0, 3);
        assertThat(echo.released.get()).isZero();
        assertThat(remRelease("bob", new RemInterfaceRef(ipid, 0, 1))).isZero();
        assertThat(ex.refs(ipid)).containsExactly(0, 2);
        assertThat(remRelease("bob", new RemInterfaceRef(ipid, 0, 100))).isZero();   // more than held: to zero
        assertThat(ex.refs(ipid)).isNull();
        assertThat(ex.isExported(o.std().oid())).isFalse();
        assertThat(echo.released.get()).isEqualTo(1);
        assertThat(remRelease("bob", new RemInterfaceRef(ipid, 1, 0))).isZero();     // unknown now: ignored
        assertThat(echo.released.get()).isEqualTo(1);
    }

    @Test
    void referenceCountsSaturateAtTheUnsignedLongRange() {
        UUID ipid = export(newEcho()).std().ipid();
        remAddRef("alice", new RemInterfaceRef(ipid, -1, 0));
        remAddRef("alice", new RemInterfaceRef(ipid, -1, 0));
        assertThat(ex.refs(ipid)[0]).isEqualTo(0xffffffffL);
        remRelease("alice", new RemInterfaceRef(ipid, -1, 0));
        assertThat(ex.refs(ipid)).isNull();
    }

    @Test
    void theRemoteUnknownIsNeitherReleasedNorCollected() {
        UUID ru = ex.ipidRemUnknown();
        assertThat(remRelease("alice", new RemInterfaceRef(ru, 100, 100))).isZero();
        clock.advance(JUST_OVER.multipliedBy(10));
        ex.collectGarbage();
        assertThat(ex.refs(ru)).isNotNull();
        assertThat(remAddRef("alice", new RemInterfaceRef(ru, 1, 0)).pResults()).containsExactly(0);
    }

    @Test
    void identifiersComeFromTheInjectedRandomSource() {
        try (DcomServer same = DcomServer.builder().clock(clock).random(new Random(1)).collectorInterval(Duration.ZERO)
                .hostName("H").build();
             DcomServer other = DcomServer.builder().clock(clock).random(new Random(2))
                     .collectorInterval(Duration.ZERO).hostName("H").build()) {
            assertThat(same.exporter().oxid()).isEqualTo(ex.oxid());
            assertThat(same.exporter().ipidRemUnknown()).isEqualTo(ex.ipidRemUnknown());
            ObjRefStandard a = export(newEcho());
            ObjRefStandard b = same.exporter().marshalObjRef(newEcho(), EchoClass.IID_IECHO, null);
            assertThat(b.std()).isEqualTo(a.std());
            assertThat(other.exporter().oxid()).isNotEqualTo(ex.oxid());
        }
    }

    @Test
    void unmarshalingOurOwnObjrefFindsTheObjectAndTakesItsReferences() {
        ComObject obj = newEcho();
        ObjRefStandard o = export(obj);
        ObjRefStandard twice = export(obj);
        assertThat(ex.unmarshal(twice)).containsSame(obj);
        assertThat(ex.refs(o.std().ipid())).containsExactly(5, 0);
        ObjRefStandard foreign = new ObjRefStandard(o.iid(), new org.jwmi.dcom.wire.StdObjRef(0, 5, ex.oxid() + 1,
                o.std().oid(), o.std().ipid()), o.saResAddr());
        assertThat(ex.unmarshal(foreign)).isEmpty();
        assertThat(ex.unmarshal(o)).containsSame(obj);
        assertThat(ex.isExported(o.std().oid())).isFalse();
        assertThat(echo.released.get()).isEqualTo(1);
        assertThat(ex.unmarshal(o)).isEmpty();
    }

    @Test
    void closingReleasesEveryObjectOnceEvenIfOneFails() {
        AtomicInteger calls = new AtomicInteger();
        ComObject bad = new ComObject() {
            @Override
            public OrpcDispatcher queryInterface(UUID iid) {
                return call -> OrpcReply.of(new byte[0]);
            }

            @Override
            public void released() {
                calls.incrementAndGet();
                throw new IllegalStateException("boom");
            }
        };
        export(bad);
        export(newEcho());
        assertThat(ex.objectCount()).isEqualTo(2);
        dcom.close();
        dcom.close();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(echo.released.get()).isEqualTo(1);
        assertThat(ex.objectCount()).isZero();
        assertThatThrownBy(() -> export(newEcho())).isInstanceOf(ComException.class);
    }
}
