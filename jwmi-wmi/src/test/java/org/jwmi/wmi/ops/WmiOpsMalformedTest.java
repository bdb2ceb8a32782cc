package org.jwmi.wmi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wmi.marshal.WbemContextBuffer;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.Test;

/** Truncated, padded and inconsistent stubs, and arbitrary bytes: decoders fail only with ProtocolException. */
class WmiOpsMalformedTest {

    static final Map<String, Function<byte[], ?>> DECODERS = Map.ofEntries(
            Map.entry("3.1.4.1.1-EstablishPosition-request.hex", EstablishPositionRequest::decode),
            Map.entry("3.1.4.1.1-EstablishPosition-response.hex", Int32Response::decode),
            Map.entry("3.1.4.1.4-NTLMLogin-request.hex", NtlmLoginRequest::decode),
            Map.entry("3.1.4.1.4-NTLMLogin-response.hex", InterfacePointerResponse::decode),
            Map.entry("3.1.4.3.1-OpenNamespace-request.hex", PathRequest::decode),
            Map.entry("3.1.4.3.1-OpenNamespace-response.hex", TwoPointerResponse::decode),
            Map.entry("3.1.4.3.18-ExecQuery-request.hex", ExecQueryRequest::decode),
            Map.entry("3.1.4.3.16-CreateInstanceEnum-request.hex", CreateEnumRequest::decode),
            Map.entry("3.1.4.3.22-ExecMethod-request.hex", ExecMethodRequest::decode),
            Map.entry("3.1.4.4.1-Reset-request.hex", OrpcThisRequest::decode),
            Map.entry("3.1.4.4.2-Next-request.hex", NextRequest::decode),
            Map.entry("3.1.4.4.2-Next-response.hex", NextResponse::decode),
            Map.entry("3.1.4.4.3-NextAsync-request.hex", NextAsyncRequest::decode),
            Map.entry("3.1.4.5.1-GetResultObject-request.hex", TimeoutRequest::decode),
            Map.entry("3.1.4.5.2-GetResultString-response.hex", GetResultStringResponse::decode),
            Map.entry("3.1.4.7.1-SmartEnumNext-request.hex", SmartEnumNextRequest::decode),
            Map.entry("3.1.4.7.1-SmartEnumNext-response.hex", SmartEnumNextResponse::decode),
            Map.entry("3.1.4.3.12-PutInstance-request.hex", PutObjectRequest::decode),
            Map.entry("3.1.4.3.12-PutInstance-response.hex", CallResultResponse::decode),
            Map.entry("3.1.4.3.14-DeleteInstance-request.hex", DeleteRequest::decode),
            Map.entry("3.1.4.3.19-ExecQueryAsync-request.hex", AsyncQueryRequest::decode),
            Map.entry("3.1.4.3.5-GetObjectAsync-request.hex", AsyncPathRequest::decode),
            Map.entry("3.1.4.3.2-CancelAsyncCall-request.hex", SinkRequest::decode),
            Map.entry("3.1.4.2.1-Indicate-request.hex", IndicateRequest::decode),
            Map.entry("3.1.4.2.2-SetStatus-request.hex", SetStatusRequest::decode),
            Map.entry("3.1.4.12.1-AddObjectToRefresher-request.hex", AddToRefresherRequest::decode),
            Map.entry("3.1.4.12.1-AddObjectToRefresher-response.hex", RefreshInfoResponse::decode),
            Map.entry("3.1.4.12.5-GetRemoteRefresher-response.hex", GetRemoteRefresherResponse::decode));

    static final List<Function<byte[], ?>> ALL = List.of(EstablishPositionRequest::decode, Int32Response::decode,
            RequestChallengeRequest::decode, RequestChallengeResponse::decode, WbemLoginRequest::decode,
            NtlmLoginRequest::decode, InterfacePointerResponse::decode, PathRequest::decode,
            TwoPointerResponse::decode, ExecQueryRequest::decode, CreateEnumRequest::decode,
            ExecMethodRequest::decode, OrpcThisRequest::decode, NextRequest::decode, NextResponse::decode,
            NextAsyncRequest::decode, TimeoutRequest::decode, GetResultStringResponse::decode,
            SmartEnumNextRequest::decode, SmartEnumNextResponse::decode, PutObjectRequest::decode,
            CallResultResponse::decode, DeleteRequest::decode, AsyncPathRequest::decode, AsyncPutRequest::decode,
            AsyncQueryRequest::decode, ExecMethodAsyncRequest::decode, SinkRequest::decode, FlagsRequest::decode,
            IndicateRequest::decode, SetStatusRequest::decode, SetClientInfoRequest::decode,
            SetEventRequest::decode, BackupRestoreRequest::decode, AddToRefresherRequest::decode,
            AddObjectToRefresherByTemplateRequest::decode, RefreshInfoResponse::decode,
            RefresherCallRequest::decodeRemove, RefresherCallRequest::decodeGetRemote,
            GetRemoteRefresherResponse::decode, RemoteRefreshResponse::decode, StopRefreshingRequest::decode,
            ReconnectRemoteRefresherRequest::decode, ReconnectRemoteRefresherResponse::decode,
            b -> WbemContextBuffer.decode(b, Limits.DEFAULT),
            b -> WbemClassObjectMarshaler.decode(b, Limits.DEFAULT));

