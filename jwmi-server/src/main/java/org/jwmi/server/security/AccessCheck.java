package org.jwmi.server.security;

/**
 * The rights a token holds under a security descriptor: [MS-DTYP] 2.5.3.2 in its MAXIMUM_ALLOWED mode, which is
 * what __SystemSecurity::GetCallerAccessRights reports and what a check of any desired mask needs.
 *
 * <p>ACEs are evaluated in DACL order, as Windows does: an allow ACE grants the bits not yet denied, a deny ACE
 * denies the bits not yet granted (so a canonical DACL, deny ACEs first, lets deny win; a non-canonical one is
 * honoured as written). Inherit-only ACEs and ACE types other than allow/deny are skipped. No DACL (absent or
 * NULL) grants everything; an empty DACL grants nothing. The owner holds READ_CONTROL and WRITE_DAC unless the
 * DACL names OWNER RIGHTS (S-1-3-4). Generic rights in ACEs are mapped by {@link #mapGeneric}.
 */
public final class AccessCheck {

    public static final int GENERIC_READ = 0x80000000;
    public static final int GENERIC_WRITE = 0x40000000;
    public static final int GENERIC_EXECUTE = 0x20000000;
    public static final int GENERIC_ALL = 0x10000000;
    public static final int READ_CONTROL = 0x20000;
    public static final int WRITE_DAC = 0x40000;
    /** The value returned for "everything" (no DACL). */
    public static final int ALL_ACCESS = 0xFFFFFFFF & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);

    private AccessCheck() {
    }

    /**
     * The generic mapping for namespaces (ours; Windows does not publish one for WMI): GENERIC_READ → WBEM_ENABLE |
     * READ_CONTROL, GENERIC_WRITE → the three write rights, GENERIC_EXECUTE → WBEM_METHOD_EXECUTE, GENERIC_ALL →
     * every namespace right.
     */
    public static int mapGeneric(int mask) {
        int m = mask & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
        if ((mask & GENERIC_READ) != 0) {
            m |= WmiRight.mask(WmiRight.WBEM_ENABLE, WmiRight.READ_CONTROL);
        }
        if ((mask & GENERIC_WRITE) != 0) {
            m |= WmiRight.mask(WmiRight.WBEM_FULL_WRITE_REP, WmiRight.WBEM_PARTIAL_WRITE_REP,
                    WmiRight.WBEM_WRITE_PROVIDER);
        }
        if ((mask & GENERIC_EXECUTE) != 0) {
            m |= WmiRight.WBEM_METHOD_EXECUTE.mask();
        }
        if ((mask & GENERIC_ALL) != 0) {
            m |= WmiRight.ALL_NAMESPACE_RIGHTS;
        }
        return m;
    }

    /** The rights {@code token} holds under {@code sd}. */
    public static int granted(SecurityDescriptor sd, CallerToken token) {
        if (sd.dacl() == null) {
            return ALL_ACCESS;
        }
        int granted = 0;
        int denied = 0;
        boolean ownerRightsAce = false;
        for (Ace ace : sd.dacl().aces()) {
            if (!(ace instanceof Ace.MaskSidAce a) || (a.aceFlags() & Ace.INHERIT_ONLY_ACE) != 0) {
                continue;
            }
            if (a.sid().equals(Sid.OWNER_RIGHTS)) {
                ownerRightsAce = true;
            }
            if (!holds(token, a.sid(), sd.owner())) {
                continue;
            }
            int mask = mapGeneric(a.mask());
            if (a.aceType() == Ace.ACCESS_ALLOWED_ACE_TYPE) {
                granted |= mask & ~denied;
            } else if (a.aceType() == Ace.ACCESS_DENIED_ACE_TYPE) {
                denied |= mask & ~granted;
            }
        }
        if (!ownerRightsAce && sd.owner() != null && token.has(sd.owner().toString())) {
            granted |= READ_CONTROL | WRITE_DAC;
        }
        return granted;
    }

    private static boolean holds(CallerToken token, Sid aceSid, Sid owner) {
        if (aceSid.equals(Sid.OWNER_RIGHTS)) {
            return owner != null && token.has(owner.toString());
        }
        return token.has(aceSid.toString());
    }
}
