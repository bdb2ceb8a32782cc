package org.jwmi.dcom.wire;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.19 DUALSTRINGARRAY: the string bindings and security bindings of an object resolver or exporter.
 * Raw little-endian inside an OBJREF (2.2.19.1, {@link #decode(WireReader)}); an NDR conformant structure when it
 * is a method parameter or a referent, e.g. in ResolveOxid2 or customREMOTE_REPLY_SCM_INFO (2.2.19.2,
 * {@link #decode(NdrReader)}).
 * <pre>
 * typedef struct tagDUALSTRINGARRAY {
 *     unsigned short wNumEntries;       // unsigned shorts in aStringArray
 *     unsigned short wSecurityOffset;   // index of the first SECURITYBINDING
 *     [size_is(wNumEntries)] unsigned short aStringArray[];
 * } DUALSTRINGARRAY;
 * aStringArray = STRINGBINDING* 0x0000 SECURITYBINDING* 0x0000
 * </pre>
 *
 * <p>Decoding: the string bindings are read from {@code [0, wSecurityOffset)} and must end with their zero
 * terminator inside that range; the security bindings from {@code [wSecurityOffset, wNumEntries)}, likewise.
 * Zeros after a terminator are accepted (the spec's smallest array is {@code 0 0 | 0 0}, Samba sends {@code 0 | 0}),
 * anything else there is BAD_VALUE. Encoding writes each list followed by one terminator, and an empty list as
 * two zeros, as in the spec's smallest example.
 *
 * @param stringBindings   STRINGBINDING entries in order of preference
 * @param securityBindings SECURITYBINDING entries in order of preference
 */
public record DualStringArray(List<StringBinding> stringBindings, List<SecurityBinding> securityBindings) {

    public DualStringArray {
        stringBindings = List.copyOf(stringBindings);
        securityBindings = List.copyOf(securityBindings);
    }

    /** An array with no bindings at all: {@code wNumEntries = 4, wSecurityOffset = 2, 0 0 0 0}. */
    public static DualStringArray empty() {
        return new DualStringArray(List.of(), List.of());
    }

    private static int unitsOf(List<StringBinding> s, List<SecurityBinding> sec) {
        int n = s.isEmpty() ? 2 : 1;
        for (StringBinding b : s) {
            n += b.units();
        }
        n += sec.isEmpty() ? 2 : 1;
        for (SecurityBinding b : sec) {
            n += b.units();
        }
        return n;
    }

    /** wSecurityOffset as encoded. */
    public int wSecurityOffset() {
        int n = stringBindings.isEmpty() ? 2 : 1;
        for (StringBinding b : stringBindings) {
            n += b.units();
        }
        return n;
    }

    /**
     * aStringArray as encoded (its length is wNumEntries); an {@link IllegalArgumentException} if the bindings
     * need more than 65535 unsigned shorts.
     */
    public char[] aStringArray() {
        int n = unitsOf(stringBindings, securityBindings);
        if (n > 0xffff) {
            throw new IllegalArgumentException("bindings need " + n + " unsigned shorts, more than 65535");
        }
        char[] a = new char[n];
        int i = 0;
        for (StringBinding b : stringBindings) {
            a[i++] = (char) b.wTowerId();
            i = put(a, i, b.aNetworkAddr());
        }
        i = stringBindings.isEmpty() ? i + 2 : i + 1;
        for (SecurityBinding b : securityBindings) {
            a[i++] = (char) b.wAuthnSvc();
            a[i++] = (char) b.reserved();
            i = put(a, i, b.aPrincName());
        }
        return a;
    }

    private static int put(char[] a, int i, String s) {
        s.getChars(0, s.length(), a, i);
        return i + s.length() + 1;
    }

    /** Size of the packet version in bytes. */
    public int packedSize() {
        return 4 + 2 * unitsOf(stringBindings, securityBindings);
    }

    // --------------------------------------------------------------------------------------------- packet version

    /** The packet version (2.2.19.1): wNumEntries, wSecurityOffset, aStringArray, all little-endian shorts. */
    public static DualStringArray decode(WireReader r) {
        r.enter("saResAddr");
        try {
            int wNumEntries = r.u16();
            int wSecurityOffset = r.u16();
            int base = r.position();
            if (2L * wNumEntries > r.remaining()) {
                throw new ProtocolException(Kind.ARRAY_SIZE, base - 4, r.path(), "wNumEntries " + wNumEntries
                        + " needs " + 2L * wNumEntries + " bytes, " + r.remaining() + " remain");
            }
            char[] a = new char[wNumEntries];
            for (int i = 0; i < wNumEntries; i++) {
                a[i] = (char) r.u16();
            }
            return parse(a, wSecurityOffset, base, r.path());
        } finally {
            r.exit();
        }
    }

    public void encode(WireWriter w) {
        char[] a = aStringArray();
        w.u16(a.length).u16(wSecurityOffset());
        for (char c : a) {
            w.u16(c);
        }
    }

    // --------------------------------------------------------------------------------------------- IDL version

    /**
     * The IDL version (2.2.19.2), an NDR conformant structure: the hoisted max_count (must equal wNumEntries),
     * wNumEntries, wSecurityOffset, then the unsigned shorts in the stream's byte order.
     */
    public static DualStringArray decode(NdrReader r) {
        int max = r.maxCount();
        return r.struct("DUALSTRINGARRAY", 4, s -> {
            int wNumEntries = s.u16();
            int wSecurityOffset = s.u16();
            if (wNumEntries != max) {
                throw s.fail(Kind.BAD_VALUE, "wNumEntries " + wNumEntries + " differs from max_count " + max);
            }
            int base = s.position();
            if (2L * wNumEntries > s.remaining()) {
                throw s.fail(Kind.ARRAY_SIZE, "wNumEntries " + wNumEntries + " needs " + 2L * wNumEntries
                        + " bytes, " + s.remaining() + " remain");
            }
            char[] a = new char[wNumEntries];
            for (int i = 0; i < wNumEntries; i++) {
                a[i] = (char) s.u16();
            }
            return parse(a, wSecurityOffset, base, s.wire().path());
        });
    }

    public static void encode(NdrWriter w, DualStringArray v) {
        char[] a = v.aStringArray();
        w.maxCount(a.length).struct(4, s -> {
            s.u16(a.length).u16(v.wSecurityOffset());
            for (char c : a) {
                s.u16(c);
            }
        });
    }

    // --------------------------------------------------------------------------------------------- parsing

    private static DualStringArray parse(char[] a, int wSecurityOffset, int base, String path) {
        int n = a.length;
        if (wSecurityOffset > n) {
            throw new ProtocolException(Kind.RANGE, base - 2, path, "wSecurityOffset " + wSecurityOffset
                    + " exceeds wNumEntries " + n);
        }
        List<StringBinding> strings = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i >= wSecurityOffset) {
                throw new ProtocolException(Kind.BAD_VALUE, base + 2 * i, path,
                        "STRINGBINDING array has no terminator before wSecurityOffset " + wSecurityOffset);
            }
            int tower = a[i++];
            if (tower == 0) {
                break;
            }
            int end = terminator(a, i, wSecurityOffset);
            if (end < 0) {
                throw new ProtocolException(Kind.BAD_VALUE, base + 2 * i, path,
                        "aNetworkAddr is not terminated before wSecurityOffset " + wSecurityOffset);
            }
            strings.add(new StringBinding(tower, new String(a, i, end - i)));
            i = end + 1;
        }
        zerosOnly(a, i, wSecurityOffset, base, path, "nullterm1");
        List<SecurityBinding> security = new ArrayList<>();
        i = wSecurityOffset;
        while (true) {
            if (i >= n) {
                throw new ProtocolException(Kind.BAD_VALUE, base + 2 * i, path,
                        "SECURITYBINDING array has no terminator before wNumEntries " + n);
            }
            int authn = a[i++];
            if (authn == 0) {
                break;
            }
            if (i >= n) {
                throw new ProtocolException(Kind.BAD_VALUE, base + 2 * i, path,
                        "SECURITYBINDING has no Reserved field before wNumEntries " + n);
            }
            int reserved = a[i++];
            int end = terminator(a, i, n);
            if (end < 0) {
                throw new ProtocolException(Kind.BAD_VALUE, base + 2 * i, path,
                        "aPrincName is not terminated before wNumEntries " + n);
            }
            security.add(new SecurityBinding(authn, reserved, new String(a, i, end - i)));
            i = end + 1;
        }
        zerosOnly(a, i, n, base, path, "nullterm2");
        return new DualStringArray(strings, security);
    }

    private static int terminator(char[] a, int from, int to) {
        for (int j = from; j < to; j++) {
            if (a[j] == 0) {
                return j;
            }
        }
        return -1;
    }

    private static void zerosOnly(char[] a, int from, int to, int base, String path, String after) {
        for (int j = from; j < to; j++) {
            if (a[j] != 0) {
                throw new ProtocolException(Kind.BAD_VALUE, base + 2 * j, path, "unexpected data after " + after);
            }
        }
    }
}