    @Test
    void everyTruncationAndTrailingByteIsRejected() {
        DECODERS.forEach((name, decoder) -> {
            byte[] good = Vectors.load(name);
            decoder.apply(good);
            for (int n = 0; n < good.length; n++) {
                byte[] cut = Arrays.copyOf(good, n);
                assertThatThrownBy(() -> decoder.apply(cut)).as(name + " cut at " + n)
                        .isInstanceOf(ProtocolException.class);
            }
            byte[] longer = Arrays.copyOf(good, good.length + 4);
            assertThatThrownBy(() -> decoder.apply(longer)).as(name + " + 4 bytes")
                    .isInstanceOf(ProtocolException.class)
                    .satisfies(e -> assertThat(((ProtocolException) e).kind()).isEqualTo(Kind.UNREAD_BYTES));
        });
    }

    @Test
    void inconsistentCountsAreBadValues() {
        byte[] next = Vectors.load("3.1.4.4.2-Next-response.hex");
        byte[] wrongReturned = next.clone();
        wrongReturned[next.length - 8] = 3;                        // puReturned 3 != actual_count 2
        assertThatThrownBy(() -> NextResponse.decode(wrongReturned)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("puReturned");
        byte[] offset = next.clone();
        offset[12] = 1;                                            // varying offset 1
        assertThatThrownBy(() -> NextResponse.decode(offset)).isInstanceOf(ProtocolException.class);

        byte[] bstr = Vectors.load("3.1.4.3.1-OpenNamespace-request.hex");
        byte[] clSize = bstr.clone();
        clSize[44] = 4;                                            // clSize != max_count
        assertThatThrownBy(() -> PathRequest.decode(clSize)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("clSize");
        byte[] cBytes = bstr.clone();
        cBytes[40] = 0x20;                                         // cBytes / 2 != clSize
        assertThatThrownBy(() -> PathRequest.decode(cBytes)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("cBytes");

        byte[] smart = Vectors.load("3.1.4.7.1-SmartEnumNext-response.hex");
        byte[] size = smart.clone();
        size[12] = 13;                                             // pdwBuffSize != max_count
        assertThatThrownBy(() -> SmartEnumNextResponse.decode(size)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("pdwBuffSize");
    }

    @Test
    void nullBstrAndEmptyOuterPointersRoundTrip() {
        PathRequest r = new PathRequest(WmiOpsGoldenTest.THIS, null, 0x10, null, InterfacePointerRef.EMPTY,
                new InterfacePointerRef(WmiOpsGoldenTest.OBJ_A));
        byte[] bytes = r.encode();
        // BSTR: ptr id, max_count 0, cBytes 0xFFFFFFFF, clSize 0
        assertThat(org.jwmi.wire.Hex.encode(Arrays.copyOfRange(bytes, 32, 48)))
                .isEqualTo("00000200" + "00000000" + "ffffffff" + "00000000");
        // lFlags, pCtx NULL, ppFirst: outer id + NULL inner, ppResult: outer id, inner id, MInterfacePointer
        assertThat(org.jwmi.wire.Hex.encode(Arrays.copyOfRange(bytes, 48, 72)))
                .isEqualTo("10000000" + "00000000" + "04000200" + "00000000" + "08000200" + "0c000200");
        assertThat(PathRequest.decode(bytes)).isEqualTo(r);
        MInterfacePointer inner = InterfacePointerRef.valueOf(PathRequest.decode(bytes).ppResult());
        assertThat(inner).isEqualTo(WmiOpsGoldenTest.OBJ_A);
    }

    @Property(tries = 300)
    void arbitraryBytesRaiseOnlyProtocolExceptions(@ForAll @Size(max = 160) byte[] bytes) {
        for (Function<byte[], ?> decoder : ALL) {
            try {
                decoder.apply(bytes);
            } catch (ProtocolException expected) {
                // the only allowed failure
            }
        }
    }

    @Property(tries = 300)
    void mutatedGoldenStubsRaiseOnlyProtocolExceptions(@ForAll int seed) {
        java.util.Random random = new java.util.Random(seed);
        DECODERS.forEach((name, decoder) -> {
            byte[] b = Vectors.load(name);
            for (int k = 0; k < 3; k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            try {
                decoder.apply(b);
            } catch (ProtocolException expected) {
                // the only allowed failure
            }
        });
    }
}
