package org.jwmi.dcom.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.dcom.wire.RemQiResult;
import org.jwmi.dcom.wire.SecurityBinding;
import org.jwmi.dcom.wire.StdObjRef;
import org.jwmi.dcom.wire.StringBinding;
import org.jwmi.wire.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation record against the stubs impacket's dcomrt structures produce for the same values
 * (vectors/dcom-ops/generate.py): our encoder reproduces them byte for byte and our decoder yields the values.
 */
class OpsGoldenVectorsTest {

    static final UUID CLSID_T = UUID.fromString("c0ffee00-1234-5678-9abc-def012345678");
    static final UUID IID_T = UUID.fromString("11223344-5566-7788-99aa-bbccddeeff00");
    static final UUID IID_U = UUID.fromString("00000000-0000-0000-c000-000000000046");
    static final UUID IPID_T = UUID.fromString("00001234-5678-9abc-def0-123456789abc");
    static final UUID IPID_2 = UUID.fromString("0000beef-0001-0002-0003-000400050006");
    static final UUID IPID_REMUNK = UUID.fromString("0000abcd-0001-0002-0304-050607080900");
    static final UUID CID_T = UUID.fromString("89abcdef-0123-4567-89ab-cdef01234567");
    static final UUID NULL_GUID = new UUID(0, 0);
    static final long OXID_T = 0x0123456789abcdefL;
    static final long OID_T = 0x1122334455667788L;
    static final long OID_2 = 0x0102030405060708L;
    static final long SETID_T = 0x8877665544332211L;
    static final List<SecurityBinding> SECURITY = List.of(new SecurityBinding(10, "JWMI-HOST"));
    static final DualStringArray EXPORTER = new DualStringArray(List.of(StringBinding.tcp("127.0.0.1", 49667),
            StringBinding.tcp("JWMI-HOST", 49667)), SECURITY);
    static final DualStringArray RESOLVER = new DualStringArray(List.of(StringBinding.tcp("127.0.0.1"),
            StringBinding.tcp("JWMI-HOST")), SECURITY);
    static final MInterfacePointer ABDATA = new MInterfacePointer(range(0x40, 44));
    static final MInterfacePointer ABDATA2 = new MInterfacePointer(range(0x80, 36));
    static final ComVersion V57 = ComVersion.V5_7;

