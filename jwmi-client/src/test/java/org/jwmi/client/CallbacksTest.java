package org.jwmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.client.DcomClient;
import org.jwmi.dcom.client.SecurityBlanket;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.wire.Limits;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wmi.marshal.WmiMarshalers;
import org.jwmi.wmi.ops.IndicateRequest;
import org.jwmi.wmi.ops.SetStatusRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's exported IWbemObjectSink on the wire ([MS-WMI] 3.1.4.2), called the way a WMI server calls it: an
 * unauthenticated DCOM client that resolves the OXID at the resolver binding of the OBJREF (127.0.0.66).
 */
class CallbacksTest {
    private static final String HOST = "127.0.0.66";
    private static final OrpcThis UNSENT = OrpcThis.of(ComVersion.V5_7, new UUID(0, 0));
    private static final SecurityBlanket NONE = SecurityBlanket.builder().authnService(SecurityBlanket.AUTHN_NONE)
            .authnLevel(AuthLevel.NONE).build();

    private Callbacks callbacks;
    private DcomClient server;
    private final Sink sink = new Sink();

    static final class Sink implements WbemObjectSink {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Override
        public void indicate(List<WbemClassObject> objects) {
            objects.forEach(o -> events.add(o.cimObject()));
        }

        @Override
        public void setStatus(int flags, int hresult, String param, WbemClassObject errorObject) {
            events.add(flags + ":" + Integer.toHexString(hresult) + ":" + param);
        }
    }

    @BeforeEach
    void start() throws UnknownHostException {
        callbacks = new Callbacks(InetAddress.getByName(HOST), 0, Limits.DEFAULT, "test");
        server = DcomClient.builder().defaultBlanket(NONE).unmarshalers(WmiMarshalers.withWmi())
                .threadNamePrefix("test-server").build();
    }

    @AfterEach
    void stop() {
        server.close();
        callbacks.close();
    }

    private ComProxy connect(Callbacks.Pending p) {
        return server.unmarshal(p.pointer(), NONE, HOST);
    }

    private static int indicate(ComProxy p, List<CimObject> objects) {
        List<MInterfacePointer> ptrs = objects.stream().map(WbemClassObjectMarshaler::pointer).toList();
        return p.call(WmiOpnums.ObjectSink.INDICATE, w -> new IndicateRequest(UNSENT, ptrs).encodeParams(w),
                NdrReader::i32);
    }

    private static int setStatus(ComProxy p, int flags, int hr, String param) {
        return p.call(WmiOpnums.ObjectSink.SET_STATUS, w -> new SetStatusRequest(UNSENT, flags, hr, param, null)
                .encodeParams(w), NdrReader::i32);
    }

    private static List<CimObject> objects(int n) {
        CimClass cls = CimClass.builder("Test_Row").property("Id", CimType.UINT32, p -> p.flag("key")).build();
        return java.util.stream.IntStream.range(0, n).<CimObject>mapToObj(i -> cls.newInstance()
                .set("Id", CimValue.uint32(i)).build()).toList();
    }

    @Test
    void theSinkTakesIndicatesAndOneFinalStatus() {
        Callbacks.Pending p = callbacks.export(sink, HOST);
        p.started();
        ComProxy proxy = connect(p);
        List<CimObject> rows = objects(2);
        assertThat(indicate(proxy, rows)).as("no ObjectArray support: WBEM_S_NO_ERROR, not WBEM_S_NEW_STYLE")
                .isEqualTo(WbemStatus.WBEM_S_NO_ERROR.code());
        assertThat(setStatus(proxy, 1, 0, null)).as("lFlags 1 is neither COMPLETE nor PROGRESS")
                .isEqualTo(WbemStatus.WBEM_E_INVALID_PARAMETER.code());
        assertThat(setStatus(proxy, WbemObjectSink.WBEM_STATUS_PROGRESS, 5, null)).isZero();
        assertThat(setStatus(proxy, WbemObjectSink.WBEM_STATUS_COMPLETE, 0, "done")).isZero();
        assertThat(setStatus(proxy, WbemObjectSink.WBEM_STATUS_COMPLETE, 0, "again")).isZero();
        assertThat(indicate(proxy, objects(1))).as("after the final status")
                .isEqualTo(WbemStatus.WBEM_E_CALL_CANCELLED.code());
        assertThat(sink.events).containsExactly(rows.get(0), rows.get(1), "2:5:null", "0:0:done");
        assertThat(callbacks.pending(sink)).as("the sink may serve another call").isNull();

        proxy.release();
        assertThat(callbacks.exportedSinks()).isZero();
    }

    @Test
    void oneCallAtATimePerSinkAndAFailedCallWithdrawsTheSink() {
        Callbacks.Pending p = callbacks.export(sink, HOST);
        assertThatThrownBy(() -> callbacks.export(sink, HOST)).isInstanceOf(IllegalStateException.class);
        assertThat(callbacks.exportedSinks()).isEqualTo(1);
        p.failed();
        assertThat(callbacks.exportedSinks()).isZero();
        assertThat(callbacks.pending(sink)).isNull();
        assertThat(sink.events).as("a call that failed to start reports nothing to the sink").isEmpty();
    }

    @Test
    void aSinkReleasedWithoutAFinalStatusEndsWithTransportFailure() {
        Callbacks.Pending p = callbacks.export(sink, HOST);
        p.started();
        ComProxy proxy = connect(p);
        assertThat(indicate(proxy, objects(1))).isZero();
        proxy.release();
        assertThat(sink.events).hasSize(2).last()
                .isEqualTo("0:" + Integer.toHexString(WbemStatus.WBEM_E_TRANSPORT_FAILURE.code()) + ":null");
        assertThat(callbacks.pending(sink)).isNull();
    }

    @Test
    void aGuessedIpidReachesNothing() {
        Callbacks.Pending p = callbacks.export(sink, HOST);
        p.started();
        ComProxy real = connect(p);
        var ref = (org.jwmi.dcom.wire.ObjRefStandard) p.pointer().objRef(
                new org.jwmi.dcom.wire.CustomUnmarshalerRegistry());
        var std = ref.std();
        var guessed = new org.jwmi.dcom.wire.ObjRefStandard(ref.iid(), new org.jwmi.dcom.wire.StdObjRef(std.flags(),
                5, std.oxid(), std.oid(), UUID.randomUUID()), ref.saResAddr());
        ComProxy fake = server.unmarshal(guessed, NONE, HOST);
        assertThatThrownBy(() -> indicate(fake, objects(1))).isInstanceOf(RuntimeException.class);
        assertThat(sink.events).isEmpty();
        real.release();
    }
}
