package org.jwmi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jwmi.auth.ntlm.NtlmHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jwmi user add|list|del}: maintains the server's account store ({@link FileAccountStore}). */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage the accounts the server accepts (NT hashes only, in DATA-DIR/" + FileAccountStore.FILE_NAME + ").",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Del.class})
final class UserCommand implements Runnable {

    @ParentCommand
    Jwmi jwmi;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add, list or del");
    }

    static final class DataDirOption {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data directory (default: ~/.jwmi, or /var/lib/jwmi for root).")
        Path dataDir;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account, or change its password. The password is read from standard input "
                    + "(one line); only its NT hash is stored.")
    static final class Add implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--domain", paramLabel = "D", defaultValue = "",
                description = "Domain; empty (the default) makes a local account that matches any domain the client names.")
        String domain;

        @Option(names = "--password-stdin", required = true,
                description = "Read the password from standard input (required: passwords never go on the command line).")
        boolean passwordStdin;

        @picocli.CommandLine.Mixin
        DataDirOption dir;

        @Override
        public Integer call() {
            FileAccountStore.checkName("user name", name, false);
            FileAccountStore.checkName("domain", domain, true);
            char[] password;
            try {
                password = PasswordInput.readLine(parent.jwmi.in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password from standard input: " + e.getMessage(), e);
            }
            byte[] hash;
            try {
                hash = NtlmHashes.ntOwfV1(password);
            } finally {
                Arrays.fill(password, '\0');
            }
            try {
                FileAccountStore store = FileAccountStore.open(DataDir.resolve(dir.dataDir, true));
                boolean added = store.add(domain, name, hash);
                parent.jwmi.out.println((added ? "added " : "updated ") + qualified(domain, name));
            } finally {
                Arrays.fill(hash, (byte) 0);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts (names only).")
    static final class ListUsers implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @picocli.CommandLine.Mixin
        DataDirOption dir;

        @Override
        public Integer call() {
            FileAccountStore store = FileAccountStore.open(DataDir.resolve(dir.dataDir, false));
            List<FileAccountStore.Entry> entries = store.list();
            for (FileAccountStore.Entry e : entries) {
                parent.jwmi.out.println(e.qualifiedName());
            }
            if (entries.isEmpty()) {
                parent.jwmi.err.println("jwmi: no accounts in " + store.file());
            }
            return 0;
        }
    }

    @Command(name = "del", aliases = "remove", mixinStandardHelpOptions = true, description = "Remove an account.")
    static final class Del implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--domain", paramLabel = "D", defaultValue = "", description = "Domain (empty by default).")
        String domain;

        @picocli.CommandLine.Mixin
        DataDirOption dir;

        @Override
        public Integer call() {
            FileAccountStore store = FileAccountStore.open(DataDir.resolve(dir.dataDir, false));
            if (!store.remove(domain, name)) {
                parent.jwmi.err.println("jwmi: no account " + qualified(domain, name) + " in " + store.file());
                return 1;
            }
            parent.jwmi.out.println("removed " + qualified(domain, name));
            return 0;
        }
    }

    static String qualified(String domain, String user) {
        return domain.isEmpty() ? user : domain + "\\" + user;
    }
}
