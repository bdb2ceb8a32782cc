package org.jwmi.rpc.epm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.jwmi.ndr.NdrContextHandle;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EpmServiceTest {

    static final SyntaxId MGMT = EptCodecTest.MGMT;
    static final SyntaxId WMI = new SyntaxId(UUID.fromString("9556dc99-828c-11cf-a37e-00aa003240c7"), 0, 0);
    static final SyntaxId OXID = new SyntaxId(UUID.fromString("99fcfec4-5260-101b-bbcb-00aa0021347a"), 0, 0);
    static final UUID OBJ = EptCodecTest.OBJ;

    EndpointRegistry registry;
    EpmService epm;
    TestCalls.FakeServer server;
    CallContext call;

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        registry = new EndpointRegistry();
        registry.register(Epm.SYNTAX, Optional.empty(), "", EndpointRegistry.Protocol.NCACN_IP_TCP, ip("0.0.0.0"), 135);
        registry.register(MGMT, Optional.empty(), "", EndpointRegistry.Protocol.NCACN_IP_TCP, ip("0.0.0.0"), 135);
        registry.register(new SyntaxId(MGMT.uuid(), 1, 2), Optional.of(OBJ), "mgmt 1.2 obj",
                EndpointRegistry.Protocol.NCACN_IP_TCP, ip("10.0.0.7"), 49700);
        registry.register(OXID, Optional.empty(), "oxid", EndpointRegistry.Protocol.NCACN_IP_TCP, ip("127.0.0.1"),
                49701);
        epm = new EpmService(registry, new Random(7), Limits.DEFAULT, 8);
        server = new TestCalls.FakeServer(List.of(Epm.SYNTAX, MGMT), new long[4], null, 135);
        call = TestCalls.call(server, Epm.SYNTAX);
    }

    private EptLookupResponse lookup(EptLookupRequest r) {
        return EptLookupResponse.decode(epm.invoke(call, Epm.OP_EPT_LOOKUP, r.encode()));
    }

    private static EptLookupRequest all(NdrContextHandle h, int max) {
        return new EptLookupRequest(Epm.RPC_C_EP_ALL_ELTS, Optional.empty(), Optional.empty(), Epm.RPC_C_VERS_ALL,
                h, max);
    }

    private static EptLookupRequest byIf(SyntaxId s, int versOption) {
        return new EptLookupRequest(Epm.RPC_C_EP_MATCH_BY_IF, Optional.empty(), Optional.of(RpcIfId.of(s)),
                versOption, NdrContextHandle.NULL, 500);
    }

    private static List<String> bindings(EptLookupResponse r) {
        List<String> out = new ArrayList<>();
        for (EptEntry e : r.entries()) {
            out.add(e.tower().orElseThrow().tower().interfaceId().orElseThrow() + " "
                    + e.tower().orElseThrow().tower().stringBinding() + " " + e.object() + " '" + e.annotation() + "'");
        }
        return out;
    }

    @Test
    void lookupAllReturnsEveryEntryInRegistrationOrderWithANullHandle() {
        EptLookupResponse r = lookup(all(NdrContextHandle.NULL, 500));
        assertThat(r.status()).isZero();
        assertThat(r.entryHandle().isNull()).isTrue();
        assertThat(r.maxEnts()).isEqualTo(500);
        assertThat(bindings(r)).containsExactly(
                Epm.SYNTAX + " ncacn_ip_tcp:127.0.0.1[135] " + EndpointRegistry.NIL + " ''",
                MGMT + " ncacn_ip_tcp:127.0.0.1[135] " + EndpointRegistry.NIL + " ''",
                new SyntaxId(MGMT.uuid(), 1, 2) + " ncacn_ip_tcp:10.0.0.7[49700] " + OBJ + " 'mgmt 1.2 obj'",
                OXID + " ncacn_ip_tcp:127.0.0.1[49701] " + EndpointRegistry.NIL + " 'oxid'");
    }

    @Test
    void lookupPagesWithTheEntryHandleAndClosesItAtTheEnd() {
        EptLookupResponse p1 = lookup(all(NdrContextHandle.NULL, 3));
        assertThat(p1.entries()).hasSize(3);
        assertThat(p1.entryHandle().isNull()).isFalse();
        assertThat(p1.status()).isZero();
        assertThat(epm.openHandles()).isEqualTo(1);
        EptLookupResponse p2 = lookup(all(p1.entryHandle(), 3));
        assertThat(p2.entries()).hasSize(1);
        assertThat(p2.entries().get(0).annotation()).isEqualTo("oxid");
        assertThat(p2.entryHandle().isNull()).isTrue();
        assertThat(epm.openHandles()).isZero();
        // the handle is gone now
        assertThatThrownBy(() -> lookup(all(p1.entryHandle(), 3))).isInstanceOf(RpcFaultException.class)
                .extracting(e -> ((RpcFaultException) e).status())
                .isEqualTo(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH.value());
    }

    @Test
    void aHandleBelongsToItsAssociationGroupAndItsOperation() {
        EptLookupResponse p1 = lookup(all(NdrContextHandle.NULL, 1));
        CallContext other = TestCalls.call(server, Epm.SYNTAX, 0x9999, true);
        assertThatThrownBy(() -> epm.invoke(other, Epm.OP_EPT_LOOKUP, all(p1.entryHandle(), 1).encode()))
                .isInstanceOf(RpcFaultException.class);
        EptMapRequest map = new EptMapRequest(Optional.empty(),
                Optional.of(Twr.of(ProtocolTower.ncacnIpTcp(MGMT, SyntaxId.NDR20, (Inet4Address) ip("0.0.0.0"), 0))),
                p1.entryHandle(), 1);
        assertThatThrownBy(() -> epm.invoke(call, Epm.OP_EPT_MAP, map.encode())).isInstanceOf(RpcFaultException.class);
    }

    @Test
    void lookupHandleFreeClosesTheHandle() {
        EptLookupResponse p1 = lookup(all(NdrContextHandle.NULL, 1));
        byte[] out = epm.invoke(call, Epm.OP_EPT_LOOKUP_HANDLE_FREE,
                new EptLookupHandleFreeRequest(p1.entryHandle()).encode());
        assertThat(out).isEqualTo(EpmVectors.load("O-ept_lookup_handle_free-response.hex"));
        assertThat(epm.openHandles()).isZero();
        assertThatThrownBy(() -> lookup(all(p1.entryHandle(), 1))).isInstanceOf(RpcFaultException.class);
        // freeing NULL is harmless
        assertThat(epm.invoke(call, Epm.OP_EPT_LOOKUP_HANDLE_FREE,
                new EptLookupHandleFreeRequest(NdrContextHandle.NULL).encode()))
                .isEqualTo(EpmVectors.load("O-ept_lookup_handle_free-response.hex"));
    }

    @Test
    void openHandlesAreBounded() {
        for (int i = 0; i < 20; i++) {
            lookup(all(NdrContextHandle.NULL, 1));
        }
        assertThat(epm.openHandles()).isEqualTo(8);
    }

    @Test
    void lookupByInterfaceHonoursTheVersionOption() {
        SyntaxId m11 = new SyntaxId(MGMT.uuid(), 1, 1);
        assertThat(lookup(byIf(m11, Epm.RPC_C_VERS_ALL)).entries()).hasSize(2);
        assertThat(lookup(byIf(m11, Epm.RPC_C_VERS_COMPATIBLE)).entries()).extracting(EptEntry::object)
                .containsExactly(OBJ);
        assertThat(lookup(byIf(m11, Epm.RPC_C_VERS_EXACT)).status()).isEqualTo(Epm.EPT_S_NOT_REGISTERED);
        assertThat(lookup(byIf(MGMT, Epm.RPC_C_VERS_EXACT)).entries()).extracting(EptEntry::object)
                .containsExactly(EndpointRegistry.NIL);
        assertThat(lookup(byIf(m11, Epm.RPC_C_VERS_MAJOR_ONLY)).entries()).hasSize(2);
        assertThat(lookup(byIf(m11, Epm.RPC_C_VERS_UPTO)).entries()).extracting(EptEntry::object)
                .containsExactly(EndpointRegistry.NIL);
        assertThat(lookup(byIf(new SyntaxId(MGMT.uuid(), 2, 0), Epm.RPC_C_VERS_MAJOR_ONLY)).entries()).isEmpty();
        assertThat(lookup(byIf(m11, 77)).entries()).isEmpty();
    }

    @Test
    void lookupByObjectAndByBoth() {
        EptLookupRequest byObj = new EptLookupRequest(Epm.RPC_C_EP_MATCH_BY_OBJ, Optional.of(OBJ), Optional.empty(),
                Epm.RPC_C_VERS_ALL, NdrContextHandle.NULL, 10);
        assertThat(lookup(byObj).entries()).extracting(EptEntry::annotation).containsExactly("mgmt 1.2 obj");
        EptLookupRequest both = new EptLookupRequest(Epm.RPC_C_EP_MATCH_BY_BOTH, Optional.of(OBJ),
                Optional.of(RpcIfId.of(OXID)), Epm.RPC_C_VERS_ALL, NdrContextHandle.NULL, 10);
        EptLookupResponse none = lookup(both);
        assertThat(none.entries()).isEmpty();
        assertThat(none.status()).isEqualTo(Epm.EPT_S_NOT_REGISTERED);
        assertThat(Hex.encode(epm.invoke(call, Epm.OP_EPT_LOOKUP,
                new EptLookupRequest(Epm.RPC_C_EP_MATCH_BY_BOTH, Optional.of(OBJ), Optional.of(RpcIfId.of(OXID)),
                        Epm.RPC_C_VERS_ALL, NdrContextHandle.NULL, 0).encode())))
                .isEqualTo(Hex.encode(EpmVectors.load("O-ept_lookup-response-empty.hex")));
    }

    @Test
    void unknownInquiryTypesActAsAllElements() {
        EptLookupRequest odd = new EptLookupRequest(42, Optional.empty(), Optional.empty(), 0, NdrContextHandle.NULL,
                500);
        assertThat(lookup(odd).entries()).hasSize(4);
    }

    private EptMapResponse map(SyntaxId iface, SyntaxId transfer, Optional<UUID> obj, int max) {
        Twr t = Twr.of(ProtocolTower.ncacnIpTcp(iface, transfer, (Inet4Address) ip("0.0.0.0"), 0));
        return EptMapResponse.decode(epm.invoke(call, Epm.OP_EPT_MAP,
                new EptMapRequest(obj, Optional.of(t), NdrContextHandle.NULL, max).encode()));
    }

    @Test
    void mapReturnsTheTowerOfTheInterfaceWithTheReachedAddress() {
        EptMapResponse r = map(OXID, SyntaxId.NDR20, Optional.of(EndpointRegistry.NIL), 1);
        assertThat(r.status()).isZero();
        assertThat(r.entryHandle().isNull()).isTrue();
        ProtocolTower t = r.towers().get(0).orElseThrow().tower();
        assertThat(t.stringBinding()).isEqualTo("ncacn_ip_tcp:127.0.0.1[49701]");
        assertThat(t.interfaceId()).contains(OXID);
        assertThat(t.transferSyntax()).contains(SyntaxId.NDR20);
        // a wildcard registration answers with the address the caller reached
        assertThat(map(Epm.SYNTAX, SyntaxId.NDR20, Optional.empty(), 1).towers().get(0).orElseThrow().tower()
                .stringBinding()).isEqualTo("ncacn_ip_tcp:127.0.0.1[135]");
    }

    @Test
    void mapPrefersTheObjectsOwnRegistrationAndPages() {
        EptMapResponse r = map(MGMT, SyntaxId.NDR20, Optional.of(OBJ), 1);
        assertThat(r.towers().get(0).orElseThrow().tower().tcpPort()).hasValue(49700);
        assertThat(r.entryHandle().isNull()).isFalse();
        EptMapResponse r2 = EptMapResponse.decode(epm.invoke(call, Epm.OP_EPT_MAP, new EptMapRequest(
                Optional.of(OBJ), Optional.empty(), r.entryHandle(), 5).encode()));
        assertThat(r2.towers()).hasSize(1);
        assertThat(r2.towers().get(0).orElseThrow().tower().tcpPort()).hasValue(135);
        assertThat(r2.entryHandle().isNull()).isTrue();
        // without the object only the any-object registration is found
        assertThat(map(MGMT, SyntaxId.NDR20, Optional.empty(), 5).towers()).hasSize(1);
        // minor version 2 is only offered by the object registration
        assertThat(map(new SyntaxId(MGMT.uuid(), 1, 2), SyntaxId.NDR20, Optional.empty(), 5).status())
                .isEqualTo(Epm.EPT_S_NOT_REGISTERED);
    }

    @Test
    void mapAnswersNotRegisteredAsWindowsDoes() {
        EptMapResponse r = map(WMI, SyntaxId.NDR20, Optional.empty(), 1);
        assertThat(r.status()).isEqualTo(0x16C9A0D6);
        assertThat(Hex.encode(r.encode())).isEqualTo(Hex.encode(EpmVectors.load("O-ept_map-response-not-registered.hex")));
        assertThat(map(OXID, SyntaxId.NDR64, Optional.empty(), 1).status()).isEqualTo(Epm.EPT_S_NOT_REGISTERED);
        assertThat(map(new SyntaxId(OXID.uuid(), 1, 0), SyntaxId.NDR20, Optional.empty(), 1).status())
                .isEqualTo(Epm.EPT_S_NOT_REGISTERED);
        EptMapResponse noTower = EptMapResponse.decode(epm.invoke(call, Epm.OP_EPT_MAP,
                new EptMapRequest(Optional.empty(), Optional.empty(), NdrContextHandle.NULL, 1).encode()));
        assertThat(noTower.status()).isEqualTo(Epm.EPT_S_NOT_REGISTERED);
    }

    @Test
    void mapOfTheImpacketRequestFindsMgmt() {
        byte[] out = epm.invoke(call, Epm.OP_EPT_MAP, EpmVectors.load("O-ept_map-request.hex"));
        EptMapResponse r = EptMapResponse.decode(out);
        assertThat(r.towers()).hasSize(1);
        assertThat(r.towers().get(0).orElseThrow().tower().stringBinding()).isEqualTo("ncacn_ip_tcp:127.0.0.1[135]");
    }

    @Test
    void bigEndianRequestsAreUnderstood() {
        NdrWriter w = new NdrWriter(org.jwmi.ndr.DataRepresentation.BIG_ENDIAN, Limits.DEFAULT);
        all(NdrContextHandle.NULL, 500).encode(w);
        CallContext be = TestCalls.call(server, Epm.SYNTAX, 0x1234, false);
        assertThat(EptLookupResponse.decode(epm.invoke(be, Epm.OP_EPT_LOOKUP, w.toByteArray())).entries()).hasSize(4);
    }

    @Test
    void writeOperationsAreRefusedAndUnknownOpnumsAreOutOfRange() {
        for (int op : new int[] {Epm.OP_EPT_INSERT, Epm.OP_EPT_DELETE, Epm.OP_EPT_INQ_OBJECT,
                Epm.OP_EPT_MGMT_DELETE}) {
            assertThatThrownBy(() -> epm.invoke(call, op, new byte[0])).isInstanceOf(RpcFaultException.class)
                    .extracting(e -> ((RpcFaultException) e).status()).isEqualTo(0x6D8);
        }
        assertThatThrownBy(() -> epm.invoke(call, 7, new byte[0])).isInstanceOf(RpcFaultException.class)
                .extracting(e -> ((RpcFaultException) e).status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR.value());
        assertThat(registry.endpoints()).hasSize(4);
    }

    @Test
    void badStubsBecomeRpcXBadStubData() {
        byte[] req = EpmVectors.load("O-ept_map-request.hex");
        req[0x20] = 9;  // floor count 9: the tower octets are not a tower
        assertThatThrownBy(() -> epm.invoke(call, Epm.OP_EPT_MAP, req)).isInstanceOf(RpcFaultException.class)
                .extracting(e -> ((RpcFaultException) e).status()).isEqualTo(0x6F7);
        assertThatThrownBy(() -> epm.invoke(call, Epm.OP_EPT_LOOKUP, new byte[3])).isInstanceOf(RpcFaultException.class)
                .extracting(e -> ((RpcFaultException) e).status()).isEqualTo(0x6F7);
    }

    @Property(tries = 1500)
    void arbitraryStubsYieldAResponseOrAFault(@ForAll @Size(max = 200) byte[] stub, @ForAll boolean le) {
        if (epm == null) {
            setUp();
        }
        CallContext c = TestCalls.call(server, Epm.SYNTAX, 1, le);
        for (int op = 0; op < 8; op++) {
            try {
                epm.invoke(c, op, stub);
            } catch (RpcFaultException expected) {
                assertThat(expected.status()).isIn(0x6F7, 0x6D8, RpcStatus.NCA_S_OP_RNG_ERROR.value(),
                        RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH.value());
            }
        }
    }
}
