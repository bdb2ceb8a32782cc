package org.jwmi.wmio.block;

import java.util.Objects;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.15 ClassPart: the properties of a class and the heap they live in.
 *
 * <pre>
 * ClassPart   = ClassHeader DerivationList ClassQualifierSet PropertyLookupTable [NdTable ValueTable] ClassHeap
 * ClassHeader = EncodingLength ReservedOctet ClassNameRef NdTableValueTableLength
 * </pre>
 *
 * <p>The ClassHeader's EncodingLength and NdTableValueTableLength ([MS-WMIO] 2.2.16, 2.2.28) are computed when
 * encoding. EncodingLength may be larger than the fields it covers: Windows sends {@code __PARAMETERS} classes
 * with hundreds of octets after the ClassHeap (the 3.2 example and Win32_Process do); those octets are kept in
 * {@link #unusedOctets} so the part is sent back as received.
 *
 * @param reservedOctet      [MS-WMIO] 2.2.76, zero when Windows sends it; kept as received
 * @param classNameRef       [MS-WMIO] 2.2.19 HeapStringRef into the ClassHeap; NULL in the ParentClass of a class
 *                           that has no superclass
 * @param derivationList     [MS-WMIO] 2.2.17
 * @param classQualifierSet  [MS-WMIO] 2.2.20
 * @param propertyLookupTable [MS-WMIO] 2.2.21
 * @param ndTable            [MS-WMIO] 2.2.26, {@link NdTable#length} octets (none without properties)
 * @param valueTable         [MS-WMIO] 2.2.29 default values, verbatim
 * @param classHeap          [MS-WMIO] 2.2.37
 * @param unusedOctets       octets between the end of the ClassHeap and the end given by EncodingLength
 */
public record ClassPart(int reservedOctet, int classNameRef, DerivationList derivationList,
                        QualifierSet classQualifierSet, PropertyLookupTable propertyLookupTable, Octets ndTable,
                        Octets valueTable, Heap classHeap, Octets unusedOctets) {

    /** ClassHeader (13) + empty DerivationList, QualifierSet, PropertyLookupTable (4 each) + HeapLength (4). */
    static final int MINIMUM_LENGTH = 29;

    public ClassPart {
        Objects.requireNonNull(derivationList, "derivationList");
        Objects.requireNonNull(classQualifierSet, "classQualifierSet");
        Objects.requireNonNull(propertyLookupTable, "propertyLookupTable");
        Objects.requireNonNull(valueTable, "valueTable");
        Objects.requireNonNull(classHeap, "classHeap");
        Objects.requireNonNull(unusedOctets, "unusedOctets");
        if (ndTable.length() != NdTable.length(propertyLookupTable.propertyCount())) {
            throw new IllegalArgumentException("NdTable must have " + NdTable.length(propertyLookupTable.propertyCount())
                    + " octets for " + propertyLookupTable.propertyCount() + " properties");
        }
        if ((reservedOctet & ~0xFF) != 0) {
            throw new IllegalArgumentException("ReservedOctet is one octet");
        }
    }

    /**
     * The ParentClass of a class without a superclass ([MS-WMIO] 2.2.11): NULL name, empty derivation list, no
     * qualifiers, no properties, empty heap.
     */
    public static final ClassPart NO_CLASS = new ClassPart(0, HeapRef.NULL, DerivationList.EMPTY, QualifierSet.EMPTY,
            PropertyLookupTable.EMPTY, Octets.EMPTY, Octets.EMPTY, Heap.EMPTY, Octets.EMPTY);

    /** NdTableValueTableLength ([MS-WMIO] 2.2.28). */
    public int ndTableValueTableLength() {
        return ndTable.length() + valueTable.length();
    }

    /** The ClassHeader's EncodingLength: the whole part. */
    public int encodedLength() {
        return 13 + derivationList.encodedLength() + classQualifierSet.encodedLength()
                + propertyLookupTable.encodedLength() + ndTable.length() + valueTable.length()
                + classHeap.encodedLength() + unusedOctets.length();
    }

    /** The class name (null for {@link #NO_CLASS}). */
    public String className() {
        return classHeap.string(classNameRef);
    }

    public void encode(WireWriter w) {
        w.i32(encodedLength());
        w.u8(reservedOctet);
        w.i32(classNameRef);
        w.i32(ndTableValueTableLength());
        derivationList.encode(w);
        classQualifierSet.encode(w);
        propertyLookupTable.encode(w);
        ndTable.writeTo(w);
        valueTable.writeTo(w);
        classHeap.encode(w);
        unusedOctets.writeTo(w);
    }

    static ClassPart decode(BlockDecoder d) {
        d.enter("ClassPart");
        int start = d.position();
        int absoluteStart = d.absolutePosition();
        long encodingLength = d.length("ClassPart EncodingLength", 4, MINIMUM_LENGTH);
        int outer = d.limit(start + encodingLength);
        ClassPartCache cache = d.classPartCache();
        ClassPartCache.Key key = null;
        if (cache != null && cache.accepts(encodingLength)) {
            key = ClassPartCache.key(d.r.array(), absoluteStart, (int) encodingLength, d.limits);
            ClassPart known = cache.lookup(key);
            if (known != null) {
                d.jump(start + (int) encodingLength, outer);
                d.exit();
                return known;
            }
        }
        d.enter("ClassHeader");
        int reserved = d.u8();
        int classNameRef = d.u32();
        long ndValueLength = d.u32() & 0xFFFFFFFFL;
        d.exit();
        DerivationList derivation = DerivationList.decode(d);
        d.enter("ClassQualifierSet");
        QualifierSet qualifiers = QualifierSet.decode(d);
        d.exit();
        PropertyLookupTable lookups = PropertyLookupTable.decode(d);
        int ndLength = NdTable.length(lookups.propertyCount());
        if (ndValueLength < ndLength) {
            throw d.fail(ProtocolException.Kind.BAD_VALUE, "NdTableValueTableLength " + ndValueLength
                    + " is shorter than the " + ndLength + "-octet NdTable");
        }
        d.enter("NdTable");
        Octets nd = d.octets(ndLength);
        d.exit();
        d.enter("ValueTable");
        Octets values = d.octets(ndValueLength - ndLength);
        d.exit();
        d.enter("ClassHeap");
        int heapBase = d.position() + 4;
        Heap heap = Heap.decode(d);
        d.exit();
        Octets unused = d.octets(d.room());
        ClassPart part = new ClassPart(reserved, classNameRef, derivation, qualifiers, lookups, nd, values, heap,
                unused);
        part.resolve(new HeapCursor(d, heapBase, heap.length(), heap, "ClassHeap"));
        d.restore(outer);
        d.exit();
        if (key != null) {
            cache.store(key, part);
        }
        return part;
    }

    /** Resolves every reference of the part in its heap (names, qualifiers, property infos, default values). */
    private void resolve(HeapCursor h) {
        BlockDecoder d = h.decoder();
        h.string(classNameRef, true);
        h.qualifiers(classQualifierSet);
        int count = propertyLookupTable.propertyCount();
        for (int i = 0; i < count; i++) {
            PropertyLookup lookup = propertyLookupTable.propertyLookups().get(i);
            d.enter("PropertyLookup", i);
            h.string(lookup.propertyNameRef(), false);
            PropertyInfo info = h.propertyInfo(lookup.propertyInfoRef());
            checkSlot(d, info, count, valueTable);
            if ((NdTable.bits(ndTable, info.declarationOrder()) & NdTable.NULL) == 0) {
                int size = CimTypeCode.valueSize(info.cimType());
                h.value(info.cimType(), Values.readRaw(valueTable, info.valueTableOffset(), size));
            }
            d.exit();
        }
    }

    /** Checks that a property's NdTable index and ValueTable slot exist. */
    static void checkSlot(BlockDecoder d, PropertyInfo info, int count, Octets valueTable) {
        if (info.declarationOrder() >= count) {
            throw d.fail(ProtocolException.Kind.RANGE, "DeclarationOrder " + info.declarationOrder()
                    + " is not below PropertyCount " + count);
        }
        long end = (info.valueTableOffset() & 0xFFFFFFFFL) + CimTypeCode.valueSize(info.cimType());
        if (end > valueTable.length()) {
            throw d.fail(ProtocolException.Kind.RANGE, "ValueTableOffset " + (info.valueTableOffset() & 0xFFFFFFFFL)
                    + " puts the value outside the " + valueTable.length() + "-octet ValueTable");
        }
    }
}
