package org.jwmi.wmi.ops;

import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * The referent of an {@code [in, out, unique] IXxx** pp} parameter of [MS-WMI] 3.1.4.3: a unique pointer to an
 * interface pointer. A {@code null} InterfacePointerRef is the NULL outer pointer ("the caller does not want this
 * result"); {@code value} null is a non-NULL outer pointer to a NULL interface pointer (what clients send on input).
 *
 * @param value the interface pointer, or null
 */
public record InterfacePointerRef(MInterfacePointer value) {

    /** The outer pointer set, the interface pointer NULL. */
    public static final InterfacePointerRef EMPTY = new InterfacePointerRef(null);

    /** Outer unique pointer id, then (if set) the inner pointer id and the MInterfacePointer. */
    public static InterfacePointerRef read(NdrReader r) {
        return r.uniquePtr(o -> new InterfacePointerRef(o.uniquePtr(MInterfacePointer::decode)));
    }

    public static void write(NdrWriter w, InterfacePointerRef v) {
        w.uniquePtr(v, (o, ref) -> o.uniquePtr(ref.value(), MInterfacePointer::encode));
    }

    /** The interface pointer of a nullable ref. */
    public static MInterfacePointer valueOf(InterfacePointerRef ref) {
        return ref == null ? null : ref.value();
    }
}
