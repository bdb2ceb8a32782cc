package org.jwmi.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.cim.CimException;
import org.jwmi.cim.WbemStatus;
import org.junit.jupiter.api.Test;

class TokensTest {

    static final AccountDirectory DIR = new AccountDirectory() {
        final List<User> users = List.of(
                new User("HOST", "alice", "S-1-5-21-1-2-3-1000", List.of("Administrators", "Users"), false),
                new User("HOST", "bob", "S-1-5-21-1-2-3-1001", List.of("Users"), false),
                new User("HOST", "eve", "S-1-5-21-1-2-3-1002", List.of("Users"), true));

        @Override
        public List<User> users() {
            return users;
        }

        @Override
        public List<Group> groups() {
            return List.of(new Group("BUILTIN", "Administrators", CallerToken.ADMINISTRATORS, ""),
                    new Group("BUILTIN", "Users", CallerToken.USERS, ""));
        }

        @Override
        public Optional<User> user(String domain, String name) {
            return users.stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
        }
    };

    @Test
    void administratorGetsGroupSids() {
        CallerToken t = Tokens.of(DIR, new PeerIdentity("", "ALICE", "ws", false), Impersonation.IMPERSONATE);
        assertThat(t.userSid()).isEqualTo("S-1-5-21-1-2-3-1000");
        assertThat(t.groupSids()).containsExactlyInAnyOrder(CallerToken.EVERYONE, CallerToken.AUTHENTICATED_USERS,
                CallerToken.USERS, CallerToken.ADMINISTRATORS);
        assertThat(t.isAdministrator()).isTrue();
        assertThat(t.impersonation()).isEqualTo(Impersonation.IMPERSONATE);
    }

    @Test
    void plainUser() {
        CallerToken t = Tokens.of(DIR, new PeerIdentity("HOST", "bob", "ws", false), Impersonation.IDENTIFY);
        assertThat(t.groupSids()).containsExactlyInAnyOrder(CallerToken.EVERYONE, CallerToken.AUTHENTICATED_USERS,
                CallerToken.USERS);
        assertThat(t.isAdministrator()).isFalse();
        assertThat(t.impersonation()).isEqualTo(Impersonation.IDENTIFY);
    }

    @Test
    void anonymousHasOnlyEveryoneAndAnonymousLogon() {
        CallerToken t = Tokens.of(DIR, new PeerIdentity("", "", "", true), Impersonation.IMPERSONATE);
        assertThat(t.userSid()).isEqualTo("S-1-5-7");
        assertThat(t.groupSids()).containsExactlyInAnyOrder(CallerToken.EVERYONE, "S-1-5-7");
        assertThat(t.impersonation()).isEqualTo(Impersonation.ANONYMOUS);
        assertThat(t.has(CallerToken.AUTHENTICATED_USERS)).isFalse();
    }

    @Test
    void unknownOrDisabledAccountsAreDenied() {
        for (String name : List.of("mallory", "eve")) {
            assertThatThrownBy(() -> Tokens.of(DIR, new PeerIdentity("", name, "", false), Impersonation.IMPERSONATE))
                    .isInstanceOfSatisfying(CimException.class,
                            e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_ACCESS_DENIED));
        }
    }
}
