package org.jwmi.wmio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierSet;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.block.ClassAndMethodsPart;
import org.jwmi.wmio.block.ClassPart;
import org.jwmi.wmio.block.ClassPartCache;
import org.jwmi.wmio.block.ClassType;
import org.jwmi.wmio.block.CimTypeCode;
import org.jwmi.wmio.block.Decoration;
import org.jwmi.wmio.block.Heap;
import org.jwmi.wmio.block.HeapRef;
import org.jwmi.wmio.block.InstancePropQualifierSet;
import org.jwmi.wmio.block.InstanceType;
import org.jwmi.wmio.block.MethodDescription;
import org.jwmi.wmio.block.MethodSignatureBlock;
import org.jwmi.wmio.block.MethodsPart;
import org.jwmi.wmio.block.NdTable;
import org.jwmi.wmio.block.ObjectBlock;
import org.jwmi.wmio.block.Octets;
import org.jwmi.wmio.block.PropertyInfo;
import org.jwmi.wmio.block.PropertyLookup;
import org.jwmi.wmio.block.Qualifier;
import org.jwmi.wmio.block.QualifierSet;

/**
 * From decoded blocks to the CIM model ({@link CimClass}, {@link CimInstance}).
 *
 * <ul>
 *   <li>A ClassType gives the CurrentClass as a {@link CimClass} whose {@link CimClass#parentClass()} is the
 *       ParentClass (itself without parent; null when the ParentClass is the empty one of [MS-WMIO] 2.2.11).</li>
 *   <li>Properties are listed in DeclarationOrder. ClassOfOrigin and MethodOrigin index the hierarchy from its root
 *       (0 = the last DerivationList entry, DerivationList length = the class itself), as Windows and the spec's
 *       examples do.</li>
 *   <li>Class NdTable: bit 0 = no default (NULL), bit 1 = default inherited. Instance NdTable: bit 1 = not set
 *       (takes the class default), else bit 0 = explicitly NULL, else the InstanceData value.</li>
 *   <li>The class of a reference or embedded object property comes from its CIMTYPE qualifier.</li>
 *   <li>Methods: the CurrentClass of each MethodSignatureBlock becomes the in/out {@code __PARAMETERS} class; an
 *       empty block or a NULL reference means no parameters.</li>
 * </ul>
 *
 * <p>Content the model rejects (an unparseable datetime, a NULL array element, duplicate names, an origin outside
 * the hierarchy) fails with {@link ProtocolException} of kind BAD_VALUE, as malformed encodings do.
 */
final class CimMapping {
    /**
     * Embedded objects already mapped in this decoding, by identity: the decoder remembers heap items by offset,
     * so an object referenced many times (which the spec forbids but a peer may send) is mapped once, and nested
     * repetition cannot multiply the work.
     */
    private final Map<ObjectBlock, CimObject> mapped = new IdentityHashMap<>();
    /** Qualifier sets already mapped, by identity (a PropertyInfo may be shared by many PropertyLookups). */
    private final Map<QualifierSet, CimQualifierSet> qualifierSets = new IdentityHashMap<>();
    /** Arrays already mapped, per heap by type and offset (many qualifiers may name one array). */
    private final Map<Heap, Map<Long, CimValue>> arrays = new IdentityHashMap<>();

    /** Where the class of the outermost object, an instance, is looked up and remembered; null for none. */
    private final ClassPartCache cache;

    private CimMapping(ClassPartCache cache) {
        this.cache = cache;
    }

    /** {@link #toCim(ObjectBlock, ClassPartCache)} without a cache. */
    static CimObject toCim(ObjectBlock ob) {
        return toCim(ob, null);
    }

