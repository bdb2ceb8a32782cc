package org.jwmi.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.server.ComObject;
import org.jwmi.dcom.server.DcomServer;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.server.OrpcDispatcher;
import org.jwmi.dcom.server.OrpcReply;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.Limits;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wmi.ops.IndicateRequest;
import org.jwmi.wmi.ops.SetStatusRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's side of asynchronous calls against a stand-in client: a DCOM object exporter with its OXID resolver
 * on one port of 127.0.0.64, hosting an IWbemObjectSink whose behaviour each test chooses.
 */
class DcomSinkConnectorTest {
    private static final String CLIENT = "127.0.0.64";

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch unfreeze = new CountDownLatch(1);
    private DcomServer client;
    private DcomSinkConnector connector;

    @AfterEach
    void tearDown() {
        unfreeze.countDown();
        if (connector != null) {
            connector.close();
        }
        if (client != null) {
            client.close();
        }
    }

    /** Starts the stand-in client and returns its sink's OBJREF; {@code indicate} answers each Indicate. */
    private MInterfacePointer exportSink(UUID iid, Function<IndicateRequest, Integer> indicate) throws IOException {
        client = DcomServer.builder().exporterBindAddress(InetAddress.getByName(CLIENT)).hostName("")
                .exporterAuthLevel(AuthLevel.NONE).activationHardening(false).threadNamePrefix("test-client").build();
        client.start();
        client.resolverServices().stream().filter(s -> s.syntax().equals(DcomInterfaces.IOBJECTEXPORTER))
                .forEach(s -> client.exporterServer().register(AuthLevel.NONE, s));
        OrpcDispatcher d = call -> reply(call, switch (call.opnum()) {
            case WmiOpnums.ObjectSink.INDICATE -> indicate.apply(IndicateRequest.decodeParams(call.body(),
                    call.orpcThis()));
            case WmiOpnums.ObjectSink.SET_STATUS -> {
                received.add(SetStatusRequest.decodeParams(call.body(), call.orpcThis()));
                yield 0;
            }
            default -> throw new IllegalStateException("opnum " + call.opnum());
        });
        ComObject sink = new ComObject() {
            @Override
            public OrpcDispatcher queryInterface(UUID i) {
                return iid.equals(i) ? d : null;
            }

            @Override
            public AuthLevel minAuthLevel() {
                return AuthLevel.NONE;
            }
        };
        ObjRefStandard ref = client.exporter().marshalObjRef(sink, iid, null);
        return MInterfacePointer.of(new ObjRefStandard(ref.iid(), ref.std(), new DualStringArray(
                List.of(StringBinding.tcp(CLIENT, client.exporterPort())), List.of())));
    }

    private static OrpcReply reply(OrpcCall call, int hr) {
        NdrWriter w = Codec.writer(call.limits());
        w.i32(hr);
        return OrpcReply.of(w);
    }

    private static List<CimObject> objects(int n) {
        CimClass cls = CimClass.builder("Test_Sink").property("Id", CimType.UINT32, p -> p.flag("key")).build();
        return java.util.stream.IntStream.range(0, n).<CimObject>mapToObj(i -> cls.newInstance()
                .set("Id", CimValue.uint32(i)).build()).toList();
    }

    private DcomSinkConnector connector(Duration callTimeout) {
        connector = DcomSinkConnector.builder().connectTimeout(Duration.ofSeconds(2)).callTimeout(callTimeout)
                .threadNamePrefix("test-sink").build();
        return connector;
    }

    @Test
    void indicateAndSetStatusReachTheSinkAndCloseReleasesIt() throws IOException {
        MInterfacePointer p = exportSink(WmiIds.IID_IWBEM_OBJECT_SINK, q -> {
            q.apObjArray().forEach(m -> received.add(WbemClassObjectMarshaler.cimObject(m, Limits.DEFAULT)));
            return 0;
        });
        SinkConnector.ObjectSink sink = connector(Duration.ofSeconds(10)).connect(p, null);
        assertThat(connector.openSinks()).isEqualTo(1);
        List<CimObject> sent = objects(3);
        assertThat(sink.indicate(sent)).isZero();
        assertThat(sink.setStatus(0, WbemStatus.WBEM_E_NOT_FOUND.code(), "why", null)).isZero();
        sink.close();

        assertThat(received.subList(0, 3)).isEqualTo(sent);
        SetStatusRequest status = (SetStatusRequest) received.get(3);
        assertThat(status.lFlags()).isZero();
        assertThat(status.hResult()).isEqualTo(WbemStatus.WBEM_E_NOT_FOUND.code());
        assertThat(status.strParam()).isEqualTo("why");
        assertThat(status.pObjParam()).isNull();
        assertThat(client.exporter().objectCount()).as("RemRelease dropped the sink").isZero();
        assertThat(connector.openSinks()).isZero();
    }

