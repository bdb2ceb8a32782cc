package org.jwmi.rpc;

import org.jwmi.rpc.pdu.RejectReason;

/**
 * The server refused a bind with a bind_nak ([MS-RPCE] 2.2.2.9): {@link #reason()} is the provider_reject_reason
 * ([C706] p_reject_reason_t, [MS-RPCE] 2.2.2.5); the message names it and says what to change.
 */
public class BindRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int reason;

    public BindRejectedException(int reason, String advice) {
        super("bind rejected: " + RejectReason.describe(reason) + (advice == null || advice.isEmpty() ? "" : "; " + advice));
        this.reason = reason;
    }

    public int reason() {
        return reason;
    }

    /** The reason's spec name ({@code authentication_type_not_recognized}), or "unknown reason". */
    public String reasonName() {
        RejectReason r = RejectReason.of(reason);
        return r == null ? "unknown reason" : r.name().toLowerCase(java.util.Locale.ROOT);
    }
}
