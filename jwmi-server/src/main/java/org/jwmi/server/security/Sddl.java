package org.jwmi.server.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of the [MS-DTYP] 2.5.1 Security Descriptor Definition Language that namespace security needs:
 * {@code O:}owner {@code G:}group {@code D:}flags(aces) {@code S:}flags(aces); ACE types {@code A}, {@code D},
 * {@code AU}; ACE flags {@code CI OI NP IO ID SA FA}; rights as two-letter codes or a {@code 0x} number; SIDs as
 * {@code S-1-...} or the aliases below. Object GUIDs, conditional expressions and resource attributes are refused.
 */
public final class Sddl {

    private static final Map<String, String> ALIASES = new LinkedHashMap<>();
    private static final Map<String, Integer> RIGHTS = new LinkedHashMap<>();
    private static final Map<String, Integer> ACE_FLAGS = new LinkedHashMap<>();

    static {
        // [MS-DTYP] 2.5.1.1 sid-token table (the local-machine subset).
        ALIASES.put("WD", "S-1-1-0");
        ALIASES.put("CO", "S-1-3-0");
        ALIASES.put("CG", "S-1-3-1");
        ALIASES.put("OW", "S-1-3-4");
        ALIASES.put("NU", "S-1-5-2");
        ALIASES.put("IU", "S-1-5-4");
        ALIASES.put("SU", "S-1-5-6");
        ALIASES.put("AN", "S-1-5-7");
        ALIASES.put("PS", "S-1-5-10");
        ALIASES.put("AU", "S-1-5-11");
        ALIASES.put("SY", "S-1-5-18");
        ALIASES.put("LS", "S-1-5-19");
        ALIASES.put("NS", "S-1-5-20");
        ALIASES.put("BA", "S-1-5-32-544");
        ALIASES.put("BU", "S-1-5-32-545");
        ALIASES.put("BG", "S-1-5-32-546");
        // [MS-DTYP] 2.5.1.1 rights table; the directory-service letters carry the WMI rights (CC = WBEM_ENABLE ...).
        RIGHTS.put("GA", 0x10000000);
        RIGHTS.put("GX", 0x20000000);
        RIGHTS.put("GW", 0x40000000);
        RIGHTS.put("GR", 0x80000000);
        RIGHTS.put("SD", 0x00010000);
        RIGHTS.put("RC", 0x00020000);
        RIGHTS.put("WD", 0x00040000);
        RIGHTS.put("WO", 0x00080000);
        RIGHTS.put("CC", 0x00000001);
        RIGHTS.put("DC", 0x00000002);
        RIGHTS.put("LC", 0x00000004);
        RIGHTS.put("SW", 0x00000008);
        RIGHTS.put("RP", 0x00000010);
        RIGHTS.put("WP", 0x00000020);
        RIGHTS.put("DT", 0x00000040);
        RIGHTS.put("LO", 0x00000080);
        RIGHTS.put("CR", 0x00000100);
        ACE_FLAGS.put("OI", Ace.OBJECT_INHERIT_ACE);
        ACE_FLAGS.put("CI", Ace.CONTAINER_INHERIT_ACE);
        ACE_FLAGS.put("NP", Ace.NO_PROPAGATE_INHERIT_ACE);
        ACE_FLAGS.put("IO", Ace.INHERIT_ONLY_ACE);
        ACE_FLAGS.put("ID", Ace.INHERITED_ACE);
        ACE_FLAGS.put("SA", Ace.SUCCESSFUL_ACCESS_ACE_FLAG);
        ACE_FLAGS.put("FA", Ace.FAILED_ACCESS_ACE_FLAG);
    }

    private Sddl() {
    }

    /**
     * Parses an SDDL string.
     *
     * @throws IllegalArgumentException naming the position of the first thing outside the subset
     */
    public static SecurityDescriptor parse(String sddl) {
        return new Parser(sddl.strip()).sd();
    }

