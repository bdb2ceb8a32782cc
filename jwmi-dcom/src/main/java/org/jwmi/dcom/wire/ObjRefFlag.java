package org.jwmi.dcom.wire;

import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;

/** [MS-DCOM] 2.2.18 OBJREF.flags: exactly one of these values selects the form of u_objref. */
public enum ObjRefFlag implements BitFlag {
    /** u_objref is an OBJREF_STANDARD. */
    OBJREF_STANDARD(0x1),
    /** u_objref is an OBJREF_HANDLER. */
    OBJREF_HANDLER(0x2),
    /** u_objref is an OBJREF_CUSTOM. */
    OBJREF_CUSTOM(0x4),
    /** u_objref is an OBJREF_EXTENDED. */
    OBJREF_EXTENDED(0x8);

    private final int value;

    ObjRefFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /** The form named by {@code flags}, or {@code null} when it is not exactly one of the four values. */
    public static ObjRefFlag of(int flags) {
        for (ObjRefFlag f : values()) {
            if (f.value == flags) {
                return f;
            }
        }
        return null;
    }

    static ObjRefFlag require(int flags, WireReader r) {
        ObjRefFlag f = of(flags);
        if (f == null) {
            throw new ProtocolException(ProtocolException.Kind.BAD_SWITCH, r.position() - 4, r.path(),
                    "OBJREF flags 0x" + Integer.toHexString(flags) + " is not one of STANDARD, HANDLER, CUSTOM, "
                            + "EXTENDED");
        }
        return f;
    }
}
