package org.jwmi.wmi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jwmi.dcom.ops.OrpcStatusResponse;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.Test;

/**
 * Golden stubs from impacket's dcom/wmi.py structures (src/test/resources/vectors/wmi/generate.py): each record
 * encodes to exactly those bytes and decodes from them to the same value.
 */
class WmiOpsGoldenTest {

    static final OrpcThis THIS = OrpcThis.of(ComVersion.V5_7, UUID.fromString("89abcdef-0123-4567-89ab-cdef01234567"));
    static final OrpcThat THAT = OrpcThat.EMPTY;
    static final MInterfacePointer OBJ_A = new MInterfacePointer(range(0x40, 44));
    static final MInterfacePointer OBJ_B = new MInterfacePointer(range(0x90, 28));

    static byte[] range(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    private static <T> void golden(String vector, T value, Function<T, byte[]> encode, Function<byte[], T> decode) {
        byte[] bytes = Vectors.load(vector);
        assertThat(Hex.encode(encode.apply(value))).as(vector + " encode").isEqualTo(Hex.encode(bytes));
        assertThat(decode.apply(bytes)).as(vector + " decode").isEqualTo(value);
    }

    @Test
    void level1Login() {
        golden("3.1.4.1.1-EstablishPosition-request.hex", new EstablishPositionRequest(THIS, null, 0),
                EstablishPositionRequest::encode, EstablishPositionRequest::decode);
        golden("3.1.4.1.1-EstablishPosition-response.hex", new Int32Response(THAT, 0x409, 0),
                Int32Response::encode, Int32Response::decode);
        golden("3.1.4.1.4-NTLMLogin-request.hex", new NtlmLoginRequest(THIS, "//./root/cimv2", null, 0, null),
                NtlmLoginRequest::encode, NtlmLoginRequest::decode);
        golden("3.1.4.1.4-NTLMLogin-response.hex", new InterfacePointerResponse(THAT, OBJ_A, 0),
                InterfacePointerResponse::encode, InterfacePointerResponse::decode);
    }

    @Test
    void services() {
        golden("3.1.4.3.1-OpenNamespace-request.hex", new PathRequest(THIS, "cimv2", 0, null, null, null),
                PathRequest::encode, PathRequest::decode);
        golden("3.1.4.3.1-OpenNamespace-response.hex",
                new TwoPointerResponse(THAT, new InterfacePointerRef(OBJ_A), null, 0),
                TwoPointerResponse::encode, TwoPointerResponse::decode);
        golden("3.1.4.3.4-GetObject-request.hex",
                new PathRequest(THIS, "Win32_OperatingSystem=@", 0, null, null, null),
                PathRequest::encode, PathRequest::decode);
        golden("3.1.4.3.4-GetObject-response.hex",
                new TwoPointerResponse(THAT, new InterfacePointerRef(OBJ_B), null, 0),
                TwoPointerResponse::encode, TwoPointerResponse::decode);
        golden("3.1.4.3.18-ExecQuery-request.hex",
                new ExecQueryRequest(THIS, "WQL", "SELECT * FROM Win32_Process", 0x30, null),
                ExecQueryRequest::encode, ExecQueryRequest::decode);
        golden("3.1.4.3.18-ExecQuery-response.hex", new InterfacePointerResponse(THAT, OBJ_A, 0),
                InterfacePointerResponse::encode, InterfacePointerResponse::decode);
        golden("3.1.4.3.16-CreateInstanceEnum-request.hex",
                new CreateEnumRequest(THIS, "Win32_LogicalDisk", 0x20, null),
                CreateEnumRequest::encode, CreateEnumRequest::decode);
        golden("3.1.4.3.22-ExecMethod-request.hex",
                new ExecMethodRequest(THIS, "Win32_Process", "Create", 0, null, OBJ_B, null, null),
                ExecMethodRequest::encode, ExecMethodRequest::decode);
        golden("3.1.4.3.22-ExecMethod-response.hex",
                new TwoPointerResponse(THAT, new InterfacePointerRef(OBJ_B), null, 0),
                TwoPointerResponse::encode, TwoPointerResponse::decode);
    }

    @Test
    void enumerator() {
        golden("3.1.4.4.1-Reset-request.hex", new OrpcThisRequest(THIS),
                OrpcThisRequest::encode, OrpcThisRequest::decode);
        golden("3.1.4.4.1-Reset-response.hex", new OrpcStatusResponse(THAT, 0),
                OrpcStatusResponse::encode, OrpcStatusResponse::decode);
        golden("3.1.4.4.2-Next-request.hex", new NextRequest(THIS, -1, 10),
                NextRequest::encode, NextRequest::decode);
        golden("3.1.4.4.2-Next-response.hex", new NextResponse(THAT, 10, List.of(OBJ_A, OBJ_B), 1),
                NextResponse::encode, NextResponse::decode);
        golden("3.1.4.4.3-NextAsync-request.hex", new NextAsyncRequest(THIS, 5, OBJ_B),
                NextAsyncRequest::encode, NextAsyncRequest::decode);
        golden("3.1.4.4.4-Clone-response.hex", new InterfacePointerResponse(THAT, OBJ_A, 0),
                InterfacePointerResponse::encode, InterfacePointerResponse::decode);
        golden("3.1.4.4.5-Skip-request.hex", new NextRequest(THIS, 1000, 3),
                NextRequest::encode, NextRequest::decode);
    }

    @Test
    void callResultAndSmartEnum() {
        golden("3.1.4.5.1-GetResultObject-request.hex", new TimeoutRequest(THIS, 0),
                TimeoutRequest::encode, TimeoutRequest::decode);
        golden("3.1.4.5.2-GetResultString-response.hex",
                new GetResultStringResponse(THAT, "Win32_Process.Handle=\"42\"", 0),
                GetResultStringResponse::encode, GetResultStringResponse::decode);
        golden("3.1.4.5.4-GetCallStatus-response.hex", new Int32Response(THAT, 0x80041002, 0),
                Int32Response::encode, Int32Response::decode);
        golden("3.1.4.7.1-SmartEnumNext-request.hex",
                new SmartEnumNextRequest(THIS, UUID.fromString("0badf00d-1111-2222-3333-444455556666"), -1, 100),
                SmartEnumNextRequest::encode, SmartEnumNextRequest::decode);

        byte[] bytes = Vectors.load("3.1.4.7.1-SmartEnumNext-response.hex");
        byte[] buffer = "WBEMDATA\u0001\u0002\u0003\u0004".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        SmartEnumNextResponse v = new SmartEnumNextResponse(THAT, 1, buffer, 0);
        assertThat(v.encode()).isEqualTo(bytes);
        SmartEnumNextResponse d = SmartEnumNextResponse.decode(bytes);
        assertThat(d.puReturned()).isEqualTo(1);
        assertThat(d.pBuffer()).isEqualTo(buffer);
        assertThat(d.hresult()).isZero();
    }

    @Test
    void changeAsyncAndSinkMethods() {
        golden("3.1.4.3.12-PutInstance-request.hex", new PutObjectRequest(THIS, OBJ_B, 0x02, null, null),
                PutObjectRequest::encode, PutObjectRequest::decode);
        golden("3.1.4.3.12-PutInstance-response.hex",
                new CallResultResponse(THAT, new InterfacePointerRef(OBJ_A), 0),
                CallResultResponse::encode, CallResultResponse::decode);
        golden("3.1.4.3.14-DeleteInstance-request.hex",
                new DeleteRequest(THIS, "Jwmi_Test.Name=\"x\"", 0, OBJ_A, null),
                DeleteRequest::encode, DeleteRequest::decode);
        golden("3.1.4.3.19-ExecQueryAsync-request.hex",
                new AsyncQueryRequest(THIS, "WQL", "SELECT Name FROM Win32_Service", 0, null, OBJ_B),
                AsyncQueryRequest::encode, AsyncQueryRequest::decode);
        golden("3.1.4.3.5-GetObjectAsync-request.hex",
                new AsyncPathRequest(THIS, "Win32_OperatingSystem=@", 0, null, OBJ_B),
                AsyncPathRequest::encode, AsyncPathRequest::decode);
        golden("3.1.4.3.2-CancelAsyncCall-request.hex", new SinkRequest(THIS, OBJ_B),
                SinkRequest::encode, SinkRequest::decode);
        golden("3.1.4.2.1-Indicate-request.hex", new IndicateRequest(THIS, List.of(OBJ_A, OBJ_B)),
                IndicateRequest::encode, IndicateRequest::decode);
        golden("3.1.4.2.2-SetStatus-request.hex", new SetStatusRequest(THIS, 0, 0x80041002, "x", null),
                SetStatusRequest::encode, SetStatusRequest::decode);
    }

    @Test
    void moreRequestShapes() {
        golden("3.1.4.3.7-PutClassAsync-request.hex", new AsyncPutRequest(THIS, OBJ_A, 0x10, null, OBJ_B),
                AsyncPutRequest::encode, AsyncPutRequest::decode);
        golden("3.1.4.3.23-ExecMethodAsync-request.hex",
                new ExecMethodAsyncRequest(THIS, "Win32_Process.Handle=\"1\"", "GetOwner", 0, null, null, OBJ_B),
                ExecMethodAsyncRequest::encode, ExecMethodAsyncRequest::decode);
        golden("3.1.4.3.3-QueryObjectSink-request.hex", new FlagsRequest(THIS, 0),
                FlagsRequest::encode, FlagsRequest::decode);
        golden("3.1.4.1.2-RequestChallenge-request.hex", new RequestChallengeRequest(THIS, null, null),
                RequestChallengeRequest::encode, RequestChallengeRequest::decode);
        golden("3.1.4.1.3-WBEMLogin-request.hex", new WbemLoginRequest(THIS, null, null, 0, null),
                WbemLoginRequest::encode, WbemLoginRequest::decode);
        golden("3.1.4.6.1-GetSmartEnum-request.hex", new OrpcThisRequest(THIS),
                OrpcThisRequest::encode, OrpcThisRequest::decode);
    }

    @Test
    void bodiesAfterOrpcThisAndOrpcThatMatchTheWholeStubs() {
        byte[] request = Vectors.load("3.1.4.3.18-ExecQuery-request.hex");
        org.jwmi.ndr.NdrReader r = org.jwmi.ndr.NdrReader.of(request);
        OrpcThis t = OrpcThis.decode(r);
        assertThat(ExecQueryRequest.decodeParams(r, t)).isEqualTo(ExecQueryRequest.decode(request));
        org.jwmi.ndr.NdrWriter params = new org.jwmi.ndr.NdrWriter();
        ExecQueryRequest.decode(request).encodeParams(params);
        assertThat(params.toByteArray()).isEqualTo(Arrays.copyOfRange(request, 32, request.length));

        byte[] response = Vectors.load("3.1.4.4.2-Next-response.hex");
        org.jwmi.ndr.NdrWriter results = new org.jwmi.ndr.NdrWriter();
        NextResponse.decode(response).encodeResults(results);
        assertThat(results.toByteArray()).isEqualTo(Arrays.copyOfRange(response, 8, response.length));
    }
}
