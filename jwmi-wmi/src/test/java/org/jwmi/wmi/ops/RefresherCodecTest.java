package org.jwmi.wmi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmi.WbemConstants;
import org.junit.jupiter.api.Test;

/** IWbemRefreshingServices / IWbemRemoteRefresher stubs: golden (vectors/wmi) and hand-laid IDL shapes. */
class RefresherCodecTest {

    static final UUID GUID = UUID.fromString("0000cafe-0001-0002-0003-000400050006");
    static final WbemRefresherId ID = new WbemRefresherId("HOST", 4242, GUID);

    private static <T> void golden(String vector, T value, java.util.function.Function<T, byte[]> enc,
                                   java.util.function.Function<byte[], T> dec) {
        byte[] bytes = Vectors.load(vector);
        assertThat(Hex.encode(enc.apply(value))).as(vector).isEqualTo(Hex.encode(bytes));
        assertThat(dec.apply(bytes)).as(vector).isEqualTo(value);
    }

    @Test
    void addObjectToRefresher() {
        golden("3.1.4.12.1-AddObjectToRefresher-request.hex",
                new AddToRefresherRequest(WmiOpsGoldenTest.THIS, ID, "Win32_PerfRawData_PerfOS_Memory=@", 0, null,
                        WbemConstants.WBEM_REFRESHER_VERSION),
                AddToRefresherRequest::encode, AddToRefresherRequest::decode);
        golden("3.1.4.12.1-AddObjectToRefresher-response.hex",
                new RefreshInfoResponse(WmiOpsGoldenTest.THAT, new WbemRefreshInfo(3,
                        new WbemRefreshInfo.Remote(WmiOpsGoldenTest.OBJ_A, WmiOpsGoldenTest.OBJ_B, GUID), 7), 2, 0),
                RefreshInfoResponse::encode, RefreshInfoResponse::decode);
        golden("3.1.4.12.1-AddObjectToRefresher-response-invalid.hex",
                new RefreshInfoResponse(WmiOpsGoldenTest.THAT, WbemRefreshInfo.invalid(0x80041002), 2, 0x80041002),
                RefreshInfoResponse::encode, RefreshInfoResponse::decode);
        golden("3.1.4.12.5-GetRemoteRefresher-response.hex",
                new GetRemoteRefresherResponse(WmiOpsGoldenTest.THAT, WmiOpsGoldenTest.OBJ_A, GUID, 2, 0),
                GetRemoteRefresherResponse::encode, GetRemoteRefresherResponse::decode);
    }

