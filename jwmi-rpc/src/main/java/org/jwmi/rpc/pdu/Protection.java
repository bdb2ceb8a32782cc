package org.jwmi.rpc.pdu;

import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.SecurityContext;

/**
 * How outgoing request or response fragments of one call are protected: the established security context
 * identified by auth_context_id, its level and auth_type.
 *
 * @param headerSigning      whether PFC_SUPPORT_HEADER_SIGN was agreed on the connection
 * @param verifierAtConnect  at the connect level, whether a (meaningless) verifier is still sent: required when the
 *                           connection has more than one security context ([MS-RPCE] 3.3.1.5.4); Windows omits it
 *                           otherwise
 */
public record Protection(SecurityContext context, AuthLevel level, int authType, int authContextId,
                         boolean headerSigning, boolean verifierAtConnect) {

    /** The level written into sec_trailer.auth_level (call is sent as pkt, [MS-RPCE] 2.2.1.1.8). */
    public AuthLevel wireLevel() {
        return level.effective();
    }

    /** Whether fragments carry a sec_trailer and token. */
    public boolean hasVerifier() {
        AuthLevel w = wireLevel();
        return w.value() >= AuthLevel.PKT.value() || (w == AuthLevel.CONNECT && verifierAtConnect);
    }

    /** The token size reserved in each fragment. */
    public int tokenSize() {
        return context.signatureSize();
    }
}
