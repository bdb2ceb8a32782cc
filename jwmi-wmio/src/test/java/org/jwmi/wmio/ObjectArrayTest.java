package org.jwmi.wmio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimType;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.objectarray.ClassIdTable;
import org.jwmi.wmio.objectarray.ObjectArray;
import org.jwmi.wmio.objectarray.WbemObjectClass;
import org.jwmi.wmio.objectarray.WbemObjectInstance;
import org.jwmi.wmio.objectarray.WbemObjectInstanceNoClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** [MS-WMI] 2.2.14 ObjectArray packing and unpacking. */
class ObjectArrayTest {

    static Supplier<UUID> ids() {
        long[] n = {0};
        return () -> new UUID(0x1111222233334444L, ++n[0]);
    }

    static CimClass disk() {
        return CimClass.builder("Disk").property("Name", CimType.STRING, p -> p.key())
                .property("Size", CimType.UINT64).origin("SRV", "root\\cimv2").build();
    }

    static CimClass volume() {
        return CimClass.builder("Volume").property("Letter", CimType.CHAR16, p -> p.key()).build();
    }

    static List<CimObject> objects() {
        List<CimObject> l = new ArrayList<>();
        l.add(disk());
        for (int i = 0; i < 3; i++) {
            l.add(disk().newInstance().set("Name", "disk" + i).set("Size", 1000L * i).origin("SRV", "root\\cimv2").build());
        }
        l.add(volume().newInstance().set("Letter", 'C').build());
        l.add(disk().newInstance().set("Name", "disk9").build());
        l.add(volume().newInstance().set("Letter", 'D').build());
        return l;
    }

    @Test
    void encodingUnitsFromTheLayoutCacheAreThoseOfWmioEncode() {
        ObjectArrayWriter w = new ObjectArrayWriter(ids());
        for (int round = 0; round < 2; round++) {
            for (CimObject o : objects()) {
                assertThat(w.encodingUnit(o)).isEqualTo(Wmio.encode(o));
            }
        }
    }

    @Test
    void classesAreSentOnceAndInstancesBorrowThem() {
        byte[] bytes = new ObjectArrayWriter(ids()).write(ObjectArray.PACKET_SMART_ENUM, objects());
        ObjectArray array = ObjectArray.decode(bytes, new ClassIdTable(), Limits.DEFAULT);
        assertThat(array.bPacketType()).isEqualTo(1);
        assertThat(array.wbemObjects()).extracting(p -> (Object) p.object().getClass()).containsExactly(
                WbemObjectClass.class, WbemObjectInstance.class, WbemObjectInstanceNoClass.class,
                WbemObjectInstanceNoClass.class, WbemObjectInstance.class, WbemObjectInstanceNoClass.class,
                WbemObjectInstanceNoClass.class);
        assertThat(((WbemObjectInstance) array.wbemObjects().get(1).object()).classId())
                .isEqualTo(new UUID(0x1111222233334444L, 1));
        assertThat(((WbemObjectInstanceNoClass) array.wbemObjects().get(6).object()).classId())
                .isEqualTo(new UUID(0x1111222233334444L, 2));
        assertThat(array.toByteArray()).isEqualTo(bytes);

        List<CimObject> back = new ObjectArrayReader(Limits.DEFAULT).read(bytes);
        List<CimObject> direct = new ArrayList<>();
        for (CimObject o : objects()) {
            direct.add(Wmio.decode(Wmio.encode(o)));
        }
        assertThat(back).isEqualTo(direct);
    }

    @Test
    void headerLayout() {
        byte[] bytes = new ObjectArrayWriter(ids()).write(ObjectArray.PACKET_INDICATE, List.of());
        assertThat(Hex.encode(bytes)).isEqualTo("00000000" + "5742454d44415441" + "1a000000" + "14000000"
                + "00000000" + "01" + "00" + "08000000" + "0c000000" + "0c000000" + "00000000" + "00000000");
    }

