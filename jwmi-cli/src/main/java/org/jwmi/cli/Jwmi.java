package org.jwmi.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.rpc.RpcFaultException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jwmi} command. Exit codes: 0 success, 1 failure (the message says what to change), 2 bad usage; the
 * client commands add 3 unreachable, 4 denied, 5 not found ({@link ExitCodes}).
 */
@Command(name = "jwmi", mixinStandardHelpOptions = true, versionProvider = Jwmi.Version.class,
        description = "WMI over DCOM/MS-RPCE in Java: server, client and tools.",
        subcommands = {UserCommand.class, ServeCommand.class, DemoCommand.class, WmioCommand.class,
                QueryCommand.class, GetCommand.class, CallCommand.class, ClassesCommand.class,
                NamespacesCommand.class, MofCommand.class, CommandLine.HelpCommand.class})
public final class Jwmi {

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    /** Whether standard error is a terminal (progress is shown only then); false unless run from main. */
    boolean stderrIsTerminal;

    Jwmi(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        configureLogging(args);
        System.exit(run(args, System.in, System.out, System.err, Terminal.isTerminal(2)));
    }

    /**
     * Defaults for slf4j-simple (standard error), unless set with -D: timestamps for the server's log; the demo
     * shows only warnings (the refusals it provokes), since its standard output tells the story.
     */
    static void configureLogging(String[] args) {
        String prefix = "org.slf4j.simpleLogger.";
        setIfAbsent(prefix + "showDateTime", "true");
        setIfAbsent(prefix + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        if (args.length > 0 && args[0].equals("demo")) {
            setIfAbsent(prefix + "defaultLogLevel", "warn");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, false);
    }

    /** As {@link #run(String[], InputStream, PrintStream, PrintStream)}, saying whether {@code err} is a terminal. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean stderrIsTerminal) {
        CommandLine cl = commandLine(in, out, err);
        ((Jwmi) cl.getCommand()).stderrIsTerminal = stderrIsTerminal;
        return cl.execute(args);
    }

    static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Jwmi(in, out, err));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof org.jwmi.client.WbemException || ex instanceof org.jwmi.dcom.client.DcomException) {
                cmd.getErr().println("jwmi: " + ex.getMessage());
                return ExitCodes.of(ex);
            }
            if (ex instanceof IllegalArgumentException && cmd.getCommand() instanceof ClientCommand) {
                cmd.getErr().println("jwmi: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                    || ex instanceof UncheckedIOException || ex instanceof CliException
                    || ex instanceof AuthenticationException || ex instanceof RpcFaultException) {
                cmd.getErr().println("jwmi: " + ex.getMessage());
                if (ex instanceof AuthenticationException) {
                    return ExitCodes.DENIED;
                }
            } else {
                cmd.getErr().println("jwmi: unexpected error: " + ex);
                ex.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl;
    }

    /** A failure whose message is all the user needs. */
    static final class CliException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CliException(String message) {
            super(message);
        }

        CliException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Jwmi.class.getPackage().getImplementationVersion();
            return new String[] {"jwmi " + (v == null ? "(development build)" : v)};
        }
    }
}
