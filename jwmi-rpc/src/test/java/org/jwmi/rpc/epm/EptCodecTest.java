package org.jwmi.rpc.epm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;
import org.junit.jupiter.api.Test;

/** Golden bytes (built by impacket, see vectors/epm/generate.py), round trips and hostile input for ept_*. */
class EptCodecTest {

    static final UUID OBJ = UUID.fromString("12345678-1234-abcd-ef00-0123456789ab");
    static final NdrContextHandle HANDLE =
            new NdrContextHandle(0, UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
    static final SyntaxId MGMT = new SyntaxId(UUID.fromString("afa8bd80-7d8a-11c9-bef4-08002b102989"), 1, 0);
    static final UUID NIL = new UUID(0, 0);

    static Twr tower(SyntaxId iface, String host, int port) {
        try {
            return Twr.of(ProtocolTower.ncacnIpTcp(iface, SyntaxId.NDR20, (Inet4Address) InetAddress.getByName(host),
                    port));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static final EptLookupRequest LOOKUP_ALL =
            new EptLookupRequest(Epm.RPC_C_EP_ALL_ELTS, Optional.empty(), Optional.empty(), Epm.RPC_C_VERS_ALL,
                    NdrContextHandle.NULL, 500);
    static final EptLookupRequest LOOKUP_BOTH =
            new EptLookupRequest(Epm.RPC_C_EP_MATCH_BY_BOTH, Optional.of(OBJ), Optional.of(RpcIfId.of(MGMT)),
                    Epm.RPC_C_VERS_EXACT, HANDLE, 2);
    static final EptLookupResponse LOOKUP_TWO = new EptLookupResponse(HANDLE, 2, List.of(
            new EptEntry(NIL, Optional.of(tower(Epm.SYNTAX, "127.0.0.1", 135)), "jwmi epm"),
            new EptEntry(OBJ, Optional.of(tower(MGMT, "10.1.2.3", 49664)), "")), 0);
    static final EptLookupResponse LOOKUP_EMPTY =
            new EptLookupResponse(NdrContextHandle.NULL, 0, List.of(), Epm.EPT_S_NOT_REGISTERED);
    static final EptMapRequest MAP =
            new EptMapRequest(Optional.of(NIL), Optional.of(tower(MGMT, "0.0.0.0", 0)), NdrContextHandle.NULL, 1);
    static final EptMapResponse MAP_ONE =
            new EptMapResponse(HANDLE, 4, List.of(Optional.of(tower(MGMT, "127.0.0.1", 49664))), 0);
    static final EptMapResponse MAP_NONE =
            new EptMapResponse(NdrContextHandle.NULL, 1, List.of(), Epm.EPT_S_NOT_REGISTERED);

    private static byte[] withIds(int first, int step, java.util.function.Consumer<NdrWriter> body) {
        NdrWriter w = new NdrWriter().referentIds(first, step);
        body.accept(w);
        return w.toByteArray();
    }

    private static void golden(String vector, byte[] encoded) {
        assertThat(Hex.encode(encoded)).isEqualTo(Hex.encode(EpmVectors.load(vector)));
    }

    // ------------------------------------------------------------------------------------------- golden bytes

    @Test
    void eptLookupRequestAll() {
        golden("O-ept_lookup-request-all.hex", LOOKUP_ALL.encode());
        assertThat(EptLookupRequest.decode(EpmVectors.load("O-ept_lookup-request-all.hex"))).isEqualTo(LOOKUP_ALL);
    }

    @Test
    void eptLookupRequestByBoth() {
        golden("O-ept_lookup-request-both.hex", withIds(1, 1, LOOKUP_BOTH::encode));
        assertThat(EptLookupRequest.decode(EpmVectors.load("O-ept_lookup-request-both.hex"))).isEqualTo(LOOKUP_BOTH);
    }

    @Test
    void eptLookupResponseWithTwoEntries() {
        golden("O-ept_lookup-response-two.hex", LOOKUP_TWO.encode());
        EptLookupResponse back = EptLookupResponse.decode(EpmVectors.load("O-ept_lookup-response-two.hex"));
        assertThat(back).isEqualTo(LOOKUP_TWO);
        assertThat(back.entries().get(1).tower().orElseThrow().tower().stringBinding())
                .isEqualTo("ncacn_ip_tcp:10.1.2.3[49664]");
    }

    @Test
    void eptLookupResponseEmpty() {
        golden("O-ept_lookup-response-empty.hex", LOOKUP_EMPTY.encode());
        assertThat(EptLookupResponse.decode(EpmVectors.load("O-ept_lookup-response-empty.hex")))
                .isEqualTo(LOOKUP_EMPTY);
    }

    @Test
    void eptLookupResponseKeepsMaxEntsAsConformance() {
        EptLookupResponse r = new EptLookupResponse(HANDLE, 500, LOOKUP_TWO.entries(), 0);
        byte[] b = r.encode();
        assertThat(Hex.encode(Arrays.copyOfRange(b, 20, 36))).isEqualTo("02000000" + "f4010000" + "00000000"
                + "02000000");
        assertThat(EptLookupResponse.decode(b)).isEqualTo(r);
    }

    @Test
    void eptMapRequestAsHeptMapSendsIt() {
        golden("O-ept_map-request.hex", withIds(1, 1, MAP::encode));
        assertThat(EptMapRequest.decode(EpmVectors.load("O-ept_map-request.hex"))).isEqualTo(MAP);
    }

    @Test
    void eptMapResponseWithOneTower() {
        golden("O-ept_map-response-one.hex", MAP_ONE.encode());
        assertThat(EptMapResponse.decode(EpmVectors.load("O-ept_map-response-one.hex"))).isEqualTo(MAP_ONE);
    }

    @Test
    void eptMapResponseNotRegistered() {
        golden("O-ept_map-response-not-registered.hex", MAP_NONE.encode());
        assertThat(EptMapResponse.decode(EpmVectors.load("O-ept_map-response-not-registered.hex")))
                .isEqualTo(MAP_NONE);
    }

    @Test
    void eptLookupHandleFree() {
        EptLookupHandleFreeRequest req = new EptLookupHandleFreeRequest(HANDLE);
        golden("O-ept_lookup_handle_free-request.hex", req.encode());
        assertThat(EptLookupHandleFreeRequest.decode(EpmVectors.load("O-ept_lookup_handle_free-request.hex")))
                .isEqualTo(req);
        EptLookupHandleFreeResponse resp = new EptLookupHandleFreeResponse(NdrContextHandle.NULL, 0);
        golden("O-ept_lookup_handle_free-response.hex", resp.encode());
        assertThat(EptLookupHandleFreeResponse.decode(EpmVectors.load("O-ept_lookup_handle_free-response.hex")))
                .isEqualTo(resp);
    }

    @Test
    void nullTowerPointersSurvive() {
        EptLookupResponse r = new EptLookupResponse(NdrContextHandle.NULL, 1,
                List.of(new EptEntry(OBJ, Optional.empty(), "x")), 0);
        assertThat(EptLookupResponse.decode(r.encode())).isEqualTo(r);
        EptMapResponse m = new EptMapResponse(NdrContextHandle.NULL, 2, List.of(Optional.empty(),
                Optional.of(tower(MGMT, "127.0.0.1", 1))), 0);
        assertThat(EptMapResponse.decode(m.encode())).isEqualTo(m);
    }

    // ------------------------------------------------------------------------------------------- hostile input

    static final List<String> VECTORS = List.of("O-ept_lookup-request-all.hex", "O-ept_lookup-request-both.hex",
            "O-ept_lookup-response-two.hex", "O-ept_lookup-response-empty.hex", "O-ept_map-request.hex",
            "O-ept_map-response-one.hex", "O-ept_map-response-not-registered.hex",
            "O-ept_lookup_handle_free-request.hex", "O-ept_lookup_handle_free-response.hex");

    static Function<byte[], Object> decoderFor(String vector) {
        if (vector.startsWith("O-ept_lookup-request")) {
            return EptLookupRequest::decode;
        } else if (vector.startsWith("O-ept_lookup-response")) {
            return EptLookupResponse::decode;
        } else if (vector.startsWith("O-ept_map-request")) {
            return EptMapRequest::decode;
        } else if (vector.startsWith("O-ept_map-response")) {
            return EptMapResponse::decode;
        } else if (vector.endsWith("free-request.hex")) {
            return EptLookupHandleFreeRequest::decode;
        }
        return EptLookupHandleFreeResponse::decode;
    }

    @Test
    void everyTruncationAndEveryExtraByteFails() {
        for (String v : VECTORS) {
            byte[] b = EpmVectors.load(v);
            Function<byte[], Object> d = decoderFor(v);
            for (int n = 0; n < b.length; n++) {
                byte[] cut = Arrays.copyOf(b, n);
                assertThatThrownBy(() -> d.apply(cut)).as("%s cut to %d", v, n)
                        .isInstanceOf(ProtocolException.class);
            }
            byte[] longer = Arrays.copyOf(b, b.length + 4);
            assertThatThrownBy(() -> d.apply(longer)).as(v).isInstanceOf(ProtocolException.class)
                    .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(ProtocolException.Kind.UNREAD_BYTES);
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
    void hugeCountsFailBeforeAllocating() {
        String v = "O-ept_lookup-response-two.hex";
        // max_count of entries
        fails(patch(v, 0x18, "ffffffff"), EptLookupResponse::decode, ProtocolException.Kind.ARRAY_SIZE);
        // num_ents and actual_count both huge
        fails(patch(v, 0x14, "ffffff7f"), EptLookupResponse::decode, ProtocolException.Kind.BAD_VALUE);
        byte[] both = patch(v, 0x14, "ffffff7f");
        System.arraycopy(Hex.decode("ffffff7f00000000ffffff7f"), 0, both, 0x18, 12);
        assertThatThrownBy(() -> EptLookupResponse.decode(both)).isInstanceOf(ProtocolException.class);
        // annotation actual_count beyond its bound of 64
        fails(patch(v, 0x3c, "41000000"), EptLookupResponse::decode, ProtocolException.Kind.ARRAY_SIZE);
        // tower max_count huge
        fails(patch(v, 0x6c, "ffffffff"), EptLookupResponse::decode, ProtocolException.Kind.ARRAY_SIZE);
    }

    @Test
    void inconsistentCountsFail() {
        String v = "O-ept_lookup-response-two.hex";
        // num_ents 1 but actual_count 2
        fails(patch(v, 0x14, "01000000"), EptLookupResponse::decode, ProtocolException.Kind.BAD_VALUE);
        // varying offset 1
        fails(patch(v, 0x1c, "01000000"), EptLookupResponse::decode, ProtocolException.Kind.ARRAY_SIZE);
        // tower_length differs from the hoisted max_count
        fails(patch(v, 0x70, "4a000000"), EptLookupResponse::decode, ProtocolException.Kind.BAD_VALUE);
        // annotation not NUL-terminated
        fails(patch(v, 0x48, "21"), EptLookupResponse::decode, ProtocolException.Kind.BAD_VALUE);
        // annotation actual_count 0
        fails(patch(v, 0x3c, "00000000"), EptLookupResponse::decode, ProtocolException.Kind.BAD_VALUE);
    }

    @Test
    void rangeAttributesAreEnforced() {
        // max_ents 501
        fails(patch("O-ept_lookup-request-all.hex", 0x24, "f5010000"), EptLookupRequest::decode,
                ProtocolException.Kind.RANGE);
        // max_towers 501
        fails(patch("O-ept_map-request.hex", 0x80, "f5010000"), EptMapRequest::decode, ProtocolException.Kind.RANGE);
        // tower_length 2001 (with a matching max_count)
        byte[] big = new byte[0x18 + 8 + 2001 + 1 + 20 + 4];
        System.arraycopy(EpmVectors.load("O-ept_map-request.hex"), 0, big, 0, 0x18);
        System.arraycopy(Hex.decode("d1070000d1070000"), 0, big, 0x18, 8);
        fails(big, EptMapRequest::decode, ProtocolException.Kind.RANGE);
    }

    @Test
    void aTowerThatIsNotATowerDecodesAsOctetsButNotAsTower() {
        byte[] b = patch("O-ept_map-request.hex", 0x20, "0700");   // floor count 7
        EptMapRequest r = EptMapRequest.decode(b);
        assertThatThrownBy(() -> r.mapTower().orElseThrow().tower()).isInstanceOf(ProtocolException.class);
    }

    @Provide
    Arbitrary<String> vectors() {
        return Arbitraries.of(VECTORS);
    }

    @Property(tries = 3000)
    void mutatedVectorsRaiseOnlyProtocolException(@ForAll("vectors") String v, @ForAll int position,
                                                   @ForAll byte value, @ForAll int position2, @ForAll byte value2) {
        byte[] b = EpmVectors.load(v);
        b[Math.floorMod(position, b.length)] = value;
        b[Math.floorMod(position2, b.length)] = value2;
        try {
            Object o = decoderFor(v).apply(b);
            if (o instanceof EptLookupResponse r) {
                r.entries().forEach(e -> e.tower().ifPresent(EptCodecTest::tryTower));
            }
        } catch (ProtocolException expected) {
            // the only failure allowed
        }
    }

    private static void tryTower(Twr t) {
        try {
            t.tower().stringBinding();
        } catch (ProtocolException expected) {
            // allowed
        }
    }

    @Property(tries = 1000)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll("vectors") String v, @ForAll @Size(max = 300) byte[] b) {
        try {
            decoderFor(v).apply(b);
        } catch (ProtocolException expected) {
            // the only failure allowed
        }
    }
}
