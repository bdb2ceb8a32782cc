package org.jwmi.wmi.marshal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimType;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRef;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmio.Wmio;
import org.junit.jupiter.api.Test;

class WmiMarshalersTest {

    static final CimClass CLS = CimClass.builder("Jwmi_Test")
            .property("Name", CimType.STRING, p -> p.key())
            .property("Size", CimType.UINT32)
            .build();
    static final CimInstance INST = CimInstance.builder(CLS).set("Name", "disk").set("Size", 42L).build();

    @Test
    void classObjectTravelsAsObjRefCustomWithTheEncodingUnitAsPObjectData() {
        MInterfacePointer mip = WbemClassObjectMarshaler.pointer(INST);
        byte[] ab = mip.abData();
        // OBJREF header: signature MEOW, flags OBJREF_CUSTOM (4), iid IWbemClassObject
        assertThat(Hex.encode(Arrays.copyOfRange(ab, 0, 8))).isEqualTo("4d454f5704000000");
        // clsid of the unmarshaler, cbExtension 0, reserved = size, then the EncodingUnit signature 0x12345678
        assertThat(Hex.encode(Arrays.copyOfRange(ab, 24, 40))).isEqualTo("12f890453a1dd011891f00aa004b2e24");
        byte[] eu = Wmio.encode(INST);
        assertThat(Hex.encode(Arrays.copyOfRange(ab, 40, 48)))
                .isEqualTo("00000000" + Hex.encode(new byte[] {(byte) eu.length, (byte) (eu.length >> 8), 0, 0}));
        assertThat(Arrays.copyOfRange(ab, 48, ab.length)).isEqualTo(eu);
        assertThat(Hex.encode(Arrays.copyOfRange(ab, 48, 52))).isEqualTo("78563412");

        CustomUnmarshalerRegistry reg = WmiMarshalers.register(new CustomUnmarshalerRegistry());
        ObjRef ref = mip.objRef(reg);
        CimObject back = ((ObjRefCustom) ref).objectData(CimObject.class).orElseThrow();
        assertThat(Wmio.encode(back)).isEqualTo(eu);
        assertThat(back.value("Size").asLong()).isEqualTo(42L);
        assertThat(Wmio.encode(WbemClassObjectMarshaler.cimObject(mip, Limits.DEFAULT))).isEqualTo(eu);
    }

    @Test
    void registrationIsIdempotentAndAddsBothClsids() {
        CustomUnmarshalerRegistry reg = WmiMarshalers.withWmi();
        WmiMarshalers.register(reg);
        assertThat(reg.clsids()).contains(WmiIds.CLSID_WBEM_CLASS_OBJECT_UNMARSHALER,
                WmiIds.CLSID_WBEM_CONTEXT_UNMARSHALER);
    }

    @Test
    void aDamagedEncodingUnitIsAProtocolException() {
        byte[] eu = Wmio.encode(CLS);
        byte[] bad = eu.clone();
        bad[0] = 0x11;
        assertThatThrownBy(() -> WbemClassObjectMarshaler.CODEC.decode(bad, Limits.DEFAULT))
                .isInstanceOf(ProtocolException.class);
        byte[] cut = Arrays.copyOf(eu, eu.length - 3);
        assertThatThrownBy(() -> WbemClassObjectMarshaler.CODEC.decode(cut, Limits.DEFAULT))
                .isInstanceOf(ProtocolException.class);
        MInterfacePointer other = MInterfacePointer.of(ObjRefCustom.of(WmiIds.IID_IWBEM_CLASS_OBJECT,
                UUID.fromString("00000000-0000-0000-0000-000000000001"), eu));
        assertThatThrownBy(() -> WbemClassObjectMarshaler.cimObject(other, Limits.DEFAULT))
                .isInstanceOf(ProtocolException.class);
    }

    @net.jqwik.api.Property(tries = 400)
    void mutatedMarshalingBuffersRaiseOnlyProtocolExceptions(@net.jqwik.api.ForAll int seed) {
        java.util.Random random = new java.util.Random(seed);
        byte[] ctx = WbemContextBuffer.encode(WbemContextBuffer.of(new UUID(seed, seed), List.of(
                WbemContextProperty.of("s", WbemContextProperty.VT_BSTR, "value"),
                WbemContextProperty.of("o", WbemContextProperty.VT_UNKNOWN, INST),
                WbemContextProperty.array("a", WbemContextProperty.VT_I4, List.of(1L, 2L)))));
        byte[] obj = Wmio.encode(CLS);
        for (byte[] b : List.of(ctx, obj)) {
            byte[] m = b.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            try {
                if (b == ctx) {
                    WbemContextBuffer.decode(m, Limits.DEFAULT);
                } else {
                    WbemClassObjectMarshaler.decode(m, Limits.DEFAULT);
                }
            } catch (ProtocolException expected) {
                // the only allowed failure
            }
        }
    }

