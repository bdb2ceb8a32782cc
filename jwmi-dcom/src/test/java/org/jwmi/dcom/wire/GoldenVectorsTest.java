package org.jwmi.dcom.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwmi.dcom.wire.Fixtures.*;

import java.util.function.Function;
import java.util.stream.Stream;
import org.jwmi.ndr.NdrDecoder;
import org.jwmi.ndr.NdrEncoder;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.TypeSerialization1;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.WireReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every structure against bytes impacket's dcomrt structures produce for the same values (vectors/dcom/generate.py):
 * our encoder reproduces them byte for byte, our decoder yields the values, and decode then encode is the identity.
 */
class GoldenVectorsTest {

    /** One vector: how to encode the fixture and how to decode the bytes. */
    record Vector(String file, Object value, Function<Object, byte[]> encode, Function<byte[], Object> decode) {
        @Override
        public String toString() {
            return file;
        }
    }

    @SuppressWarnings("unchecked")
    static <T> Vector ndr(String file, T value, NdrEncoder<T> enc, NdrDecoder<T> dec) {
        return new Vector(file, value, v -> Fixtures.ndr((T) v, enc), b -> {
            NdrReader r = NdrReader.of(b);
            T v = dec.decode(r);
            r.expectEnd();
            return v;
        });
    }

    static Vector topLevelPtr(String file, Object value, NdrEncoder<Object> enc, NdrDecoder<Object> dec) {
        return new Vector(file, value, v -> Fixtures.ndr(v, (w, x) -> w.uniquePtr(x, enc)), b -> {
            NdrReader r = NdrReader.of(b);
            Object v = r.uniquePtr(dec);
            r.expectEnd();
            return v;
        });
    }

    static Vector raw(String file, ObjRef value) {
        return new Vector(file, value, v -> ((ObjRef) v).encode(),
                b -> ObjRef.decode(b, CustomUnmarshalerRegistry.withDcomDefaults()));
    }

    static Vector property(String file, ActivationProperty value, NdrDecoder<? extends ActivationProperty> dec) {
        return new Vector(file, value, v -> ((ActivationProperty) v).serialize(), b -> {
            TypeSerialization1.Reader r = new TypeSerialization1.Reader(b, 0, b.length, Limits.DEFAULT);
            Object v = r.constructed(dec);
            r.expectEnd();
            return v;
        });
    }

