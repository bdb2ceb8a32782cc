package org.jwmi.wmio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.jwmi.cim.CimClass;
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
import org.jwmi.wire.WireWriter;
import org.jwmi.wmio.block.ClassAndMethodsPart;
import org.jwmi.wmio.block.ClassPart;
import org.jwmi.wmio.block.ClassType;
import org.jwmi.wmio.block.CimTypeCode;
import org.jwmi.wmio.block.Decoration;
import org.jwmi.wmio.block.DerivationList;
import org.jwmi.wmio.block.DictionaryReference;
import org.jwmi.wmio.block.HeapBuilder;
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
import org.jwmi.wmio.block.PropertyLookupTable;
import org.jwmi.wmio.block.Qualifier;
import org.jwmi.wmio.block.QualifierSet;

/**
 * From the CIM model to blocks laid out as Windows lays out a fresh object (the layout of the spec's section 3
 * examples and of classes captured from Windows Server 2019):
 *
 * <ul>
 *   <li>ClassHeap: the class name; per class qualifier its name (unless a {@link DictionaryReference}) then its
 *       value item; per property in PropertyLookupTable order its name, its PropertyInfo, then per qualifier its
 *       name and value item; last, the default values' items in DeclarationOrder.</li>
 *   <li>PropertyLookupTable sorted by name without regard to case (Windows puts {@code CreationClassName} before
 *       {@code CSCreationClassName}); ValueTable slots packed in DeclarationOrder; properties without a default
 *       hold NoValue (all 0xFF).</li>
 *   <li>MethodHeap: per method its name, input and output MethodSignatureBlocks (EncodingLength 0 when there are no
 *       parameters, as Windows sends for Win32_Process.GetOwner), its QualifierSet, then the qualifiers' items.</li>
 *   <li>InstanceHeap: the class name, the values' items in PropertyLookupTable order, then qualifier items.
 *       InstanceData slots of unset and NULL properties are zero (the 3.1 example); an unset property gets NdTable
 *       bits DEFAULT, plus NULL when the class default is NULL.</li>
 *   <li>Unused NdTable slots (after the last property) are 11, as Windows Server 2019 sends them.</li>
 *   <li>Encoded-Arrays of strings or objects are followed by their elements.</li>
 *   <li>Padding fields are zero, and nothing is left unused.</li>
 * </ul>
 *
 * A Decoration is written when the object knows its server or namespace.
 */
final class CimEncoding {
    private CimEncoding() {
    }

