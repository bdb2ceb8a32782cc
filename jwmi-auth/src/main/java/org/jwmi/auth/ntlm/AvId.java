package org.jwmi.auth.ntlm;

import java.util.Optional;

/** [MS-NLMP] 2.2.2.1 AV_PAIR: the AvId values, named as in the spec. */
public enum AvId {
    /** The last pair of a list; AvLen 0. */
    MsvAvEOL(0x0000, 0),
    /** The server's NetBIOS computer name (Unicode). */
    MsvAvNbComputerName(0x0001, -2),
    /** The server's NetBIOS domain name (Unicode). */
    MsvAvNbDomainName(0x0002, -2),
    /** The server's fully qualified DNS name (Unicode). */
    MsvAvDnsComputerName(0x0003, -2),
    /** The DNS name of the server's domain (Unicode). */
    MsvAvDnsDomainName(0x0004, -2),
    /** The DNS name of the forest (Unicode). */
    MsvAvDnsTreeName(0x0005, -2),
    /** A 32-bit flag word: 0x1 constrained, 0x2 MIC present, 0x4 untrusted SPN. */
    MsvAvFlags(0x0006, 4),
    /** A FILETIME: the server's time in the CHALLENGE_MESSAGE. */
    MsvAvTimestamp(0x0007, 8),
    /** A Single_Host_Data structure. */
    MsvAvSingleHost(0x0008, -1),
    /** The SPN of the target server (Unicode). */
    MsvAvTargetName(0x0009, -2),
    /** MD5 of gss_channel_bindings_struct; all zero when there are none. */
    MsvAvChannelBindings(0x000A, 16);

    /** MsvAvFlags bit: the AUTHENTICATE_MESSAGE carries a MIC. */
    public static final int FLAG_MIC_PRESENT = 0x00000002;

    private final int value;
    /** Exact value length, or -2 for "even" (UTF-16), or -1 for "any". */
    private final int length;

    AvId(int value, int length) {
        this.value = value;
        this.length = length;
    }

    public int value() {
        return value;
    }

    /** Whether {@code n} bytes is a valid AvLen for this id. */
    boolean acceptsLength(int n) {
        return length == -1 || (length == -2 ? (n & 1) == 0 : n == length);
    }

    boolean isText() {
        return length == -2;
    }

    public static Optional<AvId> fromValue(int v) {
        for (AvId id : values()) {
            if (id.value == v) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
