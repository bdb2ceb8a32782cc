package org.jwmi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.server.security.AccountDirectory.User;
import org.jwmi.server.security.CallerToken;
import org.jwmi.server.security.Impersonation;
import org.jwmi.server.security.Sid;
import org.jwmi.server.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileAccountStore as the server's AccountDirectory: groups, machine SID, RIDs. */
class FileAccountStoreDirectoryTest {
    private static final String HASH = "a4f49c406510bdcab6824ee7c30fd852";

    @TempDir
    Path dir;

    FileAccountStore store() {
        return FileAccountStore.open(dir, "HOST", new Random(7));
    }

    static byte[] hash(String password) {
        return NtlmHashes.ntOwfV1(password.toCharArray());
    }

    @Test
    void machineSidIsCreatedOnceWithMode0600AndUsersGetStableRids() throws Exception {
        FileAccountStore s = store();
        s.add("", "alice", hash("a"), List.of("administrators"));
        s.add("", "bob", hash("b"));
        Sid machine = s.machineSid();
        assertThat(machine.toString()).startsWith("S-1-5-21-");
        assertThat(machine.subAuthorityCount()).isEqualTo(4);
        Path sidFile = dir.resolve(FileAccountStore.MACHINE_SID_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sidFile))).isEqualTo("rw-------");

        User alice = s.user("", "ALICE").orElseThrow();
        assertThat(alice.sid()).isEqualTo(machine + "-1000");
        assertThat(alice.domain()).isEqualTo("HOST");
        assertThat(alice.groups()).containsExactly("Administrators", "Users");
        assertThat(s.user("WHATEVER", "bob").orElseThrow().sid()).isEqualTo(machine + "-1001");
        assertThat(s.user("", "bob").orElseThrow().groups()).containsExactly("Users");

        // another instance (another process) sees the same machine SID; a password change keeps SID and groups
        FileAccountStore again = FileAccountStore.open(dir, "HOST", new Random(99));
        again.add("", "Alice", hash("changed"));
        assertThat(again.machineSid()).isEqualTo(machine);
        User renamed = again.user("", "alice").orElseThrow();
        assertThat(renamed.sid()).isEqualTo(alice.sid());
        assertThat(renamed.groups()).isEqualTo(alice.groups());

        // removing bob does not free RID 1001
        again.remove("", "bob");
        again.add("", "carol", hash("c"));
        assertThat(again.user("", "carol").orElseThrow().sid()).isEqualTo(machine + "-1002");
    }

    @Test
    void threeColumnFilesAreReadAndUpgradedInFileOrder() throws Exception {
        Path file = dir.resolve(FileAccountStore.FILE_NAME);
        Files.writeString(file, "# old store\nCORP\tzed\t" + HASH + "\n\tamy\t" + HASH + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, FileAccountStore.FILE_MODE);
        FileAccountStore s = store();
        assertThat(s.lookup("CORP", "zed")).isPresent();
        assertThat(s.list()).allMatch(e -> e.rid() == 0 && e.groups().isEmpty());

        List<User> users = s.users();
        assertThat(users).extracting(User::name).containsExactly("zed", "amy");
        assertThat(users).extracting(User::sid).containsExactly(s.machineSid() + "-1000", s.machineSid() + "-1001");
        assertThat(Files.readString(file)).contains("CORP\tzed\t" + HASH + "\t\t1000\n").contains("# next-rid: 1002");
    }

    @Test
    void fourColumnFilesCarryGroups() throws Exception {
        Path file = dir.resolve(FileAccountStore.FILE_NAME);
        Files.writeString(file, "\tamy\t" + HASH + "\tadministrators,Users\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, FileAccountStore.FILE_MODE);
        assertThat(store().user("", "amy").orElseThrow().groups()).containsExactly("Administrators", "Users");

        Files.writeString(file, "\tamy\t" + HASH + "\tWheel\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store().list()).hasMessageContaining("line 1").hasMessageContaining("unknown group");
        Files.writeString(file, "\tamy\t" + HASH + "\t\t12\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store().list()).hasMessageContaining("line 1").hasMessageContaining("RID");
    }

    @Test
    void groupMembershipChanges() {
        FileAccountStore s = store();
        s.add("", "bob", hash("b"));
        assertThat(s.setMember("", "BOB", "ADMINISTRATORS", true)).isTrue();
        assertThat(s.setMember("", "bob", "Administrators", true)).isFalse();
        assertThat(s.user("", "bob").orElseThrow().groups()).containsExactly("Administrators", "Users");
        assertThat(s.setMember("", "bob", "administrators", false)).isTrue();
        assertThat(s.user("", "bob").orElseThrow().groups()).containsExactly("Users");
        assertThatThrownBy(() -> s.setMember("", "bob", "Users", false)).hasMessageContaining("every account is in Users");
        assertThatThrownBy(() -> s.setMember("", "nobody", "Administrators", true)).hasMessageContaining("no account");
        assertThatThrownBy(() -> s.add("", "x", hash("x"), List.of("Wheel"))).hasMessageContaining("unknown group");
        assertThat(s.groups()).extracting(g -> g.sid()).containsExactly(CallerToken.ADMINISTRATORS, CallerToken.USERS);
    }

    @Test
    void tokensFromTheStore() {
        FileAccountStore s = store();
        s.add("", "alice", hash("a"), List.of("Administrators"));
        s.add("", "bob", hash("b"));
        CallerToken admin = Tokens.of(s, new PeerIdentity("", "alice", "ws", false), Impersonation.IMPERSONATE);
        assertThat(admin.isAdministrator()).isTrue();
        assertThat(admin.userSid()).isEqualTo(s.machineSid() + "-1000");
        CallerToken user = Tokens.of(s, new PeerIdentity("HOST", "bob", "ws", false), Impersonation.IMPERSONATE);
        assertThat(user.isAdministrator()).isFalse();
        assertThat(user.groupSids()).containsExactlyInAnyOrder(CallerToken.EVERYONE, CallerToken.AUTHENTICATED_USERS,
                CallerToken.USERS);
    }
}
