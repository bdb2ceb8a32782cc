package org.jwmi.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.jwmi.auth.AuthLevel;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemServices;
import org.jwmi.client.WbemStage;
import org.jwmi.client.WbemTimeouts;
import org.jwmi.dcom.client.ImpersonationLevel;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The connection options every client command shares. The password is never echoed, printed or logged. */
final class ConnectOptions {

    @Option(names = "--host", paramLabel = "H", defaultValue = ".",
            description = "The server (name or address); '.' (default) is this computer (127.0.0.1).")
    String host;

    @Option(names = {"-u", "--user"}, paramLabel = "USER",
            description = "DOMAIN\\user, user@domain or user; without it the connection is anonymous.")
    String user;

    @Option(names = {"-p", "--password"}, paramLabel = "PASS", arity = "1",
            description = "The password (visible to other local users in the process list: prefer "
                    + "--password-file or the prompt).")
    char[] password;

    @Option(names = "--password-file", paramLabel = "F",
            description = "Read the password from the first line of F ('-' for standard input).")
    Path passwordFile;

    @Option(names = "--authority", paramLabel = "ntlmdomain:D",
            description = "The NTLM domain (ntlmdomain:DOMAIN); kerberos: is not implemented yet.")
    String authority;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "The namespace (default root\\cimv2).")
    String namespace;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "pktPrivacy", converter = LevelConverter.class,
            description = "Authentication level: connect, call, pkt, pktIntegrity or pktPrivacy (default).")
    AuthLevel level;

    @Option(names = "--impersonation", paramLabel = "LEVEL", defaultValue = "impersonate",
            converter = ImpersonationConverter.class,
            description = "Impersonation level: anonymous, identify, impersonate (default) or delegate.")
    ImpersonationLevel impersonation;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "135",
            description = "The object resolver's TCP port (default 135).")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Seconds each call and each batch of results may take (default 60).")
    int timeoutSeconds;

    static final class LevelConverter implements ITypeConverter<AuthLevel> {
        @Override
        public AuthLevel convert(String value) {
            return AuthLevel.parse(value);
        }
    }

    static final class ImpersonationConverter implements ITypeConverter<ImpersonationLevel> {
        @Override
        public ImpersonationLevel convert(String value) {
            return ImpersonationLevel.parse(value);
        }
    }

    /** The namespace to use: the option, else {@code fallback}. */
    String namespace(String fallback) {
        return namespace == null ? fallback : namespace;
    }

    WbemLocator locator() {
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        Duration t = Duration.ofSeconds(timeoutSeconds);
        WbemTimeouts timeouts = WbemTimeouts.DEFAULTS.with(WbemStage.CALL, t).with(WbemStage.NEXT, t);
        return WbemLocator.builder().timeouts(timeouts).resolverPort(port).build();
    }

    /** ConnectServer to {@code \\host\namespace} with these options; the password is wiped afterwards. */
    WbemServices connect(WbemLocator locator, Jwmi jwmi, String defaultNamespace) {
        if (password != null && passwordFile != null) {
            throw new IllegalArgumentException("give -p or --password-file, not both");
        }
        char[] secret = password;
        password = null;
        try {
            if (user != null && secret == null) {
                secret = passwordFile != null ? readFile(jwmi.in) : prompt(jwmi);
            } else if (user == null && (secret != null || passwordFile != null)) {
                throw new IllegalArgumentException("a password needs a user (-u)");
            }
            String resource = "\\\\" + host + "\\" + namespace(defaultNamespace).replace('/', '\\');
            WbemLocator.Connect c = locator.connect(resource).authnLevel(level).impersonationLevel(impersonation)
                    .authority(authority);
            if (user != null) {
                c.user(user).password(secret);
            }
            return c.open();
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private char[] readFile(InputStream stdin) {
        try {
            if (passwordFile.toString().equals("-")) {
                return PasswordInput.readLine(stdin);
            }
            try (InputStream in = Files.newInputStream(passwordFile)) {
                return PasswordInput.readLine(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from " + passwordFile + ": " + e.getMessage(), e);
        }
    }

    private char[] prompt(Jwmi jwmi) {
        Console console = jwmi.in == System.in ? System.console() : null;
        if (console == null) {
            throw new IllegalArgumentException("no password for " + user + ": give --password-file F (or - for"
                    + " standard input), or run on a terminal to be prompted");
        }
        char[] p = console.readPassword("Password for %s: ", user);
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("no password entered");
        }
        return p;
    }
}
