package org.jwmi.cim.mof;

import java.util.Objects;
import org.jwmi.cim.WbemStatus;

/**
 * One compilation error: where, which code, and what to change.
 *
 * @param location where the offending text starts
 * @param code     the MOF compiler code (WBEMMOF_E_*), or null when the error is the model's (a WMI status such as
 *                 WBEM_E_INVALID_SUPERCLASS or WBEM_E_OVERRIDE_NOT_ALLOWED)
 * @param status   the WMI status ({@link MofErrorCode#status()} when {@code code} is set)
 * @param message  what is wrong, naming the element
 */
public record MofDiagnostic(MofLocation location, MofErrorCode code, WbemStatus status, String message) {

    public MofDiagnostic {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /** The HRESULT IMofCompiler would report: the WBEMMOF_E code, else the WMI status. */
    public int hresult() {
        return code != null ? code.code() : status.code();
    }

    /**
     * mofcomp's layout: {@code file (line,column): error SYNTAX 0x80044002 WBEMMOF_E_EXPECTED_SEMI: message} for
     * language errors, {@code file (line,column): error 0x8004100D WBEM_E_INVALID_SUPERCLASS: message} for the
     * others.
     */
    @Override
    public String toString() {
        String what = code != null ? "error SYNTAX " + hex(code.code()) + " " + code.name()
                : "error " + hex(status.code()) + " " + status.name();
        return location + ": " + what + ": " + message;
    }

    private static String hex(int c) {
        return String.format("0x%08X", c);
    }
}