    @Test
    void aReaderKeepsClassIdsAcrossCallsAndAWriterAcrossPacks() {
        ObjectArrayWriter writer = new ObjectArrayWriter(ids());
        List<CimObject> all = objects();
        byte[] first = writer.write(1, all.subList(0, 3));
        byte[] second = writer.write(1, all.subList(3, all.size()));
        ObjectArrayReader reader = new ObjectArrayReader(Limits.DEFAULT);
        assertThat(reader.read(first)).hasSize(3);
        assertThat(reader.read(second)).hasSize(4);
        assertThatThrownBy(() -> new ObjectArrayReader(Limits.DEFAULT).read(second))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProtocolException.Kind.BAD_VALUE);
                    assertThat(e.getMessage()).contains("names no class sent earlier");
                });
    }

    @Test
    void theClassIdTableIsBounded() {
        ObjectArrayWriter writer = new ObjectArrayWriter(ids());
        byte[] bytes = writer.write(1, List.of(disk().newInstance().set("Name", "a").build(),
                volume().newInstance().set("Letter", 'x').build()));
        assertThatThrownBy(() -> new ObjectArrayReader(new ClassIdTable(1), Limits.DEFAULT).read(bytes))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.ARRAY_SIZE));
    }

    static List<Object[]> corruptions() {
        List<Object[]> l = new ArrayList<>();
        l.add(new Object[] {"dwByteOrdering", 0, 1, ProtocolException.Kind.UNSUPPORTED});
        l.add(new Object[] {"abSignature", 4, 0x20, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"dwSizeOfHeader1", 12, 0x01, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"dwDataSize1", 16, 0x01, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"bVersion", 24, 0x03, ProtocolException.Kind.UNSUPPORTED});
        l.add(new Object[] {"dwSizeOfHeader2", 26, 0x01, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"dwDataSize2", 30, 0x10, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"dwSizeOfHeader3", 34, 0x01, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"dwDataSize3", 38, 0x10, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"dwNumObjects", 42, 0x70, ProtocolException.Kind.ARRAY_SIZE});
        l.add(new Object[] {"WBEM_DATAPACKET_OBJECT.dwSizeOfHeader", 46, 0x01, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"WBEM_DATAPACKET_OBJECT.dwSizeOfData", 50, 0x01, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"bObjectType", 54, 0x05, ProtocolException.Kind.BAD_SWITCH});
        l.add(new Object[] {"WBEMOBJECT_CLASS.dwSizeOfHeader", 55, 0x10, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"WBEMOBJECT_CLASS.dwSizeOfData", 59, 0x40, ProtocolException.Kind.BAD_VALUE});
        l.add(new Object[] {"bObjectType class->instance", 54, 0x03, ProtocolException.Kind.BAD_VALUE});
        return l;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void corruptHeadersAreRejected(String field, int offset, int mask, ProtocolException.Kind kind) {
        byte[] bytes = new ObjectArrayWriter(ids()).write(1, objects());
        bytes[offset] ^= (byte) mask;
        assertThatThrownBy(() -> new ObjectArrayReader(Limits.DEFAULT).read(bytes))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
    }

    @Test
    void generatedInstancesPackAndUnpack() {
        Random r = new Random(42);
        for (int round = 0; round < 30; round++) {
            ModelGen g = new ModelGen(r);
            List<CimObject> objs = new ArrayList<>();
            CimClass a = g.cimClass();
            CimClass b = g.cimClass();
            for (int i = 0; i < 6; i++) {
                objs.add(g.instance(i % 3 == 2 ? b : a, 0));
            }
            objs.add(a);
            byte[] bytes = new ObjectArrayWriter(ids()).write(1, objs);
            List<CimObject> back = new ObjectArrayReader(Limits.DEFAULT).read(bytes);
            for (int i = 0; i < objs.size(); i++) {
                assertThat(back.get(i)).isEqualTo(Wmio.decode(Wmio.encode(objs.get(i))));
            }
            assertThat(ObjectArray.decode(bytes, new ClassIdTable(), Limits.DEFAULT).toByteArray()).isEqualTo(bytes);
        }
    }

}
