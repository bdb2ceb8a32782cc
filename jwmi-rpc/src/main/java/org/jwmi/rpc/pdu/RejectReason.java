package org.jwmi.rpc.pdu;

/** [C706] 12.6.3.1 p_reject_reason_t and [MS-RPCE] 2.2.2.5 additions: why a bind was refused (bind_nak). */
public enum RejectReason {
    REASON_NOT_SPECIFIED(0),
    TEMPORARY_CONGESTION(1),
    LOCAL_LIMIT_EXCEEDED(2),
    CALLED_PADDR_UNKNOWN(3),
    PROTOCOL_VERSION_NOT_SUPPORTED(4),
    DEFAULT_CONTEXT_NOT_SUPPORTED(5),
    USER_DATA_NOT_READABLE(6),
    NO_PSAP_AVAILABLE(7),
    AUTHENTICATION_TYPE_NOT_RECOGNIZED(8),
    INVALID_CHECKSUM(9);

    private final int value;

    RejectReason(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static RejectReason of(int value) {
        for (RejectReason r : values()) {
            if (r.value == value) {
                return r;
            }
        }
        return null;
    }

    /** {@code authentication_type_not_recognized (8)}; unknown codes show the number. */
    public static String describe(int value) {
        RejectReason r = of(value);
        return (r == null ? "unknown reason" : r.name().toLowerCase(java.util.Locale.ROOT)) + " (" + value + ")";
    }
}
