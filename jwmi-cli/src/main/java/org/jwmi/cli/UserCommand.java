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

/** {@code jwmi user add|list|del|group}: maintains the server's account store ({@link FileAccountStore}). */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage the accounts the server accepts (NT hashes only, in DATA-DIR/" + FileAccountStore.FILE_NAME + ").",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Del.class,
                UserCommand.GroupCommand.class})
final class UserCommand implements Runnable {

    @ParentCommand
    Jwmi jwmi;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add, list, del or group");
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

        @Option(names = "--group", paramLabel = "GROUP",
                description = "A group of the account (repeatable): Administrators or Users. Every account is in Users;"
                        + " without --group an existing account keeps its groups.")
        List<String> groups;

        @Option(names = "--password-stdin", required = true,
                description = "Read the password from standard input (required: passwords never go on the command line).")
        boolean passwordStdin;

        @picocli.CommandLine.Mixin
        DataDirOption dir;

        @Override
        public Integer call() {
            FileAccountStore.checkName("user name", name, false);
            FileAccountStore.checkName("domain", domain, true);
            List<String> canonicalGroups = groups == null ? null : FileAccountStore.canonicalGroups(groups);
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
                boolean added = store.add(domain, name, hash, canonicalGroups);
                parent.jwmi.out.println((added ? "added " : "updated ") + qualified(domain, name));
            } finally {
                Arrays.fill(hash, (byte) 0);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the accounts: name, SID and groups, tab-separated.")
    static final class ListUsers implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @picocli.CommandLine.Mixin
        DataDirOption dir;

        @Override
        public Integer call() {
            FileAccountStore store = FileAccountStore.open(DataDir.resolve(dir.dataDir, false));
            List<FileAccountStore.Entry> entries = store.list();
            if (entries.stream().anyMatch(e -> e.rid() == 0)) {
                store.users();
                entries = store.list();
            }
            for (FileAccountStore.Entry e : entries) {
                parent.jwmi.out.println(e.qualifiedName() + "\t" + store.sid(e) + "\t" + String.join(",", e.allGroups()));
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

    @Command(name = "group", mixinStandardHelpOptions = true, description = "Change an account's groups.",
            subcommands = {GroupChange.Add.class, GroupChange.Del.class})
    static final class GroupCommand implements Runnable {
        @ParentCommand
        UserCommand parent;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add or del");
        }
    }

    abstract static class GroupChange implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        GroupCommand parent;

        @Parameters(index = "0", paramLabel = "USER", description = "User name.")
        String name;

        @Parameters(index = "1", paramLabel = "GROUP", description = "Administrators (every account is in Users).")
        String group;

        @Option(names = "--domain", paramLabel = "D", defaultValue = "", description = "Domain (empty by default).")
        String domain;

        @picocli.CommandLine.Mixin
        DataDirOption dir;

        abstract boolean member();

        @Override
        public Integer call() {
            Jwmi jwmi = parent.parent.jwmi;
            FileAccountStore store = FileAccountStore.open(DataDir.resolve(dir.dataDir, false));
            String canonical = FileAccountStore.canonicalGroups(List.of(group)).stream().findFirst()
                    .orElse(FileAccountStore.USERS);
            boolean changed = store.setMember(domain, name, group, member());
            String who = qualified(domain, name);
            jwmi.out.println(changed ? (member() ? "added " + who + " to " : "removed " + who + " from ") + canonical
                    : who + (member() ? " is already in " : " is not in ") + canonical);
            return 0;
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account to a group.")
        static final class Add extends GroupChange {
            @Override
            boolean member() {
                return true;
            }
        }

        @Command(name = "del", aliases = "remove", mixinStandardHelpOptions = true,
                description = "Remove an account from a group.")
        static final class Del extends GroupChange {
            @Override
            boolean member() {
                return false;
            }
        }
    }

    static String qualified(String domain, String user) {
        return domain.isEmpty() ? user : domain + "\\" + user;
    }
}
