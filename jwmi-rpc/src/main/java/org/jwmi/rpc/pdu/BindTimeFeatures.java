package org.jwmi.rpc.pdu;

import java.util.UUID;
import org.jwmi.rpc.SyntaxId;

/**
 * [MS-RPCE] 3.3.1.5.3 bind time feature negotiation: a "transfer syntax" whose UUID starts with
 * {@code 6CB71C2C-9812-4540} (version 1.0) and whose last eight octets are the
 * BindTimeFeatureNegotiationBitmask (2.2.2.14). The server answers with negotiate_ack and the
 * BindTimeFeatureNegotiationResponseBitmask (2.2.2.15) in the reason field.
 */
public final class BindTimeFeatures {

    /** SecurityContextMultiplexingSupported. */
    public static final int SECURITY_CONTEXT_MULTIPLEXING = 0x01;
    /** KeepConnectionOnOrphanSupported. */
    public static final int KEEP_CONNECTION_ON_ORPHAN = 0x02;

    private static final long PREFIX = 0x6cb71c2c98124540L;

    private BindTimeFeatures() {
    }

    /** The syntax a client proposes to offer {@code bitmask} (Bitmask[0]; the other octets zero). */
    public static SyntaxId syntax(int bitmask) {
        return new SyntaxId(new UUID(PREFIX, (long) (bitmask & 0xff) << 56), 1, 0);
    }

    public static boolean isFeatureSyntax(SyntaxId s) {
        return s.uuid().getMostSignificantBits() == PREFIX && s.versionMajor() == 1 && s.versionMinor() == 0;
    }

    /** Bitmask[0] of a feature syntax (the first of the eight trailing octets). */
    public static int bitmask(SyntaxId s) {
        return (int) (s.uuid().getLeastSignificantBits() >>> 56) & 0xff;
    }

    public static String describe(int bits) {
        StringBuilder sb = new StringBuilder(String.format("0x%02x", bits));
        if ((bits & SECURITY_CONTEXT_MULTIPLEXING) != 0) {
            sb.append(" SecurityContextMultiplexing");
        }
        if ((bits & KEEP_CONNECTION_ON_ORPHAN) != 0) {
            sb.append(" KeepConnectionOnOrphan");
        }
        return sb.toString();
    }
}