    @SuppressWarnings("unchecked")
    static Stream<Vector> vectors() {
        return Stream.of(
                ndr("2.2.11-COMVERSION.hex", ComVersion.V5_7, ComVersion::encode, ComVersion::decode),
                ndr("2.2.18.2-STDOBJREF.hex", STD, StdObjRef::encode, StdObjRef::decode),
                new Vector("2.2.18.2-STDOBJREF.hex", STD, v -> {
                    org.jwmi.wire.WireWriter w = new org.jwmi.wire.WireWriter();
                    ((StdObjRef) v).encode(w);
                    return w.toByteArray();
                }, b -> {
                    WireReader r = new WireReader(b);
                    StdObjRef s = StdObjRef.decode(r);
                    r.expectEnd();
                    return s;
                }),
                ndr("2.2.24-REMQIRESULT.hex", new RemQiResult(0, new StdObjRef(0, 1, OXID_T, OID_T, IPID_T)),
                        RemQiResult::encode, RemQiResult::decode),
                ndr("2.2.23-REMINTERFACEREF.hex", new RemInterfaceRef(IPID_T, 5, 0), RemInterfaceRef::encode,
                        RemInterfaceRef::decode),
                packed("2.2.19.1-DUALSTRINGARRAY.hex", RESOLVER),
                packed("2.2.19.1-DUALSTRINGARRAY-empty.hex", DualStringArray.empty()),
                topLevelPtr("2.2.19.2-DUALSTRINGARRAY-ndr.hex", EXPORTER,
                        (w, v) -> DualStringArray.encode(w, (DualStringArray) v), DualStringArray::decode),
                raw("2.2.18.4-OBJREF_STANDARD.hex", OBJREF_STD),
                raw("2.2.18.5-OBJREF_HANDLER.hex", OBJREF_HANDLER),
                raw("2.2.18.6-OBJREF_CUSTOM.hex", OBJREF_CUSTOM),
                raw("2.2.18.7-OBJREF_EXTENDED.hex", OBJREF_EXTENDED),
                new Vector("2.2.20-Context.hex", CONTEXT, v -> Context.encode((Context) v),
                        b -> Context.decode(b, Limits.DEFAULT)),
                new Vector("2.2.21.2-ErrorObjectData.hex", ERROR, v -> ErrorObjectData.encode((ErrorObjectData) v),
                        b -> ErrorObjectData.decode(b, Limits.DEFAULT)),
                topLevelPtr("2.2.14-MInterfacePointer.hex", MInterfacePointer.of(OBJREF_STD),
                        (w, v) -> MInterfacePointer.encode(w, (MInterfacePointer) v), MInterfacePointer::decode),
                ndr("2.2.13.3-ORPCTHIS.hex", ORPCTHIS, OrpcThis::encode, OrpcThis::decode),
                ndr("2.2.13.3-ORPCTHIS-extensions.hex", ORPCTHIS_EXT, OrpcThis::encode, OrpcThis::decode),
                ndr("2.2.13.4-ORPCTHAT.hex", ORPCTHAT, OrpcThat::encode, OrpcThat::decode),
                ndr("2.2.13.4-ORPCTHAT-errorinfo.hex", ORPCTHAT_ERROR, OrpcThat::encode, OrpcThat::decode),
                property("2.2.22.2.1-InstantiationInfoData.hex", INSTANTIATION, InstantiationInfoData::decode),
                property("2.2.22.2.2-SpecialPropertiesData.hex", SPECIAL, SpecialPropertiesData::decode),
                property("2.2.22.2.2-SpecialPropertiesData_Alternate.hex", SPECIAL_ALTERNATE,
                        SpecialPropertiesData::decode),
                property("2.2.22.2.3-InstanceInfoData.hex", INSTANCE, InstanceInfoData::decode),
                property("2.2.22.2.4-ScmRequestInfoData.hex", SCM_REQUEST, ScmRequestInfoData::decode),
                property("2.2.22.2.5-ActivationContextInfoData.hex", ACTIVATION_CONTEXT,
                        ActivationContextInfoData::decode),
                property("2.2.22.2.6-LocationInfoData.hex", LOCATION, LocationInfoData::decode),
                property("2.2.22.2.6-LocationInfoData-null.hex", LocationInfoData.EMPTY, LocationInfoData::decode),
                property("2.2.22.2.7-SecurityInfoData.hex", SECURITY_INFO, SecurityInfoData::decode),
                property("2.2.22.2.8-ScmReplyInfoData.hex", SCM_REPLY, ScmReplyInfoData::decode),
                property("2.2.22.2.9-PropsOutInfo.hex", PROPS_OUT, PropsOutInfo::decode),
                new Vector("2.2.22-ActivationPropertiesIn.hex", ACT_IN, v -> ((ActivationProperties) v).encode(),
                        b -> ActivationProperties.decode(b, Limits.DEFAULT)),
                new Vector("2.2.22-ActivationPropertiesOut.hex", ACT_OUT, v -> ((ActivationProperties) v).encode(),
                        b -> ActivationProperties.decode(b, Limits.DEFAULT)));
    }

    static Vector packed(String file, DualStringArray value) {
        return new Vector(file, value, v -> {
            org.jwmi.wire.WireWriter w = new org.jwmi.wire.WireWriter();
            ((DualStringArray) v).encode(w);
            return w.toByteArray();
        }, b -> {
            WireReader r = new WireReader(b);
            DualStringArray d = DualStringArray.decode(r);
            r.expectEnd();
            return d;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encoderReproducesImpacketBytes(Vector v) {
        assertThat(Hex.encode(v.encode.apply(v.value))).isEqualTo(Hex.encode(DcomVectors.load(v.file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decoderYieldsTheValues(Vector v) {
        assertThat(v.decode.apply(DcomVectors.load(v.file))).isEqualTo(v.value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodeThenEncodeIsIdentity(Vector v) {
        byte[] b = DcomVectors.load(v.file);
        assertThat(Hex.encode(v.encode.apply(v.decode.apply(b)))).isEqualTo(Hex.encode(b));
    }

    @Test
    void instantiationInfoFactoryComputesThisSize() {
        InstantiationInfoData v = InstantiationInfoData.of(CLSID_T, java.util.List.of(Iids.IID_IUNKNOWN, IID_T),
                ComVersion.V5_7);
        assertThat(v.thisSize()).isEqualTo(104).isEqualTo(v.serialize().length);
    }
}
