package org.jwmi.wmio;

import java.util.List;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierSet;
import org.jwmi.cim.CimValue;
import org.jwmi.wmio.block.ClassAndMethodsPart;
import org.jwmi.wmio.block.ClassPart;
import org.jwmi.wmio.block.CimTypeCode;
import org.jwmi.wmio.block.NdTable;

/**
 * What encoding an instance of one class needs and does not depend on the instance: the [MS-WMIO] 2.2.13
 * CurrentClass (the ClassPart {@link CimEncoding#classPart} lays out), the ValueTable slot and width of each
 * property, the PropertyLookupTable order in which the InstanceHeap is filled, and the NdTable of an instance that
 * sets nothing. Built once per class by {@link ObjectArrayWriter}; {@link CimEncoding#instanceType} gives the same
 * octets with a layout made on the spot or one made earlier for a class of the same content.
 */
final class ClassLayout {
    final CimClass cimClass;
    final ClassAndMethodsPart currentClass;
    /** ValueTable offset of each property, by DeclarationOrder. */
    final int[] slot;
    /** ValueTable width of each property, by DeclarationOrder. */
    final int[] width;
    /** DeclarationOrder of each PropertyLookupTable entry. */
    final int[] order;
    /** NdTable bits of a property the instance leaves unset: DEFAULT, plus NULL when the class default is NULL. */
    final int[] unsetBits;
    /** The NdTable of an instance with every property explicitly set (unused trailing slots 11). */
    final byte[] ndTemplate;
    final int valueTableLength;

    private ClassLayout(CimClass c, ClassPart classPart) {
        this.cimClass = c;
        this.currentClass = new ClassAndMethodsPart(classPart, null);
        List<CimProperty> props = c.properties();
        int n = props.size();
        slot = new int[n];
        width = new int[n];
        unsetBits = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            CimProperty p = props.get(i);
            slot[i] = size;
            width[i] = CimTypeCode.valueSize(p.type().code());
            size += width[i];
            unsetBits[i] = NdTable.DEFAULT | (p.defaultValue().isNull() ? NdTable.NULL : 0);
        }
        valueTableLength = size;
        order = CimEncoding.lookupOrder(props);
        ndTemplate = CimEncoding.newNdTable(n);
    }

    /** The layout of {@code c}. */
    static ClassLayout of(CimClass c) {
        return new ClassLayout(c, CimEncoding.classPart(c));
    }

    ClassPart classPart() {
        return currentClass.classPart();
    }

    /**
     * Whether instances of {@code c} are laid out by this layout: {@code c} is the class it was made from, or has
     * the same content as far as the ClassPart shows it, compared exactly (spelling of names, bits of reals).
     * Methods, the parent definition and the origin do not enter the ClassPart and are not compared.
     */
    boolean fits(CimClass c) {
        return c == cimClass || sameClassPart(cimClass, c);
    }

    static boolean sameClassPart(CimClass a, CimClass b) {
        if (!a.name().text().equals(b.name().text()) || !sameNames(a.derivation(), b.derivation())
                || !sameQualifiers(a.qualifiers(), b.qualifiers())) {
            return false;
        }
        List<CimProperty> pa = a.properties();
        List<CimProperty> pb = b.properties();
        if (pa.size() != pb.size()) {
            return false;
        }
        for (int i = 0; i < pa.size(); i++) {
            CimProperty x = pa.get(i);
            CimProperty y = pb.get(i);
            if (x == y) {
                continue;
            }
            if (!x.name().text().equals(y.name().text()) || x.type() != y.type()
                    || !x.classOfOrigin().text().equals(y.classOfOrigin().text())
                    || x.defaultInherited() != y.defaultInherited()
                    || !sameValue(x.defaultValue(), y.defaultValue())
                    || !sameQualifiers(x.qualifiers(), y.qualifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNames(List<CimName> a, List<CimName> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).text().equals(b.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameQualifiers(CimQualifierSet a, CimQualifierSet b) {
        if (a == b) {
            return true;
        }
        List<CimQualifier> qa = a.asList();
        List<CimQualifier> qb = b.asList();
        if (qa.size() != qb.size()) {
            return false;
        }
        for (int i = 0; i < qa.size(); i++) {
            CimQualifier x = qa.get(i);
            CimQualifier y = qb.get(i);
            if (x != y && (!x.name().text().equals(y.name().text()) || x.flavor().bits() != y.flavor().bits()
                    || !sameValue(x.value(), y.value()))) {
                return false;
            }
        }
        return true;
    }

    /** Values that encode to the same octets; embedded objects only when they are the same object. */
    static boolean sameValue(CimValue a, CimValue b) {
        return a == b || a.type() == b.type() && sameJava(a.value(), b.value());
    }

    private static boolean sameJava(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return Float.floatToRawIntBits(x) == Float.floatToRawIntBits(y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
        }
        if (a instanceof CimDateTime x && b instanceof CimDateTime y) {
            return x.text().equals(y.text());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameJava(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Long || a instanceof String || a instanceof Boolean || a instanceof Character) {
            return a.equals(b);
        }
        return false;
    }
}
