package org.jwmi.server.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jwmi.cim.CimException;
import org.jwmi.cim.WbemStatus;
import org.jwmi.server.repository.CimRepository;
import org.jwmi.wire.ProtocolException;

/**
 * The security of every namespace ([MS-WMI] 3.1.1 NamespaceConnectionTable: Security Descriptor, RequiresEncryption)
 * and the access checks the WMI service makes with it ([MS-WMI] 5.2).
 *
 * <p><b>Storage.</b> Each namespace's <em>own</em> descriptor (owner, group, control flags and the explicit ACEs,
 * i.e. those without INHERITED_ACE) and its RequiresEncryption flag are kept in the repository's table
 * {@code namespace_security}. A namespace without an entry has no ACEs of its own; {@code root} without an entry
 * has {@link #defaultRootSd()}.
 *
 * <p><b>Inheritance.</b> The effective descriptor of a namespace is its own ACEs followed by the parent's effective
 * ACEs that carry CONTAINER_INHERIT_ACE, transformed as [MS-WMI] 2.2.30.2 says (NO_PROPAGATE_INHERIT_ACE clears
 * CONTAINER_INHERIT_ACE, INHERIT_ONLY_ACE is cleared) and marked INHERITED_ACE ([MS-DTYP] 2.5.3.5), unless the
 * namespace's own DACL (SACL) is protected. Computing it on every read makes a change of the parent reach every
 * child at once, as Windows propagates it. MS-WMI 2.2.30.2 words the protection test on the <em>parent's</em>
 * SE_DACL_PROTECTED bit; we follow [MS-DTYP] 2.5.3.4.2 and the SDK ("Establishing Inheritance of Namespace
 * Security"), where a protected ACL is one that does not inherit, i.e. the child's bit.
 *
 * <p><b>Administrators.</b> [MS-WMI] Appendix B note &lt;88&gt;: "In Windows, local administrators are implicitly
 * granted all rights that are specified in the table in section 5.2". By default this class does the same
 * (BUILTIN\Administrators always hold {@link WmiRight#ALL_NAMESPACE_RIGHTS}, whatever the DACL says, so an
 * administrator cannot lock everyone out); construct it with {@code administratorsImplicitlyGranted = false} to
 * let the DACL alone decide.
 *
 * <p>Thread-safe (the repository serializes its operations).
 */
public final class NamespaceSecurity {

    /** Rights Authenticated Users hold on {@code root} by default (the choice; see {@link #defaultRootSd()}). */
    public static final int DEFAULT_USER_RIGHTS = WmiRight.mask(WmiRight.WBEM_ENABLE, WmiRight.WBEM_METHOD_EXECUTE,
            WmiRight.WBEM_PARTIAL_WRITE_REP);

    private static final int KNOWN_DACL_ACE_FLAGS = Ace.OBJECT_INHERIT_ACE | Ace.CONTAINER_INHERIT_ACE
            | Ace.NO_PROPAGATE_INHERIT_ACE | Ace.INHERIT_ONLY_ACE | Ace.INHERITED_ACE;

    private final CimRepository repository;
    private final boolean administratorsImplicitlyGranted;

    /** Namespace security over {@code repository}, administrators implicitly granted all rights (note &lt;88&gt;). */
    public NamespaceSecurity(CimRepository repository) {
        this(repository, true);
    }

