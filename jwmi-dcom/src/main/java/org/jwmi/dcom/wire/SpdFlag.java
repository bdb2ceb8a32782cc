package org.jwmi.dcom.wire;

/** [MS-DCOM] 2.2.22.2.2 SpecialPropertiesData.dwFlags bits (SPD_FLAGS of the IDL). */
public enum SpdFlag implements BitFlag {
    /** Create the object exporter in the console session. */
    SPD_FLAG_USE_CONSOLE_SESSION(0x1),
    /** Listed in the IDL only. */
    SPD_FLAG_USE_DEFAULT_AUTHN_LVL(0x2);

    private final int value;

    SpdFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