    /** Case-insensitive order of property names, ordinal on ties: the PropertyLookupTable order. */
    static final Comparator<String> LOOKUP_ORDER = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = Character.toLowerCase(a.charAt(i));
            char y = Character.toLowerCase(b.charAt(i));
            if (x != y) {
                return x - y;
            }
        }
        return a.length() != b.length() ? a.length() - b.length() : a.compareTo(b);
    };

    static ObjectBlock toBlock(CimObject o) {
        Decoration dec = decoration(o.server(), o.namespace());
        if (o instanceof CimClass c) {
            return ObjectBlock.of(dec, new ClassType(parentPart(c), new ClassAndMethodsPart(classPart(c), methodsPart(c))));
        }
        return ObjectBlock.of(dec, instanceType((CimInstance) o, ClassLayout.of(o.cimClass())));
    }

    static Decoration decoration(String server, String namespace) {
        if (server == null && namespace == null) {
            return null;
        }
        return Decoration.of(server == null ? "" : server, namespace == null ? "" : namespace);
    }

    /** The ParentClass: the parent's definition, the empty class, or one rebuilt from the inherited members. */
    static ClassAndMethodsPart parentPart(CimClass c) {
        CimClass parent = c.parentClass();
        if (parent == null) {
            if (c.derivation().isEmpty()) {
                return new ClassAndMethodsPart(ClassPart.NO_CLASS, MethodsPart.EMPTY);
            }
            parent = inheritedView(c);
        }
        return new ClassAndMethodsPart(classPart(parent), methodsPart(parent));
    }

    /** The superclass as far as {@code c} shows it: its inherited members and propagated qualifiers. */
    private static CimClass inheritedView(CimClass c) {
        List<CimName> derivation = c.derivation();
        CimName parentName = derivation.get(0);
        List<CimQualifier> qualifiers = new ArrayList<>();
        for (CimQualifier q : c.qualifiers()) {
            if ((q.flavor().bits() & QualifierFlavor.ORIGIN_PROPAGATED) != 0) {
                qualifiers.add(q.withFlavor(QualifierFlavor.of(q.flavor().bits() & ~QualifierFlavor.ORIGIN_PROPAGATED)));
            }
        }
        List<CimProperty> properties = new ArrayList<>();
        for (CimProperty p : c.properties()) {
            if (p.isInheritedIn(c.name())) {
                properties.add(p);
            }
        }
        List<CimMethod> methods = new ArrayList<>();
        for (CimMethod m : c.methods()) {
            if (m.isInheritedIn(c.name())) {
                methods.add(m);
            }
        }
        return CimClass.of(parentName, derivation.subList(1, derivation.size()), CimQualifierSet.of(qualifiers),
                properties, methods, null);
    }

    /** The hierarchy from its root: ClassOfOrigin and MethodOrigin are indexes into it. */
    private static List<CimName> chain(CimClass c) {
        List<CimName> chain = new ArrayList<>(c.derivation());
        Collections.reverse(chain);
        chain.add(c.name());
        return chain;
    }

    private static int originIndex(List<CimName> chain, CimName origin, String what) {
        int i = chain.indexOf(origin);
        if (i < 0) {
            throw new IllegalArgumentException(what + " comes from " + origin + ", which is not in the hierarchy "
                    + chain);
        }
        return i;
    }

    static ClassPart classPart(CimClass c) {
        List<CimProperty> props = c.properties();
        int n = props.size();
        List<CimName> chain = chain(c);
        HeapBuilder heap = new HeapBuilder();
        int classNameRef = heap.addString(c.name().text());
        QualifierSet classQualifiers = qualifiers(c.qualifiers(), heap);

        int[] slot = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            slot[i] = size;
            size += CimTypeCode.valueSize(props.get(i).type().code());
        }
        byte[] nd = newNdTable(n);
        byte[] values = new byte[size];
        PropertyLookup[] lookups = new PropertyLookup[n];
        int[] order = lookupOrder(props);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            CimProperty p = props.get(i);
            int nameRef = heap.addString(p.name().text());
            int type = p.type().code() | (p.isInheritedIn(c.name()) ? CimTypeCode.INHERITED_FLAG : 0);
            int origin = originIndex(chain, p.classOfOrigin(), "property " + p.name());
            int infoRef = heap.reserve(new PropertyInfo(type, i, slot[i], origin,
                    placeholder(p.qualifiers())).encodedLength());
            PropertyInfo info = new PropertyInfo(type, i, slot[i], origin, qualifiers(p.qualifiers(), heap));
            heap.put(infoRef, bytes(info));
            lookups[k] = new PropertyLookup(nameRef, infoRef);
        }
        for (int i = 0; i < n; i++) {
            CimProperty p = props.get(i);
            int bits = (p.defaultValue().isNull() ? NdTable.NULL : 0) | (p.defaultInherited() ? NdTable.DEFAULT : 0);
            NdTable.set(nd, i, bits);
            int width = CimTypeCode.valueSize(p.type().code());
            long raw = p.defaultValue().isNull() ? -1L : value(p.defaultValue(), heap);
            put(values, slot[i], raw, width);
        }
        return new ClassPart(0, classNameRef, DerivationList.of(names(c.derivation())), classQualifiers,
                new PropertyLookupTable(List.of(lookups)), Octets.of(nd), Octets.of(values), heap.build(),
                Octets.EMPTY);
    }

    /**
     * An NdTable whose unused trailing slots are 11, as in the classes Windows Server 2019 sends (the spec's 3
     * example has 01 there; the bits are meaningless either way).
     */
    static byte[] newNdTable(int count) {
        byte[] nd = new byte[NdTable.length(count)];
        for (int i = count; i < nd.length * 4; i++) {
            NdTable.set(nd, i, NdTable.NULL | NdTable.DEFAULT);
        }
        return nd;
    }

    /** The DeclarationOrder of each PropertyLookupTable entry. */
    static int[] lookupOrder(List<CimProperty> props) {
        Integer[] order = new Integer[props.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> LOOKUP_ORDER.compare(props.get(a).name().text(),
                props.get(b).name().text()));
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = order[i];
        }
        return out;
    }

    private static List<String> names(List<CimName> names) {
        List<String> out = new ArrayList<>(names.size());
        for (CimName n : names) {
            out.add(n.text());
        }
        return out;
    }

    static MethodsPart methodsPart(CimClass c) {
        if (c.methods().isEmpty()) {
            return MethodsPart.EMPTY;
        }
        List<CimName> chain = chain(c);
        HeapBuilder heap = new HeapBuilder();
        List<MethodDescription> methods = new ArrayList<>();
        for (CimMethod m : c.methods()) {
            int nameRef = heap.addString(m.name().text());
            int in = heap.addMethodSignatureBlock(signature(m.inParameters()));
            int out = heap.addMethodSignatureBlock(signature(m.outParameters()));
            int qualifiersRef = heap.reserve(placeholder(m.qualifiers()).encodedLength());
            heap.put(qualifiersRef, bytes(qualifiers(m.qualifiers(), heap)));
            methods.add(new MethodDescription(nameRef, m.isInheritedIn(c.name()) ? QualifierFlavor.ORIGIN_PROPAGATED : 0,
                    0, originIndex(chain, m.classOfOrigin(), "method " + m.name()), qualifiersRef, in, out));
        }
        return new MethodsPart(0, methods, heap.build(), Octets.EMPTY);
    }

    private static MethodSignatureBlock signature(CimClass parameters) {
        if (parameters == null) {
            return new MethodSignatureBlock(null);
        }
        return new MethodSignatureBlock(toBlock(parameters));
    }

    /**
     * The InstanceType of {@code inst} laid out by {@code layout}, which must {@link ClassLayout#fits fit} the
     * instance's class.
     */
    static InstanceType instanceType(CimInstance inst, ClassLayout layout) {
        CimClass c = inst.cimClass();
        List<CimProperty> props = c.properties();
        int n = props.size();
        int[] order = layout.order;
        HeapBuilder heap = new HeapBuilder();
        int classNameRef = heap.addString(c.name().text());
        byte[] nd = layout.ndTemplate.clone();
        byte[] values = new byte[layout.valueTableLength];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (inst.isDefaultAt(i)) {
                NdTable.set(nd, i, layout.unsetBits[i]);
                continue;
            }
            CimValue v = inst.valueAt(i);
            if (v.isNull()) {
                NdTable.set(nd, i, NdTable.NULL);
                continue;
            }
            put(values, layout.slot[i], value(v, heap), layout.width[i]);
        }
        QualifierSet qualifiers = qualifiers(inst.qualifiers(), heap);
        InstancePropQualifierSet propertyQualifiers = InstancePropQualifierSet.EMPTY;
        if (inst.hasPropertyQualifiers()) {
            List<QualifierSet> sets = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                sets.add(qualifiers(inst.propertyQualifiers(props.get(order[k]).name()), heap));
            }
            propertyQualifiers = new InstancePropQualifierSet(InstancePropQualifierSet.PRESENT, sets);
        }
        return new InstanceType(layout.currentClass, 0, classNameRef, Octets.of(nd), Octets.of(values), qualifiers,
                propertyQualifiers, heap.build(), Octets.EMPTY);
    }

    /** A QualifierSet of the right length whose references are not yet known. */
    private static QualifierSet placeholder(CimQualifierSet set) {
        List<Qualifier> list = new ArrayList<>(set.size());
        for (CimQualifier q : set) {
            list.add(new Qualifier(0, 0, q.value().type().code(), 0));
        }
        return new QualifierSet(list);
    }

    /** The qualifiers, their names and values added to {@code heap} (name, then value, per qualifier). */
    static QualifierSet qualifiers(CimQualifierSet set, HeapBuilder heap) {
        if (set.isEmpty()) {
            return QualifierSet.EMPTY;
        }
        List<Qualifier> list = new ArrayList<>(set.size());
        for (CimQualifier q : set) {
            DictionaryReference dict = DictionaryReference.forQualifierName(q.name().text());
            int nameRef = dict != null ? dict.ref() : heap.addString(q.name().text());
            long raw = q.value().isNull() ? nullBits(q.value().type()) : value(q.value(), heap);
            list.add(new Qualifier(nameRef, q.flavor().bits(), q.value().type().code(), raw));
        }
        return new QualifierSet(list);
    }

    private static long nullBits(CimType type) {
        return type.isArray() || CimTypeCode.isHeapBase(type.baseType().code()) ? HeapRef.NULL & 0xFFFFFFFFL : 0;
    }

    /** The EncodedValue bits of a non-NULL value; strings, arrays and objects are added to {@code heap}. */
    static long value(CimValue v, HeapBuilder heap) {
        CimType type = v.type();
        if (type.isArray()) {
            List<CimValue> elements = v.elements();
            CimType base = type.baseType();
            int width = CimTypeCode.elementSize(base.code());
            int at = heap.addArray(elements.size(), width);
            for (int i = 0; i < elements.size(); i++) {
                heap.patch(at + 4 + i * width, scalar(elements.get(i), heap), width);
            }
            return at;
        }
        return scalar(v, heap);
    }

    private static long scalar(CimValue v, HeapBuilder heap) {
        return switch (v.type()) {
            case SINT8, UINT8, SINT16, UINT16, SINT32, UINT32, SINT64, UINT64 -> v.asLong();
            case REAL32 -> Float.floatToRawIntBits((Float) v.value()) & 0xFFFFFFFFL;
            case REAL64 -> Double.doubleToRawLongBits(v.asDouble());
            case BOOLEAN -> v.asBoolean() ? 0xFFFF : 0;
            case CHAR16 -> v.asChar();
            case STRING, REFERENCE -> heap.addString(v.asString());
            case DATETIME -> heap.addString(v.asDateTime().text());
            case OBJECT -> heap.addObject(toBlock(v.asObject()));
            default -> throw new IllegalArgumentException("unexpected type " + v.type());
        };
    }

    private static void put(byte[] table, int offset, long raw, int width) {
        for (int i = 0; i < width; i++) {
            table[offset + i] = (byte) (raw >>> (8 * i));
        }
    }

    private static byte[] bytes(PropertyInfo info) {
        WireWriter w = new WireWriter(info.encodedLength());
        info.encode(w);
        return w.toByteArray();
    }

    private static byte[] bytes(QualifierSet set) {
        WireWriter w = new WireWriter(set.encodedLength());
        set.encode(w);
        return w.toByteArray();
    }
}