    public NamespaceSecurity(CimRepository repository, boolean administratorsImplicitlyGranted) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.administratorsImplicitlyGranted = administratorsImplicitlyGranted;
    }

    /**
     * The descriptor of {@code root} until one is set: owner and group BUILTIN\Administrators; DACL, every ACE
     * CONTAINER_INHERIT so that child namespaces inherit it:
     * <ul>
     *   <li>BUILTIN\Administrators: every namespace right (WBEM_ENABLE ... WBEM_REMOTE_ACCESS, READ_CONTROL,
     *       WRITE_DAC) — the only trustee with WBEM_REMOTE_ACCESS;</li>
     *   <li>Authenticated Users, LOCAL SERVICE, NETWORK SERVICE: WBEM_ENABLE, WBEM_METHOD_EXECUTE,
     *       WBEM_PARTIAL_WRITE_REP.</li>
     * </ul>
     * The trustees are those of [MS-WMI] note &lt;13&gt; (Vista and later); the user rights follow the project's issue
     * (note &lt;13&gt; lists Full Write where we grant Partial Write).
     */
    public static SecurityDescriptor defaultRootSd() {
        List<Ace> aces = List.of(
                Ace.MaskSidAce.allow(Ace.CONTAINER_INHERIT_ACE, WmiRight.ALL_NAMESPACE_RIGHTS, Sid.ADMINISTRATORS),
                Ace.MaskSidAce.allow(Ace.CONTAINER_INHERIT_ACE, DEFAULT_USER_RIGHTS, Sid.AUTHENTICATED_USERS),
                Ace.MaskSidAce.allow(Ace.CONTAINER_INHERIT_ACE, DEFAULT_USER_RIGHTS, Sid.LOCAL_SERVICE),
                Ace.MaskSidAce.allow(Ace.CONTAINER_INHERIT_ACE, DEFAULT_USER_RIGHTS, Sid.NETWORK_SERVICE));
        return SecurityDescriptor.of(0, Sid.ADMINISTRATORS, Sid.ADMINISTRATORS, Acl.of(aces));
    }

    // ---------------------------------------------------------------- access checks

    /** The rights {@code token} holds in {@code namespace} (what __SystemSecurity::GetCallerAccessRights returns). */
    public int grantedRights(CallerToken token, String namespace) {
        int granted = AccessCheck.granted(effective(namespace), token);
        if (administratorsImplicitlyGranted && token.isAdministrator()) {
            granted |= WmiRight.ALL_NAMESPACE_RIGHTS;
        }
        return granted;
    }

    /**
     * Fails unless {@code token} holds every right in {@code desiredMask} in {@code namespace}.
     *
     * @throws CimException WBEM_E_ACCESS_DENIED naming the missing rights, the caller and the namespace;
     *                      WBEM_E_INVALID_NAMESPACE if the namespace does not exist
     */
    public void check(CallerToken token, String namespace, int desiredMask) {
        int missing = desiredMask & ~grantedRights(token, namespace);
        if (missing != 0) {
            throw new CimException(WbemStatus.WBEM_E_ACCESS_DENIED, token.identity() + " lacks "
                    + WmiRight.describe(missing) + " on namespace " + display(namespace));
        }
    }

    // ---------------------------------------------------------------- descriptors

    /** The effective self-relative descriptor of {@code namespace} (own ACEs, then inherited ones). */
    public byte[] getSD(String namespace) {
        return effective(namespace).encode();
    }

    /** The effective descriptor of {@code namespace}. */
    public SecurityDescriptor effective(String namespace) {
        String ns = existing(namespace);
        SecurityDescriptor own = own(ns);
        String parent = parentOf(ns);
        if (parent == null) {
            return own;
        }
        SecurityDescriptor up = effective(parent);
        int control = own.control();
        Acl dacl = own.dacl();
        if (!own.has(SecurityDescriptor.SE_DACL_PROTECTED)) {
            dacl = inherit(dacl, up.dacl());
            control |= SecurityDescriptor.SE_DACL_AUTO_INHERITED;
        }
        Acl sacl = own.sacl();
        if (!own.has(SecurityDescriptor.SE_SACL_PROTECTED) && up.sacl() != null) {
            sacl = inherit(sacl, up.sacl());
            control |= SecurityDescriptor.SE_SACL_AUTO_INHERITED;
        }
        return new SecurityDescriptor(control, own.sbz1(), own.owner(), own.group(), sacl, dacl);
    }

    /**
     * __SystemSecurity::SetSD: replaces the descriptor of {@code namespace}. Needs WRITE_DAC. Only the explicit
     * ACEs are kept (those marked INHERITED_ACE are dropped and recomputed from the parent, as the SDK's SetSD page
     * says); children see the change at once.
     *
     * @throws CimException WBEM_E_ACCESS_DENIED without WRITE_DAC; WBEM_E_INVALID_OBJECT if the bytes are not a
     *                      self-relative SECURITY_DESCRIPTOR; WBEM_E_INVALID_PARAMETER for the SDK's SetSD rules
     *                      (no DACL, no owner or group, ACE type, flags or rights outside the namespace tables,
     *                      WBEM_FULL_WRITE_REP without the partial rights, INHERIT_ONLY without CONTAINER_INHERIT)
     */
    public void setSD(CallerToken token, String namespace, byte[] sd) {
        String ns = existing(namespace);
        check(token, ns, WmiRight.WRITE_DAC.mask());
        SecurityDescriptor parsed = validate(sd);
        SecurityDescriptor own = new SecurityDescriptor(parsed.control() & ~(SecurityDescriptor.SE_DACL_AUTO_INHERITED
                | SecurityDescriptor.SE_SACL_AUTO_INHERITED), parsed.sbz1(), parsed.owner(), parsed.group(),
                parsed.sacl() == null ? null : explicitOnly(parsed.sacl()), explicitOnly(parsed.dacl()));
        repository.putNamespaceSd(ns, own.encode());
    }

    /** The SetSD validity rules of the WMI SDK ("__SystemSecurity::SetSD", return value WBEM_E_INVALID_PARAMETER). */
    static SecurityDescriptor validate(byte[] bytes) {
        if (bytes == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "SetSD needs a security descriptor (SD)");
        }
        SecurityDescriptor sd;
        try {
            sd = SecurityDescriptor.decode(bytes);
        } catch (ProtocolException e) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_OBJECT,
                    "SD is not a self-relative SECURITY_DESCRIPTOR: " + e.getMessage());
        }
        if (sd.owner() == null || sd.group() == null) {
            throw invalid("the security descriptor needs an owner and a group");
        }
        if (sd.dacl() == null) {
            throw invalid("the security descriptor needs a DACL (a NULL or absent DACL would grant everything)");
        }
        for (int i = 0; i < sd.dacl().aces().size(); i++) {
            Ace ace = sd.dacl().aces().get(i);
            String where = "DACL ACE " + i + ": ";
            if (!(ace instanceof Ace.MaskSidAce a) || (a.aceType() != Ace.ACCESS_ALLOWED_ACE_TYPE
                    && a.aceType() != Ace.ACCESS_DENIED_ACE_TYPE)) {
                throw invalid(where + "type " + ace.aceType() + " is neither ACCESS_ALLOWED nor ACCESS_DENIED");
            }
            if ((a.aceFlags() & ~KNOWN_DACL_ACE_FLAGS) != 0) {
                throw invalid(String.format("%sflags 0x%02X outside the namespace ACE flags", where, a.aceFlags()));
            }
            if ((a.aceFlags() & Ace.INHERIT_ONLY_ACE) != 0 && (a.aceFlags() & Ace.CONTAINER_INHERIT_ACE) == 0) {
                throw invalid(where + "INHERIT_ONLY_ACE without CONTAINER_INHERIT_ACE");
            }
            if ((a.mask() & ~WmiRight.ALL_KNOWN) != 0) {
                throw invalid(where + "unknown access bits " + WmiRight.describe(a.mask() & ~WmiRight.ALL_KNOWN));
            }
            if (WmiRight.WBEM_FULL_WRITE_REP.in(a.mask()) && !(WmiRight.WBEM_PARTIAL_WRITE_REP.in(a.mask())
                    && WmiRight.WBEM_WRITE_PROVIDER.in(a.mask()))) {
                throw invalid(where + "WBEM_FULL_WRITE_REP needs WBEM_PARTIAL_WRITE_REP and WBEM_WRITE_PROVIDER too");
            }
        }
        return sd;
    }

    private static CimException invalid(String why) {
        return new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "SetSD: " + why);
    }

    // ---------------------------------------------------------------- RequiresEncryption

    /**
     * The RequiresEncryption flag of {@code namespace} ([MS-WMI] 2.2.30.3): when set, the service must refuse
     * requests below RPC_C_AUTHN_LEVEL_PKT_PRIVACY with WBEM_E_ACCESS_DENIED (3.1.4).
     *
     * <p>The flag is not inherited: 2.2.30.3 sets it "for the containing CIM namespace" from the qualifier on that
     * namespace's own __SystemSecurity instance, and 3.1.4.18.1 sets a new namespace's flag by those same
     * semantics, never from the parent (unlike the security descriptor, for which it cites 2.2.30.2). The SDK page
     * "Requiring an Encrypted Connection to a Namespace" likewise marks one namespace.
     */
    public boolean requiresEncryption(String namespace) {
        String ns = existing(namespace);
        return repository.getNamespaceSecurity(ns).map(CimRepository.NamespaceSecurityEntry::requiresEncryption)
                .orElse(false);
    }

    /** Sets or clears the RequiresEncryption flag of {@code namespace} (MOF: the qualifier on __SystemSecurity). */
    public void setRequiresEncryption(String namespace, boolean requiresEncryption) {
        repository.putNamespaceRequiresEncryption(existing(namespace), requiresEncryption);
    }

    /** Forgets the security of {@code namespace} and its descendants; the service calls it after deleting them. */
    public void namespaceDeleted(String namespace) {
        repository.deleteNamespaceSecurity(namespace);
    }

    // ---------------------------------------------------------------- helpers

    private SecurityDescriptor own(String ns) {
        byte[] stored = repository.getNamespaceSecurity(ns).map(CimRepository.NamespaceSecurityEntry::sd)
                .orElse(null);
        if (stored != null) {
            try {
                return SecurityDescriptor.decode(stored);
            } catch (ProtocolException e) {
                throw new CimException(WbemStatus.WBEM_E_FAILED, "corrupt security descriptor of namespace "
                        + ns + " in the repository: " + e.getMessage());
            }
        }
        if (parentOf(ns) == null) {
            return defaultRootSd();
        }
        return SecurityDescriptor.of(0, Sid.ADMINISTRATORS, Sid.ADMINISTRATORS, Acl.of(List.of()));
    }

    /** [MS-WMI] 2.2.30.2: own explicit ACEs, then the parent's CONTAINER_INHERIT ACEs, transformed. */
    static Acl inherit(Acl own, Acl parent) {
        List<Ace> out = new ArrayList<>(explicitOnly(own).aces());
        if (parent != null) {
            for (Ace a : parent.aces()) {
                int f = a.aceFlags();
                if ((f & Ace.CONTAINER_INHERIT_ACE) == 0) {
                    continue;
                }
                if ((f & Ace.NO_PROPAGATE_INHERIT_ACE) != 0) {
                    f &= ~(Ace.CONTAINER_INHERIT_ACE | Ace.OBJECT_INHERIT_ACE | Ace.NO_PROPAGATE_INHERIT_ACE);
                }
                f &= ~Ace.INHERIT_ONLY_ACE;
                out.add(a.withAceFlags(f | Ace.INHERITED_ACE));
            }
        }
        return new Acl(own == null ? Acl.ACL_REVISION : own.aclRevision(), out);
    }

    private static Acl explicitOnly(Acl acl) {
        if (acl == null) {
            return Acl.of(List.of());
        }
        return new Acl(acl.aclRevision(), acl.aces().stream().filter(a -> (a.aceFlags() & Ace.INHERITED_ACE) == 0)
                .toList());
    }

    private String existing(String namespace) {
        String ns = normalize(namespace);
        if (!repository.hasNamespace(ns)) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "namespace " + display(namespace)
                    + " does not exist");
        }
        return ns;
    }

    /** {@code root/cimv2}, {@code \\.\ROOT\cimv2} -> {@code root\cimv2} (case kept; compare folded). */
    static String normalize(String namespace) {
        String s = CimRepository.normalizeNamespace(namespace);
        if (s.isEmpty()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "no namespace in '" + namespace + "'");
        }
        return s;
    }

    private static String parentOf(String ns) {
        int i = ns.lastIndexOf('\\');
        return i < 0 ? null : ns.substring(0, i);
    }

    private static String display(String namespace) {
        return namespace == null ? "(none)" : namespace.replace('/', '\\');
    }
}
