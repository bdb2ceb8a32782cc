package org.jwmi.rpc.pdu;

import java.util.Arrays;
import java.util.List;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.SecBuffer;
import org.jwmi.auth.SecurityContext;

/**
 * [MS-RPCE] 3.3.1.5.2.2 per-PDU protection of requests and responses. The header, the body (stub and auth
 * padding) and the sec_trailer are handed to the mechanism in this order; at pktPrivacy the body is sealed
 * (GSS_WrapEx), at pkt and pktIntegrity everything is signed (GSS_GetMICEx); connect applies nothing.
 *
 * <p>The header and the trailer are always passed as sign-only buffers, also when header signing was not
 * negotiated. The table of 3.3.1.5.2.2 then marks them "no protection", but the NTLM mechanism includes every
 * buffer in its signature for NTLMv2 whatever the sign flag says ([MS-NLMP] 3.4.6, 3.4.8), which is what Windows
 * and impacket produce and expect: the MAC covers the whole PDU up to the token. The SPI's
 * {@link SecBuffer} has no "not signed" marking yet, so a mechanism that honours the flag (Kerberos without
 * header signing) will need one; {@code headerSigning} is carried for that day.
 */
public final class PduSecurity {

    private PduSecurity() {
    }

    private static List<SecBuffer> buffers(byte[] frag, PduLayout l, boolean sealBody) {
        return List.of(
                SecBuffer.signOnly(frag, 0, l.bodyOffset()),
                new SecBuffer(frag, l.bodyOffset(), l.trailerOffset() - l.bodyOffset(), sealBody),
                SecBuffer.signOnly(frag, l.trailerOffset(), SecTrailer.LENGTH));
    }

    /**
     * Protects a fragment in place. The fragment already holds its sec_trailer and a token area of
     * {@link SecurityContext#signatureSize()} bytes; the signature is written there (a shorter one is followed by
     * zero octets, [MS-RPCE] 2.2.2.11).
     */
    public static void protect(byte[] frag, PduLayout l, SecurityContext ctx, AuthLevel level, boolean headerSigning) {
        AuthLevel eff = level.effective();
        if (eff.value() < AuthLevel.PKT.value()) {
            return;
        }
        byte[] sig = eff == AuthLevel.PKT_PRIVACY ? ctx.seal(buffers(frag, l, true)) : ctx.sign(buffers(frag, l, false));
        if (sig.length > l.tokenLength()) {
            throw new IllegalStateException("signature of " + sig.length + " bytes exceeds the " + l.tokenLength()
                    + " bytes reserved");
        }
        System.arraycopy(sig, 0, frag, l.tokenOffset(), sig.length);
        Arrays.fill(frag, l.tokenOffset() + sig.length, l.fragLength(), (byte) 0);
    }

    /**
     * Checks (and at pktPrivacy decrypts in place) a received fragment.
     *
     * @throws AuthenticationException when the signature does not verify or is out of sequence
     */
    public static void unprotect(byte[] frag, PduLayout l, SecurityContext ctx, AuthLevel level, boolean headerSigning) {
        AuthLevel eff = level.effective();
        if (eff.value() < AuthLevel.PKT.value()) {
            return;
        }
        byte[] token = Arrays.copyOfRange(frag, l.tokenOffset(), l.fragLength());
        int size = ctx.signatureSize();
        if (token.length > size && allZero(token, size)) {
            token = Arrays.copyOf(token, size);
        }
        if (eff == AuthLevel.PKT_PRIVACY) {
            ctx.unseal(buffers(frag, l, true), token);
        } else {
            ctx.verify(buffers(frag, l, false), token);
        }
    }

    private static boolean allZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
