package org.jwmi.server.security;

import java.util.Arrays;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DTYP] 2.4.2 SID: a security identifier, immutable. Binary form per 2.4.2.2 (Revision, SubAuthorityCount,
 * IdentifierAuthority as 6 bytes most significant first, SubAuthority[] little-endian); string form per 2.4.2.1
 * ({@code S-1-5-32-544}).
 */
public final class Sid {

    /** [MS-DTYP] 2.4.2: SubAuthorityCount is at most 15. */
    public static final int MAX_SUB_AUTHORITIES = 15;
    /** The only defined SID revision. */
    public static final int SID_REVISION = 1;

    public static final Sid EVERYONE = parse(CallerToken.EVERYONE);
    public static final Sid CREATOR_OWNER = parse("S-1-3-0");
    public static final Sid OWNER_RIGHTS = parse("S-1-3-4");
    public static final Sid ANONYMOUS = parse("S-1-5-7");
    public static final Sid AUTHENTICATED_USERS = parse(CallerToken.AUTHENTICATED_USERS);
    public static final Sid LOCAL_SYSTEM = parse(CallerToken.LOCAL_SYSTEM);
    public static final Sid LOCAL_SERVICE = parse("S-1-5-19");
    public static final Sid NETWORK_SERVICE = parse("S-1-5-20");
    public static final Sid ADMINISTRATORS = parse(CallerToken.ADMINISTRATORS);
    public static final Sid USERS = parse(CallerToken.USERS);

    private final long identifierAuthority;
    private final int[] subAuthority;

    private Sid(long identifierAuthority, int[] subAuthority) {
        this.identifierAuthority = identifierAuthority;
        this.subAuthority = subAuthority;
    }

    /**
     * A SID from its parts.
     *
     * @param identifierAuthority the 48-bit authority (5 = NT Authority)
     * @param subAuthority        up to 15 values, each an unsigned 32-bit number held in an int
     */
    public static Sid of(long identifierAuthority, int... subAuthority) {
        if (identifierAuthority < 0 || identifierAuthority >= 1L << 48) {
            throw new IllegalArgumentException("identifier authority " + identifierAuthority + " exceeds 48 bits");
        }
        if (subAuthority.length > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("a SID has at most 15 sub-authorities, not " + subAuthority.length);
        }
        return new Sid(identifierAuthority, subAuthority.clone());
    }

    /** A SID with {@code rid} appended (a domain SID plus a relative identifier). */
    public Sid withRid(int rid) {
        int[] s = Arrays.copyOf(subAuthority, subAuthority.length + 1);
        s[subAuthority.length] = rid;
        return of(identifierAuthority, s);
    }

    /**
     * Parses the [MS-DTYP] 2.4.2.1 string form: {@code S-1-} authority (decimal, or {@code 0x} and 12 hex digits)
     * then {@code -} and each sub-authority in decimal. Case-insensitive.
     *
     * @throws IllegalArgumentException if {@code s} is not a SID string
     */
    public static Sid parse(String s) {
        String[] parts = s.split("-", -1);
        if (parts.length < 3 || !parts[0].equalsIgnoreCase("S") || !parts[1].equals("1")) {
            throw new IllegalArgumentException("not a SID string (S-1-authority-subauthority...): " + s);
        }
        long authority;
        try {
            authority = parts[2].regionMatches(true, 0, "0x", 0, 2)
                    ? Long.parseLong(parts[2].substring(2), 16) : parseDecimal(parts[2], (1L << 48) - 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad identifier authority in SID " + s);
        }
        int n = parts.length - 3;
        if (n > MAX_SUB_AUTHORITIES || authority >= 1L << 48) {
            throw new IllegalArgumentException("SID out of range: " + s);
        }
        int[] sub = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                sub[i] = (int) parseDecimal(parts[3 + i], 0xFFFF_FFFFL);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad sub-authority '" + parts[3 + i] + "' in SID " + s);
            }
        }
        return new Sid(authority, sub);
    }

    private static long parseDecimal(String d, long max) {
        if (d.isEmpty() || d.length() > 15 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(d);
        }
        long v = Long.parseLong(d);
        if (v > max) {
            throw new NumberFormatException(d);
        }
        return v;
    }

    /** Decodes [MS-DTYP] 2.4.2.2 from the reader's position. */
    public static Sid decode(WireReader r) {
        r.enter("Sid");
        int revision = r.u8();
        if (revision != SID_REVISION) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "SID Revision " + revision + ", expected 1");
        }
        int count = r.u8();
        if (count > MAX_SUB_AUTHORITIES) {
            throw r.fail(ProtocolException.Kind.ARRAY_SIZE, "SubAuthorityCount " + count + " exceeds 15");
        }
        r.need(6 + 4L * count);
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | r.u8();
        }
        int[] sub = new int[count];
        for (int i = 0; i < count; i++) {
            sub[i] = r.i32();
        }
        r.exit();
        return new Sid(authority, sub);
    }

    public void encode(WireWriter w) {
        w.u8(SID_REVISION);
        w.u8(subAuthority.length);
        for (int shift = 40; shift >= 0; shift -= 8) {
            w.u8((int) (identifierAuthority >>> shift) & 0xff);
        }
        for (int s : subAuthority) {
            w.i32(s);
        }
    }

    /** The encoded length in bytes: 8 + 4 per sub-authority. */
    public int size() {
        return 8 + 4 * subAuthority.length;
    }

    public byte[] toBytes() {
        WireWriter w = new WireWriter(size());
        encode(w);
        return w.toByteArray();
    }

    public long identifierAuthority() {
        return identifierAuthority;
    }

    public int subAuthorityCount() {
        return subAuthority.length;
    }

    /** Sub-authority {@code i} as an unsigned value. */
    public long subAuthority(int i) {
        return subAuthority[i] & 0xFFFF_FFFFL;
    }

    /** [MS-DTYP] 2.4.2.1 string form; the authority in hex ({@code 0x...}) when it does not fit 32 bits. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("S-1-");
        if (identifierAuthority >= 1L << 32) {
            sb.append(String.format("0x%012X", identifierAuthority));
        } else {
            sb.append(identifierAuthority);
        }
        for (int s : subAuthority) {
            sb.append('-').append(s & 0xFFFF_FFFFL);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sid s && s.identifierAuthority == identifierAuthority
                && Arrays.equals(s.subAuthority, subAuthority);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(identifierAuthority) * 31 + Arrays.hashCode(subAuthority);
    }
}
