package org.jwmi.dcom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.junit.jupiter.api.Test;

/** Round trips, table-driven negative cases, and "any bytes raise only ProtocolException" for every decoder. */
class OpsPropertiesTest {

    static final Map<String, Function<byte[], Object>> DECODERS = Map.ofEntries(
            Map.entry("ResolveOxidRequest", ResolveOxidRequest::decode),
            Map.entry("ResolveOxidResponse", ResolveOxidResponse::decode),
            Map.entry("ResolveOxid2Response", ResolveOxid2Response::decode),
            Map.entry("SimplePingRequest", SimplePingRequest::decode),
            Map.entry("StatusResponse", StatusResponse::decode),
            Map.entry("ComplexPingRequest", ComplexPingRequest::decode),
            Map.entry("ComplexPingResponse", ComplexPingResponse::decode),
            Map.entry("EmptyRequest", EmptyRequest::decode),
            Map.entry("ServerAlive2Response", ServerAlive2Response::decode),
            Map.entry("RemoteActivationRequest", RemoteActivationRequest::decode),
            Map.entry("RemoteActivationResponse", RemoteActivationResponse::decode),
            Map.entry("RemoteGetClassObjectRequest", RemoteGetClassObjectRequest::decode),
            Map.entry("RemoteCreateInstanceRequest", RemoteCreateInstanceRequest::decode),
            Map.entry("ScmActivationResponse", ScmActivationResponse::decode),
            Map.entry("RemQueryInterfaceRequest", RemQueryInterfaceRequest::decode),
            Map.entry("RemQueryInterfaceResponse", RemQueryInterfaceResponse::decode),
            Map.entry("RemAddRefRequest", RemAddRefRequest::decode),
            Map.entry("RemAddRefResponse", RemAddRefResponse::decode),
            Map.entry("RemReleaseRequest", RemReleaseRequest::decode),
            Map.entry("OrpcStatusResponse", OrpcStatusResponse::decode),
            Map.entry("RemQueryInterface2Request", RemQueryInterface2Request::decode),
            Map.entry("RemQueryInterface2Response", RemQueryInterface2Response::decode));

    static final List<String> VECTORS = List.of("3.1.2.5.1.1-ResolveOxid-request.hex",
            "3.1.2.5.1.1-ResolveOxid-response.hex", "3.1.2.5.1.3-ComplexPing-request.hex",
            "3.1.2.5.1.5-ResolveOxid2-response.hex", "3.1.2.5.1.6-ServerAlive2-response.hex",
            "3.1.2.5.2.3.1-RemoteActivation-request-named.hex", "3.1.2.5.2.3.1-RemoteActivation-response.hex",
            "3.1.2.5.2.3.3-RemoteCreateInstance-request.hex", "3.1.1.5.6.1.1-RemQueryInterface-response.hex",
            "3.1.1.5.6.1.2-RemAddRef-request.hex", "3.1.1.5.7.1.1-RemQueryInterface2-response.hex");

    static void onlyProtocolExceptions(byte[] stub) {
        for (Function<byte[], Object> d : DECODERS.values()) {
            try {
                d.apply(stub);
            } catch (ProtocolException expected) {
                // the only failure allowed
            }
        }
    }

