package org.jwmi.dcom.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jwmi.dcom.wire.Fixtures.*;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.jwmi.ndr.NdrReader;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** Registry, flags, binding forms and the checks of the activation BLOB, on the wire. */
class WireBehaviourTest {

    static final CustomObjRefCodec<String> TEXT = CustomObjRefCodec.of(CLSID_T, String.class,
            (b, l) -> new String(b, StandardCharsets.US_ASCII), s -> s.getBytes(StandardCharsets.US_ASCII));

    private static DualStringArray packed(String hex) {
        WireReader r = new WireReader(Hex.decode(hex));
        DualStringArray d = DualStringArray.decode(r);
        r.expectEnd();
        return d;
    }

    private static byte[] packed(DualStringArray d) {
        WireWriter w = new WireWriter();
        d.encode(w);
        return w.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ registry

    @Test
    void unknownCustomClsidKeepsTheRawBytes() {
        byte[] b = DcomVectors.load("2.2.18.6-OBJREF_CUSTOM.hex");
        ObjRefCustom o = (ObjRefCustom) ObjRef.decode(b, CustomUnmarshalerRegistry.withDcomDefaults());
        assertThat(o.objectData()).isNull();
        assertThat(new String(o.pObjectData(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(o.encode()).isEqualTo(b);
    }

    @Test
    void registeredCodecDecodesItsClsid() {
        CustomUnmarshalerRegistry registry = new CustomUnmarshalerRegistry().register(TEXT);
        ObjRefCustom o = (ObjRefCustom) ObjRef.decode(DcomVectors.load("2.2.18.6-OBJREF_CUSTOM.hex"), registry);
        assertThat(o.objectData(String.class)).contains("hello world");
        assertThat(o.objectData(Integer.class)).isEmpty();
        assertThat(ObjRefCustom.of(IID_T, TEXT, "hello world").encode())
                .isEqualTo(DcomVectors.load("2.2.18.6-OBJREF_CUSTOM.hex"));
    }

    @Test
    void aSecondCodecForTheSameClsidIsRefused() {
        CustomUnmarshalerRegistry registry = new CustomUnmarshalerRegistry().register(TEXT).register(TEXT);
        CustomObjRefCodec<String> other = CustomObjRefCodec.of(CLSID_T, String.class, (b, l) -> "", s -> new byte[0]);
        assertThatThrownBy(() -> registry.register(other)).isInstanceOf(IllegalStateException.class);
        assertThat(registry.lookup(CLSID_T)).containsSame(TEXT);
    }

    @Test
    void dcomDefaultsDecodeActivationErrorAndContextObjRefs() {
        CustomUnmarshalerRegistry d = CustomUnmarshalerRegistry.withDcomDefaults();
        assertThat(d.clsids()).containsExactlyInAnyOrder(Clsids.CLSID_ACTIVATIONPROPERTIESIN,
                Clsids.CLSID_ACTIVATIONPROPERTIESOUT, Clsids.CLSID_ERROROBJECT, Clsids.CLSID_CONTEXTMARSHALER);

        OrpcThat that = OrpcThat.decode(NdrReader.of(DcomVectors.load("2.2.13.4-ORPCTHAT-errorinfo.hex")));
        OrpcExtent error = that.extensions().find(Clsids.CLSID_ERROR_EXTENSION).orElseThrow();
        ObjRefCustom errorRef = (ObjRefCustom) error.errorObjRef(d, Limits.DEFAULT);
        assertThat(errorRef.iid()).isEqualTo(Iids.IID_IERRORINFO);
        assertThat(errorRef.objectData(ErrorObjectData.class)).contains(ERROR);

        ObjRefCustom ctx = (ObjRefCustom) ACTIVATION_CONTEXT.pIFDClientCtx().objRef(d);
        assertThat(ctx.iid()).isEqualTo(Iids.IID_ICONTEXT);
        assertThat(ctx.objectData(Context.class).orElseThrow().contextId()).isEqualTo(CTX_ID);

        ObjRefExtended ext = (ObjRefExtended) ObjRef.decode(DcomVectors.load("2.2.18.7-OBJREF_EXTENDED.hex"), d);
        Context envoy = Context.decode(ext.elmArray().data(), Limits.DEFAULT);
        assertThat(envoy).isEqualTo(CONTEXT);
        assertThat(envoy.propMarshalHeader().get(0).objRef(d, Limits.DEFAULT)).isEqualTo(OBJREF_STD);
        assertThat(envoy.propMarshalHeader()).extracting(PropMarshalHeader::flagSet)
                .containsExactly(EnumSet.of(CpFlag.CPFLAG_EXPOSE), EnumSet.of(CpFlag.CPFLAG_ENVOY));
    }

    // ------------------------------------------------------------------------------------------------ flags

    @Test
    void unknownFlagBitsSurviveAndKnownOnesAreNamed() {
        StdObjRef s = new StdObjRef(0x80001001, 1, 2, 3, IPID_T);
        assertThat(s.flagSet()).containsExactly(StdObjRefFlag.SORF_NOPING);
        assertThat(s.noPing()).isTrue();
        byte[] b = Fixtures.ndr(s, StdObjRef::encode);
        assertThat(Hex.encode(b, 0, 4)).isEqualTo("01100080");
        assertThat(StdObjRef.decode(NdrReader.of(b))).isEqualTo(s);
        assertThat(STD.flagSet()).containsExactly(StdObjRefFlag.SORF_NOPING);
        assertThat(new StdObjRef(0, 1, 2, 3, IPID_T).noPing()).isFalse();

        assertThat(INSTANTIATION.actvflagSet()).containsExactly(ActvFlag.ACTVFLAGS_DISABLE_AAA,
                ActvFlag.ACTVFLAGS_NO_FAILURE_LOG);
        assertThat(BitFlag.toInt(INSTANTIATION.actvflagSet())).isEqualTo(0x22);
        assertThat(SPECIAL.flagSet()).containsExactly(SpdFlag.SPD_FLAG_USE_CONSOLE_SESSION);
        assertThat(ObjRefFlag.of(4)).isEqualTo(ObjRefFlag.OBJREF_CUSTOM);
        assertThat(ObjRefFlag.of(5)).isNull();
        assertThat(OBJREF_EXTENDED.flags()).isEqualTo(8);
    }

    // ------------------------------------------------------------------------------------------------ bindings

    @Test
    void emptyArraysInEveryFormDecodeToNoBindings() {
        assertThat(packed("0400 0200 0000 0000 0000 0000")).isEqualTo(DualStringArray.empty());
        assertThat(packed("0200 0100 0000 0000")).as("Samba's form").isEqualTo(DualStringArray.empty());
        assertThat(packed(DualStringArray.empty())).isEqualTo(Hex.decode("0400 0200 0000 0000 0000 0000"));
    }

    @Test
    void zerosAfterATerminatorAreAcceptedAndDropped() {
        DualStringArray d = packed("0900 0500 0700 4100 0000 0000 0000 0a00 ffff 0000 0000");
        assertThat(d.stringBindings()).containsExactly(StringBinding.tcp("A"));
        assertThat(d.securityBindings()).containsExactly(new SecurityBinding(10, ""));
        assertThat(packed(d)).isEqualTo(Hex.decode("0800 0400 0700 4100 0000 0000 0a00 ffff 0000 0000"));
    }

    @Test
    void bindingsThatCannotBeEncodedAreRefused() {
        assertThatThrownBy(() -> new StringBinding(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StringBinding.tcp("a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecurityBinding(0, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecurityBinding(10, 0x10000, "")).isInstanceOf(IllegalArgumentException.class);
        DualStringArray huge = new DualStringArray(Collections.nCopies(2, StringBinding.tcp("x".repeat(40000))),
                List.of());
        assertThatThrownBy(() -> packed(huge)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StringBinding.tcp("10.0.0.1", 5000).aNetworkAddr()).isEqualTo("10.0.0.1[5000]");
    }

    // ------------------------------------------------------------------------------------------------ ORPC

    @Test
    void extentArraysArePaddedToAnEvenLength() {
        OrpcExtentArray a = OrpcExtentArray.of(List.of(new OrpcExtent(CLSID_T, new byte[] {1})));
        assertThat(a.size()).isEqualTo(1);
        assertThat(a.extent()).hasSize(2).last().isNull();
        assertThat(a.extents()).hasSize(1);
        assertThat(ORPCTHIS_EXT.extents()).extracting(OrpcExtent::id).containsExactly(CLSID_T);
        assertThat(ORPCTHIS.extents()).isEmpty();
        assertThat(OrpcThis.of(ComVersion.V5_7, CID_T)).isEqualTo(ORPCTHIS);
    }

    @Test
    void comVersionsOrderAndNegotiate() {
        assertThat(ComVersion.min(ComVersion.V5_7, ComVersion.V5_2)).isEqualTo(ComVersion.V5_2);
        assertThat(ComVersion.V5_6).isLessThan(ComVersion.V5_7);
        assertThat(new ComVersion(6, 0)).isGreaterThan(ComVersion.V5_7);
        assertThatThrownBy(() -> new ComVersion(0x10000, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------------ activation

    @Test
    void unknownPropertiesAreKeptAndSentBack() {
        UnknownActivationProperty odd = new UnknownActivationProperty(CLSID_T, Hex.decode("0102030405"));
        ActivationProperties a = ActivationProperties.of(INSTANTIATION, odd, LocationInfoData.EMPTY);
        byte[] b = a.encode();
        ActivationProperties back = ActivationProperties.decode(b, Limits.DEFAULT);
        assertThat(back.properties()).containsExactly(INSTANTIATION, odd, LocationInfoData.EMPTY);
        assertThat(back.encode()).isEqualTo(b);
        assertThat(back.find(PropsOutInfo.class)).isEmpty();
        assertThatThrownBy(() -> back.require(PropsOutInfo.class)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void bothSpecialPropertiesLayoutsDecodeInsideABlob() {
        ActivationProperties a = ActivationProperties.of(SPECIAL_ALTERNATE, INSTANTIATION);
        ActivationProperties back = ActivationProperties.decode(a.encode(), Limits.DEFAULT);
        assertThat(back.require(SpecialPropertiesData.class).alternate()).isTrue();
        assertThat(back.require(SpecialPropertiesData.class)).isEqualTo(SPECIAL_ALTERNATE);
        assertThat(SPECIAL.serialize()).as("16 header bytes + 84 padded to 88").hasSize(104);
        assertThat(SPECIAL_ALTERNATE.serialize()).as("16 header bytes + 80").hasSize(96);
    }

    @Test
    void aBlobNeedsOneToTenDistinctProperties() {
        assertThatThrownBy(() -> new ActivationProperties(2, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActivationProperties(2, Collections.nCopies(11, LocationInfoData.EMPTY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActivationProperties.of(LocationInfoData.EMPTY, LocationInfoData.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outBlobTravelsAsObjRefCustomInsideAnInterfacePointer() {
        MInterfacePointer ip = MInterfacePointer.of(ACT_OUT.toObjRefOut());
        byte[] stub = Fixtures.ndr(ip, MInterfacePointer::encode);
        MInterfacePointer back = MInterfacePointer.decode(NdrReader.of(stub));
        assertThat(back).isEqualTo(ip);
        ObjRefCustom o = (ObjRefCustom) back.objRef(CustomUnmarshalerRegistry.withDcomDefaults());
        assertThat(o.clsid()).isEqualTo(Clsids.CLSID_ACTIVATIONPROPERTIESOUT);
        assertThat(o.iid()).isEqualTo(Iids.IID_IACTIVATIONPROPERTIESOUT);
        ActivationProperties props = o.objectData(ActivationProperties.class).orElseThrow();
        assertThat(props.require(ScmReplyInfoData.class).remoteReply().pdsaOxidBindings()).isEqualTo(EXPORTER);
        assertThat(props.require(PropsOutInfo.class).phresults()).containsExactly(0, E_NOINTERFACE);
        assertThat(props.require(PropsOutInfo.class).ppIntfData().get(0).objRef(new CustomUnmarshalerRegistry()))
                .isEqualTo(OBJREF_STD);
        assertThat(o.pObjectData()).isEqualTo(DcomVectors.load("2.2.22-ActivationPropertiesOut.hex"));
    }
}
