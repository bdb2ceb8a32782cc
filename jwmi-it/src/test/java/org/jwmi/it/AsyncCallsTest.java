package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemObjectSink;
import org.jwmi.client.WbemServices;
import org.jwmi.client.WbemTimeouts;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;
import org.jwmi.server.repository.CimRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous calls end to end ([MS-WMI] 3.1.1.1.3, 3.1.4.2, 3.2.4.2.9): our Java client exports an
 * IWbemObjectSink on its callback endpoint, our server (in this JVM, on 127.0.0.61:135) calls it back with
 * Indicate and SetStatus through its DCOM client runtime.
 */
class AsyncCallsTest {
    private static final String HOST = "127.0.0.61";
    private static final String NS = "root\\cimv2";
    private static final int ROWS = 300;
    private static final int MILLION = 1_000_000;
    private static final String PADDING = "x".repeat(300);

    private static LoopbackServer server;
    private static WbemLocator locator;
    private static WbemServices services;

    @BeforeAll
    static void start() throws UnknownHostException {
        Peers.assumeRoot();
        server = LoopbackServer.start(HOST, 135, AuthLevel.CONNECT);
        register("Jwmi_AsyncRows", ROWS);
        register("Jwmi_AsyncCounter", MILLION);
        locator = locator("127.0.0.62");
        services = connect(locator);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
        if (locator != null) {
            locator.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A dynamic class of {@code count} instances (Id, Text); getting one by path finds nothing. */
    private static void register(String name, int count) {
        CimRepository repo = server.server.repository();
        repo.putClass(NS, CimClass.builder(name).flag("dynamic").property("Id", CimType.UINT32, p -> p.flag("key"))
                .property("Text", CimType.STRING).build(), CimRepository.WBEM_FLAG_CREATE_OR_UPDATE);
        server.server.providers().register(new InstanceProvider() {
            @Override
            public CimName className() {
                return CimName.of(name);
            }

            @Override
            public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
                return LongStream.range(0, count).mapToObj(i -> cls.newInstance().set("Id", CimValue.uint32(i))
                        .set("Text", CimValue.string(PADDING + i)).build());
            }

            @Override
            public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
                return Optional.empty();
            }
        });
    }

    private static WbemLocator locator(String callbackAddress) throws UnknownHostException {
        return WbemLocator.builder().timeouts(WbemTimeouts.all(Duration.ofSeconds(20)))
                .callbackAddress(InetAddress.getByName(callbackAddress)).threadNamePrefix("jwmi-it-async").build();
    }

    private static WbemServices connect(WbemLocator l) {
        return l.connect("\\\\" + HOST + "\\" + NS).user(LoopbackServer.DOMAIN + "\\" + LoopbackServer.USER)
                .password(server.password.toCharArray()).authnLevel(AuthLevel.PKT_PRIVACY).open();
    }

    /** Collects what the server delivers; remembers Indicates that arrive after the final status. */
    static final class Recorder implements WbemObjectSink {
        final List<WbemClassObject> objects = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger indicates = new AtomicInteger();
        final AtomicInteger afterStatus = new AtomicInteger();
        final AtomicInteger finalStatuses = new AtomicInteger();
        final CountDownLatch firstIndicate = new CountDownLatch(1);
        final CompletableFuture<Integer> status = new CompletableFuture<>();
        volatile String param;

        @Override
        public void indicate(List<WbemClassObject> batch) {
            if (status.isDone()) {
                afterStatus.incrementAndGet();
            }
            objects.addAll(batch);
            indicates.incrementAndGet();
            firstIndicate.countDown();
        }

        @Override
        public void setStatus(int flags, int hresult, String p, WbemClassObject error) {
            if (flags == WBEM_STATUS_COMPLETE) {
                finalStatuses.incrementAndGet();
                param = p;
                status.complete(hresult);
            }
        }

        int awaitStatus() throws Exception {
            return status.get(60, TimeUnit.SECONDS);
        }
    }

