package org.jwmi.dcom.server;

import org.jwmi.dcom.ops.DcomStatus;

/**
 * A COM failure raised by a class factory or an ORPC dispatcher: {@link #hresult()} becomes the activation's
 * HRESULT (factory) or the status of a fault (dispatcher). The message carries the HRESULT's name and hex.
 */
public class ComException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int hresult;

    public ComException(int hresult, String detail) {
        super(DcomStatus.describe(hresult) + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.hresult = hresult;
    }

    public ComException(DcomStatus status, String detail) {
        this(status.value(), detail);
    }

    public int hresult() {
        return hresult;
    }
}
