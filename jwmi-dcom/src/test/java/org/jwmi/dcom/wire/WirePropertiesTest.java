package org.jwmi.dcom.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwmi.ndr.NdrDecoder;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.TypeSerialization1;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/** Round trips over generated values, and hostile bytes that must raise nothing but ProtocolException. */
class WirePropertiesTest {

    static final CustomUnmarshalerRegistry DEFAULTS = CustomUnmarshalerRegistry.withDcomDefaults();

    // ------------------------------------------------------------------------------------------------ generators

    static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    static Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange('\u0001', '\uffff').ofMaxLength(24);
    }

    static Arbitrary<byte[]> blobs(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    static Arbitrary<Integer> u16(int min) {
        return Arbitraries.integers().between(min, 0xffff);
    }

    @Provide
    static Arbitrary<DualStringArray> dualStringArrays() {
        Arbitrary<StringBinding> s = Combinators.combine(u16(1), texts()).as(StringBinding::new);
        Arbitrary<SecurityBinding> sec = Combinators.combine(u16(1), u16(0), texts()).as(SecurityBinding::new);
        return Combinators.combine(s.list().ofMaxSize(4), sec.list().ofMaxSize(4)).as(DualStringArray::new);
    }

    static Arbitrary<StdObjRef> stdObjRefs() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.longs(),
                Arbitraries.longs(), uuids()).as(StdObjRef::new);
    }

    @Provide
    static Arbitrary<ObjRef> objRefs() {
        Arbitrary<ObjRef> std = Combinators.combine(uuids(), stdObjRefs(), dualStringArrays())
                .as(ObjRefStandard::new);
        Arbitrary<ObjRef> handler = Combinators.combine(uuids(), stdObjRefs(), uuids(), dualStringArrays())
                .as(ObjRefHandler::new);
        Arbitrary<ObjRef> custom = Combinators.combine(uuids(), uuids(), Arbitraries.integers(),
                Arbitraries.integers(), blobs(64)).as((i, c, e, r, d) -> new ObjRefCustom(i, c, e, r, d, null));
        Arbitrary<ObjRef> extended = Combinators.combine(uuids(), stdObjRefs(), dualStringArrays(),
                Combinators.combine(uuids(), blobs(40)).as(DataElement::new)).as(ObjRefExtended::new);
        return Arbitraries.oneOf(std, handler, custom, extended);
    }

    static Arbitrary<OrpcExtentArray> extentArrays() {
        Arbitrary<OrpcExtent> e = Combinators.combine(uuids(), blobs(20)).as(OrpcExtent::new);
        Arbitrary<OrpcExtentArray> conforming = e.list().ofMaxSize(3).map(OrpcExtentArray::of);
        Arbitrary<OrpcExtentArray> nullArray = Arbitraries.integers().map(r -> new OrpcExtentArray(0, r, null));
        return Arbitraries.oneOf(conforming, nullArray).injectNull(0.2);
    }

    static Arbitrary<ComVersion> comVersions() {
        return Combinators.combine(u16(0), u16(0)).as(ComVersion::new);
    }

    @Provide
    static Arbitrary<OrpcThis> orpcThis() {
        return Combinators.combine(comVersions(), Arbitraries.integers(), Arbitraries.integers(), uuids(),
                extentArrays()).as(OrpcThis::new);
    }

    @Provide
    static Arbitrary<OrpcThat> orpcThat() {
        return Combinators.combine(Arbitraries.integers(), extentArrays()).as(OrpcThat::new);
    }

    static Arbitrary<MInterfacePointer> interfacePointers() {
        return objRefs().map(MInterfacePointer::of).injectNull(0.3);
    }

    static Arbitrary<String> optionalTexts() {
        return texts().injectNull(0.3);
    }

    static Arbitrary<ActivationProperty> properties() {
        Arbitrary<ActivationProperty> inst = Combinators.combine(uuids(), Arbitraries.integers(),
                Arbitraries.integers(), uuids().list().ofMinSize(1).ofMaxSize(4), Arbitraries.integers(),
                comVersions()).as((c, ctx, f, iids, size, v) -> new InstantiationInfoData(c, ctx, f, 0, iids.size(),
                0, iids, size, v));
        Arbitrary<ActivationProperty> special = Combinators.combine(Arbitraries.integers(), Arbitraries.integers(),
                uuids(), Arbitraries.integers(), Arbitraries.longs(), Arbitraries.integers().list().ofSize(5),
                Arbitraries.integers().list().ofSize(8), Arbitraries.of(true, false))
                .as((sid, lvl, part, flags, r2, r3, alt3, alternate) -> alternate
                        ? new SpecialPropertiesData(sid, 1, 0, 1, lvl, part, 0, 0x14, flags, 0, 0, alt3)
                        : new SpecialPropertiesData(sid, 1, 0, 1, lvl, part, 0, 0x14, flags, lvl, r2, r3));
        Arbitrary<ActivationProperty> instance = Combinators.combine(optionalTexts(), Arbitraries.integers(),
                interfacePointers(), interfacePointers()).as(InstanceInfoData::new);
        Arbitrary<ActivationProperty> scmRequest = Combinators.combine(Arbitraries.integers().injectNull(0.5),
                Arbitraries.integers(), u16(0).list().ofMaxSize(4))
                .as((res, imp, ps) -> new ScmRequestInfoData(res, new CustomRemoteRequestScmInfo(imp, ps.size(), ps)));
        Arbitrary<ActivationProperty> context = Combinators.combine(Arbitraries.integers(), interfacePointers(),
                interfacePointers()).as((x, a, b) -> new ActivationContextInfoData(x, x, 0, x, a, b));
        Arbitrary<ActivationProperty> location = Combinators.combine(optionalTexts(), Arbitraries.integers())
                .as((m, p) -> new LocationInfoData(m, p, p, p));
        Arbitrary<ActivationProperty> security = Combinators.combine(Arbitraries.integers(), optionalTexts(),
                Arbitraries.integers().injectNull(0.5), Arbitraries.of(true, false))
                .as((f, n, res, present) -> new SecurityInfoData(f, present ? new CoServerInfo(f, n, res, f) : null,
                        res));
        Arbitrary<ActivationProperty> reply = Combinators.combine(Arbitraries.longs(), dualStringArrays(), uuids(),
                Arbitraries.integers(), comVersions())
                .as((o, d, ipid, hint, v) -> ScmReplyInfoData.of(new CustomRemoteReplyScmInfo(o, d, ipid, hint, v)));
        Arbitrary<ActivationProperty> out = Combinators.combine(uuids(), Arbitraries.integers(), interfacePointers())
                .as(Tuple::of).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> PropsOutInfo.of(l.stream().map(Tuple.Tuple3::get1).toList(),
                        l.stream().map(Tuple.Tuple3::get2).toList(),
                        Arrays.asList(l.stream().map(Tuple.Tuple3::get3).toArray(MInterfacePointer[]::new))));
        Arbitrary<ActivationProperty> unknown = Combinators.combine(uuids(), blobs(24))
                .as(UnknownActivationProperty::new);
        return Arbitraries.oneOf(inst, special, instance, scmRequest, context, location, security, reply, out,
                unknown);
    }

    @Provide
    static Arbitrary<ActivationProperties> activationProperties() {
        return Combinators.combine(Arbitraries.integers(), properties().list().ofMinSize(1).ofMaxSize(10)
                .uniqueElements(ActivationProperty::clsid)).as(ActivationProperties::new);
    }

    @Provide
    static Arbitrary<ErrorObjectData> errorObjects() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), uuids(), optionalTexts(),
                optionalTexts(), optionalTexts()).as(ErrorObjectData::new);
    }

    @Provide
    static Arbitrary<Context> contexts() {
        Arbitrary<PropMarshalHeader> p = Combinators.combine(uuids(), uuids(), Arbitraries.integers(), blobs(30))
                .as(PropMarshalHeader::new);
        return Combinators.combine(u16(0), u16(0), uuids(), Arbitraries.integers(), Arbitraries.integers(),
                p.list().ofMaxSize(3)).as((ma, mi, id, f, m, props) -> new Context(ma, mi, id, f, 0, 0, 0, m, 1,
                props));
    }

    // ------------------------------------------------------------------------------------------------ round trips

    @Property
    void dualStringArrayRoundTripsInBothForms(@ForAll("dualStringArrays") DualStringArray d) {
        WireWriter w = new WireWriter();
        d.encode(w);
        byte[] packed = w.toByteArray();
        assertThat(packed).hasSize(d.packedSize());
        WireReader r = new WireReader(packed);
        assertThat(DualStringArray.decode(r)).isEqualTo(d);
        r.expectEnd();

        byte[] ndr = Fixtures.ndr(d, DualStringArray::encode);
        NdrReader n = NdrReader.of(ndr);
        assertThat(DualStringArray.decode(n)).isEqualTo(d);
        n.expectEnd();
    }

    @Property
    void objRefRoundTrips(@ForAll("objRefs") ObjRef o) {
        byte[] b = o.encode();
        ObjRef back = ObjRef.decode(b, new CustomUnmarshalerRegistry());
        assertThat(back).isEqualTo(o);
        assertThat(back.encode()).isEqualTo(b);
        byte[] ip = Fixtures.ndr(MInterfacePointer.of(o), MInterfacePointer::encode);
        NdrReader r = NdrReader.of(ip);
        assertThat(MInterfacePointer.decode(r).objRef(new CustomUnmarshalerRegistry())).isEqualTo(o);
    }

    @Property
    void orpcThisRoundTrips(@ForAll("orpcThis") OrpcThis t) {
        byte[] b = Fixtures.ndr(t, OrpcThis::encode);
        NdrReader r = NdrReader.of(b);
        assertThat(OrpcThis.decode(r)).isEqualTo(t);
        r.expectEnd();
    }

    @Property
    void orpcThatRoundTrips(@ForAll("orpcThat") OrpcThat t) {
        byte[] b = Fixtures.ndr(t, OrpcThat::encode);
        NdrReader r = NdrReader.of(b);
        assertThat(OrpcThat.decode(r)).isEqualTo(t);
        r.expectEnd();
    }

    @Property(tries = 300)
    void activationPropertiesRoundTrip(@ForAll("activationProperties") ActivationProperties a) {
        byte[] b = a.encode();
        ActivationProperties back = ActivationProperties.decode(b, Limits.DEFAULT);
        assertThat(back).isEqualTo(a);
        assertThat(back.encode()).isEqualTo(b);
        ObjRef o = ObjRef.decode(a.toObjRefOut().encode(), DEFAULTS);
        assertThat(((ObjRefCustom) o).objectData()).isEqualTo(a);
    }

    @Property
    void errorObjectRoundTrips(@ForAll("errorObjects") ErrorObjectData e) {
        assertThat(ErrorObjectData.decode(ErrorObjectData.encode(e), Limits.DEFAULT)).isEqualTo(e);
        OrpcExtent x = OrpcExtent.errorInfo(e);
        ObjRefCustom o = (ObjRefCustom) x.errorObjRef(DEFAULTS, Limits.DEFAULT);
        assertThat(o.objectData(ErrorObjectData.class)).contains(e);
    }

    @Property
    void contextRoundTrips(@ForAll("contexts") Context c) {
        assertThat(Context.decode(Context.encode(c), Limits.DEFAULT)).isEqualTo(c);
    }

    // ------------------------------------------------------------------------------------------------ hostile bytes

    /** Every decoder, named, over a whole buffer. */
    static final List<Tuple.Tuple2<String, Consumer<byte[]>>> DECODERS = List.of(
            Tuple.of("OBJREF", b -> ObjRef.decode(b, DEFAULTS)),
            Tuple.of("DUALSTRINGARRAY packed", b -> DualStringArray.decode(new WireReader(b))),
            Tuple.of("DUALSTRINGARRAY ndr", ndr(DualStringArray::decode)),
            Tuple.of("MInterfacePointer", ndr(r -> r.uniquePtr(MInterfacePointer::decode))),
            Tuple.of("ORPCTHIS", ndr(OrpcThis::decode)),
            Tuple.of("ORPCTHAT", ndr(OrpcThat::decode)),
            Tuple.of("REMQIRESULT", ndr(RemQiResult::decode)),
            Tuple.of("ActivationProperties", b -> ActivationProperties.decode(b, Limits.DEFAULT)),
            Tuple.of("ErrorObjectData", b -> ErrorObjectData.decode(b, Limits.DEFAULT)),
            Tuple.of("Context", b -> Context.decode(b, Limits.DEFAULT)),
            Tuple.of("InstantiationInfoData", ts1(InstantiationInfoData::decode)),
            Tuple.of("SpecialPropertiesData", ts1(SpecialPropertiesData::decode)),
            Tuple.of("InstanceInfoData", ts1(InstanceInfoData::decode)),
            Tuple.of("ScmRequestInfoData", ts1(ScmRequestInfoData::decode)),
            Tuple.of("ActivationContextInfoData", ts1(ActivationContextInfoData::decode)),
            Tuple.of("LocationInfoData", ts1(LocationInfoData::decode)),
            Tuple.of("SecurityInfoData", ts1(SecurityInfoData::decode)),
            Tuple.of("ScmReplyInfoData", ts1(ScmReplyInfoData::decode)),
            Tuple.of("PropsOutInfo", ts1(PropsOutInfo::decode)),
            Tuple.of("CustomHeader", ts1(CustomHeader::decode)));

    static Consumer<byte[]> ndr(NdrDecoder<?> d) {
        return b -> {
            NdrReader r = NdrReader.of(b);
            d.decode(r);
            r.expectEnd();
        };
    }

    static Consumer<byte[]> ts1(NdrDecoder<?> d) {
        return b -> TypeSerialization1.decode(b, Limits.DEFAULT, d);
    }

    /** The vectors and the decoder each is for. */
    static final List<Tuple.Tuple2<String, Consumer<byte[]>>> SEEDS = List.of(
            Tuple.of("2.2.18.4-OBJREF_STANDARD.hex", DECODERS.get(0).get2()),
            Tuple.of("2.2.18.5-OBJREF_HANDLER.hex", DECODERS.get(0).get2()),
            Tuple.of("2.2.18.6-OBJREF_CUSTOM.hex", DECODERS.get(0).get2()),
            Tuple.of("2.2.18.7-OBJREF_EXTENDED.hex", DECODERS.get(0).get2()),
            Tuple.of("impacket-ActivationPropertiesIn-objref.hex", DECODERS.get(0).get2()),
            Tuple.of("2.2.19.1-DUALSTRINGARRAY.hex", DECODERS.get(1).get2()),
            Tuple.of("2.2.19.2-DUALSTRINGARRAY-ndr.hex", ndr(r -> r.uniquePtr(DualStringArray::decode))),
            Tuple.of("2.2.14-MInterfacePointer.hex", DECODERS.get(3).get2()),
            Tuple.of("2.2.13.3-ORPCTHIS-extensions.hex", DECODERS.get(4).get2()),
            Tuple.of("2.2.13.4-ORPCTHAT-errorinfo.hex", DECODERS.get(5).get2()),
            Tuple.of("2.2.22-ActivationPropertiesIn.hex", DECODERS.get(7).get2()),
            Tuple.of("2.2.22-ActivationPropertiesOut.hex", DECODERS.get(7).get2()),
            Tuple.of("2.2.21.2-ErrorObjectData.hex", DECODERS.get(8).get2()),
            Tuple.of("2.2.20-Context.hex", DECODERS.get(9).get2()),
            Tuple.of("2.2.22.2.1-InstantiationInfoData.hex", DECODERS.get(10).get2()),
            Tuple.of("2.2.22.2.2-SpecialPropertiesData_Alternate.hex", DECODERS.get(11).get2()),
            Tuple.of("2.2.22.2.3-InstanceInfoData.hex", DECODERS.get(12).get2()),
            Tuple.of("2.2.22.2.4-ScmRequestInfoData.hex", DECODERS.get(13).get2()),
            Tuple.of("2.2.22.2.5-ActivationContextInfoData.hex", DECODERS.get(14).get2()),
            Tuple.of("2.2.22.2.6-LocationInfoData.hex", DECODERS.get(15).get2()),
            Tuple.of("2.2.22.2.7-SecurityInfoData.hex", DECODERS.get(16).get2()),
            Tuple.of("2.2.22.2.8-ScmReplyInfoData.hex", DECODERS.get(17).get2()),
            Tuple.of("2.2.22.2.9-PropsOutInfo.hex", DECODERS.get(18).get2()),
            Tuple.of("impacket-RemoteCreateInstance-request.hex", ndr(r -> {
                OrpcThis.decode(r);
                r.uniquePtr(MInterfacePointer::decode);
                MInterfacePointer ip = r.uniquePtr(MInterfacePointer::decode);
                if (ip != null) {
                    ip.objRef(DEFAULTS);
                }
                return null;
            })));

    private static void onlyProtocolException(Consumer<byte[]> decoder, byte[] input, String what) {
        try {
            decoder.accept(input);
        } catch (ProtocolException expected) {
            // the only failure allowed
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + " threw " + e + " for " + Hex.encode(input), e);
        }
    }

    @Property(tries = 400)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll @Size(max = 300) byte[] input,
                                                  @ForAll @IntRange(min = 0, max = 19) int decoder) {
        onlyProtocolException(DECODERS.get(decoder).get2(), input, DECODERS.get(decoder).get1());
    }

    @Property(tries = 1500)
    void mutatedVectorsRaiseOnlyProtocolException(@ForAll @IntRange(min = 0, max = 23) int seed,
                                                  @ForAll("mutations") List<int[]> mutations) {
        byte[] b = DcomVectors.load(SEEDS.get(seed).get1());
        for (int[] m : mutations) {
            b = apply(b, m);
        }
        onlyProtocolException(SEEDS.get(seed).get2(), b, SEEDS.get(seed).get1());
    }

    /** A mutation: {kind, position, value}; kinds: set a byte, set a little-endian u32, truncate, insert a byte. */
    @Provide
    static Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> m = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1 << 16), Arbitraries.oneOf(Arbitraries.integers(),
                        Arbitraries.of(0, 1, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 8, 0x00020000)))
                .as((k, p, v) -> new int[] {k, p, v});
        return m.list().ofMinSize(1).ofMaxSize(4);
    }

    private static byte[] apply(byte[] b, int[] m) {
        if (b.length == 0) {
            return b;
        }
        int at = m[1] % b.length;
        switch (m[0]) {
            case 0: {
                byte[] c = b.clone();
                c[at] = (byte) m[2];
                return c;
            }
            case 1: {
                byte[] c = b.clone();
                int p = Math.min(at & ~3, Math.max(0, c.length - 4));
                for (int i = 0; i < 4 && p + i < c.length; i++) {
                    c[p + i] = (byte) (m[2] >>> (8 * i));
                }
                return c;
            }
            case 2:
                return Arrays.copyOf(b, at);
            default: {
                List<Byte> l = new ArrayList<>();
                for (byte x : b) {
                    l.add(x);
                }
                l.add(at, (byte) m[2]);
                byte[] c = new byte[l.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = l.get(i);
                }
                return c;
            }
        }
    }

    @Property(tries = 50)
    void builderAgreesWithEncoderForActivationIn(@ForAll("activationProperties") ActivationProperties a) {
        NdrWriter w = new NdrWriter();
        w.uniquePtr(MInterfacePointer.of(a.toObjRefIn()), MInterfacePointer::encode);
        NdrReader r = NdrReader.of(w.toByteArray());
        MInterfacePointer ip = r.uniquePtr(MInterfacePointer::decode);
        ObjRefCustom o = (ObjRefCustom) ip.objRef(DEFAULTS);
        assertThat(o.iid()).isEqualTo(Iids.IID_IACTIVATIONPROPERTIESIN);
        assertThat(o.reserved()).isEqualTo(o.pObjectData().length);
        assertThat(o.objectData(ActivationProperties.class)).contains(a);
    }

}