    /** The SID of an alias ({@code BA}) or of a SID string. */
    public static Sid sid(String token) {
        String s = ALIASES.get(token.toUpperCase(Locale.ROOT));
        return Sid.parse(s != null ? s : token);
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        SecurityDescriptor sd() {
            Sid owner = null;
            Sid group = null;
            Acl dacl = null;
            Acl sacl = null;
            int control = 0;
            while (pos < s.length()) {
                char c = Character.toUpperCase(s.charAt(pos));
                if (pos + 1 >= s.length() || s.charAt(pos + 1) != ':') {
                    throw error("expected O:, G:, D: or S:");
                }
                pos += 2;
                switch (c) {
                    case 'O' -> owner = sidToken();
                    case 'G' -> group = sidToken();
                    case 'D' -> {
                        int[] flags = {0};
                        dacl = acl(flags, SecurityDescriptor.SE_DACL_PROTECTED, SecurityDescriptor.SE_DACL_AUTO_INHERITED,
                                SecurityDescriptor.SE_DACL_AUTO_INHERIT_REQ);
                        control |= flags[0] | SecurityDescriptor.SE_DACL_PRESENT;
                    }
                    case 'S' -> {
                        int[] flags = {0};
                        sacl = acl(flags, SecurityDescriptor.SE_SACL_PROTECTED, SecurityDescriptor.SE_SACL_AUTO_INHERITED,
                                SecurityDescriptor.SE_SACL_AUTO_INHERIT_REQ);
                        control |= flags[0] | SecurityDescriptor.SE_SACL_PRESENT;
                    }
                    default -> throw error("unknown component " + c + ":");
                }
            }
            return new SecurityDescriptor(control, 0, owner, group, sacl, dacl);
        }

        private Sid sidToken() {
            int start = pos;
            if (s.regionMatches(true, pos, "S-", 0, 2)) {
                pos += 2;
                if (s.regionMatches(true, pos, "1-0x", 0, 4)) {
                    pos += 4;
                    while (pos < s.length() && pos < start + 18 && Character.digit(s.charAt(pos), 16) >= 0) {
                        pos++;
                    }
                }
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
                    pos++;
                }
            } else {
                pos = Math.min(s.length(), pos + 2);
            }
            String token = s.substring(start, pos);
            try {
                return sid(token);
            } catch (IllegalArgumentException e) {
                pos = start;
                throw error("unknown SID or alias '" + token + "'");
            }
        }

        /** Control flags ({@code P}, {@code AI}, {@code AR}) then ACEs; {@code NO_ACCESS_CONTROL} is a NULL ACL. */
        private Acl acl(int[] flags, int protectedBit, int autoInheritedBit, int autoInheritReqBit) {
            if (s.startsWith("NO_ACCESS_CONTROL", pos)) {
                pos += "NO_ACCESS_CONTROL".length();
                return null;
            }
            while (pos < s.length() && s.charAt(pos) != '(' && !(pos + 1 < s.length() && s.charAt(pos + 1) == ':')) {
                if (s.startsWith("P", pos)) {
                    flags[0] |= protectedBit;
                    pos++;
                } else if (s.startsWith("AI", pos)) {
                    flags[0] |= autoInheritedBit;
                    pos += 2;
                } else if (s.startsWith("AR", pos)) {
                    flags[0] |= autoInheritReqBit;
                    pos += 2;
                } else {
                    throw error("unknown ACL flag");
                }
            }
            List<Ace> aces = new ArrayList<>();
            while (pos < s.length() && s.charAt(pos) == '(') {
                aces.add(ace());
            }
            return Acl.of(aces);
        }

        private Ace ace() {
            int start = pos;
            int end = s.indexOf(')', pos);
            if (end < 0) {
                throw error("unterminated ACE");
            }
            String[] f = s.substring(pos + 1, end).split(";", -1);
            if (f.length != 6) {
                throw error("an ACE has 6 fields: type;flags;rights;object-guid;inherit-object-guid;sid");
            }
            int type = switch (f[0].toUpperCase(Locale.ROOT)) {
                case "A" -> Ace.ACCESS_ALLOWED_ACE_TYPE;
                case "D" -> Ace.ACCESS_DENIED_ACE_TYPE;
                case "AU" -> Ace.SYSTEM_AUDIT_ACE_TYPE;
                default -> throw error("ACE type '" + f[0] + "' is not supported (A, D, AU)");
            };
            int flags = 0;
            String fl = f[1].toUpperCase(Locale.ROOT);
            if (fl.length() % 2 != 0) {
                throw error("bad ACE flags '" + f[1] + "'");
            }
            for (int i = 0; i < fl.length(); i += 2) {
                Integer b = ACE_FLAGS.get(fl.substring(i, i + 2));
                if (b == null) {
                    throw error("unknown ACE flag '" + fl.substring(i, i + 2) + "'");
                }
                flags |= b;
            }
            int mask = rights(f[2]);
            if (!f[3].isEmpty() || !f[4].isEmpty()) {
                throw error("object ACEs (GUIDs) are not supported");
            }
            Sid sid;
            try {
                sid = sid(f[5]);
            } catch (IllegalArgumentException e) {
                pos = start;
                throw error("unknown SID or alias '" + f[5] + "'");
            }
            pos = end + 1;
            return new Ace.MaskSidAce(type, flags, mask, sid);
        }

