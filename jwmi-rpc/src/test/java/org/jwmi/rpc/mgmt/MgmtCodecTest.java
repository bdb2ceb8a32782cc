package org.jwmi.rpc.mgmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jwmi.rpc.epm.Epm;
import org.jwmi.rpc.epm.EpmVectors;
import org.jwmi.rpc.epm.RpcIfId;
import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;
import org.junit.jupiter.api.Test;

/** Golden bytes (built by impacket, see vectors/epm/generate.py), round trips and hostile input for rpc_mgmt_*. */
class MgmtCodecTest {

    static final RpcMgmtInqIfIdsResponse IF_IDS = new RpcMgmtInqIfIdsResponse(
            Optional.of(List.of(RpcIfId.of(Epm.SYNTAX), RpcIfId.of(Mgmt.SYNTAX))), 0);
    static final RpcMgmtInqStatsResponse STATS = new RpcMgmtInqStatsResponse(List.of(7L, 6L, 9L, 8L), 0);
    static final RpcMgmtInqPrincNameResponse PRINC = new RpcMgmtInqPrincNameResponse(256, "HOST\\jwmi", 0);

    private static void golden(String vector, byte[] encoded) {
        assertThat(Hex.encode(encoded)).isEqualTo(Hex.encode(EpmVectors.load(vector)));
    }

    @Test
    void inqIfIds() {
        golden("Q-rpc_mgmt_inq_if_ids-response.hex", IF_IDS.encode());
        assertThat(RpcMgmtInqIfIdsResponse.decode(EpmVectors.load("Q-rpc_mgmt_inq_if_ids-response.hex")))
                .isEqualTo(IF_IDS);
        assertThat(new RpcMgmtInqIfIdsRequest().encode()).isEmpty();
        RpcMgmtInqIfIdsResponse nul = new RpcMgmtInqIfIdsResponse(Optional.empty(), 5);
        assertThat(Hex.encode(nul.encode())).isEqualTo("0000000005000000");
        assertThat(RpcMgmtInqIfIdsResponse.decode(nul.encode())).isEqualTo(nul);
    }

    @Test
    void inqStats() {
        golden("Q-rpc_mgmt_inq_stats-request.hex", new RpcMgmtInqStatsRequest(4).encode());
        assertThat(RpcMgmtInqStatsRequest.decode(EpmVectors.load("Q-rpc_mgmt_inq_stats-request.hex")).count())
                .isEqualTo(4);
        golden("Q-rpc_mgmt_inq_stats-response.hex", STATS.encode());
        assertThat(RpcMgmtInqStatsResponse.decode(EpmVectors.load("Q-rpc_mgmt_inq_stats-response.hex")))
                .isEqualTo(STATS);
    }

