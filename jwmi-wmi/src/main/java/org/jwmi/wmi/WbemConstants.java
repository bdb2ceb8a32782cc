package org.jwmi.wmi;

/**
 * The non-flag enumerations of [MS-WMI] 2.2 as their wire values.
 */
public final class WbemConstants {

    private WbemConstants() {
    }

    /** 2.2.8 WBEM_TIMEOUT_TYPE WBEM_NO_WAIT. */
    public static final int WBEM_NO_WAIT = 0;
    /** 2.2.8 WBEM_TIMEOUT_TYPE WBEM_INFINITE (0xFFFFFFFF). */
    public static final int WBEM_INFINITE = 0xFFFFFFFF;

    /** 2.2.7 WBEM_STATUS_TYPE (IWbemObjectSink::SetStatus lFlags). */
    public static final int WBEM_STATUS_COMPLETE = 0;
    public static final int WBEM_STATUS_REQUIREMENTS = 1;
    public static final int WBEM_STATUS_PROGRESS = 2;

    /** Appendix A WBEM_REFR_VERSION_NUMBER WBEM_REFRESHER_VERSION. */
    public static final int WBEM_REFRESHER_VERSION = 2;

    /** 2.2.17 WBEM_INSTANCE_BLOB_TYPE. */
    public static final int WBEM_BLOB_TYPE_ALL = 2;
    public static final int WBEM_BLOB_TYPE_ERROR = 3;
    public static final int WBEM_BLOB_TYPE_ENUM = 4;

    /** 2.2.25 WBEM_REFRESH_TYPE. */
    public static final int WBEM_REFRESH_TYPE_INVALID = 0;
    public static final int WBEM_REFRESH_TYPE_REMOTE = 3;
    public static final int WBEM_REFRESH_TYPE_NON_HIPERF = 6;

    /** 2.2.24 _WBEM_RECONNECT_TYPE. */
    public static final int WBEM_RECONNECT_TYPE_OBJECT = 0;
    public static final int WBEM_RECONNECT_TYPE_ENUM = 1;
    public static final int WBEM_RECONNECT_TYPE_LAST = 2;
}