    private static List<Map<String, Object>> rows(Iterable<WbemClassObject> objects) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WbemClassObject o : objects) {
            Map<String, Object> row = new TreeMap<>();
            for (String p : o.propertyNames()) {
                row.put(p, o.getValue(p));
            }
            out.add(row);
        }
        return out;
    }

    private static void awaitServerIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && (server.server.wmiService().asyncOperations() > 0
                || sinkThreads() > 0)) {
            Thread.sleep(50);
        }
        assertThat(server.server.wmiService().asyncOperations()).as("asynchronous operations left").isZero();
        assertThat(sinkThreads()).as("threads of the server's sink connections left").isZero();
    }

    /** Threads of the server's per-sink DCOM clients (DcomSinkConnector names them jwmi-sink-N-...). */
    private static long sinkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("jwmi-sink-")).count();
    }

    @Test
    void execQueryAsyncDeliversTheRowsOfTheSynchronousQueryThenCompletes() throws Exception {
        String wql = "SELECT * FROM Jwmi_AsyncRows";
        List<Map<String, Object>> sync;
        try (WbemEnumerator e = services.execQuery(wql)) {
            sync = rows(e);
        }
        assertThat(sync).hasSize(ROWS);

        Recorder sink = new Recorder();
        services.execQueryAsync(wql, sink);
        assertThat(sink.awaitStatus()).isEqualTo(WbemStatus.WBEM_S_NO_ERROR.code());
        assertThat(rows(List.copyOf(sink.objects))).isEqualTo(sync);
        assertThat(sink.indicates.get()).as("Indicates in batches").isGreaterThan(1);
        assertThat(sink.afterStatus.get()).isZero();
        awaitServerIdle();
        assertThat(sink.finalStatuses.get()).as("exactly one final SetStatus").isEqualTo(1);
        assertThat(locator.exportedSinks()).as("the server released the sink").isZero();
    }

    @Test
    void nextAsyncDeliversTheNextObjectsThenSFalseAtTheEnd() throws Exception {
        try (WbemEnumerator e = services.execQuery("SELECT * FROM Jwmi_AsyncRows")) {
            Recorder first = new Recorder();
            e.nextAsync(10, first);
            assertThat(first.awaitStatus()).isEqualTo(WbemStatus.WBEM_S_NO_ERROR.code());
            Recorder rest = new Recorder();
            e.nextAsync(1000, rest);
            assertThat(rest.awaitStatus()).as("fewer than asked: WBEM_S_FALSE").isEqualTo(
                    WbemStatus.WBEM_S_FALSE.code());
            List<Object> ids = new ArrayList<>();
            first.objects.forEach(o -> ids.add(((Number) o.getValue("Id")).longValue()));
            assertThat(ids).hasSize(10);
            rest.objects.forEach(o -> ids.add(((Number) o.getValue("Id")).longValue()));
            assertThat(ids).isEqualTo(new ArrayList<>(LongStream.range(0, ROWS).boxed().toList()));
        }
        awaitServerIdle();
    }

    @Test
    void getObjectAsyncOfAMissingObjectEndsWithNotFound() throws Exception {
        Recorder sink = new Recorder();
        services.getObjectAsync("Jwmi_AsyncRows.Id=12345678", sink);
        assertThat(sink.awaitStatus()).isEqualTo(WbemStatus.WBEM_E_NOT_FOUND.code());
        assertThat(sink.objects).isEmpty();

        Recorder cls = new Recorder();
        services.getObjectAsync("Jwmi_AsyncRows", cls);
        assertThat(cls.awaitStatus()).isZero();
        assertThat(cls.objects).singleElement().satisfies(o -> assertThat(o.isClass()).isTrue());
        awaitServerIdle();
    }

    @Test
    void cancelAsyncCallStopsALongEnumeration() throws Exception {
        Recorder sink = new Recorder();
        services.execQueryAsync("SELECT * FROM Jwmi_AsyncCounter", sink);
        assertThat(sink.firstIndicate.await(30, TimeUnit.SECONDS)).isTrue();
        services.cancelAsyncCall(sink);
        assertThat(sink.awaitStatus()).isEqualTo(WbemStatus.WBEM_E_CALL_CANCELLED.code());
        int delivered = sink.objects.size();
        Thread.sleep(500);
        assertThat(sink.objects).as("no Indicate after the final status").hasSize(delivered);
        assertThat(sink.afterStatus.get()).isZero();
        assertThat(delivered).isLessThan(MILLION);
        awaitServerIdle();
    }

    @Test
    void aClientThatVanishesMidDeliveryFreesTheServer() throws Exception {
        awaitServerIdle();
        WbemLocator doomed = locator("127.0.0.63");
        WbemServices svc = connect(doomed);
        Recorder sink = new Recorder();
        svc.execQueryAsync("SELECT * FROM Jwmi_AsyncCounter", sink);
        assertThat(sink.firstIndicate.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.server.wmiService().asyncOperations()).isEqualTo(1);
        long t0 = System.nanoTime();
        doomed.close();
        awaitServerIdle();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        assertThat(sink.objects.size()).isLessThan(MILLION);

        Recorder next = new Recorder();
        services.execQueryAsync("SELECT * FROM Jwmi_AsyncRows", next);
        assertThat(next.awaitStatus()).as("the server serves the next client").isZero();
        assertThat(next.objects).hasSize(ROWS);
    }
}
