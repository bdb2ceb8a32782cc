package org.jwmi.wmio.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.53 InstanceType: an instance, preceded by its class's ClassPart (without methods).
 *
 * <pre>
 * InstanceType = CurrentClass EncodingLength InstanceFlags InstanceClassName NdTable InstanceData
 *                InstanceQualifierSet InstanceHeap
 * InstanceQualifierSet = QualifierSet InstancePropQualifierSet
 * </pre>
 *
 * <p>EncodingLength (the length of everything after CurrentClass, itself included) is computed when encoding;
 * octets it covers beyond the InstanceHeap are kept in {@link #unusedOctets}. The sizes of the NdTable and of
 * InstanceData come from the class: its PropertyCount and NdTableValueTableLength ([MS-WMIO] 2.2.26, 2.2.29).
 *
 * @param currentClass             [MS-WMIO] 2.2.13, without MethodsPart
 * @param instanceFlags            [MS-WMIO] 2.2.54, zero when Windows sends it; kept as received
 * @param instanceClassName        [MS-WMIO] 2.2.55 HeapStringRef into the InstanceHeap
 * @param ndTable                  [MS-WMIO] 2.2.26 of the instance: NULL and not-set ("default") bits
 * @param instanceData             [MS-WMIO] 2.2.56 the instance's ValueTable, laid out as the class's
 * @param instanceQualifierSet     [MS-WMIO] 2.2.57 qualifiers of the instance as a whole
 * @param instancePropQualifierSet [MS-WMIO] 2.2.65
 * @param instanceHeap             [MS-WMIO] 2.2.58
 * @param unusedOctets             octets after the InstanceHeap that EncodingLength still covers
 */
public record InstanceType(ClassAndMethodsPart currentClass, int instanceFlags, int instanceClassName,
                           Octets ndTable, Octets instanceData, QualifierSet instanceQualifierSet,
                           InstancePropQualifierSet instancePropQualifierSet, Heap instanceHeap,
                           Octets unusedOctets) implements Encoding {

    public InstanceType {
        Objects.requireNonNull(currentClass, "currentClass");
        Objects.requireNonNull(instanceQualifierSet, "instanceQualifierSet");
        Objects.requireNonNull(instancePropQualifierSet, "instancePropQualifierSet");
        Objects.requireNonNull(instanceHeap, "instanceHeap");
        Objects.requireNonNull(unusedOctets, "unusedOctets");
        if (currentClass.methodsPart() != null) {
            throw new IllegalArgumentException("the CurrentClass of an instance has no MethodsPart");
        }
        if ((instanceFlags & ~0xFF) != 0) {
            throw new IllegalArgumentException("InstanceFlags is one octet");
        }
        ClassPart cp = currentClass.classPart();
        int count = cp.propertyLookupTable().propertyCount();
        if (ndTable.length() != NdTable.length(count)
                || ndTable.length() + instanceData.length() != cp.ndTableValueTableLength()) {
            throw new IllegalArgumentException("NdTable and InstanceData must have the class's layout ("
                    + cp.ndTableValueTableLength() + " octets for " + count + " properties)");
        }
        if (instancePropQualifierSet.instPropQualSetFlag() == InstancePropQualifierSet.PRESENT
                && instancePropQualifierSet.qualifierSets().size() != count) {
            throw new IllegalArgumentException("InstancePropQualifierSet needs one QualifierSet per property");
        }
    }

    /** The instance's EncodingLength: everything after CurrentClass. */
    public int instanceEncodingLength() {
        return 9 + ndTable.length() + instanceData.length() + instanceQualifierSet.encodedLength()
                + instancePropQualifierSet.encodedLength() + instanceHeap.encodedLength() + unusedOctets.length();
    }

    @Override
    public int encodedLength() {
        return currentClass.encodedLength() + instanceEncodingLength();
    }

    @Override
    public void encode(WireWriter w) {
        currentClass.encode(w);
        encodeWithoutClass(w);
    }

    /** Everything after CurrentClass (the part EncodingUnitInstanceNoClass carries). */
    public void encodeWithoutClass(WireWriter w) {
        w.i32(instanceEncodingLength());
        w.u8(instanceFlags);
        w.i32(instanceClassName);
        ndTable.writeTo(w);
        instanceData.writeTo(w);
        instanceQualifierSet.encode(w);
        instancePropQualifierSet.encode(w);
        instanceHeap.encode(w);
        unusedOctets.writeTo(w);
    }

    /** The instance's class name as named by InstanceClassName. */
    public String className() {
        return instanceHeap.string(instanceClassName);
    }

    static InstanceType decode(BlockDecoder d) {
        d.enter("InstanceType");
        ClassAndMethodsPart current = ClassAndMethodsPart.decode(d, "CurrentClass", false);
        InstanceType it = decodeWithoutClass(d, current);
        d.exit();
        return it;
    }

    /** Reads the fields after CurrentClass, using {@code current} for the layout. */
    static InstanceType decodeWithoutClass(BlockDecoder d, ClassAndMethodsPart current) {
        ClassPart cp = current.classPart();
        int count = cp.propertyLookupTable().propertyCount();
        int ndLength = NdTable.length(count);
        int start = d.position();
        long encodingLength = d.length("InstanceType EncodingLength", 4, 18);
        int outer = d.limit(start + encodingLength);
        int flags = d.u8();
        int className = d.u32();
        d.enter("NdTable");
        Octets nd = d.octets(ndLength);
        d.exit();
        d.enter("InstanceData");
        Octets data = d.octets(cp.ndTableValueTableLength() - ndLength);
        d.exit();
        d.enter("InstanceQualifierSet");
        QualifierSet qualifiers = QualifierSet.decode(d);
        int flag = d.u8();
        List<QualifierSet> propertySets;
        if (flag == InstancePropQualifierSet.NONE) {
            propertySets = List.of();
        } else if (flag == InstancePropQualifierSet.PRESENT) {
            int n = d.count("property QualifierSets", count, 4);
            propertySets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                d.enter("PropertyQualifierSet", i);
                propertySets.add(QualifierSet.decode(d));
                d.exit();
            }
        } else {
            d.back(1);
            throw d.fail(ProtocolException.Kind.BAD_VALUE, "InstPropQualSetFlag " + flag + " is neither 1 nor 2");
        }
        d.exit();
        d.enter("InstanceHeap");
        int heapBase = d.position() + 4;
        Heap heap = Heap.decode(d);
        d.exit();
        Octets unused = d.octets(d.room());
        InstanceType it = new InstanceType(current, flags, className, nd, data, qualifiers,
                new InstancePropQualifierSet(flag, propertySets), heap, unused);
        it.resolve(new HeapCursor(d, heapBase, heap.length(), heap, "InstanceHeap"));
        d.restore(outer);
        return it;
    }

    /** Resolves the class name, the qualifiers and every property value the instance sets, in its heap. */
    private void resolve(HeapCursor h) {
        BlockDecoder d = h.decoder();
        h.string(instanceClassName, true);
        h.qualifiers(instanceQualifierSet);
        for (QualifierSet q : instancePropQualifierSet.qualifierSets()) {
            h.qualifiers(q);
        }
        ClassPart cp = currentClass.classPart();
        List<PropertyLookup> lookups = cp.propertyLookupTable().propertyLookups();
        for (int i = 0; i < lookups.size(); i++) {
            d.enter("InstanceData", i);
            PropertyInfo info = cp.classHeap().propertyInfo(lookups.get(i).propertyInfoRef());
            ClassPart.checkSlot(d, info, lookups.size(), instanceData);
            if (NdTable.bits(ndTable, info.declarationOrder()) == 0) {
                int size = CimTypeCode.valueSize(info.cimType());
                h.value(info.cimType(), Values.readRaw(instanceData, info.valueTableOffset(), size));
            }
            d.exit();
        }
    }
}
