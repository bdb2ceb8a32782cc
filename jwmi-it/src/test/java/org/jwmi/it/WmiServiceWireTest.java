package org.jwmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.client.DcomClient;
import org.jwmi.dcom.client.DcomException;
import org.jwmi.dcom.client.ImpersonationLevel;
import org.jwmi.dcom.client.SecurityBlanket;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;
import org.jwmi.server.repository.CimRepository;
import org.jwmi.wire.Limits;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wmi.marshal.WmiMarshalers;
import org.jwmi.wmi.ops.CallResultResponse;
import org.jwmi.wmi.ops.CreateEnumRequest;
import org.jwmi.wmi.ops.ExecMethodRequest;
import org.jwmi.wmi.ops.ExecQueryRequest;
import org.jwmi.wmi.ops.GetResultStringResponse;
import org.jwmi.wmi.ops.Int32Response;
import org.jwmi.wmi.ops.InterfacePointerRef;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.NextRequest;
import org.jwmi.wmi.ops.NextResponse;
import org.jwmi.wmi.ops.NtlmLoginRequest;
import org.jwmi.wmi.ops.OrpcThisRequest;
import org.jwmi.wmi.ops.PathRequest;
import org.jwmi.wmi.ops.PutObjectRequest;
import org.jwmi.wmi.ops.SmartEnumNextRequest;
import org.jwmi.wmi.ops.SmartEnumNextResponse;
import org.jwmi.wmi.ops.TimeoutRequest;
import org.jwmi.wmi.ops.TwoPointerResponse;
import org.jwmi.wmio.ObjectArrayReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * winmgmt acceptance 2, 4 (bounded heap) and 5 (robustness) through our Java DCOM client and the jwmi-wmi records:
 * login, queries at every level, what Next returns at the end, semisynchronous calls, the smart enumerator,
 * enumerator positioning, a 1,000,000-instance enumeration in a 256 MiB heap (surefire's -Xmx for jwmi-it), and
 * malformed requests that must get WBEM_E_* answers while the service keeps serving.
 */
class WmiServiceWireTest {
    private static final String HOST = "127.0.0.24";
    private static final int MILLION = 1_000_000;
    private static final CimName COUNTER = CimName.of("Jwmi_Counter");
    private static final String PADDING = "x".repeat(300);
    private static final OrpcThis ORPC = OrpcThis.of(ComVersion.V5_7, UUID.randomUUID());
    private static final int RETURN_IMMEDIATELY = 0x10;
    private static final int FORWARD_ONLY = 0x20;

    private static LoopbackServer server;
    private static DcomClient dcom;

    @BeforeAll
    static void start() {
        Peers.assumeRoot();
        server = LoopbackServer.start(HOST, 135, AuthLevel.CONNECT);
        CimRepository repo = server.server.repository();
        CimClass counter = CimClass.builder("Jwmi_Counter").flag("dynamic")
                .property("Id", CimType.UINT32, p -> p.flag("key")).property("Text", CimType.STRING).build();
        repo.putClass("root\\cimv2", counter, CimRepository.WBEM_FLAG_CREATE_OR_UPDATE);
        server.server.providers().register(new InstanceProvider() {
            @Override
            public CimName className() {
                return COUNTER;
            }

            @Override
            public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
                return LongStream.range(0, MILLION).mapToObj(i -> cls.newInstance().set("Id", CimValue.uint32(i))
                        .set("Text", CimValue.string(PADDING + i)).build());
            }

            @Override
            public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
                return Optional.empty();
            }
        });
        dcom = DcomClient.builder().securityProvider(new NtlmSecurityProvider())
                .defaultBlanket(blanket(AuthLevel.PKT_PRIVACY)).unmarshalers(WmiMarshalers.withWmi())
                .rpcConfig(ClientConfig.defaults().withReadTimeout(Duration.ofSeconds(60)))
                .threadNamePrefix("jwmi-it-wmi").build();
    }

    @AfterAll
    static void stop() {
        if (dcom != null) {
            dcom.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static SecurityBlanket blanket(AuthLevel level) {
        return SecurityBlanket.builder().identity(server.credentials()).authnLevel(level).build();
    }

    /** Activation, NTLMLogin, the IWbemServices proxy with the blanket of {@code level}. */
    static ComProxy services(AuthLevel level, String namespace) {
        return services(blanket(level), namespace);
    }

    static ComProxy services(SecurityBlanket blanket, String namespace) {
        try (ComProxy login = dcom.createInstance(HOST, WmiIds.CLSID_WBEM_LEVEL1_LOGIN, WmiIds.IID_IWBEM_LEVEL1_LOGIN,
                blanket)) {
            InterfacePointerResponse r = login.call(WmiOpnums.Level1Login.NTLM_LOGIN,
                    new NtlmLoginRequest(ORPC, namespace, null, 0, null)::encodeParams,
                    x -> InterfacePointerResponse.decodeResults(x, OrpcThat.EMPTY));
            if (r.hresult() != 0) {
                throw new DcomException(r.hresult(), "NTLMLogin");
            }
            return login.unmarshal(r.pointer());
        }
    }

    static ComProxy execQuery(ComProxy services, String wql, int flags) {
        InterfacePointerResponse r = services.call(WmiOpnums.Services.EXEC_QUERY,
                new ExecQueryRequest(ORPC, "WQL", wql, flags, null)::encodeParams,
                x -> InterfacePointerResponse.decodeResults(x, OrpcThat.EMPTY));
        if (r.hresult() != 0) {
            throw new DcomException(r.hresult(), "ExecQuery " + wql);
        }
        return services.unmarshal(r.pointer());
    }

    static NextResponse next(ComProxy e, int timeout, long count) {
        return e.call(WmiOpnums.EnumWbemClassObject.NEXT, new NextRequest(ORPC, timeout, count)::encodeParams,
                x -> NextResponse.decodeResults(x, OrpcThat.EMPTY));
    }

    /** A call whose only result is its HRESULT. */
    static int status(ComProxy p, int opnum, java.util.function.Consumer<org.jwmi.ndr.NdrWriter> params) {
        Integer hr = p.call(opnum, params, org.jwmi.ndr.NdrReader::i32);
        return hr;
    }

    static List<CimObject> objects(NextResponse r) {
        List<CimObject> out = new ArrayList<>();
        for (MInterfacePointer p : r.apObjects()) {
            out.add(WbemClassObjectMarshaler.cimObject(p, Limits.DEFAULT));
        }
        return out;
    }

    static List<CimObject> all(ComProxy e, int batch) {
        List<CimObject> out = new ArrayList<>();
        while (true) {
            NextResponse r = next(e, -1, batch);
            out.addAll(objects(r));
            if (r.hresult() == WbemStatus.WBEM_S_FALSE.code()) {
                return out;
            }
            assertThat(r.hresult()).isZero();
        }
    }

    @ParameterizedTest(name = "query at {0}")
    @EnumSource(value = AuthLevel.class, names = {"CONNECT", "CALL", "PKT", "PKT_INTEGRITY", "PKT_PRIVACY"})
    void queryAtEveryLevel(AuthLevel level) {
        long self = ProcessHandle.current().pid();
        try (ComProxy s = services(level, "//./root/cimv2");
             ComProxy e = execQuery(s, "SELECT Name, ProcessId FROM Win32_Process WHERE ProcessId = " + self,
                     FORWARD_ONLY | RETURN_IMMEDIATELY)) {
            List<CimObject> rows = all(e, 10);
            assertThat(rows).hasSize(1);
            assertThat(((CimInstance) rows.get(0)).value("ProcessId").asLong()).isEqualTo(self);
        }
    }

    @Test
    void theLastNextCarriesItsObjectsWithSFalse() {
        try (ComProxy s = services(AuthLevel.PKT_PRIVACY, "root\\cimv2");
             ComProxy e = execQuery(s, "SELECT * FROM __NAMESPACE", FORWARD_ONLY)) {
            NextResponse r = next(e, -1, 1000);
            assertThat(r.hresult()).isEqualTo(WbemStatus.WBEM_S_FALSE.code());
            assertThat(r.apObjects()).isEmpty();
        }
        try (ComProxy s = services(AuthLevel.PKT_PRIVACY, "root");
             ComProxy e = execQuery(s, "SELECT * FROM __NAMESPACE", FORWARD_ONLY)) {
            NextResponse r = next(e, -1, 1000);
            assertThat(r.hresult()).isEqualTo(WbemStatus.WBEM_S_FALSE.code());
            assertThat(objects(r)).extracting(o -> ((CimInstance) o).value("Name").asString())
                    .contains("cimv2", "default");
        }
    }

    @Test
    void resetSkipAndCloneOfARewindableEnumerator() {
        try (ComProxy s = services(AuthLevel.PKT_INTEGRITY, "root");
             ComProxy e = execQuery(s, "SELECT * FROM __NAMESPACE", 0)) {
            List<CimObject> first = all(e, 1);
            assertThat(first).hasSizeGreaterThanOrEqualTo(2);
            assertThat(status(e, WmiOpnums.EnumWbemClassObject.RESET, new OrpcThisRequest(ORPC)::encodeParams))
                    .isZero();
            assertThat(status(e, WmiOpnums.EnumWbemClassObject.SKIP, new NextRequest(ORPC, -1, 1)::encodeParams))
                    .isZero();
            InterfacePointerResponse c = e.call(WmiOpnums.EnumWbemClassObject.CLONE,
                    new OrpcThisRequest(ORPC)::encodeParams,
                    x -> InterfacePointerResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(c.hresult()).isZero();
            try (ComProxy clone = e.unmarshal(c.pointer())) {
                assertThat(all(clone, 5)).hasSize(first.size() - 1);
            }
            assertThat(all(e, 5)).hasSize(first.size() - 1);
        }
        try (ComProxy s = services(AuthLevel.PKT_INTEGRITY, "root");
             ComProxy e = execQuery(s, "SELECT * FROM __NAMESPACE", FORWARD_ONLY)) {
            assertThat(status(e, WmiOpnums.EnumWbemClassObject.RESET, new OrpcThisRequest(ORPC)::encodeParams))
                    .isEqualTo(WbemStatus.WBEM_E_INVALID_OPERATION.code());
        }
    }

    @Test
    void semisynchronousGetObjectAndPutInstance() {
        try (ComProxy s = services(AuthLevel.PKT_PRIVACY, "root\\cimv2")) {
            TwoPointerResponse r = s.call(WmiOpnums.Services.GET_OBJECT, new PathRequest(ORPC,
                    "Win32_OperatingSystem=@", RETURN_IMMEDIATELY, null, null, InterfacePointerRef.EMPTY)::encodeParams,
                    x -> TwoPointerResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(r.hresult()).isZero();
            assertThat(r.ppFirst()).isNull();
            try (ComProxy result = s.unmarshal(r.result())) {
                Int32Response st = result.call(WmiOpnums.CallResult.GET_CALL_STATUS,
                        new TimeoutRequest(ORPC, -1)::encodeParams, x -> Int32Response.decodeResults(x, OrpcThat.EMPTY));
                assertThat(st.hresult()).isZero();
                assertThat(st.value()).isZero();
                InterfacePointerResponse o = result.call(WmiOpnums.CallResult.GET_RESULT_OBJECT,
                        new TimeoutRequest(ORPC, 1000)::encodeParams,
                        x -> InterfacePointerResponse.decodeResults(x, OrpcThat.EMPTY));
                assertThat(o.hresult()).isZero();
                CimObject os = WbemClassObjectMarshaler.cimObject(o.pointer(), Limits.DEFAULT);
                assertThat(((CimInstance) os).cimClass().name()).isEqualTo(CimName.of("Win32_OperatingSystem"));
            }
            TwoPointerResponse missing = s.call(WmiOpnums.Services.GET_OBJECT, new PathRequest(ORPC,
                    "Win32_Process.Handle=\"999999999\"", RETURN_IMMEDIATELY, null, null,
                    InterfacePointerRef.EMPTY)::encodeParams, x -> TwoPointerResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(missing.hresult()).isZero();
            try (ComProxy result = s.unmarshal(missing.result())) {
                Int32Response st = result.call(WmiOpnums.CallResult.GET_CALL_STATUS,
                        new TimeoutRequest(ORPC, 0)::encodeParams, x -> Int32Response.decodeResults(x, OrpcThat.EMPTY));
                assertThat(st.value()).isEqualTo(WbemStatus.WBEM_E_NOT_FOUND.code());
            }
        }
        try (ComProxy s = services(AuthLevel.PKT_PRIVACY, "root\\default")) {
            CimClass cls = CimClass.builder("Jwmi_Note").property("Name", CimType.STRING, p -> p.flag("key"))
                    .property("Text", CimType.STRING).build();
            CallResultResponse pc = s.call(WmiOpnums.Services.PUT_CLASS, new PutObjectRequest(ORPC,
                    WbemClassObjectMarshaler.pointer(cls), 0, null, null)::encodeParams,
                    x -> CallResultResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(pc.hresult()).isZero();
            CimInstance note = cls.newInstance().set("Name", CimValue.string("a")).set("Text", CimValue.string("b"))
                    .build();
            CallResultResponse pi = s.call(WmiOpnums.Services.PUT_INSTANCE, new PutObjectRequest(ORPC,
                    WbemClassObjectMarshaler.pointer(note), RETURN_IMMEDIATELY, null,
                    InterfacePointerRef.EMPTY)::encodeParams, x -> CallResultResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(pi.hresult()).isZero();
            try (ComProxy result = s.unmarshal(pi.ppCallResult().value())) {
                GetResultStringResponse path = result.call(WmiOpnums.CallResult.GET_RESULT_STRING,
                        new TimeoutRequest(ORPC, -1)::encodeParams,
                        x -> GetResultStringResponse.decodeResults(x, OrpcThat.EMPTY));
                assertThat(path.hresult()).isZero();
                assertThat(path.pstrResultString()).isEqualTo("Jwmi_Note.Name=\"a\"");
            }
        }
    }

    @Test
    void smartEnumeratorSendsObjectArrays() {
        try (ComProxy s = services(AuthLevel.PKT_PRIVACY, "root\\cimv2");
             ComProxy e = execQuery(s, "SELECT * FROM Win32_Process", FORWARD_ONLY | RETURN_IMMEDIATELY);
             ComProxy fetch = e.queryInterface(WmiIds.IID_IWBEM_FETCH_SMART_ENUM)) {
            InterfacePointerResponse r = fetch.call(WmiOpnums.FetchSmartEnum.GET_SMART_ENUM,
                    new OrpcThisRequest(ORPC)::encodeParams,
                    x -> InterfacePointerResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(r.hresult()).isZero();
            UUID proxy = UUID.randomUUID();
            ObjectArrayReader reader = new ObjectArrayReader(Limits.DEFAULT);
            int total = 0;
            try (ComProxy smart = fetch.unmarshal(r.pointer())) {
                while (true) {
                    SmartEnumNextResponse n = smart.call(WmiOpnums.WcoSmartEnum.NEXT,
                            new SmartEnumNextRequest(ORPC, proxy, -1, 7)::encodeParams,
                            x -> SmartEnumNextResponse.decodeResults(x, OrpcThat.EMPTY));
                    if (n.puReturned() > 0) {
                        List<CimObject> objs = reader.read(n.pBuffer());
                        assertThat(objs).hasSize((int) n.puReturned());
                        total += objs.size();
                    }
                    if (n.hresult() == WbemStatus.WBEM_S_FALSE.code()) {
                        break;
                    }
                    assertThat(n.hresult()).isZero();
                }
            }
            assertThat(total).isGreaterThan(2);
        }
    }

    @Test
    void aMillionInstancesStreamInABoundedHeap() {
        long max = Runtime.getRuntime().maxMemory();
        assertThat(max).as("jwmi-it runs with -Xmx256m").isLessThanOrEqualTo(300L << 20);
        long expected = 0;
        try (ComProxy s = services(AuthLevel.PKT_INTEGRITY, "root\\cimv2")) {
            InterfacePointerResponse r = s.call(WmiOpnums.Services.CREATE_INSTANCE_ENUM,
                    new CreateEnumRequest(ORPC, "Jwmi_Counter", FORWARD_ONLY | RETURN_IMMEDIATELY, null)::encodeParams,
                    x -> InterfacePointerResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(r.hresult()).isZero();
            try (ComProxy e = s.unmarshal(r.pointer())) {
                while (true) {
                    NextResponse n = next(e, -1, 2000);
                    for (CimObject o : objects(n)) {
                        assertThat(((CimInstance) o).value("Id").asLong()).isEqualTo(expected);
                        expected++;
                    }
                    if (n.hresult() == WbemStatus.WBEM_S_FALSE.code()) {
                        break;
                    }
                    assertThat(n.hresult()).isIn(0, WbemStatus.WBEM_S_TIMEDOUT.code());
                }
            }
        }
        // About 330 MB of objects went through a heap of at most 256 MiB shared by client and server.
        assertThat(expected).isEqualTo(MILLION);
    }

    @Test
    void malformedRequestsGetWbemErrorsAndTheServiceGoesOn() {
        try (ComProxy s = services(AuthLevel.PKT_PRIVACY, "root\\cimv2")) {
            // a bad object blob
            ObjRefCustom junk = ObjRefCustom.of(WmiIds.IID_IWBEM_CLASS_OBJECT,
                    WmiIds.CLSID_WBEM_CLASS_OBJECT_UNMARSHALER, "not an encoding unit".getBytes(StandardCharsets.UTF_8));
            CallResultResponse put = s.call(WmiOpnums.Services.PUT_INSTANCE, new PutObjectRequest(ORPC,
                    MInterfacePointer.of(junk), 0, null, null)::encodeParams,
                    x -> CallResultResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(put.hresult()).isEqualTo(WbemStatus.WBEM_E_INVALID_OBJECT.code());
            // bad paths
            for (String path : List.of("Win32_Process.Handle=", "Win32_Process.=\"1\"", "\\\\\\", "No_Such_Class=@")) {
                TwoPointerResponse g = s.call(WmiOpnums.Services.GET_OBJECT, new PathRequest(ORPC, path, 0, null,
                        InterfacePointerRef.EMPTY, null)::encodeParams,
                        x -> TwoPointerResponse.decodeResults(x, OrpcThat.EMPTY));
                assertThat(WbemStatus.fromCode(g.hresult())).as(path).isNotNull()
                        .satisfies(st -> assertThat(st.isError()).isTrue());
            }
            // bad queries
            for (String q : List.of("SELECT", "SELECT * FROM", "SELECT * FROM Win32_Process WHERE (", "DROP TABLE x",
                    "SELECT * FROM Win32_Process WHERE Name = 'x" + "(".repeat(5000))) {
                InterfacePointerResponse r = s.call(WmiOpnums.Services.EXEC_QUERY,
                        new ExecQueryRequest(ORPC, "WQL", q, 0, null)::encodeParams,
                        x -> InterfacePointerResponse.decodeResults(x, OrpcThat.EMPTY));
                assertThat(WbemStatus.fromCode(r.hresult())).as(q).isIn(WbemStatus.WBEM_E_INVALID_QUERY,
                        WbemStatus.WBEM_E_INVALID_CLASS);
            }
            InterfacePointerResponse lang = s.call(WmiOpnums.Services.EXEC_QUERY,
                    new ExecQueryRequest(ORPC, "SQL", "SELECT * FROM Win32_Process", 0, null)::encodeParams,
                    x -> InterfacePointerResponse.decodeResults(x, OrpcThat.EMPTY));
            assertThat(lang.hresult()).isEqualTo(WbemStatus.WBEM_E_INVALID_QUERY_TYPE.code());
            // a huge count: the batch stops at its byte cap and says WBEM_S_TIMEDOUT
            try (ComProxy e = execQuery(s, "SELECT * FROM Jwmi_Counter", FORWARD_ONLY)) {
                NextResponse n = next(e, -1, 0xFFFFFFFFL);
                assertThat(n.hresult()).isEqualTo(WbemStatus.WBEM_S_TIMEDOUT.code());
                assertThat(n.apObjects()).isNotEmpty().hasSizeLessThan(10_000);
            }
            // a truncated stub is a fault, an unknown opnum too
            assertThatThrownBy(() -> s.call(WmiOpnums.Services.EXEC_QUERY, w -> w.i32(1)))
                    .isInstanceOf(DcomException.class).hasMessageContaining("BAD_STUB_DATA");
            assertThatThrownBy(() -> s.call(200, w -> w.i32(1))).isInstanceOf(DcomException.class);
            // and the service still answers
            try (ComProxy e = execQuery(s, "SELECT * FROM Win32_Process WHERE ProcessId = "
                    + ProcessHandle.current().pid(), FORWARD_ONLY)) {
                assertThat(all(e, 10)).hasSize(1);
            }
        }
    }

    @Test
    void loginToAMissingNamespaceIsInvalidNamespace() {
        assertThatThrownBy(() -> services(AuthLevel.PKT_PRIVACY, "//./root/nothing"))
                .isInstanceOf(DcomException.class)
                .extracting(e -> ((DcomException) e).hresult()).isEqualTo(WbemStatus.WBEM_E_INVALID_NAMESPACE.code());
    }

    /** Win32_Process.Terminate of {@code pid} through ExecMethod under {@code blanket}: [HRESULT, ReturnValue]. */
    private static long[] terminate(SecurityBlanket blanket, long pid) {
        try (ComProxy s = services(blanket, "root\\cimv2")) {
            TwoPointerResponse c = s.call(WmiOpnums.Services.GET_OBJECT, new PathRequest(ORPC, "Win32_Process", 0,
                    null, InterfacePointerRef.EMPTY, null)::encodeParams,
                    x -> TwoPointerResponse.decodeResults(x, OrpcThat.EMPTY));
            CimClass cls = (CimClass) WbemClassObjectMarshaler.cimObject(c.first(), Limits.DEFAULT);
            CimInstance in = cls.method("Terminate").orElseThrow().inParameters().newInstance()
                    .set("Reason", CimValue.uint32(0)).build();
            TwoPointerResponse r = s.call(WmiOpnums.Services.EXEC_METHOD, new ExecMethodRequest(ORPC,
                    "Win32_Process.Handle=\"" + pid + "\"", "Terminate", 0, null, WbemClassObjectMarshaler.pointer(in),
                    InterfacePointerRef.EMPTY, null)::encodeParams,
                    x -> TwoPointerResponse.decodeResults(x, OrpcThat.EMPTY));
            if (r.hresult() != 0) {
                return new long[] {r.hresult(), -1};
            }
            CimInstance out = (CimInstance) WbemClassObjectMarshaler.cimObject(r.first(), Limits.DEFAULT);
            return new long[] {0, out.value("ReturnValue").asLong()};
        }
    }

    @Test
    void identifyMayReadButProvidersActingAsTheCallerRefuse() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            SecurityBlanket identify = blanket(AuthLevel.PKT_PRIVACY).toBuilder()
                    .impersonationLevel(ImpersonationLevel.IDENTIFY).build();
            try (ComProxy s = services(identify, "root\\cimv2");
                 ComProxy e = execQuery(s, "SELECT * FROM Win32_Process WHERE ProcessId = " + sleeper.pid(),
                         FORWARD_ONLY)) {
                assertThat(all(e, 10)).hasSize(1);
            }
            assertThat(terminate(identify, sleeper.pid())[0]).isEqualTo(WbemStatus.WBEM_E_ACCESS_DENIED.code());
            assertThat(sleeper.isAlive()).isTrue();
            long[] r = terminate(blanket(AuthLevel.PKT_PRIVACY), sleeper.pid());
            assertThat(r).containsExactly(0, 0);
            assertThat(sleeper.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void theProxysIUnknownCanHaveItsOwnBlanket() {
        try (ComProxy s = services(AuthLevel.PKT_PRIVACY, "root\\cimv2")) {
            s.setUnknownBlanket(blanket(AuthLevel.PKT_PRIVACY).toBuilder().identity(server.wrongCredentials()).build());
            assertThatThrownBy(() -> s.queryInterface(WmiIds.IID_IWBEM_SERVICES)).isInstanceOf(RuntimeException.class);
            try (ComProxy e = execQuery(s, "SELECT * FROM __NAMESPACE", FORWARD_ONLY)) {
                assertThat(all(e, 10)).isEmpty();
            }
            s.setUnknownBlanket(null);
            try (ComProxy again = s.queryInterface(WmiIds.IID_IWBEM_SERVICES)) {
                assertThat(again.iid()).isEqualTo(WmiIds.IID_IWBEM_SERVICES);
            }
        }
    }

    @Test
    void openEnumeratorsPerAccountAreBounded() {
        List<ComProxy> open = new ArrayList<>();
        try (ComProxy s = services(AuthLevel.PKT_INTEGRITY, "root")) {
            for (int i = 0; i < 128; i++) {
                open.add(execQuery(s, "SELECT * FROM __NAMESPACE", FORWARD_ONLY));
            }
            assertThatThrownBy(() -> execQuery(s, "SELECT * FROM __NAMESPACE", FORWARD_ONLY))
                    .isInstanceOf(DcomException.class)
                    .extracting(e -> ((DcomException) e).hresult()).isEqualTo(WbemStatus.WBEM_E_QUOTA_VIOLATION.code());
            open.remove(0).close();
            try (ComProxy e = execQuery(s, "SELECT * FROM __NAMESPACE", FORWARD_ONLY)) {
                assertThat(all(e, 10)).isNotEmpty();
            }
        } finally {
            open.forEach(ComProxy::close);
        }
    }

    /** The [in] parameters of a call, as the client would write them after ORPCTHIS. */
    private static byte[] params(java.util.function.Consumer<org.jwmi.ndr.NdrWriter> body) {
        org.jwmi.ndr.NdrWriter w = org.jwmi.dcom.ops.Codec.writer(Limits.DEFAULT);
        body.accept(w);
        return w.toByteArray();
    }

    @Test
    void mutatedRequestsNeverBreakTheService() {
        java.util.Random rnd = new java.util.Random(20261207);
        CimClass cls = CimClass.builder("Jwmi_Fuzz").property("K", CimType.STRING, p -> p.flag("key")).build();
        List<Object[]> valid = List.of(
                new Object[] {WmiOpnums.Services.EXEC_QUERY,
                        params(new ExecQueryRequest(ORPC, "WQL", "SELECT Name FROM Win32_Process WHERE ProcessId = 1",
                                FORWARD_ONLY, null)::encodeParams)},
                new Object[] {WmiOpnums.Services.GET_OBJECT, params(new PathRequest(ORPC, "Win32_OperatingSystem=@",
                        0, null, InterfacePointerRef.EMPTY, null)::encodeParams)},
                new Object[] {WmiOpnums.Services.PUT_INSTANCE, params(new PutObjectRequest(ORPC,
                        WbemClassObjectMarshaler.pointer(cls.newInstance().set("K", CimValue.string("k")).build()),
                        0, null, null)::encodeParams)},
                new Object[] {WmiOpnums.Services.PUT_CLASS, params(new PutObjectRequest(ORPC,
                        WbemClassObjectMarshaler.pointer(cls), 0, null, null)::encodeParams)},
                new Object[] {WmiOpnums.Services.CREATE_INSTANCE_ENUM, params(new CreateEnumRequest(ORPC,
                        "Jwmi_Counter", FORWARD_ONLY | RETURN_IMMEDIATELY, null)::encodeParams)});
        int replies = 0;
        int faults = 0;
        List<ComProxy> made = new ArrayList<>();
        try (ComProxy s = services(AuthLevel.PKT_INTEGRITY, "root\\cimv2")) {
            for (int i = 0; i < 500; i++) {
                Object[] v = valid.get(rnd.nextInt(valid.size()));
                byte[] b = ((byte[]) v[1]).clone();
                switch (rnd.nextInt(3)) {
                    case 0 -> {
                        for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                            b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                        }
                    }
                    case 1 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
                    default -> {
                        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + rnd.nextInt(64));
                        for (int k = b.length; k < longer.length; k++) {
                            longer[k] = (byte) rnd.nextInt(256);
                        }
                        b = longer;
                    }
                }
                byte[] stub = b;
                try {
                    org.jwmi.dcom.client.OrpcReply r = s.call((Integer) v[0], w -> w.bytes(stub));
                    replies++;
                    if ((Integer) v[0] == WmiOpnums.Services.CREATE_INSTANCE_ENUM
                            || (Integer) v[0] == WmiOpnums.Services.EXEC_QUERY) {
                        InterfacePointerResponse ip = InterfacePointerResponse.decodeResults(r.results(), OrpcThat.EMPTY);
                        if (ip.pointer() != null) {
                            made.add(s.unmarshal(ip.pointer()));
                        }
                    }
                } catch (DcomException e) {
                    faults++;
                }
                if (made.size() > 50) {
                    made.forEach(ComProxy::close);
                    made.clear();
                }
            }
            made.forEach(ComProxy::close);
            assertThat(replies).isPositive();
            assertThat(faults).isPositive();
            try (ComProxy e = execQuery(s, "SELECT * FROM Win32_Process WHERE ProcessId = "
                    + ProcessHandle.current().pid(), FORWARD_ONLY)) {
                assertThat(all(e, 10)).hasSize(1);
            }
        }
    }
}