    @Test
    void isServerListening() {
        golden("Q-rpc_mgmt_is_server_listening-response.hex", new RpcMgmtIsServerListeningResponse(0, true).encode());
        assertThat(RpcMgmtIsServerListeningResponse.decode(
                EpmVectors.load("Q-rpc_mgmt_is_server_listening-response.hex")))
                .isEqualTo(new RpcMgmtIsServerListeningResponse(0, true));
        assertThat(RpcMgmtIsServerListeningRequest.decode(org.jwmi.ndr.NdrReader.of(new byte[0]))).isNotNull();
        assertThatThrownBy(() -> RpcMgmtIsServerListeningRequest.decode(org.jwmi.ndr.NdrReader.of(new byte[1])))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void stopServerListening() {
        assertThat(Hex.encode(new RpcMgmtStopServerListeningResponse(Mgmt.ERROR_ACCESS_DENIED).encode()))
                .isEqualTo("05000000");
    }

    @Test
    void inqPrincName() {
        golden("Q-rpc_mgmt_inq_princ_name-request.hex", new RpcMgmtInqPrincNameRequest(10, 256).encode());
        assertThat(RpcMgmtInqPrincNameRequest.decode(EpmVectors.load("Q-rpc_mgmt_inq_princ_name-request.hex")))
                .isEqualTo(new RpcMgmtInqPrincNameRequest(10, 256));
        golden("Q-rpc_mgmt_inq_princ_name-response.hex", PRINC.encode());
        assertThat(RpcMgmtInqPrincNameResponse.decode(EpmVectors.load("Q-rpc_mgmt_inq_princ_name-response.hex")))
                .isEqualTo(PRINC);
        RpcMgmtInqPrincNameResponse none = new RpcMgmtInqPrincNameResponse(0, "", Mgmt.RPC_S_UNKNOWN_AUTHN_SERVICE);
        assertThat(Hex.encode(none.encode())).isEqualTo("00000000" + "00000000" + "00000000" + "d3060000");
        assertThat(RpcMgmtInqPrincNameResponse.decode(none.encode())).isEqualTo(none);
        RpcMgmtInqPrincNameResponse empty = new RpcMgmtInqPrincNameResponse(1, "", Mgmt.RPC_S_UNKNOWN_AUTHN_SERVICE);
        assertThat(Hex.encode(empty.encode())).isEqualTo("01000000" + "00000000" + "01000000" + "00" + "000000"
                + "d3060000");
    }

    static final List<String> VECTORS = List.of("Q-rpc_mgmt_inq_if_ids-response.hex",
            "Q-rpc_mgmt_inq_stats-request.hex", "Q-rpc_mgmt_inq_stats-response.hex",
            "Q-rpc_mgmt_is_server_listening-response.hex", "Q-rpc_mgmt_inq_princ_name-request.hex",
            "Q-rpc_mgmt_inq_princ_name-response.hex");

    static Function<byte[], Object> decoderFor(String v) {
        if (v.contains("inq_if_ids")) {
            return RpcMgmtInqIfIdsResponse::decode;
        } else if (v.contains("inq_stats-request")) {
            return RpcMgmtInqStatsRequest::decode;
        } else if (v.contains("inq_stats-response")) {
            return RpcMgmtInqStatsResponse::decode;
        } else if (v.contains("listening")) {
            return RpcMgmtIsServerListeningResponse::decode;
        } else if (v.contains("princ_name-request")) {
            return RpcMgmtInqPrincNameRequest::decode;
        }
        return RpcMgmtInqPrincNameResponse::decode;
    }

    @Test
    void everyTruncationAndEveryExtraByteFails() {
        for (String v : VECTORS) {
            byte[] b = EpmVectors.load(v);
            for (int n = 0; n < b.length; n++) {
                byte[] cut = Arrays.copyOf(b, n);
                assertThatThrownBy(() -> decoderFor(v).apply(cut)).as("%s cut to %d", v, n)
                        .isInstanceOf(ProtocolException.class);
            }
            byte[] longer = Arrays.copyOf(b, b.length + 4);
            assertThatThrownBy(() -> decoderFor(v).apply(longer)).as(v).isInstanceOf(ProtocolException.class);
        }
    }

    private static byte[] patch(String vector, int at, String hex) {
        byte[] b = EpmVectors.load(vector);
        byte[] p = Hex.decode(hex);
        System.arraycopy(p, 0, b, at, p.length);
        return b;
    }

    private static void fails(byte[] b, Function<byte[], Object> d, ProtocolException.Kind kind) {
        assertThatThrownBy(() -> d.apply(b)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(kind);
    }

    @Test
    void hostileCountsAndRanges() {
        String ids = "Q-rpc_mgmt_inq_if_ids-response.hex";
        fails(patch(ids, 4, "ffffffff"), RpcMgmtInqIfIdsResponse::decode, ProtocolException.Kind.ARRAY_SIZE);
        fails(patch(ids, 8, "03000000"), RpcMgmtInqIfIdsResponse::decode, ProtocolException.Kind.BAD_VALUE);
        fails(patch(ids, 16, "00000000"), RpcMgmtInqIfIdsResponse::decode, ProtocolException.Kind.INVALID_POINTER);
        fails(patch("Q-rpc_mgmt_inq_stats-request.hex", 0, "33000000"), RpcMgmtInqStatsRequest::decode,
                ProtocolException.Kind.RANGE);
        fails(patch("Q-rpc_mgmt_inq_stats-response.hex", 4, "05000000"), RpcMgmtInqStatsResponse::decode,
                ProtocolException.Kind.BAD_VALUE);
        fails(patch("Q-rpc_mgmt_inq_princ_name-request.hex", 4, "01100000"), RpcMgmtInqPrincNameRequest::decode,
                ProtocolException.Kind.RANGE);
        String pn = "Q-rpc_mgmt_inq_princ_name-response.hex";
        fails(patch(pn, 0, "ffffff7f"), RpcMgmtInqPrincNameResponse::decode, ProtocolException.Kind.ARRAY_SIZE);
        fails(patch(pn, 8, "01010000"), RpcMgmtInqPrincNameResponse::decode, ProtocolException.Kind.ARRAY_SIZE);
        fails(patch(pn, 0x15, "41"), RpcMgmtInqPrincNameResponse::decode, ProtocolException.Kind.BAD_VALUE);
    }

    @Provide
    Arbitrary<String> vectors() {
        return Arbitraries.of(VECTORS);
    }

    @Property(tries = 2000)
    void mutatedVectorsRaiseOnlyProtocolException(@ForAll("vectors") String v, @ForAll int position,
                                                   @ForAll byte value) {
        byte[] b = EpmVectors.load(v);
        b[Math.floorMod(position, b.length)] = value;
        try {
            decoderFor(v).apply(b);
        } catch (ProtocolException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 1000)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll("vectors") String v, @ForAll @Size(max = 200) byte[] b) {
        try {
            decoderFor(v).apply(b);
        } catch (ProtocolException expected) {
            // the only failure allowed
        }
    }
}
