package org.jwmi.dcom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.server.ComObject;
import org.jwmi.dcom.server.DcomServer;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.server.OrpcDispatcher;
import org.jwmi.dcom.server.OrpcReply;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.server.RpcServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against this project's DCOM server on loopback (unprivileged ports): activation at integrity and
 * privacy, QueryInterface, per-proxy blankets as the server's CallContext saw them, release, ping-based garbage
 * collection, activation hardening and an unknown class.
 */
class LoopbackServerTest {
    private static final UUID CLSID = UUID.fromString("3f0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c01");
    private static final UUID ITEST = UUID.fromString("3f0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c02");
    private static final UUID IOTHER = UUID.fromString("3f0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c03");
    private static final String HOST = "127.0.0.1";
    private static final AtomicInteger N = new AtomicInteger();

    /** What the server's dispatcher saw: interface, level, caller. */
    record Seen(UUID iid, AuthLevel level, String user) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger released = new AtomicInteger();
    private RpcServer resolver;
    private DcomServer server;

    private void start(Consumer<DcomServer.Builder> customize) {
        String prefix = "jwmi-dcomit" + N.incrementAndGet();
        try {
            resolver = RpcServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
                    .security(FakeDcomServer.NTLM, FakeDcomServer.serverOptions()).minAuthLevel(AuthLevel.NONE)
                    .threadNamePrefix(prefix + "-r").readTimeout(Duration.ofSeconds(5)).build();
            DcomServer.Builder b = DcomServer.builder().resolver(resolver)
                    .security(FakeDcomServer.NTLM, FakeDcomServer.serverOptions())
                    .exporterBindAddress(InetAddress.getLoopbackAddress()).hostName("testsrv")
                    .threadNamePrefix(prefix);
            customize.accept(b);
            server = b.build();
            server.classes().register(CLSID, ctx -> new TestObject());
            resolver.start();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (resolver != null) {
            resolver.close();
        }
    }

    /** ITest and IOther, opnum 3: (long x) -> (long level, long x + 1, HRESULT). */
    private final class TestObject implements ComObject {
        @Override
        public OrpcDispatcher queryInterface(UUID iid) {
            if (!iid.equals(ITEST) && !iid.equals(IOTHER)) {
                return null;
            }
            return call -> echo(iid, call);
        }

        @Override
        public void released() {
            LoopbackServerTest.this.released.incrementAndGet();
        }
    }

    private OrpcReply echo(UUID iid, OrpcCall call) {
        if (call.opnum() != 3) {
            throw new org.jwmi.rpc.RpcFaultException(0x1C010002, true, "opnum");
        }
        NdrReader r = call.body();
        int x = r.i32();
        r.expectEnd();
        seen.add(new Seen(iid, call.context().authLevel(),
                call.context().peer().map(p -> p.qualifiedName()).orElse("")));
        NdrWriter w = new NdrWriter();
        w.i32(call.context().authLevel().value()).i32(x + 1).i32(0);
        return OrpcReply.of(w.toByteArray());
    }

    private DcomClient.Builder client(Duration pingPeriod) {
        return DcomClient.builder().securityProvider(FakeDcomServer.NTLM).resolverPort(resolver.port())
                .defaultBlanket(SecurityBlanket.builder().identity(FakeDcomServer.alice()).build())
                .pingPeriod(pingPeriod)
                .rpcConfig(ClientConfig.defaults().withReadTimeout(Duration.ofSeconds(5)))
                .threadNamePrefix("jwmi-dcomit-client" + N.incrementAndGet());
    }

    private static int echo(ComProxy p, int x) {
        return p.call(3, w -> w.i32(x), r -> {
            r.i32();
            int y = r.i32();
            assertThat(r.i32()).isZero();
            return y;
        });
    }

    private static SecurityBlanket level(AuthLevel l) {
        return SecurityBlanket.builder().authnLevel(l).build();
    }

    @Test
    void activationQiAndReleaseAtIntegrityAndPrivacy() {
        start(b -> { });
        try (DcomClient dcom = client(Duration.ofHours(1)).build()) {
            for (AuthLevel l : List.of(AuthLevel.PKT_INTEGRITY, AuthLevel.PKT_PRIVACY)) {
                seen.clear();
                ComProxy p = dcom.createInstance(HOST, CLSID, ITEST, level(l));
                assertThat(echo(p, 41)).isEqualTo(42);
                ComProxy q = p.queryInterface(IOTHER);
                assertThat(echo(q, 1)).isEqualTo(2);
                ComProxy unk = q.queryInterface(Iids.IID_IUNKNOWN);
                assertThatThrownBy(() -> p.queryInterface(UUID.randomUUID())).isInstanceOfSatisfying(
                        DcomException.class, e -> assertThat(e.hresult()).isEqualTo(DcomStatus.E_NOINTERFACE.value()));
                assertThat(seen).containsExactly(new Seen(ITEST, l, "JWMI\\alice"), new Seen(IOTHER, l, "JWMI\\alice"));
                assertThat(p.serverVersion()).isEqualTo(org.jwmi.dcom.wire.ComVersion.V5_7);
                assertThat(server.exporter().isExported(p.oid())).isTrue();
                p.release();
                q.release();
                assertThat(server.exporter().isExported(p.oid())).as("IUnknown still holds it").isTrue();
                unk.release();
                FakeDcomServer.awaitTrue(() -> !server.exporter().isExported(p.oid()), "object released");
            }
            assertThat(released.get()).isEqualTo(2);
        }
    }

    @Test
    void eachProxyCallsAtItsOwnLevelAsTheServerSeesIt() {
        start(b -> { });
        try (DcomClient dcom = client(Duration.ofHours(1)).build()) {
            ComProxy a = dcom.createInstance(HOST, CLSID, ITEST, level(AuthLevel.PKT_PRIVACY));
            ComProxy b = a.queryInterface(IOTHER);
            b.setBlanket(level(AuthLevel.PKT_INTEGRITY));
            ComProxy d = dcom.createInstance(HOST, CLSID, ITEST);
            echo(a, 1);
            echo(b, 1);
            echo(d, 1);
            assertThat(seen).extracting(Seen::level).containsExactly(AuthLevel.PKT_PRIVACY, AuthLevel.PKT_INTEGRITY,
                    AuthLevel.PKT_INTEGRITY);
            assertThat(d.authnLevel()).as("default level = the server's authnHint").isEqualTo(AuthLevel.PKT_INTEGRITY);
            b.setBlanket(level(AuthLevel.CONNECT));
            assertThatThrownBy(() -> echo(b, 1)).isInstanceOfSatisfying(DcomException.class,
                    e -> assertThat(e.hresult()).isEqualTo(DcomStatus.E_ACCESSDENIED.value()))
                    .hasMessageContaining("authenticationLevel=pktIntegrity or higher");
            b.setBlanket(level(AuthLevel.PKT_INTEGRITY));
            b.release();
            a.release();
            d.release();
            FakeDcomServer.awaitTrue(() -> server.exporter().objectCount() == 0, "every object released");
        }
    }

    @Test
    void aDefaultLevelBecomesAPrivacyServersLevel() {
        start(b -> b.exporterAuthLevel(AuthLevel.PKT_PRIVACY));
        try (DcomClient dcom = client(Duration.ofHours(1)).build()) {
            ComProxy p = dcom.createInstance(HOST, CLSID, ITEST);
            echo(p, 1);
            assertThat(seen).extracting(Seen::level).containsExactly(AuthLevel.PKT_PRIVACY);
        }
    }

    @Test
    void pingingKeepsObjectsAliveWhileAnUnpingedClientsAreCollected() throws InterruptedException {
        start(b -> b.pingPeriod(Duration.ofMillis(200)).pingTimeoutPeriods(3));
        try (DcomClient pinging = client(Duration.ofMillis(100)).build();
             DcomClient silent = client(Duration.ofHours(1)).build()) {
            ComProxy kept = pinging.createInstance(HOST, CLSID, ITEST);
            ComProxy lost = silent.createInstance(HOST, CLSID, ITEST);
            FakeDcomServer.awaitTrue(() -> !server.exporter().isExported(lost.oid()), "the silent client's object"
                    + " collected");
            Thread.sleep(700);
            assertThat(server.exporter().isExported(kept.oid())).as("pinged past the 600 ms window").isTrue();
            assertThat(echo(kept, 1)).isEqualTo(2);
            assertThatThrownBy(() -> echo(lost, 1)).isInstanceOfSatisfying(DcomException.class,
                    e -> assertThat(e.hresult()).isEqualTo(DcomStatus.RPC_E_DISCONNECTED.value()));
        }
    }

    @Test
    void activationBelowIntegrityIsRefusedUnlessHardeningIsOff() {
        start(b -> { });
        try (DcomClient dcom = client(Duration.ofHours(1)).build()) {
            assertThatThrownBy(() -> dcom.createInstance(HOST, CLSID, ITEST, level(AuthLevel.CONNECT)))
                    .isInstanceOfSatisfying(DcomException.class, e -> assertThat(e.hresult()).isEqualTo(0x80070005))
                    .hasMessageStartingWith("E_ACCESSDENIED (0x80070005)")
                    .hasMessageContaining("the server requires authenticationLevel=pktIntegrity or higher");
            assertThat(server.exporter().objectCount()).isZero();
        }
        stop();
        start(b -> b.activationHardening(false).exporterAuthLevel(AuthLevel.CONNECT));
        try (DcomClient dcom = client(Duration.ofHours(1)).build()) {
            ComProxy p = dcom.createInstance(HOST, CLSID, ITEST, level(AuthLevel.CONNECT));
            assertThat(echo(p, 1)).isEqualTo(2);
            assertThat(seen).extracting(Seen::level).containsExactly(AuthLevel.CONNECT);
        }
    }

    @Test
    void aServerBeforeCom56IsActivatedThroughIActivationAndSpokenToAtItsVersion() {
        start(b -> b.comVersion(org.jwmi.dcom.wire.ComVersion.V5_4));
        try (DcomClient dcom = client(Duration.ofHours(1)).build()) {
            ComProxy p = dcom.createInstance(HOST, CLSID, ITEST, level(AuthLevel.PKT_PRIVACY));
            assertThat(p.serverVersion()).isEqualTo(org.jwmi.dcom.wire.ComVersion.V5_4);
            assertThat(p.comVersion()).isEqualTo(org.jwmi.dcom.wire.ComVersion.V5_4);
            assertThat(echo(p, 5)).isEqualTo(6);
            ComProxy q = p.queryInterface(IOTHER);
            assertThat(echo(q, 6)).isEqualTo(7);
            p.release();
            q.release();
            FakeDcomServer.awaitTrue(() -> server.exporter().objectCount() == 0, "released through IRemUnknown");
            assertThatThrownBy(() -> dcom.createInstance(HOST, UUID.randomUUID(), ITEST))
                    .isInstanceOfSatisfying(DcomException.class, e -> assertThat(e.hresultName())
                            .isEqualTo("REGDB_E_CLASSNOTREG"));
        }
    }

    @Test
    void anUnknownClassIsNotRegistered() {
        start(b -> { });
        try (DcomClient dcom = client(Duration.ofHours(1)).build()) {
            assertThatThrownBy(() -> dcom.createInstance(HOST, UUID.randomUUID(), ITEST))
                    .isInstanceOfSatisfying(DcomException.class, e -> assertThat(e.hresultName())
                            .isEqualTo("REGDB_E_CLASSNOTREG"))
                    .hasMessageContaining("0x80040154");
        }
    }

    @Test
    void closingTheClientReleasesItsObjects() {
        start(b -> { });
        DcomClient dcom = client(Duration.ofMillis(100)).build();
        ComProxy p = dcom.createInstance(HOST, CLSID, ITEST, level(AuthLevel.PKT_PRIVACY));
        p.queryInterface(IOTHER);
        dcom.pingNow();
        assertThat(server.exporter().pingSetCount()).isEqualTo(1);
        dcom.close();
        assertThat(server.exporter().objectCount()).isZero();
        assertThat(released.get()).isEqualTo(1);
        FakeDcomServer.awaitTrue(() -> server.exporterServer().activeConnections() == 0
                && resolver.activeConnections() == 0, "connections closed");
    }

}