    @Property(tries = 300)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll @Size(max = 160) byte[] stub) {
        onlyProtocolExceptions(stub);
    }

    @Property(tries = 300)
    void mutatedVectorsRaiseOnlyProtocolException(@ForAll @IntRange(min = 0, max = 10) int which,
                                                  @ForAll @IntRange(min = 0, max = 1000) int at,
                                                  @ForAll byte value, @ForAll @IntRange(min = 0, max = 3) int how) {
        byte[] v = OpsGoldenVectorsTest.load(VECTORS.get(which));
        int i = at % v.length;
        byte[] m = switch (how) {
            case 0 -> Arrays.copyOf(v, i);
            case 1 -> {
                byte[] c = v.clone();
                c[i] = value;
                yield c;
            }
            case 2 -> {
                byte[] c = v.clone();
                Arrays.fill(c, i & ~3, Math.min(c.length, (i & ~3) + 4), (byte) 0xff);
                yield c;
            }
            default -> Arrays.copyOf(v, v.length + 1 + (i & 7));
        };
        onlyProtocolExceptions(m);
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
    }

    @Provide
    Arbitrary<List<UUID>> uuidLists() {
        return uuids().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<ComplexPingRequest> complexPings() {
        Arbitrary<List<Long>> oids = Arbitraries.longs().list().ofMaxSize(20);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 0xffff), oids, oids)
                .as(ComplexPingRequest::new);
    }

    @Property(tries = 200)
    void complexPingRoundTrips(@ForAll("complexPings") ComplexPingRequest q) {
        assertThat(ComplexPingRequest.decode(q.encode())).isEqualTo(q);
    }

    @Property(tries = 200)
    void remQueryInterfaceRoundTrips(@ForAll("uuids") UUID ripid, @ForAll int cRefs,
                                     @ForAll("uuidLists") List<UUID> iids) {
        RemQueryInterfaceRequest q = new RemQueryInterfaceRequest(OrpcThis.of(ComVersion.V5_7, ripid), ripid, cRefs,
                iids);
        assertThat(RemQueryInterfaceRequest.decode(q.encode())).isEqualTo(q);
        RemQueryInterface2Request q2 = new RemQueryInterface2Request(q.orpcThis(), ripid, iids);
        assertThat(RemQueryInterface2Request.decode(q2.encode())).isEqualTo(q2);
    }

    @Property(tries = 200)
    void remAddRefRoundTrips(@ForAll("uuidLists") List<UUID> ipids, @ForAll int pub,
                             @ForAll int priv) {
        List<RemInterfaceRef> refs = new ArrayList<>();
        for (UUID u : ipids) {
            refs.add(new RemInterfaceRef(u, pub, priv));
        }
        RemAddRefRequest q = new RemAddRefRequest(OrpcThis.of(ComVersion.V5_1, new UUID(pub, priv)), refs);
        assertThat(RemAddRefRequest.decode(q.encode())).isEqualTo(q);
        assertThat(RemReleaseRequest.decode(q.encode()).interfaceRefs()).isEqualTo(refs);
    }

    @Property(tries = 100)
    void resolveOxidRoundTrips(@ForAll long oxid, @ForAll @Size(max = 10) List<@IntRange(max = 0xffff) Integer> p) {
        ResolveOxidRequest q = new ResolveOxidRequest(oxid, p);
        assertThat(ResolveOxidRequest.decode(q.encode())).isEqualTo(q);
    }

    @Test
    void countsThatDisagreeWithTheArraysAreRefused() {
        byte[] ping = new ComplexPingRequest(7, 1, List.of(1L, 2L), List.of()).encode();
        ping[10] = 3;                                           // cAddToSet 3, max_count 2
        assertKind(() -> ComplexPingRequest.decode(ping), Kind.BAD_VALUE);
        byte[] nullAdd = new ComplexPingRequest(7, 1, List.of(), List.of()).encode();
        nullAdd[10] = 1;                                        // cAddToSet 1, AddToSet NULL
        assertKind(() -> ComplexPingRequest.decode(nullAdd), Kind.INVALID_POINTER);
        byte[] act = RemoteActivationRequest.of(OrpcThis.of(ComVersion.V5_7, new UUID(1, 2)), new UUID(3, 4),
                List.of(new UUID(5, 6))).encode();
        byte[] zeroInterfaces = act.clone();
        zeroInterfaces[64] = 0;                                 // Interfaces 0: outside [1, 0x8000]
        assertKind(() -> RemoteActivationRequest.decode(zeroInterfaces), Kind.RANGE);
        byte[] noIids = new RemoteActivationRequest(OrpcThis.of(ComVersion.V5_7, new UUID(1, 2)), new UUID(3, 4), null,
                null, 2, 0, 1, null, List.of(7)).encode();      // pIIDs NULL
        assertKind(() -> RemoteActivationRequest.decode(noIids), Kind.INVALID_POINTER);
        byte[] trailing = Arrays.copyOf(new StatusResponse(0).encode(), 8);
        assertKind(() -> StatusResponse.decode(trailing), Kind.UNREAD_BYTES);
        assertKind(() -> ScmActivationResponse.decode(new byte[11]), Kind.BUFSIZE);
    }

    static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable c, Kind kind) {
        assertThatThrownBy(c).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void encodersRefuseValuesTheWireCannotCarry() {
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 0x10000; i++) {
            many.add(new UUID(0, i));
        }
        assertThatThrownBy(() -> new RemQueryInterface2Request(OrpcThis.of(ComVersion.V5_7, new UUID(0, 0)),
                new UUID(0, 1), many)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteActivationRequest(OrpcThis.of(ComVersion.V5_7, new UUID(0, 0)),
                new UUID(0, 1), null, null, 0, 0, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComplexPingRequest(0, 0x10000, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
