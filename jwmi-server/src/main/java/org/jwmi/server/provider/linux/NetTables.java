package org.jwmi.server.provider.linux;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decoders of the kernel's network tables under {@code /proc/net} and of {@code resolv.conf}. Each reads what it
 * can: a line that is short, has a field of the wrong width or a non-hex digit is skipped, and at most
 * {@value #MAX_LINES} lines are looked at. Nothing here throws for malformed input.
 */
final class NetTables {

    static final int MAX_LINES = 1 << 16;
    /** RTF_UP, RTF_GATEWAY of {@code linux/route.h}. */
    static final int RTF_UP = 0x1;
    static final int RTF_GATEWAY = 0x2;
    /** IFA_F_DADFAILED, IFA_F_TENTATIVE of {@code linux/if_addr.h}. */
    static final int IFA_F_DADFAILED = 0x08;
    static final int IFA_F_TENTATIVE = 0x40;

    private NetTables() {
    }

    /**
     * A row of {@code /proc/net/route} (the main IPv4 table): addresses and mask as unsigned 32-bit values in
     * network order (the first octet in the top byte).
     */
    record Route4(String iface, long destination, long gateway, int flags, long metric, long mask) {

        boolean isDefault() {
            return destination == 0 && mask == 0 && (flags & RTF_GATEWAY) != 0 && (flags & RTF_UP) != 0;
        }

        /** A route to a directly attached network (no gateway). */
        boolean isConnected() {
            return gateway == 0 && (flags & RTF_GATEWAY) == 0 && (flags & RTF_UP) != 0;
        }

        int prefixLength() {
            return Long.bitCount(mask);
        }

        boolean contains(long address) {
            return (address & mask) == (destination & mask);
        }
    }

    /** An IPv4 address and the prefix length it was found under. */
    record Address4(long address, int prefixLength) {
    }

    /** A row of {@code /proc/net/if_inet6}. */
    record Address6(byte[] address, long ifindex, int prefixLength, int flags, String iface) {
    }

    /** A default route of {@code /proc/net/ipv6_route}. */
    record Gateway6(byte[] nextHop, long metric, String iface) {
    }

    /** The DNS settings of a {@code resolv.conf}: servers in order, the {@code domain} and the search list. */
    record Resolver(List<String> servers, String domain, List<String> search) {
    }

    /**
     * {@code /proc/net/route}: {@code Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT}, the
     * addresses printed as the hexadecimal of a big-endian value read in the kernel's byte order {@code order}.
     */
    static List<Route4> routes(String text, ByteOrder order) {
        List<Route4> out = new ArrayList<>();
        String[] lines = text.split("\n", MAX_LINES + 1);
        for (int i = 1; i < Math.min(lines.length, MAX_LINES); i++) { // line 0 is the header
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            Long dst = hex(f[1], 8);
            Long gw = hex(f[2], 8);
            Long flags = hex(f[3], 4);
            Long metric = LinuxHost.unsigned(f[6]);
            Long mask = hex(f[7], 8);
            if (dst == null || gw == null || flags == null || metric == null || mask == null || f[0].isEmpty()) {
                continue;
            }
            out.add(new Route4(f[0], toNetworkOrder(dst, order), toNetworkOrder(gw, order), flags.intValue(), metric,
                    toNetworkOrder(mask, order)));
        }
        return out;
    }

    /**
     * The local IPv4 addresses of {@code /proc/net/fib_trie}: each leaf ({@code |-- a.b.c.d}) followed by a
     * {@code /32 host LOCAL} line. Leaves with a shorter {@code host LOCAL} prefix (127.0.0.0/8 on the loopback
     * interface) are returned as well, with that prefix length. Duplicates (the table is printed once per routing
     * table) are dropped.
     */
    static List<Address4> localAddresses(String text) {
        Set<Address4> out = new LinkedHashSet<>();
        Long leaf = null;
        String[] lines = text.split("\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i].trim();
            if (line.startsWith("|-- ")) {
                leaf = ipv4(line.substring(4).trim());
            } else if (line.startsWith("+-- ") || line.endsWith(":")) {
                leaf = null;
            } else if (leaf != null && line.startsWith("/")) {
                String[] f = line.split("\\s+");
                Long len = LinuxHost.unsigned(f[0].substring(1));
                if (f.length >= 3 && len != null && len <= 32 && f[1].equals("host") && f[2].equals("LOCAL")) {
                    out.add(new Address4(leaf, len.intValue()));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * {@code /proc/net/if_inet6}: {@code address(32 hex) ifindex prefixlen scope flags name}, all hex but the name.
     */
    static List<Address6> ipv6Addresses(String text) {
        List<Address6> out = new ArrayList<>();
        String[] lines = text.split("\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 6) {
                continue;
            }
            byte[] addr = ipv6Bytes(f[0]);
            Long index = hexAny(f[1], 8);
            Long prefix = hexAny(f[2], 2);
            Long flags = hexAny(f[4], 8);
            if (addr == null || index == null || prefix == null || prefix > 128 || flags == null) {
                continue;
            }
            out.add(new Address6(addr, index, prefix.intValue(), flags.intValue(), f[5]));
        }
        return out;
    }

    /**
     * The default routes ({@code ::/0} with a next hop) of {@code /proc/net/ipv6_route}: {@code dst dstlen src
     * srclen nexthop metric refcnt use flags iface}.
     */
    static List<Gateway6> ipv6Gateways(String text) {
        List<Gateway6> out = new ArrayList<>();
        String[] lines = text.split("\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            byte[] dst = ipv6Bytes(f[0]);
            Long dstLen = hex(f[1], 2);
            byte[] hop = ipv6Bytes(f[4]);
            Long metric = hex(f[5], 8);
            Long flags = hex(f[8], 8);
            if (dst == null || dstLen == null || hop == null || metric == null || flags == null) {
                continue;
            }
            if (dstLen == 0 && isZero(dst) && !isZero(hop) && (flags & RTF_GATEWAY) != 0 && (flags & RTF_UP) != 0) {
                out.add(new Gateway6(hop, metric, f[9]));
            }
        }
        return out;
    }

    /** {@code nameserver}, {@code domain} and {@code search} lines of resolv.conf(5); the last domain/search wins. */
    static Resolver resolver(String text) {
        List<String> servers = new ArrayList<>();
        String domain = null;
        List<String> search = List.of();
        String[] lines = text.split("\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i].trim();
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 2) {
                continue;
            }
            switch (f[0]) {
                case "nameserver" -> {
                    String s = server(f[1]);
                    if (s != null) {
                        servers.add(s);
                    }
                }
                case "domain" -> {
                    domain = f[1];
                    search = List.of();
                }
                case "search" -> {
                    search = List.of(f).subList(1, f.length);
                    domain = null;
                }
                default -> {
                }
            }
        }
        if (domain == null && !search.isEmpty()) {
            domain = search.get(0);
        }
        return new Resolver(List.copyOf(servers), domain, search);
    }

    /** A nameserver address in the form Windows prints it, or null if it is not an IP address. */
    private static String server(String s) {
        Long v4 = ipv4(s);
        if (v4 != null) {
            return ipv4Text(v4);
        }
        int pct = s.indexOf('%');
        byte[] v6 = parseIpv6Text(pct >= 0 ? s.substring(0, pct) : s);
        return v6 == null ? null : ipv6Text(v6);
    }

    // ------------------------------------------------------------------ address helpers

    /** Dotted-quad text to an unsigned 32-bit value, or null. */
    static Long ipv4(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) {
            return null;
        }
        long v = 0;
        for (String part : p) {
            Long o = part.length() <= 3 ? LinuxHost.unsigned(part) : null;
            if (o == null || o > 255) {
                return null;
            }
            v = (v << 8) | o;
        }
        return v;
    }

    static String ipv4Text(long v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }

    /** The dotted mask of a prefix length (0..32). */
    static String maskText(int prefixLength) {
        long mask = prefixLength == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
        return ipv4Text(mask);
    }

    /** 32 hex digits to 16 bytes, or null. */
    static byte[] ipv6Bytes(String hex) {
        if (hex.length() != 32) {
            return null;
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }

    /** RFC 5952 text (lower case, longest run of two or more zero groups as {@code ::}), as Windows prints it. */
    static String ipv6Text(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (a[2 * i] & 0xFF) << 8 | (a[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** Textual IPv6 (with at most one {@code ::}, no embedded IPv4) to bytes, or null. */
    static byte[] parseIpv6Text(String s) {
        if (s.isEmpty() || s.length() > 39 || s.indexOf(':') < 0) {
            return null;
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return null;
        }
        List<String> head = dc < 0 ? List.of(s.split(":", -1)) : groups(s.substring(0, dc));
        List<String> tail = dc < 0 ? List.of() : groups(s.substring(dc + 2));
        if (head == null || tail == null || (dc < 0 && head.size() != 8) || (dc >= 0 && head.size() + tail.size() > 7)) {
            return null;
        }
        byte[] b = new byte[16];
        for (int k = 0; k < head.size() + tail.size(); k++) {
            String part = k < head.size() ? head.get(k) : tail.get(k - head.size());
            int pos = k < head.size() ? k : 8 - tail.size() + (k - head.size());
            Long v = part.length() >= 1 && part.length() <= 4 ? hexAny(part, 4) : null;
            if (v == null) {
                return null;
            }
            b[2 * pos] = (byte) (v >>> 8);
            b[2 * pos + 1] = (byte) (v & 0xFF);
        }
        return b;
    }

    private static List<String> groups(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(":", -1));
    }

    static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** Exactly {@code digits} hex digits, or null. */
    static Long hex(String s, int digits) {
        return s.length() == digits ? hexAny(s, digits) : null;
    }

    /** One to {@code maxDigits} hex digits, or null. */
    static Long hexAny(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits || maxDigits > 15) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return null;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** A 32-bit value the kernel printed after loading network-order bytes in {@code order}, in network order. */
    static long toNetworkOrder(long printed, ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? printed : Integer.toUnsignedLong(Integer.reverseBytes((int) printed));
    }

    /** A MAC address as Windows prints it ({@code 00:11:22:AA:BB:CC}), or null if absent or all zero. */
    static String macAddress(String sysfs) {
        String s = sysfs.trim();
        if (s.isEmpty() || s.length() > 3 * 32) {
            return null;
        }
        boolean zero = true;
        String[] parts = s.split(":", -1);
        for (String p : parts) {
            Long v = hex(p, 2);
            if (v == null) {
                return null;
            }
            zero &= v == 0;
        }
        return zero ? null : s.toUpperCase(Locale.ROOT);
    }
}
