package org.jwmi.dcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.RemQueryInterfaceRequest;
import org.jwmi.dcom.ops.RemoteCreateInstanceRequest;
import org.jwmi.dcom.ops.ScmActivationResponse;
import org.jwmi.dcom.wire.Clsids;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.DualStringArray;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRef;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.StdObjRef;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed activation blobs, OBJREFs and stubs get a clean fault (RPC_X_BAD_STUB_DATA) or a clean HRESULT, never an
 * unspecified fault or a dropped connection, and the server keeps serving on the same connection.
 */
class MalformedRequestTest {

    static DcomFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new DcomFixture(b -> { });
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static byte[] createInstance(ObjRef props) {
        return new RemoteCreateInstanceRequest(DcomFixture.orpcThis(ComVersion.V5_7, 1), null,
                props == null ? null : MInterfacePointer.of(props)).encode();
    }

    static byte[] createInstance(byte[] abData) {
        return new RemoteCreateInstanceRequest(DcomFixture.orpcThis(ComVersion.V5_7, 1), null,
                new MInterfacePointer(abData)).encode();
    }

    static void assertBadStub(RpcBinding b, int opnum, byte[] stub, Optional<UUID> object) {
        assertThatThrownBy(() -> b.call(opnum, stub, object)).isInstanceOfSatisfying(RpcFaultException.class,
                f -> assertThat(f.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA.value()));
    }

    static void assertStillServes(RpcBinding scm) {
        ScmActivationResponse r = DcomFixture.createInstance(scm, EchoClass.CLSID, List.of(EchoClass.IID_IECHO));
        assertThat(r.hresult()).isZero();
    }

    @Test
    void malformedActivationPropertiesGetBadStubData() throws Exception {
        byte[] good = DcomFixture.activationIn(EchoClass.CLSID, List.of(EchoClass.IID_IECHO), ComVersion.V5_7)
                .toObjRefIn().encode();
        byte[] badSignature = good.clone();
        badSignature[0] ^= 1;
        byte[] badFlags = good.clone();
        badFlags[4] = 3;
        byte[] truncated = Arrays.copyOf(good, good.length - 9);
        byte[] dwSizeTooBig = good.clone();
        dwSizeTooBig[48] += 8;                      // pObjectData starts at 48: dwSize
        ObjRef standard = new ObjRefStandard(Iids.IID_IACTIVATIONPROPERTIESIN,
                new StdObjRef(0, 5, 1, 2, UUID.randomUUID()), DualStringArray.empty());
        ObjRef unknownClsid = ObjRefCustom.of(Iids.IID_IACTIVATIONPROPERTIESIN, UUID.randomUUID(), new byte[16]);
        ObjRef outNotIn = ObjRefCustom.of(Iids.IID_IACTIVATIONPROPERTIESOUT, Clsids.CLSID_ACTIVATIONPROPERTIESOUT,
                Arrays.copyOfRange(good, 48, good.length));
        try (RpcConnection c = fx.connectResolver()) {
            RpcBinding scm = c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            for (byte[] abData : List.of(badSignature, badFlags, truncated, dwSizeTooBig, new byte[0], new byte[3])) {
                assertBadStub(scm, DcomInterfaces.OP_REMOTE_CREATE_INSTANCE, createInstance(abData), Optional.empty());
            }
            for (ObjRef o : Arrays.asList(standard, unknownClsid, outNotIn, null)) {
                assertBadStub(scm, DcomInterfaces.OP_REMOTE_CREATE_INSTANCE, createInstance(o), Optional.empty());
            }
            assertBadStub(scm, DcomInterfaces.OP_REMOTE_GET_CLASS_OBJECT, new byte[] {5, 0, 7}, Optional.empty());
            assertStillServes(scm);
        }
    }

    @Test
    void randomMutationsOfAnActivationNeverBreakTheServer() throws Exception {
        byte[] good = DcomFixture.createInstanceStub(EchoClass.CLSID, List.of(EchoClass.IID_IECHO));
        Random rnd = new Random(20240611);
        int faults = 0;
        int answers = 0;
        try (RpcConnection c = fx.connectResolver()) {
            RpcBinding scm = c.bind(DcomInterfaces.IREMOTESCMACTIVATOR, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            for (int i = 0; i < 300; i++) {
                byte[] m = mutate(good, rnd);
                try {
                    ScmActivationResponse r = ScmActivationResponse.decode(scm.call(4, m));
                    assertThat(r.hresult() == 0).isEqualTo(r.ppActProperties() != null);
                    answers++;
                } catch (RpcFaultException f) {
                    assertThat(f.status()).as("mutation %d", i).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA.value());
                    faults++;
                }
            }
            assertStillServes(scm);
        }
        assertThat(faults).isGreaterThan(100);
        assertThat(answers).isGreaterThan(0);
    }

