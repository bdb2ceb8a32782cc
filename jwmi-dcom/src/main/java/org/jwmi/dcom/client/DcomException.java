package org.jwmi.dcom.client;

import org.jwmi.dcom.ops.DcomStatus;

/**
 * A DCOM operation failed with an HRESULT (or a Win32/RPC status where the server sent one): activation, OXID
 * resolution, IRemUnknown or an ORPC call. The message starts with the name and hex of the code and says what to
 * change where that is known. No secret ever appears in it.
 */
public class DcomException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int hresult;

    public DcomException(int hresult, String detail) {
        this(hresult, detail, null);
    }

    public DcomException(int hresult, String detail, Throwable cause) {
        super(DcomStatus.describe(hresult) + (detail == null || detail.isEmpty() ? "" : ": " + detail), cause);
        this.hresult = hresult;
    }

    public DcomException(DcomStatus status, String detail) {
        this(status.value(), detail, null);
    }

    public DcomException(DcomStatus status, String detail, Throwable cause) {
        this(status.value(), detail, cause);
    }

    /** The HRESULT (or status) as sent. */
    public int hresult() {
        return hresult;
    }

    /** Its name ({@code E_ACCESSDENIED}), or the hex value when it has none. */
    public String hresultName() {
        String n = DcomStatus.nameOf(hresult);
        return n == null ? String.format("0x%08x", hresult) : n;
    }
}
