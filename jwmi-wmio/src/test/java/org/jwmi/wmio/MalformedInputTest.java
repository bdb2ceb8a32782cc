package org.jwmi.wmio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wmio.block.ClassAndMethodsPart;
import org.jwmi.wmio.block.ClassPart;
import org.jwmi.wmio.block.EncodingUnit;
import org.jwmi.wmio.block.HeapBuilder;
import org.jwmi.wmio.block.InstancePropQualifierSet;
import org.jwmi.wmio.block.InstanceType;
import org.jwmi.wmio.block.ObjectBlock;
import org.jwmi.wmio.block.Octets;
import org.jwmi.wmio.block.Qualifier;
import org.jwmi.wmio.block.QualifierSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed encodings, each made from the [MS-WMIO] 3.1 instance by changing one field, fail with the expected
 * {@link ProtocolException}; hostile sharing and nesting are bounded.
 */
class MalformedInputTest {

    /** A named corruption of the 3.1 instance (475 octets; offsets checked against the spec's annotation). */
    record Case(String name, Consumer<byte[]> corrupt, Kind kind, long offset, String pathPart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static void u32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    static List<Case> cases() {
        List<Case> l = new ArrayList<>();
        l.add(new Case("Signature", b -> b[0] = 0x79, Kind.BAD_VALUE, 0, "EncodingUnit"));
        l.add(new Case("ObjectEncodingLength beyond the data", b -> u32(b, 4, 0x1D4), Kind.BUFSIZE, 4, "EncodingUnit"));
        l.add(new Case("ObjectEncodingLength 0", b -> u32(b, 4, 0), Kind.BAD_VALUE, 4, "EncodingUnit"));
        l.add(new Case("ObjectFlags class and instance", b -> b[8] = 0x07, Kind.BAD_VALUE, 8, "ObjectBlock"));
        l.add(new Case("ObjectFlags neither", b -> b[8] = 0x04, Kind.BAD_VALUE, 8, "ObjectBlock"));
        l.add(new Case("Encoded-String-Flag 2", b -> b[9] = 0x02, Kind.BAD_VALUE, 9, "DecServerName"));
        l.add(new Case("ClassPart EncodingLength beyond", b -> u32(b, 28, 0x7FFFFFFF), Kind.BUFSIZE, 28, "ClassPart"));
        l.add(new Case("ClassPart EncodingLength too small", b -> u32(b, 28, 20), Kind.BAD_VALUE, 28, "ClassPart"));
        l.add(new Case("ClassPart EncodingLength cuts the heap", b -> u32(b, 28, 0x100), Kind.BUFSIZE, -1, "ClassPart"));
        l.add(new Case("DerivationList EncodingLength 3", b -> u32(b, 41, 3), Kind.BAD_VALUE, 41, "DerivationList"));
        l.add(new Case("DerivationList EncodingLength beyond", b -> u32(b, 41, 0x10000), Kind.BUFSIZE, -1, "DerivationList"));
        l.add(new Case("QualifierSet EncodingLength cuts a qualifier", b -> u32(b, 55, 0x10), Kind.BUFSIZE, -1,
                "ClassQualifierSet"));
        l.add(new Case("QualifierName outside the ClassHeap", b -> u32(b, 59, 0x7FFF), Kind.INVALID_POINTER, -1,
                "ClassPart"));
        l.add(new Case("QualifierName unknown DictionaryReference", b -> u32(b, 59, 0x8000000BL), Kind.BAD_VALUE, -1,
                "ClassPart"));
        l.add(new Case("QualifierType not a CimType", b -> u32(b, 64, 0x77), Kind.BAD_VALUE, 64, "Qualifier[0]"));
        l.add(new Case("PropertyCount huge", b -> u32(b, 72, 0x10000000), Kind.ARRAY_SIZE, 72, "PropertyLookupTable"));
        l.add(new Case("PropertyCount above what remains", b -> u32(b, 72, 200), Kind.ARRAY_SIZE, 72,
                "PropertyLookupTable"));
        l.add(new Case("PropertyNameRef outside the heap", b -> u32(b, 76, 0x112), Kind.INVALID_POINTER, -1,
                "PropertyLookup[0]"));
        l.add(new Case("PropertyInfoRef is a DictionaryReference", b -> u32(b, 80, 0x80000001L), Kind.INVALID_POINTER,
                -1, "PropertyLookup[0]"));
        l.add(new Case("NdTableValueTableLength below the NdTable", b -> u32(b, 37, 0), Kind.BAD_VALUE, -1, "ClassPart"));
        l.add(new Case("HeapLength without its MSB", b -> u32(b, 125, 0x111), Kind.BAD_VALUE, 125, "ClassHeap"));
        l.add(new Case("HeapLength beyond the part", b -> u32(b, 125, 0x80000200L), Kind.BUFSIZE, 125, "ClassHeap"));
        l.add(new Case("PropertyType not a CimType", b -> u32(b, 175, 0x77), Kind.BAD_VALUE, 175, "PropertyInfo"));
        l.add(new Case("DeclarationOrder beyond PropertyCount", b -> b[179] = 9, Kind.RANGE, -1, "PropertyLookup[0]"));
        l.add(new Case("ValueTableOffset beyond the ValueTable", b -> u32(b, 181, 0x0D), Kind.RANGE, -1,
                "PropertyLookup[0]"));
        l.add(new Case("Default value reference outside the heap", b -> u32(b, 117, 0x4000), Kind.INVALID_POINTER, -1,
                "PropertyLookup[2]"));
        l.add(new Case("InstanceType EncodingLength beyond", b -> u32(b, 402, 0x4A), Kind.BUFSIZE, 402, "InstanceType"));
        l.add(new Case("InstanceType EncodingLength too small", b -> u32(b, 402, 0x20), Kind.BUFSIZE, -1, "InstanceType"));
        l.add(new Case("InstanceClassName outside the heap", b -> u32(b, 407, 0x26), Kind.INVALID_POINTER, -1,
                "InstanceType"));
        l.add(new Case("InstanceData string outside the heap", b -> u32(b, 416, 0x30), Kind.INVALID_POINTER, -1,
                "InstanceData[1]"));
        l.add(new Case("InstPropQualSetFlag 3", b -> b[432] = 3, Kind.BAD_VALUE, 432, "InstanceQualifierSet"));
        l.add(new Case("InstPropQualSetFlag 2 without the sets", b -> b[432] = 2, Kind.BUFSIZE, -1,
                "InstanceQualifierSet"));
        l.add(new Case("ArrayCount huge", b -> u32(b, 446, 0x7FFFFFFF), Kind.ARRAY_SIZE, 446, "InstanceHeap[0x9]"));
        l.add(new Case("ArrayCount beyond the heap", b -> u32(b, 446, 8), Kind.ARRAY_SIZE, 446, "InstanceHeap[0x9]"));
        l.add(new Case("String without terminator", b -> b[474] = 'x', Kind.BUFSIZE, -1, "InstanceHeap[0x19]"));
        return l;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCorruptionFailsWithItsKind(Case c) {
        byte[] bytes = Vectors.load(Vectors.MY_INSTANCE);
        EncodingUnit.decode(bytes);
        c.corrupt().accept(bytes);
        assertThatThrownBy(() -> Wmio.decode(bytes)).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(c.kind());
            if (c.offset() >= 0) {
                assertThat(e.offset()).as(e.getMessage()).isEqualTo(c.offset());
            }
            assertThat(e.path()).as(e.getMessage()).contains(c.pathPart());
        });
    }

