package org.jwmi.dcom.wire;

/** [MS-DCOM] 2.2.22.2.1 InstantiationInfoData.actvflags bits. */
public enum ActvFlag implements BitFlag {
    /** Do not run the object exporter under the client's identity. */
    ACTVFLAGS_DISABLE_AAA(0x2),
    /** Run the object exporter as a 32-bit process. */
    ACTVFLAGS_ACTIVATE_32_BIT_SERVER(0x4),
    /** Run the object exporter as a 64-bit process. */
    ACTVFLAGS_ACTIVATE_64_BIT_SERVER(0x8),
    /** Do not log a failure of this activation. */
    ACTVFLAGS_NO_FAILURE_LOG(0x20);

    private final int value;

    ActvFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
