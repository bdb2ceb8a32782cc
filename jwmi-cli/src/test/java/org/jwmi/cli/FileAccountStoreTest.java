package org.jwmi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jwmi.auth.AccountStore.Account;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAccountStoreTest {
    /** [MS-NLMP] 4.2.2.1.2 NTOWFv1 of "Password". */
    private static final String PASSWORD_NT_HASH = "a4f49c406510bdcab6824ee7c30fd852";

    @TempDir
    Path dir;

    private static byte[] hash(String password) {
        return NtlmHashes.ntOwfV1(password.toCharArray());
    }

    @Test
    void storesTheNtHashWithMode0600AndNoPassword() throws Exception {
        FileAccountStore store = FileAccountStore.open(dir);
        assertThat(store.add("Domain", "User", hash("Password"))).isTrue();

        Path file = dir.resolve(FileAccountStore.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("Domain\tUser\t" + PASSWORD_NT_HASH + "\t\t1000\n").doesNotContain("Password\t");
        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .containsExactly("Domain\tUser\t" + PASSWORD_NT_HASH + "\t\t1000");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(FileAccountStore.FILE_NAME, FileAccountStore.LOCK_NAME);
        }
    }

    @Test
    void lookupIgnoresCaseAndReturnsTheStoredSpelling() {
        FileAccountStore store = FileAccountStore.open(dir);
        store.add("Domain", "User", hash("Password"));

        Account a = FileAccountStore.open(dir).lookup("DOMAIN", "user").orElseThrow();
        assertThat(a.domain()).isEqualTo("Domain");
        assertThat(a.user()).isEqualTo("User");
        assertThat(HexFormat.of().formatHex(a.ntHash())).isEqualTo(PASSWORD_NT_HASH);
        assertThat(store.lookup("OTHER", "User")).isEmpty();
        assertThat(store.lookup("", "User")).as("a domain account needs its domain").isEmpty();
        assertThat(store.lookup("Domain", "Nobody")).isEmpty();
    }

    @Test
    void anEmptyDomainIsALocalAccountMatchingAnyDomainButAnExactDomainWins() {
        FileAccountStore store = FileAccountStore.open(dir);
        store.add("", "admin", hash("local"));
        store.add("CORP", "admin", hash("corp"));

        assertThat(store.lookup("", "ADMIN").orElseThrow().ntHash()).isEqualTo(hash("local"));
        assertThat(store.lookup("WORKGROUP", "admin").orElseThrow().ntHash()).isEqualTo(hash("local"));
        assertThat(store.lookup("corp", "admin").orElseThrow().ntHash()).isEqualTo(hash("corp"));
    }

    @Test
    void addReplacesAndRemoveDeletesIgnoringCase() {
        FileAccountStore store = FileAccountStore.open(dir);
        assertThat(store.add("D", "u", hash("one"))).isTrue();
        assertThat(store.add("d", "U", hash("two"))).isFalse();
        assertThat(store.list()).hasSize(1);
        assertThat(store.lookup("D", "u").orElseThrow().ntHash()).isEqualTo(hash("two"));

        assertThat(store.remove("D", "X")).isFalse();
        assertThat(store.remove("d", "u")).isTrue();
        assertThat(store.list()).isEmpty();
        assertThat(store.lookup("D", "u")).isEmpty();
    }

    @Test
    void aRunningStoreSeesChangesMadeByAnotherInstance() throws Exception {
        FileAccountStore server = FileAccountStore.open(dir);
        assertThat(server.lookup("", "late")).isEmpty();
        FileAccountStore.open(dir).add("", "late", hash("pw"));
        assertThat(server.lookup("", "late")).isPresent();
        FileAccountStore.open(dir).remove("", "late");
        assertThat(server.lookup("", "late")).isEmpty();
    }

    @Test
    void refusesAFileOthersCanRead() throws Exception {
        FileAccountStore store = FileAccountStore.open(dir);
        store.add("", "u", hash("pw"));
        Path file = dir.resolve(FileAccountStore.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        FileAccountStore fresh = FileAccountStore.open(dir);
        assertThatThrownBy(fresh::list).hasMessageContaining("chmod 600").hasMessageContaining("rw-r--r--");
        assertThat(fresh.lookup("", "u")).as("a lookup fails closed").isEmpty();
        assertThatThrownBy(() -> fresh.add("", "v", hash("pw"))).hasMessageContaining("chmod 600");
    }

    @Test
    void badLinesAreReportedByNumberWithoutTheirContent() throws Exception {
        Path file = dir.resolve(FileAccountStore.FILE_NAME);
        Files.writeString(file, "# comment\n\tok\t" + PASSWORD_NT_HASH + "\nD\tu\tdeadbeefsecret\n");
        Files.setPosixFilePermissions(file, FileAccountStore.FILE_MODE);
        assertThatThrownBy(() -> FileAccountStore.open(dir).list())
                .hasMessageContaining("line 3").hasMessageNotContaining("deadbeef");
        Files.writeString(file, "D\tu\t" + "zz".repeat(16) + "\n");
        assertThatThrownBy(() -> FileAccountStore.open(dir).list())
                .hasMessageContaining("line 1").hasMessageContaining("malformed NT hash");
    }

    @Test
    void namesThatWouldBreakTheFormatAreRefused() {
        FileAccountStore store = FileAccountStore.open(dir);
        for (String bad : List.of("", "a\tb", "a\nb", "dom\\user", "user@dom", " lead")) {
            assertThatThrownBy(() -> store.add("", bad, hash("x"))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.add("a\tb", "u", hash("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(dir.resolve(FileAccountStore.FILE_NAME))).isFalse();
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                fs.add(pool.submit(() -> FileAccountStore.open(dir).add("", "user" + n, hash("p" + n))));
            }
            for (Future<Boolean> f : fs) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(FileAccountStore.open(dir).list()).hasSize(40);
    }
}
