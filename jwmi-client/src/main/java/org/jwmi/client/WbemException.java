package org.jwmi.client;

import java.util.Locale;
import java.util.Optional;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.DcomException;
import org.jwmi.dcom.ops.DcomStatus;

/**
 * A WMI operation failed. Carries the HRESULT as sent ({@link #hresult()}), its name ({@link #hresultName()}:
 * WBEM_E_ACCESS_DENIED, RPC_S_SERVER_UNAVAILABLE, E_ACCESSDENIED, ...), the {@link WbemStage} where it failed when
 * known, and a message that starts with name and hex and says what to change. No secret ever appears in it.
 */
public class WbemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int hresult;
    private final WbemStage stage;

    public WbemException(int hresult, WbemStage stage, String detail, Throwable cause) {
        super(describe(hresult) + (detail == null || detail.isEmpty() ? "" : ": " + detail), cause);
        this.hresult = hresult;
        this.stage = stage;
    }

    public WbemException(WbemStatus status, String detail) {
        this(status.code(), null, detail, null);
    }

    /** The HRESULT (or WBEMSTATUS, or RPC status) as the server or the runtime gave it. */
    public int hresult() {
        return hresult;
    }

    /** The WBEMSTATUS constant, when the code is one. */
    public Optional<WbemStatus> status() {
        return Optional.ofNullable(WbemStatus.fromCode(hresult));
    }

    /** The stage that failed, when known. */
    public Optional<WbemStage> stage() {
        return Optional.ofNullable(stage);
    }

    /** The code's name ({@code WBEM_E_NOT_FOUND}, {@code E_ACCESSDENIED}), or its hex value. */
    public String hresultName() {
        return nameOf(hresult);
    }

    /** The name of a WMI, COM or RPC status code, or {@code 0x%08x}. */
    public static String nameOf(int hresult) {
        WbemStatus w = WbemStatus.fromCode(hresult);
        if (w != null) {
            return w.name();
        }
        String n = DcomStatus.nameOf(hresult);
        return n != null ? n : String.format(Locale.ROOT, "0x%08x", hresult);
    }

    /** {@code NAME (0x8004xxxx)}. */
    public static String describe(int hresult) {
        return nameOf(hresult) + String.format(Locale.ROOT, " (0x%08x)", hresult);
    }

    /**
     * The exception for a failure HRESULT a WMI method returned: {@code what} failed, with advice for the codes
     * whose fix is known; {@code level} is the authentication level the call ran at.
     */
    static WbemException fromResult(int hresult, WbemStage stage, String what, AuthLevel level) {
        return new WbemException(hresult, stage, what + " failed" + advice(hresult, level, stage), null);
    }

    /** A DCOM runtime failure during {@code stage} of {@code what}; the DCOM message (with its advice) is kept. */
    static WbemException fromDcom(DcomException e, WbemStage stage, String what) {
        String m = e.getMessage();
        String prefix = DcomStatus.describe(e.hresult());
        if (m != null && m.startsWith(prefix)) {
            m = m.substring(prefix.length());
            if (m.startsWith(": ")) {
                m = m.substring(2);
            }
        }
        String extra = "";
        if (e.hresult() == DcomStatus.RPC_S_SERVER_UNAVAILABLE.value()) {
            // One piece of advice, the WMI one, instead of the DCOM runtime's more general one.
            m = m == null ? "" : m.replace("; check the host, the port and that the server is running", "");
            extra = "; check the host name, that TCP port 135 and the server's dynamic ports are reachable, and that"
                    + " the WMI service runs";
        }
        return new WbemException(e.hresult(), stage, what + " failed during " + stage.label() + ": " + m + extra, e);
    }

    /** A failure of the CIM model (a put of the wrong type, ...) with its WBEMSTATUS. */
    static WbemException fromCim(org.jwmi.cim.CimException e) {
        String m = e.getMessage();
        String prefix = e.status().describe() + ": ";
        return new WbemException(e.hresult(), null, m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
    }

    /** What to change after {@code hresult}, starting with "; " (empty when nothing useful can be said). */
    static String advice(int hresult, AuthLevel level, WbemStage stage) {
        String at = level == null ? "" : " at authenticationLevel=" + level.scriptName();
        WbemStatus w = WbemStatus.fromCode(hresult);
        if (w != null) {
            switch (w) {
                case WBEM_E_ENCRYPTED_CONNECTION_REQUIRED:
                    return at + "; the server requires authenticationLevel=pktPrivacy for this namespace: connect with"
                            + " authnLevel PKT_PRIVACY (command line: --level pktPrivacy) or raise the proxy's blanket";
                case WBEM_E_ACCESS_DENIED:
                    if (level != null && !level.atLeast(AuthLevel.PKT_PRIVACY)) {
                        return at + "; the namespace may require authenticationLevel=pktPrivacy, or the user lacks the"
                                + " namespace's Enable and Remote Enable permissions";
                    }
                    return at + "; the user lacks the namespace's Enable and Remote Enable permissions or the right"
                            + " for this operation";
                case WBEM_E_INVALID_NAMESPACE:
                    return "; the namespace does not exist on the server (check its spelling, e.g. root\\cimv2)";
                case WBEM_E_INVALID_CLASS:
                    return "; the class does not exist in this namespace";
                case WBEM_E_NOT_FOUND:
                    return "; no such object (check the object path and its keys)";
                case WBEM_E_INVALID_QUERY:
                case WBEM_E_INVALID_QUERY_TYPE:
                    return "; check the query's WQL syntax (language \"WQL\")";
                case WBEM_E_INVALID_OBJECT_PATH:
                    return "; the object path is malformed (Class.Key=\"value\", Class=@ for a singleton)";
                case WBEM_E_INVALID_METHOD:
                    return "; the class has no such method";
                case WBEM_E_INVALID_METHOD_PARAMETERS:
                    return "; check the method's in-parameters (names and types)";
                case WBEM_E_TIMED_OUT:
                    return stage == null ? "" : "; raise the " + stage.label() + " timeout (WbemTimeouts)";
                default:
                    return "";
            }
        }
        if (hresult == DcomStatus.E_ACCESSDENIED.value() || hresult == DcomStatus.ERROR_ACCESS_DENIED.value()
                || hresult == DcomStatus.RPC_E_ACCESS_DENIED.value()) {
            if (level != null && !level.atLeast(AuthLevel.PKT_INTEGRITY)) {
                return at + "; the server requires authenticationLevel=pktIntegrity or higher";
            }
            if (level != null && !level.atLeast(AuthLevel.PKT_PRIVACY)) {
                return at + "; the server may require authenticationLevel=pktPrivacy, or the user lacks permission";
            }
            return at + "; the user lacks permission";
        }
        if (hresult == DcomStatus.RPC_E_TIMEOUT.value()) {
            return stage == null ? "" : "; raise the " + stage.label() + " timeout (WbemTimeouts)";
        }
        return "";
    }
}