    static byte[] mutate(byte[] good, Random rnd) {
        byte[] m = good.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> {
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> m = Arrays.copyOf(m, rnd.nextInt(m.length));
            case 2 -> {
                int at = rnd.nextInt(m.length - 4) & ~3;
                int v = rnd.nextBoolean() ? 0xffffffff : rnd.nextInt(0x10000);
                m[at] = (byte) v;
                m[at + 1] = (byte) (v >> 8);
                m[at + 2] = (byte) (v >> 16);
                m[at + 3] = (byte) (v >> 24);
            }
            default -> {
                byte[] tail = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(tail);
                byte[] longer = Arrays.copyOf(m, m.length + tail.length);
                System.arraycopy(tail, 0, longer, m.length, tail.length);
                m = longer;
            }
        }
        return m;
    }

    @Test
    void malformedOrpcStubsOnTheExporterGetBadStubData() throws Exception {
        UUID ipid;
        try (RpcConnection c = fx.connectResolver()) {
            ScmActivationResponse r = DcomFixture.createInstance(c.bind(DcomInterfaces.IREMOTESCMACTIVATOR,
                    DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY)), EchoClass.CLSID, List.of(EchoClass.IID_IECHO));
            ipid = ((ObjRefStandard) DcomFixture.propertiesOut(r).require(org.jwmi.dcom.wire.PropsOutInfo.class)
                    .ppIntfData().get(0).objRef(DcomLoopbackTest.REGISTRY)).std().ipid();
        }
        try (RpcConnection c = fx.connectExporter()) {
            RpcBinding ru = c.bind(DcomInterfaces.IREMUNKNOWN, DcomFixture.ntlm(AuthLevel.PKT_INTEGRITY));
            Optional<UUID> remUnknown = Optional.of(fx.dcom.exporter().ipidRemUnknown());
            byte[] qi = new RemQueryInterfaceRequest(DcomFixture.orpcThis(ComVersion.V5_7, 0), ipid, 1,
                    List.of(EchoClass.IID_IECHO_AGAIN)).encode();
            byte[] countMismatch = qi.clone();
            countMismatch[52] = 2;                  // cIids 2, one IID sent
            assertBadStub(ru, DcomInterfaces.OP_REM_QUERY_INTERFACE, countMismatch, remUnknown);
            assertBadStub(ru, DcomInterfaces.OP_REM_QUERY_INTERFACE, Arrays.copyOf(qi, 20), remUnknown);
            assertBadStub(ru, DcomInterfaces.OP_REM_QUERY_INTERFACE, Arrays.copyOf(qi, qi.length + 4), remUnknown);
            RpcBinding echo = ru.alterContext(DcomInterfaces.of(EchoClass.IID_IECHO));
            NdrWriter w = new NdrWriter();
            org.jwmi.dcom.wire.OrpcThis.encode(w, DcomFixture.orpcThis(ComVersion.V5_7, 0));
            assertBadStub(echo, 3, w.toByteArray(), Optional.of(ipid));              // the [in] long is missing
            assertBadStub(echo, 3, new byte[] {5, 0, 7, 0, 0}, Optional.of(ipid));   // not even an ORPCTHIS
            assertThat(DcomLoopbackTest.echo(echo, ipid, 9)).containsExactly(9, 0);
            assertThatThrownBy(() -> echo.call(3, w.toByteArray(), Optional.empty()))
                    .isInstanceOfSatisfying(RpcFaultException.class,
                            f -> assertThat(f.status()).isEqualTo(DcomStatus.RPC_E_DISCONNECTED.value()));
            assertThatThrownBy(() -> echo.call(1, w.toByteArray(), Optional.of(ipid)))
                    .isInstanceOfSatisfying(RpcFaultException.class,
                            f -> assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR.value()));
            assertThatThrownBy(() -> echo.call(3, w.toByteArray(), remUnknown))      // IRemUnknown's IPID, IEcho
                    .isInstanceOfSatisfying(RpcFaultException.class,
                            f -> assertThat(f.status()).isEqualTo(DcomStatus.E_NOINTERFACE.value()));
        }
    }

    @Test
    void malformedResolverStubsGetBadStubData() throws Exception {
        try (RpcConnection c = fx.connectResolver()) {
            RpcBinding ox = c.bind(DcomInterfaces.IOBJECTEXPORTER, org.jwmi.rpc.client.SecuritySpec.none());
            byte[] ping = new org.jwmi.dcom.ops.ComplexPingRequest(0, 1, List.of(1L, 2L), List.of()).encode();
            byte[] nullWithCount = ping.clone();
            Arrays.fill(nullWithCount, 16, 20, (byte) 0);      // AddToSet NULL although cAddToSet is 2
            assertBadStub(ox, DcomInterfaces.OP_COMPLEX_PING, nullWithCount, Optional.empty());
            byte[] hugeCount = ping.clone();
            hugeCount[10] = (byte) 0xff;
            hugeCount[11] = (byte) 0xff;
            assertBadStub(ox, DcomInterfaces.OP_COMPLEX_PING, hugeCount, Optional.empty());
            assertBadStub(ox, DcomInterfaces.OP_SIMPLE_PING, new byte[7], Optional.empty());
            assertBadStub(ox, DcomInterfaces.OP_SERVER_ALIVE2, new byte[4], Optional.empty());
            assertBadStub(ox, DcomInterfaces.OP_RESOLVE_OXID2, new byte[12], Optional.empty());
            assertThat(org.jwmi.dcom.ops.ServerAlive2Response.decode(ox.call(5, new byte[0])).errorStatus()).isZero();
        }
    }
}
