package org.jwmi.cim;

import java.util.Objects;

/**
 * A failure of the CIM model, an object path or a query, carrying the WMI status a server would report
 * ({@link WbemStatus}) and, for text that was parsed, the zero-based character position of the error.
 *
 * <p>This is the only exception type the parsers of this module throw for bad input.
 */
public class CimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final WbemStatus status;
    private final int position;

    public CimException(WbemStatus status, String message) {
        this(status, message, -1);
    }

    public CimException(WbemStatus status, String message, int position) {
        super(format(status, message, position));
        this.status = Objects.requireNonNull(status, "status");
        this.position = position;
    }

    private static String format(WbemStatus status, String message, int position) {
        String base = Objects.requireNonNull(status, "status").describe() + ": " + message;
        return position >= 0 ? base + " (at position " + position + ")" : base;
    }

    /** The WMI status, e.g. {@link WbemStatus#WBEM_E_INVALID_QUERY}. */
    public WbemStatus status() {
        return status;
    }

    /** The HRESULT value of {@link #status()}. */
    public int hresult() {
        return status.code();
    }

    /** Zero-based character offset in the parsed text where the error was found, or -1. */
    public int position() {
        return position;
    }
}