    static byte[] range(int first, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    static OrpcThis orpcThis(int flags) {
        return new OrpcThis(V57, flags, 0, CID_T, null);
    }

    static byte[] load(String name) {
        try (InputStream in = OpsGoldenVectorsTest.class.getResourceAsStream("/vectors/dcom-ops/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Vector(String file, Object value, Function<Object, byte[]> encode, Function<byte[], Object> decode) {
        @Override
        public String toString() {
            return file;
        }
    }

    @SuppressWarnings("unchecked")
    static <T> Vector v(String file, T value, Function<T, byte[]> enc, Function<byte[], T> dec) {
        return new Vector(file, value, o -> enc.apply((T) o), b -> dec.apply(b));
    }

    static Stream<Vector> vectors() {
        RemQiResult ok = new RemQiResult(0, new StdObjRef(0, 5, OXID_T, OID_T, IPID_2));
        RemQiResult noInterface = new RemQiResult(0x80004002, new StdObjRef(0, 0, 0, 0, NULL_GUID));
        return Stream.of(
                v("3.1.2.5.1.1-ResolveOxid-request.hex", new ResolveOxidRequest(OXID_T, List.of(7, 0x1f)),
                        ResolveOxidRequest::encode, ResolveOxidRequest::decode),
                v("3.1.2.5.1.1-ResolveOxid-response.hex", new ResolveOxidResponse(EXPORTER, IPID_REMUNK, 5, 0),
                        ResolveOxidResponse::encode, ResolveOxidResponse::decode),
                v("3.1.2.5.1.1-ResolveOxid-response-invalid.hex",
                        ResolveOxidResponse.failure(DcomStatus.OR_INVALID_OXID.value()),
                        ResolveOxidResponse::encode, ResolveOxidResponse::decode),
                v("3.1.2.5.1.2-SimplePing-request.hex", new SimplePingRequest(SETID_T), SimplePingRequest::encode,
                        SimplePingRequest::decode),
                v("3.1.2.5.1.2-SimplePing-response.hex", new StatusResponse(DcomStatus.OR_INVALID_SET.value()),
                        StatusResponse::encode, StatusResponse::decode),
                v("3.1.2.5.1.3-ComplexPing-request.hex", new ComplexPingRequest(0, 1, List.of(OID_T, OID_2),
                        List.of()), ComplexPingRequest::encode, ComplexPingRequest::decode),
                v("3.1.2.5.1.3-ComplexPing-request-del.hex", new ComplexPingRequest(SETID_T, 2, List.of(),
                        List.of(OID_2)), ComplexPingRequest::encode, ComplexPingRequest::decode),
                v("3.1.2.5.1.3-ComplexPing-response.hex", new ComplexPingResponse(SETID_T, 0, 0),
                        ComplexPingResponse::encode, ComplexPingResponse::decode),
                v("3.1.2.5.1.4-ServerAlive-request.hex", EmptyRequest.INSTANCE, EmptyRequest::encode,
                        EmptyRequest::decode),
                v("3.1.2.5.1.5-ResolveOxid2-request.hex", new ResolveOxidRequest(OXID_T, List.of(7)),
                        ResolveOxidRequest::encode, ResolveOxidRequest::decode),
                v("3.1.2.5.1.5-ResolveOxid2-response.hex", new ResolveOxid2Response(EXPORTER, IPID_REMUNK, 6, V57,
                        0), ResolveOxid2Response::encode, ResolveOxid2Response::decode),
                v("3.1.2.5.1.6-ServerAlive2-response.hex", new ServerAlive2Response(V57, RESOLVER, 0, 0),
                        ServerAlive2Response::encode, ServerAlive2Response::decode),
                v("3.1.2.5.2.3.1-RemoteActivation-request.hex", new RemoteActivationRequest(orpcThis(1), CLSID_T,
                        null, null, 2, 0, 2, List.of(IID_T, IID_U), List.of(7)), RemoteActivationRequest::encode,
                        RemoteActivationRequest::decode),
                v("3.1.2.5.2.3.1-RemoteActivation-request-named.hex", new RemoteActivationRequest(orpcThis(0),
                        CLSID_T, "C:\\init.dat", ABDATA2, 3, RemoteActivationRequest.MODE_GET_CLASS_OBJECT, 1,
                        List.of(IID_T), List.of()), RemoteActivationRequest::encode,
                        RemoteActivationRequest::decode),
                v("3.1.2.5.2.3.1-RemoteActivation-response.hex", new RemoteActivationResponse(OrpcThat.EMPTY,
                        OXID_T, EXPORTER, IPID_REMUNK, 5, V57, 0, Arrays.asList(ABDATA, null),
                        List.of(0, 0x80004002), 0), RemoteActivationResponse::encode,
                        RemoteActivationResponse::decode),
                v("3.1.2.5.2.3.2-RemoteGetClassObject-request.hex", new RemoteGetClassObjectRequest(orpcThis(1),
                        ABDATA), RemoteGetClassObjectRequest::encode, RemoteGetClassObjectRequest::decode),
                v("3.1.2.5.2.3.3-RemoteCreateInstance-request.hex", new RemoteCreateInstanceRequest(orpcThis(1),
                        null, ABDATA), RemoteCreateInstanceRequest::encode, RemoteCreateInstanceRequest::decode),
                v("3.1.2.5.2.3.3-RemoteCreateInstance-response.hex", new ScmActivationResponse(OrpcThat.EMPTY,
                        ABDATA2, 0), ScmActivationResponse::encode, ScmActivationResponse::decode),
                v("3.1.2.5.2.3.3-RemoteCreateInstance-response-classnotreg.hex",
                        ScmActivationResponse.failure(DcomStatus.REGDB_E_CLASSNOTREG.value()),
                        ScmActivationResponse::encode, ScmActivationResponse::decode),
                v("3.1.1.5.6.1.1-RemQueryInterface-request.hex", new RemQueryInterfaceRequest(orpcThis(0), IPID_T,
                        5, List.of(IID_T, IID_U)), RemQueryInterfaceRequest::encode,
                        RemQueryInterfaceRequest::decode),
                v("3.1.1.5.6.1.1-RemQueryInterface-response.hex", new RemQueryInterfaceResponse(OrpcThat.EMPTY,
                        List.of(ok, noInterface), 1), RemQueryInterfaceResponse::encode,
                        RemQueryInterfaceResponse::decode),
                v("3.1.1.5.6.1.1-RemQueryInterface-response-invalid.hex", new RemQueryInterfaceResponse(
                        OrpcThat.EMPTY, null, DcomStatus.RPC_E_INVALID_OBJECT.value()),
                        RemQueryInterfaceResponse::encode, RemQueryInterfaceResponse::decode),
                v("3.1.1.5.6.1.2-RemAddRef-request.hex", new RemAddRefRequest(orpcThis(0), List.of(
                        new RemInterfaceRef(IPID_T, 5, 0), new RemInterfaceRef(IPID_2, 0, 2))),
                        RemAddRefRequest::encode, RemAddRefRequest::decode),
                v("3.1.1.5.6.1.2-RemAddRef-response.hex", new RemAddRefResponse(OrpcThat.EMPTY,
                        List.of(0, DcomStatus.CO_E_OBJNOTREG.value()), DcomStatus.E_INVALIDARG.value()),
                        RemAddRefResponse::encode, RemAddRefResponse::decode),
                v("3.1.1.5.6.1.3-RemRelease-request.hex", new RemReleaseRequest(orpcThis(0), List.of(
                        new RemInterfaceRef(IPID_T, 1, 0))), RemReleaseRequest::encode, RemReleaseRequest::decode),
                v("3.1.1.5.6.1.3-RemRelease-response.hex", new OrpcStatusResponse(OrpcThat.EMPTY, 0),
                        OrpcStatusResponse::encode, OrpcStatusResponse::decode),
                v("3.1.1.5.7.1.1-RemQueryInterface2-request.hex", new RemQueryInterface2Request(orpcThis(0),
                        IPID_T, List.of(IID_T)), RemQueryInterface2Request::encode,
                        RemQueryInterface2Request::decode),
                v("3.1.1.5.7.1.1-RemQueryInterface2-response.hex", new RemQueryInterface2Response(OrpcThat.EMPTY,
                        List.of(0, 0x80004002), Arrays.asList(ABDATA, null), 1),
                        RemQueryInterface2Response::encode, RemQueryInterface2Response::decode));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encoderReproducesImpacketBytes(Vector v) {
        assertThat(Hex.encode(v.encode().apply(v.value()))).isEqualTo(Hex.encode(load(v.file())));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decoderYieldsTheValues(Vector v) {
        assertThat(v.decode().apply(load(v.file()))).isEqualTo(v.value());
    }
}
