package org.jwmi.client.moniker;

import org.jwmi.cim.WbemStatus;
import org.jwmi.client.WbemException;

/**
 * A moniker that breaks the grammar or a rule of "Constructing a Moniker String": WBEM_E_INVALID_SYNTAX (what
 * Windows answers for a malformed moniker), WBEM_E_INVALID_OBJECT_PATH for a malformed object path,
 * WBEM_E_LOCAL_CREDENTIALS for an authority on a local connection. The message quotes the moniker and the position
 * and says what to write instead.
 */
public final class MonikerException extends WbemException {
    private static final long serialVersionUID = 1L;

    private final int position;

    MonikerException(WbemStatus status, String moniker, int position, String detail) {
        super(status.code(), null, detail + " at position " + position + " of moniker \"" + moniker + "\"", null);
        this.position = position;
    }

    /** Without quoting the moniker (it may hold a secret the caller put there by mistake). */
    MonikerException(WbemStatus status, int position, String detail) {
        super(status.code(), null, detail + " (at position " + position + " of the moniker)", null);
        this.position = position;
    }

    /** The offset in the moniker text where the problem was found. */
    public int position() {
        return position;
    }
}