    /**
     * The CIM object {@code ob} carries. The class of an instance is taken from {@code cache} when its ClassPart is
     * one the cache holds, and remembered there otherwise (null: no cache).
     */
    static CimObject toCim(ObjectBlock ob, ClassPartCache cache) {
        try {
            return new CimMapping(cache).object(ob);
        } catch (CimException | IllegalArgumentException e) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 0, "ObjectBlock",
                    "the object does not form a valid CIM object: " + e.getMessage());
        }
    }

    static CimClass cimClass(ClassAndMethodsPart camp, CimClass parent) {
        return new CimMapping(null).mapClass(camp, parent);
    }

    /**
     * The class of instances whose CurrentClass has ClassPart {@code cp}, taken from {@code cache} when it holds
     * {@code cp} and remembered there (null: no cache).
     */
    static InstanceClass instanceClass(ClassPart cp, ClassPartCache cache) {
        return cache == null ? newInstanceClass(cp) : cache.derived(cp, InstanceClass.class, CimMapping::newInstanceClass);
    }

    private static InstanceClass newInstanceClass(ClassPart cp) {
        CimClass c = new CimMapping(null).mapClass(new ClassAndMethodsPart(cp, null), null);
        Slot[] slots = slots(cp).toArray(new Slot[0]);
        CimType[] types = new CimType[slots.length];
        for (int k = 0; k < slots.length; k++) {
            types[k] = CimType.fromCode(slots[k].info().cimType());
        }
        return new InstanceClass(c, slots, types);
    }

    /** The instance {@code it}, whose class {@code c} is {@code ic}'s class or that class with an origin. */
    static CimInstance instance(InstanceType it, CimClass c, InstanceClass ic) {
        return new CimMapping(null).mapInstance(it, c, ic);
    }

    private CimObject embedded(ObjectBlock ob) {
        CimObject o = mapped.get(ob);
        if (o == null) {
            o = object(ob);
            mapped.put(ob, o);
        }
        return o;
    }

    private CimObject object(ObjectBlock ob) {
        Decoration dec = ob.decoration();
        String server = dec == null ? null : dec.decServerName().value();
        String namespace = dec == null ? null : dec.decNamespaceName().value();
        if (ob.encoding() instanceof ClassType ct) {
            ClassPart parentPart = ct.parentClass().classPart();
            CimClass parent = parentPart.classNameRef() == HeapRef.NULL ? null : mapClass(ct.parentClass(), null);
            CimClass c = mapClass(ct.currentClass(), parent);
            return dec == null ? c : c.withOrigin(server, namespace);
        }
        InstanceType it = (InstanceType) ob.encoding();
        InstanceClass ic = instanceClass(it.currentClass().classPart(), cache);
        CimClass c = ic.cimClass();
        if (dec != null) {
            c = c.withOrigin(server, namespace);
        }
        CimInstance i = mapInstance(it, c, ic);
        return dec == null ? i : i.withOrigin(server, namespace);
    }

    /** The classes of the hierarchy from the root: index k is what ClassOfOrigin k names. */
    private static List<CimName> chain(List<CimName> derivation, CimName self) {
        List<CimName> chain = new ArrayList<>(derivation);
        Collections.reverse(chain);
        chain.add(self);
        return chain;
    }

    private static CimName origin(List<CimName> chain, int index, String what) {
        if (index < 0 || index >= chain.size()) {
            throw new IllegalArgumentException(what + " origin " + index + " is outside the " + chain.size()
                    + "-class hierarchy");
        }
        return chain.get(index);
    }

    /** A property of a ClassPart with its PropertyInfo, in DeclarationOrder. */
    record Slot(String name, PropertyInfo info) {
    }

    /**
     * The class of an instance (its CurrentClass: no methods, no parent, no origin) and its properties in
     * DeclarationOrder, the order of {@link CimClass#properties()}: all that mapping an instance of it needs.
     */
    record InstanceClass(CimClass cimClass, Slot[] slots, CimType[] types) {
    }

    static List<Slot> slots(ClassPart cp) {
        Heap h = cp.classHeap();
        List<Slot> slots = new ArrayList<>();
        for (PropertyLookup l : cp.propertyLookupTable().propertyLookups()) {
            slots.add(new Slot(h.string(l.propertyNameRef()), h.propertyInfo(l.propertyInfoRef())));
        }
        slots.sort(Comparator.comparingInt(s -> s.info().declarationOrder()));
        return slots;
    }

    private CimClass mapClass(ClassAndMethodsPart camp, CimClass parent) {
        ClassPart cp = camp.classPart();
        Heap h = cp.classHeap();
        String nameText = h.string(cp.classNameRef());
        if (nameText == null) {
            throw new IllegalArgumentException("the class has no name (ClassNameRef is NULL)");
        }
        CimName name = CimName.of(nameText);
        List<CimName> derivation = new ArrayList<>();
        for (String s : cp.derivationList().names()) {
            derivation.add(CimName.of(s));
        }
        List<CimName> chain = chain(derivation, name);
        List<CimProperty> properties = new ArrayList<>();
        for (Slot s : slots(cp)) {
            PropertyInfo info = s.info();
            CimType type = CimType.fromCode(info.cimType());
            CimQualifierSet qualifiers = qualifiers(info.propertyQualifierSet(), h);
            CimName typeClass = null;
            if (type.baseType() == CimType.REFERENCE || type.baseType() == CimType.OBJECT) {
                CimValue cimtype = qualifiers.value(CimQualifier.CIMTYPE.text());
                if (cimtype != null && cimtype.type() == CimType.STRING && !cimtype.isNull()) {
                    typeClass = CimProperty.typeClassFromCimtype(cimtype.asString());
                }
            }
            int bits = NdTable.bits(cp.ndTable(), info.declarationOrder());
            CimValue dflt = (bits & NdTable.NULL) != 0 ? CimValue.nullOf(type)
                    : value(type, raw(cp.valueTable(), info), h);
            properties.add(new CimProperty(CimName.of(s.name()), type, typeClass, qualifiers,
                    origin(chain, info.classOfOrigin(), "property " + s.name()), dflt, (bits & NdTable.DEFAULT) != 0));
        }
        List<CimMethod> methods = new ArrayList<>();
        MethodsPart mp = camp.methodsPart();
        if (mp != null) {
            Heap mh = mp.methodHeap();
            for (MethodDescription m : mp.methodDescriptions()) {
                String mname = mh.string(m.methodName());
                CimQualifierSet mq = m.methodQualifiers() == HeapRef.NULL ? CimQualifierSet.EMPTY
                        : qualifiers(mh.qualifierSet(m.methodQualifiers()), mh);
                methods.add(new CimMethod(CimName.of(mname), mq, parameters(mh, m.inputSignature()),
                        parameters(mh, m.outputSignature()), origin(chain, m.methodOrigin(), "method " + mname)));
            }
        }
        return CimClass.of(name, derivation, qualifiers(cp.classQualifierSet(), h), properties, methods, parent);
    }

    private CimClass parameters(Heap methodHeap, int ref) {
        if (ref == HeapRef.NULL) {
            return null;
        }
        MethodSignatureBlock msb = methodHeap.methodSignatureBlock(ref);
        if (msb.objectBlock() == null) {
            return null;
        }
        if (!(msb.objectBlock().encoding() instanceof ClassType ct)) {
            throw new IllegalArgumentException("a method signature must be a class");
        }
        CimClass c = mapClass(ct.currentClass(), null);
        Decoration dec = msb.objectBlock().decoration();
        return dec == null ? c : c.withOrigin(dec.decServerName().value(), dec.decNamespaceName().value());
    }

    /** The instance {@code it} of class {@code c}, whose properties are {@code ic}'s slots (in the same order). */
    private CimInstance mapInstance(InstanceType it, CimClass c, InstanceClass ic) {
        ClassPart cp = it.currentClass().classPart();
        Heap ih = it.instanceHeap();
        CimInstance.Builder b = CimInstance.builder(c);
        List<CimProperty> properties = c.properties();
        Slot[] slots = ic.slots();
        for (int k = 0; k < slots.length; k++) {
            Slot s = slots[k];
            PropertyInfo info = s.info();
            int bits = NdTable.bits(it.ndTable(), info.declarationOrder());
            if ((bits & NdTable.DEFAULT) != 0) {
                continue;
            }
            CimType type = ic.types()[k];
            CimValue v = (bits & NdTable.NULL) != 0 ? CimValue.nullOf(type) : value(type, raw(it.instanceData(), info), ih);
            if (k < properties.size() && properties.get(k).name().text().equals(s.name())) {
                b.setAt(k, v);
            } else {
                b.set(CimName.of(s.name()), v);
            }
        }
        b.qualifiers(qualifiers(it.instanceQualifierSet(), ih));
        InstancePropQualifierSet ipq = it.instancePropQualifierSet();
        List<PropertyLookup> lookups = cp.propertyLookupTable().propertyLookups();
        for (int i = 0; i < ipq.qualifierSets().size(); i++) {
            CimQualifierSet qs = qualifiers(ipq.qualifierSets().get(i), ih);
            b.propertyQualifiers(CimName.of(cp.classHeap().string(lookups.get(i).propertyNameRef())), qs);
        }
        return b.build();
    }

    private static long raw(Octets table, PropertyInfo info) {
        int size = CimTypeCode.valueSize(info.cimType());
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | table.get(info.valueTableOffset() + i);
        }
        return v;
    }

    private CimQualifierSet qualifiers(QualifierSet set, Heap h) {
        if (set.qualifiers().isEmpty()) {
            return CimQualifierSet.EMPTY;
        }
        CimQualifierSet done = qualifierSets.get(set);
        if (done != null) {
            return done;
        }
        List<CimQualifier> list = new ArrayList<>(set.qualifiers().size());
        for (Qualifier q : set.qualifiers()) {
            CimType type = CimType.fromCode(q.qualifierType());
            list.add(new CimQualifier(CimName.of(h.string(q.qualifierName())), value(type, q.qualifierValue(), h),
                    QualifierFlavor.of(q.qualifierFlavor())));
        }
        CimQualifierSet result = CimQualifierSet.of(list);
        qualifierSets.put(set, result);
        return result;
    }

    /** An EncodedValue of {@code type} whose raw bits are {@code raw}, heap items taken from {@code h}. */
    private CimValue value(CimType type, long raw, Heap h) {
        if (type.isArray()) {
            int ref = (int) raw;
            if (ref == HeapRef.NULL) {
                return CimValue.nullOf(type);
            }
            Map<Long, CimValue> seen = arrays.computeIfAbsent(h, k -> new java.util.HashMap<>());
            long key = (long) type.code() << 32 | (ref & 0xFFFFFFFFL);
            CimValue done = seen.get(key);
            if (done != null) {
                return done;
            }
            long[] elements = h.array(ref, type.code());
            List<Object> list = new ArrayList<>(elements.length);
            for (long e : elements) {
                CimValue v = value(type.baseType(), e, h);
                if (v.isNull()) {
                    throw new IllegalArgumentException("NULL element in an array of " + type.baseType().mofName());
                }
                list.add(v.value());
            }
            CimValue result = CimValue.array(type.baseType(), list);
            seen.put(key, result);
            return result;
        }
        return switch (type) {
            case SINT8 -> CimValue.sint8((byte) raw);
            case UINT8 -> CimValue.uint8((int) raw & 0xFF);
            case SINT16 -> CimValue.sint16((short) raw);
            case UINT16 -> CimValue.uint16((int) raw & 0xFFFF);
            case SINT32 -> CimValue.sint32((int) raw);
            case UINT32 -> CimValue.uint32(raw & 0xFFFFFFFFL);
            case SINT64 -> CimValue.sint64(raw);
            case UINT64 -> CimValue.uint64(raw);
            case REAL32 -> CimValue.real32(Float.intBitsToFloat((int) raw));
            case REAL64 -> CimValue.real64(Double.longBitsToDouble(raw));
            case BOOLEAN -> CimValue.bool((raw & 0xFFFF) != 0);
            case CHAR16 -> CimValue.char16((char) raw);
            case STRING -> {
                String s = h.string((int) raw);
                yield s == null ? CimValue.nullOf(type) : CimValue.string(s);
            }
            case DATETIME -> {
                String s = h.string((int) raw);
                yield s == null ? CimValue.nullOf(type) : CimValue.datetime(CimDateTime.parse(s));
            }
            case REFERENCE -> {
                String s = h.string((int) raw);
                yield s == null ? CimValue.nullOf(type) : CimValue.reference(s);
            }
            case OBJECT -> (int) raw == HeapRef.NULL ? CimValue.nullOf(type)
                    : CimValue.object(embedded(h.object((int) raw)));
            default -> throw new IllegalArgumentException("unexpected type " + type);
        };
    }
}
