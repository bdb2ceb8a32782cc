package org.jwmi.wmio.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wmio.Vectors;
import org.junit.jupiter.api.Test;

/** The examples of [MS-WMIO] section 3, octet for octet. */
class SpecExamplesTest {

    private static List<String> propertyNames(ClassPart cp) {
        return cp.propertyLookupTable().propertyLookups().stream()
                .map(l -> cp.classHeap().string(l.propertyNameRef())).toList();
    }

    @Test
    void baseAsPrintedHasAnObjectEncodingLengthBeyondItsOctets() {
        byte[] bytes = Vectors.load(Vectors.BASE);
        assertThat(bytes).hasSize(8 + 0xC0);
        assertThatThrownBy(() -> EncodingUnit.decode(bytes))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProtocolException.Kind.BUFSIZE);
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.path()).isEqualTo("EncodingUnit");
                });
    }

    @Test
    void baseWithTheLengthOfItsOctetsRoundTripsWithTheLeftoversKept() {
        byte[] bytes = Vectors.load(Vectors.BASE);
        bytes[4] = (byte) 0xC0;
        EncodingUnit unit = EncodingUnit.decode(bytes);
        assertThat(unit.unusedOctets().length()).isEqualTo(17);
        assertThat(unit.objectBlock().encodedLength()).isEqualTo(0xAF);
        ObjectBlock ob = unit.objectBlock();
        assertThat(ob.objectFlags()).isEqualTo(0x05);
        assertThat(ob.decoration()).isEqualTo(Decoration.of("DPRAVAT-DEV", "ROOT"));
        ClassType ct = (ClassType) ob.encoding();
        assertThat(ct.parentClass().classPart()).isEqualTo(ClassPart.NO_CLASS);
        assertThat(ct.parentClass().methodsPart()).isEqualTo(MethodsPart.EMPTY);
        ClassPart base = ct.currentClass().classPart();
        assertThat(base.className()).isEqualTo("Base");
        assertThat(base.encodedLength()).isEqualTo(0x66);
        assertThat(propertyNames(base)).containsExactly("Id");
        PropertyInfo id = base.classHeap().propertyInfo(0x0A);
        assertThat(id.cimType()).isEqualTo(CimTypeCode.SINT32);
        assertThat(id.propertyQualifierSet().qualifiers()).containsExactly(
                new Qualifier(DictionaryReference.CIMTYPE.ref(), 0x03, CimTypeCode.STRING, 0x34),
                new Qualifier(DictionaryReference.KEY.ref(), 0x13, CimTypeCode.BOOLEAN, 0xFFFF));
        assertThat(base.classHeap().string(0x34)).isEqualTo("sint32");
        assertThat(base.ndTable()).isEqualTo(Octets.of(new byte[] {0x05}));
        assertThat(base.valueTable()).isEqualTo(Octets.filled(4, 0xFF));
        assertThat(ct.currentClass().methodsPart().methodCountPadding()).isEqualTo(0x0034);
        assertThat(unit.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void myClassRoundTrips() {
        byte[] bytes = Vectors.load(Vectors.MY_CLASS);
        EncodingUnit unit = EncodingUnit.decode(bytes);
        assertThat(unit.objectEncodingLength()).isEqualTo(0x22E);
        assertThat(unit.unusedOctets().length()).isEqualTo(38);
        ClassType ct = (ClassType) unit.objectBlock().encoding();
        assertThat(ct.parentClass().classPart().className()).isEqualTo("Base");
        ClassPart my = ct.currentClass().classPart();
        assertThat(my.className()).isEqualTo("MyClass");
        assertThat(my.derivationList().names()).containsExactly("Base");
        assertThat(my.derivationList().classNameEncodings().get(0).encodingLength()).isEqualTo(6);
        assertThat(propertyNames(my)).containsExactly("Array", "Data1", "Data2", "Id");
        assertThat(my.classHeap().string(my.classQualifierSet().qualifiers().get(0).qualifierName()))
                .isEqualTo("Description");
        assertThat(my.classHeap().length()).isEqualTo(0x111);
        assertThat(my.ndTable().get(0)).isEqualTo(0x47);
        PropertyInfo array = my.classHeap().propertyInfo(0x2E);
        assertThat(array.propertyType()).isEqualTo(CimTypeCode.UINT32 | CimTypeCode.ARRAY_FLAG);
        assertThat(array.declarationOrder()).isEqualTo(3);
        assertThat(array.valueTableOffset()).isEqualTo(0x0C);
        assertThat(array.classOfOrigin()).isEqualTo(1);
        PropertyInfo id = my.classHeap().propertyInfo(0xCB);
        assertThat(id.inherited()).isTrue();
        assertThat(id.classOfOrigin()).isZero();
        assertThat(my.classHeap().string((int) Values.readRaw(my.valueTable(), 8, 4))).isEqualTo("defaultValue");
        assertThat(ct.currentClass().methodsPart().methodCountPadding()).isEqualTo(0x7300);
        assertThat(unit.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void instanceRoundTrips() {
        byte[] bytes = Vectors.load(Vectors.MY_INSTANCE);
        EncodingUnit unit = EncodingUnit.decode(bytes);
        assertThat(unit.unusedOctets().isEmpty()).isTrue();
        assertThat(unit.objectBlock().objectFlags()).isEqualTo(0x06);
        InstanceType it = (InstanceType) unit.objectBlock().encoding();
        assertThat(it.currentClass().classPart().className()).isEqualTo("MyClass");
        assertThat(it.className()).isEqualTo("MyClass");
        assertThat(it.instanceEncodingLength()).isEqualTo(0x49);
        assertThat(it.ndTable()).isEqualTo(Octets.of(new byte[] {0x20}));
        assertThat(it.instanceData()).isEqualTo(Octets.of(Hex.decode("7b000000 19000000 00000000 09000000")));
        assertThat(it.instanceHeap().array(9, CimTypeCode.UINT32 | CimTypeCode.ARRAY_FLAG)).containsExactly(1, 2, 3);
        assertThat(it.instanceHeap().string(0x19)).isEqualTo("StringField");
        assertThat(it.instancePropQualifierSet()).isEqualTo(InstancePropQualifierSet.EMPTY);
        assertThat(unit.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void myClass2RoundTripsUpToItsObjectEncodingLength() {
        byte[] bytes = Vectors.load(Vectors.MY_CLASS2);
        assertThatThrownBy(() -> EncodingUnit.decode(bytes))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.UNREAD_BYTES));
        WireReader r = new WireReader(bytes);
        EncodingUnit unit = EncodingUnit.read(r, Limits.DEFAULT);
        assertThat(r.remaining()).isEqualTo(2);
        assertThat(unit.objectEncodingLength()).isEqualTo(0x8BE);
        assertThat(unit.unusedOctets().length()).isEqualTo(61);
        assertThat(unit.toByteArray()).isEqualTo(Arrays.copyOf(bytes, 8 + 0x8BE));

        ClassType ct = (ClassType) unit.objectBlock().encoding();
        ClassPart my2 = ct.currentClass().classPart();
        assertThat(my2.className()).isEqualTo("MyClass2");
        assertThat(my2.derivationList().names()).containsExactly("MyClass", "Base");
        MethodsPart methods = ct.currentClass().methodsPart();
        assertThat(methods.methodDescriptions()).hasSize(1);
        MethodDescription restart = methods.methodDescriptions().get(0);
        Heap mh = methods.methodHeap();
        assertThat(mh.string(restart.methodName())).isEqualTo("Restart");
        assertThat(restart.methodOrigin()).isEqualTo(2);
        QualifierSet mq = mh.qualifierSet(restart.methodQualifiers());
        assertThat(mq.qualifiers()).extracting(q -> mh.string(q.qualifierName())).containsExactly("execute", "performance");
        long[] perf = mh.array((int) mq.qualifiers().get(1).qualifierValue(), CimTypeCode.STRING | CimTypeCode.ARRAY_FLAG);
        assertThat(perf).hasSize(2);
        assertThat(mh.string((int) perf[0])).isEqualTo("fast");
        assertThat(mh.string((int) perf[1])).isEqualTo("sideffects");

        ObjectBlock in = mh.methodSignatureBlock(restart.inputSignature()).objectBlock();
        ClassPart inParams = ((ClassType) in.encoding()).currentClass().classPart();
        assertThat(in.decoration()).isEqualTo(Decoration.of("DP-M", "ROOT\\default"));
        assertThat(inParams.className()).isEqualTo("__PARAMETERS");
        assertThat(propertyNames(inParams)).containsExactly("ServiceName");
        assertThat(inParams.unusedOctets().length()).isEqualTo(174);
        ObjectBlock out = mh.methodSignatureBlock(restart.outputSignature()).objectBlock();
        ClassPart outParams = ((ClassType) out.encoding()).currentClass().classPart();
        assertThat(propertyNames(outParams)).containsExactly("ReturnValue", "Status");
        assertThat(outParams.unusedOctets().length()).isEqualTo(275);
    }

    @Test
    void windowsClassesRoundTrip() {
        for (String v : List.of(Vectors.WIN32_PROCESS, Vectors.WIN32_PROCESS_STARTUP)) {
            byte[] bytes = Vectors.load(v);
            EncodingUnit unit = EncodingUnit.decode(bytes);
            assertThat(unit.toByteArray()).as(v).isEqualTo(bytes);
        }
        EncodingUnit process = EncodingUnit.decode(Vectors.load(Vectors.WIN32_PROCESS));
        ClassType ct = (ClassType) process.objectBlock().encoding();
        assertThat(ct.currentClass().classPart().className()).isEqualTo("Win32_Process");
        assertThat(ct.currentClass().classPart().propertyLookupTable().propertyCount()).isEqualTo(45);
        assertThat(ct.currentClass().methodsPart().methodDescriptions()).hasSize(7);
    }
}