    /** [MS-WMI] 2.2.13.1-4 laid out by hand: one GUID, then __ProviderArchitecture VT_I4 64, a BSTR, an array. */
    @Test
    void contextBufferLayoutFollowsTheSpec() {
        UUID guid = UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10");
        WbemContextBuffer ctx = WbemContextBuffer.of(guid, List.of(
                WbemContextProperty.of("__ProviderArchitecture", WbemContextProperty.VT_I4, 64L),
                WbemContextProperty.of("A", WbemContextProperty.VT_BSTR, "xy"),
                WbemContextProperty.array("B", WbemContextProperty.VT_UI2, List.of(1L, 2L))));
        String expected = "01000000" + "0403020106050807090a0b0c0d0e0f10" + "03000000"
                + "16000000" + Hex.encode("__ProviderArchitecture".getBytes(java.nio.charset.StandardCharsets.UTF_16LE))
                + "00000000" + "0300" + "4000000000000000"
                + "01000000" + "4100" + "00000000" + "0800" + "02000000" + "78007900"
                + "01000000" + "4200" + "00000000" + "1220" + "02000000" + "02000000" + "0100" + "0200";
        byte[] bytes = WbemContextBuffer.encode(ctx);
        assertThat(Hex.encode(bytes)).isEqualTo(expected);
        WbemContextBuffer back = WbemContextBuffer.decode(bytes, Limits.DEFAULT);
        assertThat(back).isEqualTo(ctx);
        assertThat(back.property("__providerarchitecture").value()).isEqualTo(64L);
        assertThat(WbemContextBuffer.encode(back)).isEqualTo(bytes);
    }

    @Test
    void contextWithEveryScalarTypeAndAnObjectRoundTrips() {
        WbemContextBuffer ctx = WbemContextBuffer.of(UUID.randomUUID(), List.of(
                WbemContextProperty.of("n", WbemContextProperty.VT_NULL, null),
                WbemContextProperty.of("i1", WbemContextProperty.VT_I1, -2L),
                WbemContextProperty.of("u1", WbemContextProperty.VT_UI1, 200L),
                WbemContextProperty.of("i2", WbemContextProperty.VT_I2, -300L),
                WbemContextProperty.of("u4", WbemContextProperty.VT_UI4, 0xFFFFFFFEL),
                WbemContextProperty.of("b", WbemContextProperty.VT_BOOL, true),
                WbemContextProperty.of("r4", WbemContextProperty.VT_R4, 1.5f),
                WbemContextProperty.of("r8", WbemContextProperty.VT_R8, -2.25d),
                WbemContextProperty.array("s", WbemContextProperty.VT_BSTR, List.of("a", "")),
                WbemContextProperty.array("r", WbemContextProperty.VT_R4, List.of(0.5f))));
        byte[] bytes = WbemContextBuffer.encode(ctx);
        assertThat(WbemContextBuffer.decode(bytes, Limits.DEFAULT)).isEqualTo(ctx);

        WbemContextBuffer withObject = WbemContextBuffer.of(UUID.randomUUID(),
                List.of(WbemContextProperty.of("o", WbemContextProperty.VT_UNKNOWN, INST)));
        byte[] ob = WbemContextBuffer.encode(withObject);
        CimObject o = (CimObject) WbemContextBuffer.decode(ob, Limits.DEFAULT).properties().get(0).value();
        assertThat(Wmio.encode(o)).isEqualTo(Wmio.encode(INST));

        ObjRef ref = withObject.pointer().objRef(WmiMarshalers.withWmi());
        assertThat(((ObjRefCustom) ref).clsid()).isEqualTo(WmiIds.CLSID_WBEM_CONTEXT_UNMARSHALER);
        assertThat(((ObjRefCustom) ref).objectData(WbemContextBuffer.class)).isPresent();
    }

    @Test
    void malformedContextsAreProtocolExceptions() {
        byte[] good = WbemContextBuffer.encode(WbemContextBuffer.of(UUID.randomUUID(),
                List.of(WbemContextProperty.of("x", WbemContextProperty.VT_I4, 1L))));
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThatThrownBy(() -> WbemContextBuffer.decode(cut, Limits.DEFAULT))
                    .as("truncated at " + n).isInstanceOf(ProtocolException.class);
        }
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> WbemContextBuffer.decode(trailing, Limits.DEFAULT))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("UNREAD_BYTES");
        byte[] badType = good.clone();
        badType[16 + 4 + 4 + 4 + 2 + 4] = 0x09;       // VT_DISPATCH
        assertThatThrownBy(() -> WbemContextBuffer.decode(badType, Limits.DEFAULT))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("PropertyType");
        byte[] hugeCount = good.clone();
        hugeCount[0] = (byte) 0xff;
        hugeCount[3] = (byte) 0x7f;
        assertThatThrownBy(() -> WbemContextBuffer.decode(hugeCount, Limits.DEFAULT))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("ARRAY_SIZE");
    }
}