    @Test
    void aDiscriminantThatDisagreesWithMlTypeIsBadSwitch() {
        byte[] bytes = Vectors.load("3.1.4.12.1-AddObjectToRefresher-response.hex");
        byte[] bad = bytes.clone();
        bad[12] = 6;                                   // union discriminant 6, m_lType 3
        assertThatThrownBy(() -> RefreshInfoResponse.decode(bad)).isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).kind()).isEqualTo(ProtocolException.Kind.BAD_SWITCH));
        byte[] unknown = bytes.clone();
        unknown[8] = 9;
        unknown[12] = 9;
        assertThatThrownBy(() -> RefreshInfoResponse.decode(unknown)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void nonHiPerfArmRoundTrips() {
        RefreshInfoResponse r = new RefreshInfoResponse(WmiOpsGoldenTest.THAT, new WbemRefreshInfo(6,
                new WbemRefreshInfo.NonHiPerf("root\\cimv2", WmiOpsGoldenTest.OBJ_B), 1), 2, 0);
        assertThat(RefreshInfoResponse.decode(r.encode())).isEqualTo(r);
    }

    @Test
    void remoteRefreshCarriesBlobsAfterTheStructures() {
        RemoteRefreshResponse r = new RemoteRefreshResponse(WmiOpsGoldenTest.THAT, List.of(
                WbemRefreshedObject.of(1, WbemConstants.WBEM_BLOB_TYPE_ALL, new byte[] {1, 2, 3}),
                WbemRefreshedObject.of(2, WbemConstants.WBEM_BLOB_TYPE_ERROR, null)), 0);
        byte[] stub = r.encode();
        // plNumObjects 2, ptr id, max_count 2, {1, 2, 3, id}, {2, 3, 0, NULL}, blob: max_count 3, bytes, pad, HRESULT
        assertThat(Hex.encode(Arrays.copyOfRange(stub, 8, stub.length))).isEqualTo("02000000" + "00000200"
                + "02000000" + "01000000" + "02000000" + "03000000" + "04000200"
                + "02000000" + "03000000" + "00000000" + "00000000"
                + "03000000" + "010203" + "00" + "00000000");
        assertThat(RemoteRefreshResponse.decode(stub)).isEqualTo(r);
        byte[] badLength = stub.clone();
        badLength[8 + 4 + 4 + 4 + 8] = 5;              // m_lBlobLength 5 for a 3-byte blob
        assertThatThrownBy(() -> RemoteRefreshResponse.decode(badLength)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("m_lBlobLength");
    }

    @Test
    void stopRefreshingAndRemove() {
        StopRefreshingRequest s = new StopRefreshingRequest(WmiOpsGoldenTest.THIS, List.of(7, 8), 0);
        byte[] stub = s.encode();
        assertThat(Hex.encode(Arrays.copyOfRange(stub, 32, stub.length)))
                .isEqualTo("02000000" + "02000000" + "07000000" + "08000000" + "00000000");
        assertThat(StopRefreshingRequest.decode(stub)).isEqualTo(s);
        RefresherCallRequest remove = new RefresherCallRequest(WmiOpsGoldenTest.THIS, ID, 7, 0, 2);
        assertThat(RefresherCallRequest.decodeRemove(remove.encode())).isEqualTo(remove);
        RefresherCallRequest get = new RefresherCallRequest(WmiOpsGoldenTest.THIS, ID, null, 0, 2);
        assertThat(RefresherCallRequest.decodeGetRemote(get.encode())).isEqualTo(get);
        assertThatThrownBy(() -> RefresherCallRequest.decodeGetRemote(remove.encode()))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void reconnectRemoteRefresher() {
        ReconnectRemoteRefresherRequest r = new ReconnectRemoteRefresherRequest(WmiOpsGoldenTest.THIS, ID, 0, 2,
                List.of(new WbemReconnectInfo(WbemConstants.WBEM_RECONNECT_TYPE_OBJECT, "A=@")),
                List.of(new WbemReconnectResults(0, 0)));
        byte[] stub = r.encode();
        // refresher id {ptr, pid, guid}, its machine name, lFlags, lNumObjects, version, infos {type, ptr}, path,
        // results
        assertThat(Hex.encode(Arrays.copyOfRange(stub, 56, stub.length))).isEqualTo(
                "05000000" + "00000000" + "05000000" + "484f535400" + "000000"
                + "00000000" + "01000000" + "02000000"
                + "01000000" + "00000000" + "04000200"
                + "04000000" + "00000000" + "04000000" + "41003d0040000000"
                + "01000000" + "00000000" + "00000000");
        assertThat(ReconnectRemoteRefresherRequest.decode(stub)).isEqualTo(r);
        byte[] wrongCount = stub.clone();
        wrongCount[56 + 24] = 2;                       // lNumObjects 2, arrays of 1
        assertThatThrownBy(() -> ReconnectRemoteRefresherRequest.decode(wrongCount))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("lNumObjects");
        ReconnectRemoteRefresherResponse resp = new ReconnectRemoteRefresherResponse(WmiOpsGoldenTest.THAT,
                List.of(new WbemReconnectResults(3, 0x80041002)), 2, 0);
        assertThat(ReconnectRemoteRefresherResponse.decode(resp.encode())).isEqualTo(resp);
    }
}
