package org.jwmi.dcom.wire;

/** [MS-DCOM] 2.2.18.2 STDOBJREF.flags bits. */
public enum StdObjRefFlag implements BitFlag {
    /** The client is requested not to ping the OID (Windows honours it, note 7). */
    SORF_NOPING(0x00001000);

    private final int value;

    StdObjRefFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