    @Test
    void truncatedAndPaddedBuffersFail() {
        byte[] bytes = Vectors.load(Vectors.MY_INSTANCE);
        assertThatThrownBy(() -> Wmio.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUFSIZE));
        assertThatThrownBy(() -> Wmio.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREAD_BYTES));
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> Wmio.decode(cut)).isInstanceOf(ProtocolException.class);
        }
    }

    static Limits nesting(int max) {
        return new Limits(65535, 4 << 20, 1 << 20, max, 256, 65535);
    }

    /** An instance holding an instance holding ... {@code levels} embedded objects deep. */
    static CimInstance chain(int levels) {
        CimClass c = CimClass.builder("Node").property("Next", CimType.OBJECT).property("Level", CimType.SINT32).build();
        CimInstance inner = c.newInstance().set("Level", 0).build();
        for (int i = 1; i <= levels; i++) {
            inner = c.newInstance().set("Level", i).set("Next", CimValue.object(inner)).build();
        }
        return inner;
    }

    @Test
    void embeddedObjectsNestUpToTheLimit() {
        byte[] four = Wmio.encode(chain(4));
        byte[] five = Wmio.encode(chain(5));
        assertThat(Wmio.decode(four, nesting(4))).isInstanceOf(CimInstance.class);
        assertThatThrownBy(() -> Wmio.decode(five, nesting(4)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MAX_RECURSION));
        byte[] deep = Wmio.encode(chain(128));
        assertThat(Wmio.decode(deep)).isInstanceOf(CimInstance.class);
        assertThatThrownBy(() -> Wmio.decode(Wmio.encode(chain(129))))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MAX_RECURSION));
    }

    /** An instance of a one-property class whose value is an array of {@code n} references to one heap item. */
    static ObjectBlock sharing(CimType arrayType, int n, Consumer<HeapBuilder> target) {
        CimClass c = CimClass.builder("Shared").property("Items", arrayType).build();
        ClassPart cp = Wmio.classPart(c);
        HeapBuilder heap = new HeapBuilder();
        int name = heap.addString("Shared");
        int item = heap.position();
        target.accept(heap);
        int array = heap.addArray(n, 4);
        for (int i = 0; i < n; i++) {
            heap.patch(array + 4 + 4 * i, item, 4);
        }
        byte[] data = {(byte) array, (byte) (array >>> 8), (byte) (array >>> 16), (byte) (array >>> 24)};
        InstanceType it = new InstanceType(new ClassAndMethodsPart(cp, null), 0, name, Octets.of(new byte[] {(byte) 0xFC}),
                Octets.of(data), QualifierSet.EMPTY, InstancePropQualifierSet.EMPTY, heap.build(), Octets.EMPTY);
        return ObjectBlock.of(null, it);
    }

    @Test
    void manyReferencesToOneLargeStringCostOneDecode() {
        String big = "a".repeat(1_000_000);
        byte[] blob = EncodingUnit.of(sharing(CimType.STRING_ARRAY, 250_000, h -> h.addString(big))).toByteArray();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CimInstance i = (CimInstance) Wmio.decode(blob);
            assertThat(i.value(CimName.of("Items")).asList()).hasSize(250_000);
        });
    }

    @Test
    void sharedEmbeddedObjectsDoNotMultiplyTheWork() {
        ObjectBlock leaf = Wmio.toBlock(chain(0));
        ObjectBlock middle = sharing(CimType.OBJECT_ARRAY, 20_000, h -> h.addObject(leaf));
        ObjectBlock top = sharing(CimType.OBJECT_ARRAY, 20_000, h -> h.addObject(middle));
        byte[] blob = EncodingUnit.of(top).toByteArray();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CimInstance i = (CimInstance) Wmio.decode(blob);
            List<?> items = i.value(CimName.of("Items")).asList();
            assertThat(items).hasSize(20_000);
            assertThat(((CimInstance) items.get(0)).value(CimName.of("Items")).asList()).hasSize(20_000);
        });
    }

    @Test
    void manyQualifiersNamingOneLargeArrayCostOneDecode() {
        CimClass c = CimClass.builder("Q").build();
        ClassPart plain = Wmio.classPart(c);
        HeapBuilder heap = new HeapBuilder();
        int name = heap.addString("Q");
        int qname = heap.addString("Big");
        int array = heap.addArray(100_000, 4);
        List<Qualifier> qualifiers = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            qualifiers.add(new Qualifier(qname, 0, CimType.UINT32_ARRAY.code(), array));
        }
        ClassPart cp = new ClassPart(0, name, plain.derivationList(), new QualifierSet(qualifiers),
                plain.propertyLookupTable(), plain.ndTable(), plain.valueTable(), heap.build(), Octets.EMPTY);
        ObjectBlock ob = ObjectBlock.of(null, new org.jwmi.wmio.block.ClassType(
                new ClassAndMethodsPart(ClassPart.NO_CLASS, org.jwmi.wmio.block.MethodsPart.EMPTY),
                new ClassAndMethodsPart(cp, org.jwmi.wmio.block.MethodsPart.EMPTY)));
        byte[] blob = EncodingUnit.of(ob).toByteArray();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> Wmio.decode(blob))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_VALUE);
                    assertThat(e.getMessage()).contains("Big");
                }));
    }

    @Test
    void modelLevelFailuresAreProtocolExceptions() {
        CimObject ok = Wmio.decode(Vectors.load(Vectors.MY_INSTANCE));
        assertThat(ok).isNotNull();
        CimClass c = CimClass.builder("T").property("When", CimType.DATETIME).build();
        byte[] bytes = Wmio.encode(c.newInstance().set("When", "20240101000000.000000+000").build());
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("20240101000000");
        bytes[at] = 'X';
        assertThatThrownBy(() -> Wmio.decode(bytes)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.BAD_VALUE));
    }
}
