package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.ProviderRegistry;
import org.jwmi.server.security.AccountDirectory;
import org.junit.jupiter.api.Test;

class AccountProvidersTest {

    /** A fixed directory; counts {@link #users()} calls so tests can prove {@code get} does not list. */
    static final class Directory implements AccountDirectory {
        private final List<User> users;
        private final List<Group> groups;
        int listings;

        Directory(List<User> users, List<Group> groups) {
            this.users = users;
            this.groups = groups;
        }

        @Override
        public List<User> users() {
            listings++;
            return users;
        }

        @Override
        public List<Group> groups() {
            return groups;
        }

        @Override
        public Optional<User> user(String domain, String name) {
            return users.stream().filter(u -> (domain.isEmpty() || u.domain().equalsIgnoreCase(domain))
                    && u.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    private static final CimClass USER = FakeHost.cls("Win32_UserAccount");
    private static final CimClass GROUP = FakeHost.cls("Win32_Group");
    private final Directory dir = new Directory(List.of(
            new AccountDirectory.User("TESTHOST", "alice", "S-1-5-21-1-2-3-1001", List.of("Users"), false),
            new AccountDirectory.User("TESTHOST", "Guest", "S-1-5-21-1-2-3-501", List.of("Guests"), true)),
            List.of(new AccountDirectory.Group("BUILTIN", "Administrators", "S-1-5-32-544",
                    "Administrators have complete and unrestricted access to the computer/domain"),
                    new AccountDirectory.Group("BUILTIN", "Users", "S-1-5-32-545", "Users are prevented...")));

    private static void assertExactly(CimInstance i, Map<String, CimValue> expected) {
        for (CimProperty p : i.cimClass().properties()) {
            String n = p.name().text();
            CimValue actual = i.value(n);
            if (expected.containsKey(n)) {
                assertThat(actual).as(n).isEqualTo(expected.get(n));
            } else {
                assertThat(actual == null || actual.isNull()).as(n + " = " + actual).isTrue();
            }
        }
    }

    @Test
    void usersAsWindowsShowsThem() {
        List<CimInstance> all = new UserAccountProvider(dir).enumerate(FakeHost.CTX, USER).toList();
        assertThat(all).hasSize(2);
        assertExactly(all.get(1), Map.of(
                "Domain", CimValue.string("TESTHOST"),
                "Name", CimValue.string("Guest"),
                "Caption", CimValue.string("TESTHOST\\Guest"),
                "SID", CimValue.string("S-1-5-21-1-2-3-501"),
                "SIDType", CimValue.uint8(1),
                "LocalAccount", CimValue.bool(true),
                "AccountType", CimValue.uint32(512),
                "Disabled", CimValue.bool(true),
                "Status", CimValue.string("Degraded")));
        assertThat(all.get(0).value("Status")).isEqualTo(CimValue.string("OK"));
        assertThat(all.get(0).relPath().toString()).isEqualTo("Win32_UserAccount.Domain=\"TESTHOST\",Name=\"alice\"");
    }

    @Test
    void userGetAsksTheDirectoryForOneUser() {
        UserAccountProvider p = new UserAccountProvider(dir);
        dir.listings = 0;
        assertThat(p.get(FakeHost.CTX, USER,
                CimObjectPath.parse("Win32_UserAccount.Domain=\"testhost\",Name=\"ALICE\""))).get()
                .extracting(i -> i.value("SID").asString()).isEqualTo("S-1-5-21-1-2-3-1001");
        assertThat(p.get(FakeHost.CTX, USER, CimObjectPath.parse("Win32_UserAccount.Domain=\"OTHER\",Name=\"alice\"")))
                .isEmpty();
        assertThat(p.get(FakeHost.CTX, USER, CimObjectPath.parse("Win32_UserAccount.Domain=\"\",Name=\"alice\"")))
                .isEmpty();
        assertThat(p.get(FakeHost.CTX, USER, CimObjectPath.parse("Win32_UserAccount.Name=\"alice\""))).isEmpty();
        assertThat(dir.listings).isZero();
    }

    @Test
    void groupsAsWindowsShowsThem() {
        GroupProvider p = new GroupProvider(dir);
        List<CimInstance> all = p.enumerate(FakeHost.CTX, GROUP).toList();
        assertThat(all).hasSize(2);
        assertExactly(all.get(0), Map.of(
                "Domain", CimValue.string("BUILTIN"),
                "Name", CimValue.string("Administrators"),
                "Caption", CimValue.string("BUILTIN\\Administrators"),
                "Description", CimValue.string(
                        "Administrators have complete and unrestricted access to the computer/domain"),
                "SID", CimValue.string("S-1-5-32-544"),
                "SIDType", CimValue.uint8(4),
                "LocalAccount", CimValue.bool(true),
                "Status", CimValue.string("OK")));
        assertThat(p.get(FakeHost.CTX, GROUP, CimObjectPath.parse("Win32_Group.Domain=\"builtin\",Name=\"users\"")))
                .get().extracting(i -> i.value("SID").asString()).isEqualTo("S-1-5-32-545");
        assertThat(p.get(FakeHost.CTX, GROUP, CimObjectPath.parse("Win32_Group.Domain=\"TESTHOST\",Name=\"Users\"")))
                .isEmpty();
    }

    @Test
    void registrationCoversEveryClassOnce() throws Exception {
        LinuxHost host = LinuxHost.system();
        ProviderRegistry r = LinuxProviders.registerAll(new ProviderRegistry(), host, dir);
        LinuxProviders.methodProviders(host, dir).forEach(r::register);
        for (String c : List.of("Win32_Process", "Win32_NetworkAdapter", "Win32_NetworkAdapterConfiguration",
                "Win32_UserAccount", "Win32_Group")) {
            assertThat(r.instanceProvider(org.jwmi.cim.CimName.of(c))).as(c).isPresent();
            assertThat(FakeHost.cls(c)).isNotNull();
        }
        assertThat(r.methodProvider(org.jwmi.cim.CimName.of("Win32_Process"))).isPresent();
        assertThat(LinuxProviders.methodProviders(host)).hasSize(1);
    }
}
