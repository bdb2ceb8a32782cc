package org.jwmi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result jwmi(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Jwmi.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void addListDelRoundTrip() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();

        Result add = jwmi("S3cret pass\n", "user", "add", "alice", "--domain", "CORP", "--password-stdin", "--data-dir", d);
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("added CORP\\alice\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");

        assertThat(jwmi("other\r\n", "user", "add", "bob", "--password-stdin", "--data-dir", d).code()).isZero();
        Result again = jwmi("changed", "user", "add", "ALICE", "--domain", "corp", "--password-stdin", "--data-dir", d);
        assertThat(again.out()).isEqualTo("updated corp\\ALICE\n");

        Result list = jwmi("", "user", "list", "--data-dir", d);
        assertThat(list.code()).isZero();
        String machine = FileAccountStore.open(data).machineSid().toString();
        assertThat(list.out()).isEqualTo("bob\t" + machine + "-1001\tUsers\ncorp\\ALICE\t" + machine + "-1000\tUsers\n");

        String file = Files.readString(data.resolve(FileAccountStore.FILE_NAME));
        assertThat(file).doesNotContain("changed").doesNotContain("other").doesNotContain("S3cret");
        FileAccountStore store = FileAccountStore.open(data);
        assertThat(store.lookup("CORP", "alice").orElseThrow().ntHash())
                .isEqualTo(NtlmHashes.ntOwfV1("changed".toCharArray()));
        assertThat(store.lookup("X", "bob").orElseThrow().ntHash())
                .as("trailing CR LF stripped").isEqualTo(NtlmHashes.ntOwfV1("other".toCharArray()));

        Result del = jwmi("", "user", "del", "Alice", "--domain", "CORP", "--data-dir", d);
        assertThat(del.code()).isZero();
        assertThat(del.out()).isEqualTo("removed CORP\\Alice\n");
        assertThat(jwmi("", "user", "del", "alice", "--domain", "CORP", "--data-dir", d).code()).isEqualTo(1);
        assertThat(jwmi("", "user", "list", "--data-dir", d).out()).isEqualTo("bob\t" + machine + "-1001\tUsers\n");
    }

    @Test
    void refusesMissingOrEmptyPasswordAndPasswordOnTheCommandLine() {
        String d = tmp.resolve("data").toString();
        Result none = jwmi("", "user", "add", "u", "--password-stdin", "--data-dir", d);
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no password on standard input");
        assertThat(jwmi("\n", "user", "add", "u", "--password-stdin", "--data-dir", d).err()).contains("empty");
        Result noFlag = jwmi("pw\n", "user", "add", "u", "--data-dir", d);
        assertThat(noFlag.code()).isEqualTo(2);
        assertThat(noFlag.err()).contains("--password-stdin");
        assertThat(jwmi("pw\n", "user", "add", "u", "--password", "pw", "--password-stdin", "--data-dir", d).code())
                .isEqualTo(2);
        assertThat(Files.exists(tmp.resolve("data").resolve(FileAccountStore.FILE_NAME))).isFalse();
    }

    @Test
    void aBackslashInTheNameTellsToUseDomain() {
        Result r = jwmi("pw\n", "user", "add", "CORP\\alice", "--password-stdin", "--data-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--domain");
    }

    @Test
    void listOfAMissingStoreIsEmptyAndSaysSo() {
        Result r = jwmi("", "user", "list", "--data-dir", tmp.resolve("nothing").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no accounts");
    }

    @Test
    void groupsOnAddListAndGroupSubcommands() {
        String d = tmp.resolve("data").toString();
        Result add = jwmi("pw\n", "user", "add", "root", "--group", "administrators", "--group", "Users",
                "--password-stdin", "--data-dir", d);
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(jwmi("pw\n", "user", "add", "joe", "--password-stdin", "--data-dir", d).code()).isZero();
        assertThat(jwmi("", "user", "list", "--data-dir", d).out()).matches(
                "joe\tS-1-5-21-\\d+-\\d+-\\d+-1001\tUsers\nroot\tS-1-5-21-\\d+-\\d+-\\d+-1000\tAdministrators,Users\n");

        Result g = jwmi("", "user", "group", "add", "JOE", "Administrators", "--data-dir", d);
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(g.out()).isEqualTo("added JOE to Administrators\n");
        assertThat(jwmi("", "user", "group", "del", "root", "administrators", "--data-dir", d).out())
                .isEqualTo("removed root from Administrators\n");
        assertThat(jwmi("", "user", "list", "--data-dir", d).out()).contains("joe\tS-1-5-21-")
                .contains("-1001\tAdministrators,Users\n").contains("-1000\tUsers\n");

        // a password change without --group keeps the groups
        assertThat(jwmi("new\n", "user", "add", "joe", "--password-stdin", "--data-dir", d).code()).isZero();
        assertThat(jwmi("", "user", "list", "--data-dir", d).out()).contains("-1001\tAdministrators,Users\n");

        Result bad = jwmi("pw\n", "user", "add", "x", "--group", "wheel", "--password-stdin", "--data-dir", d);
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("unknown group 'wheel'");
        Result missing = jwmi("", "user", "group", "add", "nobody", "Administrators", "--data-dir", d);
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("no account nobody");
    }
}
