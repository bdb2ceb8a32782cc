package org.jwmi.auth;

/**
 * A failed logon, a bad signature or a refused mechanism. The message says what happened and what to change;
 * it never contains a secret. {@link #status()} is the NTSTATUS/SEC_E code Windows reports for the same failure.
 */
public class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** SEC_E_LOGON_DENIED. */
    public static final int SEC_E_LOGON_DENIED = 0x8009030C;
    /** SEC_E_MESSAGE_ALTERED. */
    public static final int SEC_E_MESSAGE_ALTERED = 0x8009030F;
    /** SEC_E_OUT_OF_SEQUENCE. */
    public static final int SEC_E_OUT_OF_SEQUENCE = 0x80090310;
    /** SEC_E_INVALID_TOKEN. */
    public static final int SEC_E_INVALID_TOKEN = 0x80090308;
    /** SEC_E_UNSUPPORTED_FUNCTION. */
    public static final int SEC_E_UNSUPPORTED_FUNCTION = 0x80090302;

    private final int status;

    public AuthenticationException(int status, String message) {
        super(message);
        this.status = status;
    }

    public AuthenticationException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
