package org.jwmi.wmio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.wmio.block.ClassPart;
import org.jwmi.wmio.block.ClassType;
import org.jwmi.wmio.block.EncodingUnit;
import org.jwmi.wmio.block.InstanceType;
import org.jwmi.wmio.block.MethodDescription;
import org.jwmi.wmio.block.MethodsPart;
import org.jwmi.wmio.block.NdTable;
import org.jwmi.wmio.block.ObjectBlock;
import org.jwmi.wmio.block.Octets;
import org.junit.jupiter.api.Test;

/** A fresh object from the model is laid out as Windows lays it out in the [MS-WMIO] section 3 examples. */
class FreshEncodingTest {

    static CimClass base() {
        return CimClass.builder("Base").property("Id", CimType.SINT32, p -> p.key()).origin("DPRAVAT-DEV", "ROOT").build();
    }

    static CimClass myClass() {
        return CimClass.derive("MyClass", base())
                .qualifier("Description", CimValue.string("MyClass Example"))
                .property("Data1", CimType.STRING, p -> p.flag("read").flag("write"))
                .property("Data2", CimType.STRING, p -> p.defaultValue("defaultValue"))
                .property("Array", CimType.UINT32_ARRAY)
                .origin("DPRAVAT-DEV", "ROOT").build();
    }

    private static ObjectBlock specBlock(String vector, int lengthFix) {
        byte[] bytes = Vectors.load(vector);
        if (lengthFix > 0) {
            bytes[4] = (byte) lengthFix;
        }
        return EncodingUnit.decode(bytes).objectBlock();
    }

    /** The spec's MethodsPart with its random MethodCountPadding replaced by zero. */
    private static MethodsPart zeroPadding(MethodsPart m) {
        return new MethodsPart(0, m.methodDescriptions(), m.methodHeap(), m.unusedOctets());
    }

    /**
     * {@code ours} with the spec's NdTable, after checking that the two agree on every property's bits: the spec's
     * Base has 01 in its unused NdTable slot where Windows Server 2019 (and this encoder) puts 11.
     */
    private static ClassPart withNdTableOf(ClassPart ours, ClassPart spec) {
        int n = spec.propertyLookupTable().propertyCount();
        for (int i = 0; i < n; i++) {
            assertThat(NdTable.bits(ours.ndTable(), i)).as("NdTable bits of property %d", i)
                    .isEqualTo(NdTable.bits(spec.ndTable(), i));
        }
        return new ClassPart(ours.reservedOctet(), ours.classNameRef(), ours.derivationList(), ours.classQualifierSet(),
                ours.propertyLookupTable(), spec.ndTable(), ours.valueTable(), ours.classHeap(), ours.unusedOctets());
    }

    @Test
    void baseIsTheSpecsBaseUpToTheRandomPadding() {
        ObjectBlock spec = specBlock(Vectors.BASE, 0xC0);
        ObjectBlock ours = Wmio.toBlock(base());
        ClassType s = (ClassType) spec.encoding();
        ClassType o = (ClassType) ours.encoding();
        assertThat(o.parentClass()).isEqualTo(s.parentClass());
        assertThat(o.currentClass().classPart().ndTable()).isEqualTo(Octets.of(new byte[] {(byte) 0xFD}));
        assertThat(withNdTableOf(o.currentClass().classPart(), s.currentClass().classPart()))
                .isEqualTo(s.currentClass().classPart());
        assertThat(o.currentClass().methodsPart()).isEqualTo(zeroPadding(s.currentClass().methodsPart()));
        assertThat(ours.objectFlags()).isEqualTo(spec.objectFlags());
        assertThat(ours.decoration()).isEqualTo(spec.decoration());
    }

    @Test
    void myClassIsTheSpecsMyClassUpToPaddingAndHeapSlack() {
        ObjectBlock spec = specBlock(Vectors.MY_CLASS, 0);
        ClassType s = (ClassType) spec.encoding();
        ClassType o = (ClassType) Wmio.toBlock(myClass()).encoding();
        assertThat(withNdTableOf(o.parentClass().classPart(), s.parentClass().classPart()))
                .isEqualTo(s.parentClass().classPart());
        ClassPart sp = s.currentClass().classPart();
        ClassPart op = o.currentClass().classPart();
        // Windows left 6 unused octets at the end of MyClass's ClassHeap; everything before them is ours.
        assertThat(op.classHeap().length()).isEqualTo(sp.classHeap().length() - 6);
        assertThat(op.classHeap().heapItems())
                .isEqualTo(Octets.of(sp.classHeap().heapItems().toByteArray(), 0, op.classHeap().length()));
        assertThat(new ClassPart(op.reservedOctet(), op.classNameRef(), op.derivationList(), op.classQualifierSet(),
                op.propertyLookupTable(), op.ndTable(), op.valueTable(), sp.classHeap(), op.unusedOctets()))
                .isEqualTo(sp);
    }

