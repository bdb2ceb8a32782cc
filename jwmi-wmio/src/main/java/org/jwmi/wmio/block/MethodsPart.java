package org.jwmi.wmio.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.38 MethodsPart: the methods of a class and the MethodHeap holding their names, qualifiers and
 * parameter classes. Present in both halves of a ClassType, absent from an InstanceType.
 *
 * <pre>
 * MethodsPart = EncodingLength MethodCount MethodCountPadding *MethodDescription MethodHeap
 * </pre>
 *
 * <p>EncodingLength (counting itself) and MethodCount are computed when encoding; octets after the MethodHeap that
 * EncodingLength still covers are kept in {@link #unusedOctets}.
 *
 * @param methodCountPadding [MS-WMIO] 2.2.40 two octets that Windows fills with anything (the examples show
 *                           0x3400 and 0x7300); kept as received
 * @param methodDescriptions [MS-WMIO] 2.2.41, at most 65535
 * @param methodHeap         [MS-WMIO] 2.2.52
 * @param unusedOctets       octets between the MethodHeap and the end given by EncodingLength
 */
public record MethodsPart(int methodCountPadding, List<MethodDescription> methodDescriptions, Heap methodHeap,
                          Octets unusedOctets) {

    /** A MethodsPart with no methods, zero padding and an empty heap (12 octets). */
    public static final MethodsPart EMPTY = new MethodsPart(0, List.of(), Heap.EMPTY, Octets.EMPTY);

    public MethodsPart {
        methodDescriptions = List.copyOf(methodDescriptions);
        Objects.requireNonNull(methodHeap, "methodHeap");
        Objects.requireNonNull(unusedOctets, "unusedOctets");
        if (methodDescriptions.size() > 0xFFFF) {
            throw new IllegalArgumentException("MethodCount is a UINT16");
        }
        if ((methodCountPadding & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("MethodCountPadding is two octets");
        }
    }

    public int encodedLength() {
        return 8 + MethodDescription.LENGTH * methodDescriptions.size() + methodHeap.encodedLength()
                + unusedOctets.length();
    }

    public void encode(WireWriter w) {
        w.i32(encodedLength());
        w.u16(methodDescriptions.size());
        w.u16(methodCountPadding);
        for (MethodDescription m : methodDescriptions) {
            m.encode(w);
        }
        methodHeap.encode(w);
        unusedOctets.writeTo(w);
    }

    static MethodsPart decode(BlockDecoder d) {
        d.enter("MethodsPart");
        int start = d.position();
        long encodingLength = d.length("MethodsPart EncodingLength", 4, 12);
        int outer = d.limit(start + encodingLength);
        int count = d.readCount("MethodCount", 2, MethodDescription.LENGTH);
        int padding = d.u16();
        List<MethodDescription> methods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            d.enter("MethodDescription", i);
            methods.add(MethodDescription.decode(d));
            d.exit();
        }
        d.enter("MethodHeap");
        int heapBase = d.position() + 4;
        Heap heap = Heap.decode(d);
        d.exit();
        Octets unused = d.octets(d.room());
        MethodsPart part = new MethodsPart(padding, methods, heap, unused);
        HeapCursor h = new HeapCursor(d, heapBase, heap.length(), heap, "MethodHeap");
        for (int i = 0; i < count; i++) {
            MethodDescription m = methods.get(i);
            d.enter("MethodDescription", i);
            h.string(m.methodName(), false);
            if (m.methodQualifiers() != HeapRef.NULL) {
                h.qualifierSet(m.methodQualifiers());
            }
            if (m.inputSignature() != HeapRef.NULL) {
                h.methodSignatureBlock(m.inputSignature());
            }
            if (m.outputSignature() != HeapRef.NULL) {
                h.methodSignatureBlock(m.outputSignature());
            }
            d.exit();
        }
        d.restore(outer);
        d.exit();
        return part;
    }
}