        private int rights(String r) {
            if (r.regionMatches(true, 0, "0x", 0, 2)) {
                try {
                    return (int) Long.parseLong(r.substring(2), 16);
                } catch (NumberFormatException e) {
                    throw error("bad rights '" + r + "'");
                }
            }
            if (!r.isEmpty() && r.chars().allMatch(Character::isDigit)) {
                try {
                    return (int) Long.parseLong(r);
                } catch (NumberFormatException e) {
                    throw error("bad rights '" + r + "'");
                }
            }
            String u = r.toUpperCase(Locale.ROOT);
            if (u.length() % 2 != 0) {
                throw error("bad rights '" + r + "'");
            }
            int mask = 0;
            for (int i = 0; i < u.length(); i += 2) {
                Integer b = RIGHTS.get(u.substring(i, i + 2));
                if (b == null) {
                    throw error("unknown right '" + u.substring(i, i + 2) + "'");
                }
                mask |= b;
            }
            return mask;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("SDDL position " + pos + ": " + what);
        }
    }

    /** The SDDL text of {@code sd} (aliases and two-letter rights where they exist; opaque ACEs as comments). */
    public static String format(SecurityDescriptor sd) {
        StringBuilder b = new StringBuilder();
        if (sd.owner() != null) {
            b.append("O:").append(alias(sd.owner()));
        }
        if (sd.group() != null) {
            b.append("G:").append(alias(sd.group()));
        }
        if (sd.has(SecurityDescriptor.SE_DACL_PRESENT)) {
            b.append("D:");
            appendAcl(b, sd.dacl(), sd.control(), SecurityDescriptor.SE_DACL_PROTECTED,
                    SecurityDescriptor.SE_DACL_AUTO_INHERIT_REQ, SecurityDescriptor.SE_DACL_AUTO_INHERITED);
        }
        if (sd.has(SecurityDescriptor.SE_SACL_PRESENT)) {
            b.append("S:");
            appendAcl(b, sd.sacl(), sd.control(), SecurityDescriptor.SE_SACL_PROTECTED,
                    SecurityDescriptor.SE_SACL_AUTO_INHERIT_REQ, SecurityDescriptor.SE_SACL_AUTO_INHERITED);
        }
        return b.toString();
    }

    private static void appendAcl(StringBuilder b, Acl acl, int control, int p, int ar, int ai) {
        if ((control & p) != 0) {
            b.append('P');
        }
        if ((control & ar) != 0) {
            b.append("AR");
        }
        if ((control & ai) != 0) {
            b.append("AI");
        }
        if (acl == null) {
            b.append("NO_ACCESS_CONTROL");
            return;
        }
        for (Ace a : acl.aces()) {
            if (a instanceof Ace.MaskSidAce m && m.aceType() != Ace.SYSTEM_MANDATORY_LABEL_ACE_TYPE
                    && m.trailer().length == 0) {
                b.append('(').append(switch (m.aceType()) {
                    case Ace.ACCESS_ALLOWED_ACE_TYPE -> "A";
                    case Ace.ACCESS_DENIED_ACE_TYPE -> "D";
                    default -> "AU";
                }).append(';');
                for (Map.Entry<String, Integer> e : ACE_FLAGS.entrySet()) {
                    if ((m.aceFlags() & e.getValue()) != 0) {
                        b.append(e.getKey());
                    }
                }
                b.append(';').append(rightsText(m.mask())).append(";;;").append(alias(m.sid())).append(')');
            } else {
                b.append("(/*").append(a).append("*/)");
            }
        }
    }

    private static String rightsText(int mask) {
        StringBuilder b = new StringBuilder();
        int left = mask;
        for (String code : new String[] {"GA", "GR", "GW", "GX", "CC", "DC", "LC", "SW", "RP", "WP", "DT", "LO", "CR",
                "SD", "RC", "WD", "WO"}) {
            int bit = RIGHTS.get(code);
            if ((left & bit) != 0) {
                b.append(code);
                left &= ~bit;
            }
        }
        return left == 0 ? b.toString() : String.format("0x%x", mask);
    }

    private static String alias(Sid sid) {
        String text = sid.toString();
        for (Map.Entry<String, String> e : ALIASES.entrySet()) {
            if (e.getValue().equals(text)) {
                return e.getKey();
            }
        }
        return text;
    }
}