    @Test
    void myInstanceIsTheSpecsInstanceExceptForTheClassHeapSlack() {
        CimInstance inst = myClass().newInstance().set("Id", 123).set("Data1", "StringField")
                .set("Array", List.of(1L, 2L, 3L)).origin("DPRAVAT-DEV", "ROOT").build();
        InstanceType spec = (InstanceType) specBlock(Vectors.MY_INSTANCE, 0).encoding();
        InstanceType ours = (InstanceType) Wmio.toBlock(inst).encoding();
        InstanceType oursOnSpecClass = new InstanceType(spec.currentClass(), ours.instanceFlags(),
                ours.instanceClassName(), ours.ndTable(), ours.instanceData(), ours.instanceQualifierSet(),
                ours.instancePropQualifierSet(), ours.instanceHeap(), ours.unusedOctets());
        assertThat(oursOnSpecClass).isEqualTo(spec);
    }

    @Test
    void methodsAreLaidOutAsInTheSpecsMyClass2() {
        CimClass myClass2 = CimClass.derive("MyClass2", myClass())
                .method("Restart", CimType.UINT32, m -> m.in("ServiceName", CimType.STRING).out("Status", CimType.SINT32)
                        .flag("execute").qualifier("performance", CimValue.of(CimType.STRING_ARRAY, List.of("fast", "sideffects")),
                                org.jwmi.cim.QualifierFlavor.DEFAULT))
                .build();
        byte[] printed = Vectors.load(Vectors.MY_CLASS2);
        ObjectBlock specBlock = EncodingUnit.decode(java.util.Arrays.copyOf(printed, 8 + 0x8BE)).objectBlock();
        MethodsPart spec = ((ClassType) specBlock.encoding()).currentClass().methodsPart();
        MethodsPart ours = ((ClassType) Wmio.toBlock(myClass2).encoding()).currentClass().methodsPart();
        MethodDescription s = spec.methodDescriptions().get(0);
        MethodDescription o = ours.methodDescriptions().get(0);
        // Name, then the in and out MethodSignatureBlocks, then the QualifierSet, then its items.
        assertThat(o.methodName()).isEqualTo(s.methodName()).isZero();
        assertThat(o.inputSignature()).isEqualTo(s.inputSignature()).isEqualTo(9);
        assertThat(o.outputSignature()).isGreaterThan(o.inputSignature());
        assertThat(o.methodQualifiers()).isGreaterThan(o.outputSignature());
        assertThat(o.methodOrigin()).isEqualTo(s.methodOrigin()).isEqualTo(2);
        assertThat(o.methodFlags()).isEqualTo(s.methodFlags()).isZero();
        org.jwmi.wmio.block.QualifierSet sq = spec.methodHeap().qualifierSet(s.methodQualifiers());
        org.jwmi.wmio.block.QualifierSet oq = ours.methodHeap().qualifierSet(o.methodQualifiers());
        assertThat(oq.qualifiers()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(oq.qualifiers().get(i).qualifierName() - o.methodQualifiers())
                    .isEqualTo(sq.qualifiers().get(i).qualifierName() - s.methodQualifiers());
            assertThat(oq.qualifiers().get(i).qualifierFlavor()).isEqualTo(sq.qualifiers().get(i).qualifierFlavor());
            assertThat(oq.qualifiers().get(i).qualifierType()).isEqualTo(sq.qualifiers().get(i).qualifierType());
        }
        assertThat(oq.qualifiers().get(1).qualifierValue() - o.methodQualifiers())
                .isEqualTo(sq.qualifiers().get(1).qualifierValue() - s.methodQualifiers());
        int tail = spec.methodHeap().length() - s.methodQualifiers();
        assertThat(ours.methodHeap().length() - o.methodQualifiers()).isEqualTo(tail);
        for (int i = 0; i < 2; i++) {
            assertThat(ours.methodHeap().string(oq.qualifiers().get(i).qualifierName()))
                    .isEqualTo(spec.methodHeap().string(sq.qualifiers().get(i).qualifierName()));
        }
    }

    @Test
    void specObjectsDecodeToTheModelThatEncodesThem() {
        CimObject decoded = Wmio.decode(Vectors.load(Vectors.MY_CLASS));
        CimClass expected = myClass();
        assertThat(decoded).isInstanceOf(CimClass.class);
        CimClass c = (CimClass) decoded;
        assertThat(c.properties()).isEqualTo(expected.properties());
        assertThat(c.qualifiers()).isEqualTo(expected.qualifiers());
        assertThat(c.derivation()).isEqualTo(expected.derivation());
        assertThat(c.parentClass().properties()).isEqualTo(base().properties());

        CimInstance inst = (CimInstance) Wmio.decode(Vectors.load(Vectors.MY_INSTANCE));
        assertThat(inst.value(org.jwmi.cim.CimName.of("Id"))).isEqualTo(CimValue.sint32(123));
        assertThat(inst.isDefault(org.jwmi.cim.CimName.of("Data2"))).isTrue();
        assertThat(inst.value(org.jwmi.cim.CimName.of("Data2"))).isEqualTo(CimValue.string("defaultValue"));
        assertThat(inst.value(org.jwmi.cim.CimName.of("Array"))).isEqualTo(CimValue.of(CimType.UINT32_ARRAY, List.of(1L, 2L, 3L)));
        assertThat(inst.server()).isEqualTo("DPRAVAT-DEV");
    }
}
