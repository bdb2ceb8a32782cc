package org.jwmi.dcom.wire;

/** [MS-DCOM] 2.2.20.1 PROPMARSHALHEADER.flags (tagCPFLAGS). */
public enum CpFlag implements BitFlag {
    /** Part of a prototype context. */
    CPFLAG_PROPAGATE(0x1),
    /** Part of a client context. */
    CPFLAG_EXPOSE(0x2),
    /** Part of an envoy context. */
    CPFLAG_ENVOY(0x4);

    private final int value;

    CpFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