    @Test
    void aFrozenClientCostsOneCallTimeoutThenCallsFailAtOnce() throws IOException {
        MInterfacePointer p = exportSink(WmiIds.IID_IWBEM_OBJECT_SINK, q -> {
            try {
                unfreeze.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        SinkConnector.ObjectSink sink = connector(Duration.ofSeconds(1)).connect(p, null);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> sink.indicate(objects(1))).isInstanceOfSatisfying(CimException.class,
                e -> assertThat(e.hresult()).isEqualTo(WbemStatus.WBEM_E_TRANSPORT_FAILURE.code()));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));

        long t1 = System.nanoTime();
        assertThatThrownBy(() -> sink.setStatus(0, 0, null, null)).isInstanceOf(CimException.class)
                .hasMessageContaining("unreachable");
        sink.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).as("no second wait for the broken sink")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(connector.openSinks()).isZero();
    }

    @Test
    void aFailureAnsweredByTheSinkIsRaised() throws IOException {
        MInterfacePointer p = exportSink(WmiIds.IID_IWBEM_OBJECT_SINK, q -> WbemStatus.WBEM_E_FAILED.code());
        try (SinkConnector.ObjectSink sink = connector(Duration.ofSeconds(10)).connect(p, null)) {
            assertThatThrownBy(() -> sink.indicate(objects(1))).isInstanceOfSatisfying(CimException.class,
                    e -> assertThat(e.hresult()).isEqualTo(WbemStatus.WBEM_E_FAILED.code()));
        }
    }

    @Test
    void aPointerToAnotherInterfaceIsRefused() throws IOException {
        MInterfacePointer p = exportSink(WmiIds.IID_IWBEM_SERVICES, q -> 0);
        assertThatThrownBy(() -> connector(Duration.ofSeconds(10)).connect(p, null))
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.hresult()).isEqualTo(WbemStatus.WBEM_E_INVALID_PARAMETER.code()));
        assertThat(connector.openSinks()).isZero();
    }

    @Test
    void onlyTheFirstResolverBindingsAreDialled() throws IOException {
        MInterfacePointer good = exportSink(WmiIds.IID_IWBEM_OBJECT_SINK, q -> 0);
        ObjRefStandard ref = (ObjRefStandard) good.objRef(new org.jwmi.dcom.wire.CustomUnmarshalerRegistry());
        List<StringBinding> bindings = new java.util.ArrayList<>();
        for (int i = 0; i < DcomSinkConnector.MAX_RESOLVER_BINDINGS; i++) {
            bindings.add(StringBinding.tcp("127.0.0.65", 9));
        }
        bindings.addAll(ref.saResAddr().stringBindings());
        MInterfacePointer padded = MInterfacePointer.of(new ObjRefStandard(ref.iid(), ref.std(),
                new DualStringArray(bindings, List.of())));
        assertThatThrownBy(() -> connector(Duration.ofSeconds(10)).connect(padded, null))
                .as("the real binding comes after the first " + DcomSinkConnector.MAX_RESOLVER_BINDINGS)
                .isInstanceOf(RuntimeException.class);
        try (SinkConnector.ObjectSink sink = connector.connect(good, null)) {
            assertThat(sink.indicate(objects(1))).isZero();
        }
    }

    @Test
    void aClientThatIsGoneFailsTheConnectQuickly() throws IOException {
        MInterfacePointer p = exportSink(WmiIds.IID_IWBEM_OBJECT_SINK, q -> 0);
        client.close();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> connector(Duration.ofSeconds(10)).connect(p, null))
                .isInstanceOf(RuntimeException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(connector.openSinks()).isZero();
    }

    @Test
    void callsBackOnlyTheMachineThatCalled() throws Exception {
        java.net.InetAddress remote = java.net.InetAddress.getByName("192.0.2.7");
        java.net.InetAddress loop = java.net.InetAddress.getByName("127.0.0.1");
        assertThat(DcomSinkConnector.sameMachine("192.0.2.7[40000]", remote)).isTrue();
        assertThat(DcomSinkConnector.sameMachine("192.0.2.7", remote)).isTrue();
        assertThat(DcomSinkConnector.sameMachine("192.0.2.8[40000]", remote)).isFalse();
        assertThat(DcomSinkConnector.sameMachine("127.0.0.1[40000]", remote)).isFalse();
        assertThat(DcomSinkConnector.sameMachine("127.0.0.66[40000]", loop)).isTrue();
        assertThat(DcomSinkConnector.sameMachine("::1[40000]", loop)).isTrue();
        assertThat(DcomSinkConnector.sameMachine("client.example[40000]", remote)).isFalse();
        assertThat(DcomSinkConnector.sameMachine("10.0.0.1[40000]", loop)).isFalse();
    }
}
