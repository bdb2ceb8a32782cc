package org.jwmi.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jwmi.server.security.WmiRight.READ_CONTROL;
import static org.jwmi.server.security.WmiRight.WBEM_ENABLE;
import static org.jwmi.server.security.WmiRight.WBEM_FULL_WRITE_REP;
import static org.jwmi.server.security.WmiRight.WBEM_METHOD_EXECUTE;
import static org.jwmi.server.security.WmiRight.WBEM_PARTIAL_WRITE_REP;
import static org.jwmi.server.security.WmiRight.WBEM_REMOTE_ACCESS;
import static org.jwmi.server.security.WmiRight.WBEM_WRITE_PROVIDER;
import static org.jwmi.server.security.WmiRight.WRITE_DAC;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimName;
import org.jwmi.cim.WbemStatus;
import org.jwmi.server.repository.CimRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamespaceSecurityTest {

    static final String MACHINE = "S-1-5-21-1-2-3";
    static final CallerToken ADMIN = token("admin", MACHINE + "-1000", CallerToken.ADMINISTRATORS);
    static final CallerToken USER = token("user", MACHINE + "-1001");
    static final CallerToken OTHER = token("other", MACHINE + "-1002");
    static final CallerToken ANON = Tokens.anonymous(new PeerIdentity("", "", "", true));

    static final int USER_RIGHTS = WmiRight.mask(WBEM_ENABLE, WBEM_METHOD_EXECUTE, WBEM_PARTIAL_WRITE_REP);
    static final int ALL = WmiRight.ALL_NAMESPACE_RIGHTS;

    @TempDir
    Path tmp;
    CimRepository repo;
    NamespaceSecurity security;

    static CallerToken token(String name, String sid, String... extraGroups) {
        Set<String> groups = new HashSet<>(List.of(CallerToken.EVERYONE, CallerToken.AUTHENTICATED_USERS,
                CallerToken.USERS));
        groups.addAll(List.of(extraGroups));
        return new CallerToken(new PeerIdentity("", name, "", false), sid, groups, Impersonation.IMPERSONATE);
    }

    @BeforeEach
    void open() {
        repo = CimRepository.open(tmp.resolve("repo.db"));
        createNamespace("root\\cimv2", "child");
        createNamespace("root\\cimv2\\child", "grandchild");
        security = new NamespaceSecurity(repo, false);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    void createNamespace(String parent, String name) {
        CimClass ns = repo.getClass(parent, CimName.of("__NAMESPACE")).orElseThrow();
        repo.putInstance(parent, ns.newInstance().set("Name", name).build(), CimRepository.WBEM_FLAG_CREATE_ONLY);
    }

    void set(String ns, String sddl) {
        security.setSD(ADMIN, ns, Sddl.parse(sddl).encode());
    }

    static WbemStatus statusOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (CimException e) {
            return e.status();
        }
    }

    // ---------------------------------------------------------------- defaults, table-driven

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of("admin on root", ADMIN, "root", ALL),
                Arguments.of("admin inherits on a grandchild", ADMIN, "root\\cimv2\\child\\grandchild", ALL),
                Arguments.of("user on root", USER, "root", USER_RIGHTS),
                Arguments.of("user on cimv2 (inherited)", USER, "ROOT/CIMV2", USER_RIGHTS),
                Arguments.of("anonymous gets nothing", ANON, "root\\cimv2", 0),
                Arguments.of("system is an administrator", CallerToken.system(), "root\\default", ALL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void defaultRights(String what, CallerToken token, String ns, int expected) {
        assertThat(security.grantedRights(token, ns)).as(what + ": " + WmiRight.describe(security.grantedRights(token, ns)))
                .isEqualTo(expected);
    }

    @Test
    void remoteAccessIsForAdministratorsOnly() {
        security.check(ADMIN, "root\\cimv2", WBEM_REMOTE_ACCESS.mask() | WBEM_ENABLE.mask());
        assertThatThrownBy(() -> security.check(USER, "root\\cimv2", WBEM_REMOTE_ACCESS.mask() | WBEM_ENABLE.mask()))
                .isInstanceOfSatisfying(CimException.class, e -> {
                    assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("WBEM_REMOTE_ACCESS").contains("root\\cimv2")
                            .doesNotContain("WBEM_ENABLE");
                });
    }

    @Test
    void unknownNamespaceIsInvalidNamespace() {
        assertThat(statusOf(() -> security.grantedRights(USER, "root\\nope"))).isEqualTo(WbemStatus.WBEM_E_INVALID_NAMESPACE);
        assertThat(statusOf(() -> security.getSD("root\\nope"))).isEqualTo(WbemStatus.WBEM_E_INVALID_NAMESPACE);
    }

    // ---------------------------------------------------------------- SetSD, inheritance, deny ACEs

    static final String USER_SID = MACHINE + "-1001";

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // a deny ACE on the child beats the inherited allow for that user only
                Arguments.of("deny on child", "root\\cimv2", "O:BAG:BAD:(D;;CCDCSW;;;" + USER_SID + ")",
                        USER, "root\\cimv2", 0),
                Arguments.of("deny without CI stays on the child", "root\\cimv2", "O:BAG:BAD:(D;;CCDC;;;" + USER_SID + ")",
                        USER, "root\\cimv2\\child", USER_RIGHTS),
                Arguments.of("deny with CI reaches the grandchild", "root\\cimv2", "O:BAG:BAD:(D;CI;CC;;;" + USER_SID + ")",
                        USER, "root\\cimv2\\child\\grandchild", USER_RIGHTS & ~WBEM_ENABLE.mask()),
                Arguments.of("deny does not touch others", "root\\cimv2", "O:BAG:BAD:(D;CI;CC;;;" + USER_SID + ")",
                        OTHER, "root\\cimv2\\child", USER_RIGHTS),
                Arguments.of("extra allow adds to inherited", "root\\cimv2", "O:BAG:BAD:(A;;WPRC;;;" + USER_SID + ")",
                        USER, "root\\cimv2", USER_RIGHTS | WBEM_REMOTE_ACCESS.mask() | READ_CONTROL.mask()),
                Arguments.of("protected DACL inherits nothing", "root\\cimv2", "O:BAG:BAD:P(A;CI;CC;;;" + USER_SID + ")",
                        OTHER, "root\\cimv2", 0),
                Arguments.of("protected DACL keeps its own ACEs", "root\\cimv2", "O:BAG:BAD:P(A;CI;CC;;;" + USER_SID + ")",
                        USER, "root\\cimv2\\child", WBEM_ENABLE.mask()),
                Arguments.of("protected DACL locks out admins without note 88", "root\\cimv2",
                        "O:SYG:SYD:P(A;CI;CC;;;" + USER_SID + ")", ADMIN, "root\\cimv2", 0),
                Arguments.of("owner keeps READ_CONTROL and WRITE_DAC", "root\\cimv2",
                        "O:" + USER_SID + "G:BAD:P(A;;CC;;;" + USER_SID + ")", USER, "root\\cimv2",
                        WBEM_ENABLE.mask() | READ_CONTROL.mask() | WRITE_DAC.mask()),
                Arguments.of("NP: child only, not grandchild", "root\\cimv2", "O:BAG:BAD:(A;CINP;SW;;;WD)",
                        OTHER, "root\\cimv2\\child\\grandchild", USER_RIGHTS),
                Arguments.of("NP: child gets it", "root\\cimv2", "O:BAG:BAD:(A;CINP;RP;;;WD)",
                        OTHER, "root\\cimv2\\child", USER_RIGHTS | WBEM_WRITE_PROVIDER.mask()),
                Arguments.of("IO: not on the namespace itself", "root\\cimv2", "O:BAG:BAD:(A;CIIO;RP;;;WD)",
                        OTHER, "root\\cimv2", USER_RIGHTS),
                Arguments.of("IO: on the child", "root\\cimv2", "O:BAG:BAD:(A;CIIO;RP;;;WD)",
                        OTHER, "root\\cimv2\\child\\grandchild", USER_RIGHTS | WBEM_WRITE_PROVIDER.mask()),
                Arguments.of("allow before deny (non-canonical) is honoured in order", "root\\cimv2",
                        "O:BAG:BAD:P(A;;CC;;;WD)(D;;CC;;;" + USER_SID + ")", USER, "root\\cimv2", WBEM_ENABLE.mask()),
                Arguments.of("root change reaches existing children", "root",
                        "O:BAG:BAD:(A;CI;CCDCLCSWRPWPRCWD;;;BA)(A;CI;CC;;;AU)", USER, "root\\cimv2\\child", WBEM_ENABLE.mask()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void accessAfterSetSd(String what, String setOn, String sddl, CallerToken who, String ns, int expected) {
        set(setOn, sddl);
        int got = security.grantedRights(who, ns);
        assertThat(got).as(what + ": got " + WmiRight.describe(got)).isEqualTo(expected);
    }

    @Test
    void getSdShowsInheritedAcesMarkedAndSetSdDropsThem() {
        set("root\\cimv2", "O:BAG:BAD:(D;;CC;;;" + USER_SID + ")");
        SecurityDescriptor got = SecurityDescriptor.decode(security.getSD("root\\cimv2"));
        assertThat(Sddl.format(got)).isEqualTo("O:BAG:BAD:AI(D;;CC;;;" + USER_SID + ")"
                + "(A;CIID;CCDCLCSWRPWPRCWD;;;BA)(A;CIID;CCDCSW;;;AU)(A;CIID;CCDCSW;;;LS)(A;CIID;CCDCSW;;;NS)");
        // a client's read-modify-write does not duplicate the inherited ACEs
        security.setSD(ADMIN, "root\\cimv2", security.getSD("root\\cimv2"));
        assertThat(security.getSD("root\\cimv2")).isEqualTo(got.encode());
    }

    @Test
    void setSdWithoutWriteDacIsRefusedAndChangesNothing() {
        byte[] before = security.getSD("root");
        byte[] attempt = Sddl.parse("O:BAG:BAD:(A;CI;CCDCLCSWRPWPRCWD;;;WD)").encode();
        assertThatThrownBy(() -> security.setSD(USER, "root", attempt))
                .isInstanceOfSatisfying(CimException.class, e -> {
                    assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("WRITE_DAC").contains("root");
                });
        assertThat(security.getSD("root")).isEqualTo(before);
    }

    @Test
    void noteEightyEightAdministratorsKeepAllRights() {
        NamespaceSecurity implicit = new NamespaceSecurity(repo);
        implicit.setSD(ADMIN, "root\\cimv2", Sddl.parse("O:SYG:SYD:P(D;;CCDCLCSWRPWPRCWD;;;BA)").encode());
        assertThat(implicit.grantedRights(ADMIN, "root\\cimv2")).isEqualTo(ALL);
        assertThat(implicit.grantedRights(USER, "root\\cimv2")).isZero();
        assertThat(security.grantedRights(ADMIN, "root\\cimv2")).isZero();
    }

    static Stream<Arguments> invalidDescriptors() {
        return Stream.of(
                Arguments.of("garbage", new byte[] {1, 2, 3}, WbemStatus.WBEM_E_INVALID_OBJECT),
                Arguments.of("no DACL", Sddl.parse("O:BAG:BA").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("NULL DACL", Sddl.parse("O:BAG:BAD:NO_ACCESS_CONTROL").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("no owner", Sddl.parse("G:BAD:(A;;CC;;;WD)").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("no group", Sddl.parse("O:BAD:(A;;CC;;;WD)").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("audit ACE in DACL", Sddl.parse("O:BAG:BAD:(AU;;CC;;;WD)").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("unknown right", Sddl.parse("O:BAG:BAD:(A;;0x100;;;WD)").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("generic right", Sddl.parse("O:BAG:BAD:(A;;GA;;;WD)").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("full write alone", Sddl.parse("O:BAG:BAD:(A;;LC;;;WD)").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("IO without CI", Sddl.parse("O:BAG:BAD:(A;IO;CC;;;WD)").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("audit flag on DACL ACE", Sddl.parse("O:BAG:BAD:(A;SA;CC;;;WD)").encode(), WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("null", null, WbemStatus.WBEM_E_INVALID_PARAMETER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDescriptors")
    void setSdValidates(String what, byte[] sd, WbemStatus expected) {
        assertThat(statusOf(() -> security.setSD(ADMIN, "root\\cimv2", sd))).as(what).isEqualTo(expected);
    }

    @Test
    void fullWriteWithPartialRightsIsAccepted() {
        set("root\\cimv2", "O:BAG:BAD:(A;;LCSWRP;;;" + USER_SID + ")");
        assertThat(WmiRight.WBEM_FULL_WRITE_REP.in(security.grantedRights(USER, "root\\cimv2"))).isTrue();
    }

    // ---------------------------------------------------------------- persistence, RequiresEncryption

    @Test
    void descriptorsAndFlagsSurviveReopening() {
        set("root\\cimv2\\child", "O:BAG:BAD:P(A;;CC;;;" + USER_SID + ")");
        security.setRequiresEncryption("ROOT/cimv2", true);
        byte[] sd = security.getSD("root\\cimv2\\child");
        repo.close();
        repo = CimRepository.open(tmp.resolve("repo.db"));
        NamespaceSecurity reopened = new NamespaceSecurity(repo, false);
        assertThat(reopened.getSD("ROOT\\CIMV2\\CHILD")).isEqualTo(sd);
        assertThat(reopened.grantedRights(OTHER, "root\\cimv2\\child")).isZero();
        assertThat(reopened.requiresEncryption("\\\\.\\root\\cimv2")).isTrue();
    }

    @Test
    void requiresEncryptionIsPerNamespaceNotInherited() {
        assertThat(security.requiresEncryption("root\\cimv2")).isFalse();
        security.setRequiresEncryption("root\\cimv2", true);
        assertThat(security.requiresEncryption("root\\CIMV2")).isTrue();
        assertThat(security.requiresEncryption("root\\cimv2\\child")).isFalse();
        assertThat(security.requiresEncryption("root")).isFalse();
        // setting the flag keeps the descriptor, setting the descriptor keeps the flag
        set("root\\cimv2", "O:BAG:BAD:(A;;CC;;;WD)");
        assertThat(security.requiresEncryption("root\\cimv2")).isTrue();
        security.setRequiresEncryption("root\\cimv2", false);
        assertThat(security.requiresEncryption("root\\cimv2")).isFalse();
        assertThat(security.grantedRights(OTHER, "root\\cimv2") & WBEM_ENABLE.mask()).isNotZero();
    }

    @Test
    void deletedNamespaceForgetsItsSecurity() {
        set("root\\cimv2\\child", "O:BAG:BAD:P(A;;CC;;;WD)");
        set("root\\cimv2\\child\\grandchild", "O:BAG:BAD:P(A;;CC;;;WD)");
        security.setRequiresEncryption("root\\cimv2\\child", true);
        security.namespaceDeleted("root\\cimv2\\CHILD");
        assertThat(repo.getNamespaceSecurity("root\\cimv2\\child")).isEmpty();
        assertThat(repo.getNamespaceSecurity("root\\cimv2\\child\\grandchild")).isEmpty();
        assertThat(repo.getNamespaceSecurity("root")).isEmpty();
        assertThat(security.grantedRights(USER, "root\\cimv2\\child")).isEqualTo(USER_RIGHTS);
    }
}
