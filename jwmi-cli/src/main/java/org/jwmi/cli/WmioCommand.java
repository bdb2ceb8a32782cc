package org.jwmi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.WmioText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jwmi wmio decode}: tools for the [MS-WMIO] object encoding, for people debugging WMI traffic. */
@Command(name = "wmio", mixinStandardHelpOptions = true,
        description = "Tools for the MS-WMIO object encoding (IWbemClassObject on the wire).",
        subcommands = {WmioCommand.Decode.class})
final class WmioCommand implements Runnable {

    /** The most input {@code decode} reads: a hex dump of the largest RPC body (4 MiB) with room for comments. */
    static final int MAX_INPUT = 16 * 1024 * 1024;

    @ParentCommand
    Jwmi jwmi;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: decode");
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Decode an object and print it as MOF-like text or JSON.",
                    "FILE holds an EncodingUnit (signature 78 56 34 12), an ObjectArray (\"WBEMDATA\") or a bare "
                            + "ObjectBlock, as raw bytes or as hex text (whitespace, ':' separators, '#' and '//' "
                            + "comments allowed). Malformed input: exit status 1 and one line saying what is wrong, "
                            + "at which offset, in which field."})
    static final class Decode implements Callable<Integer> {
        @ParentCommand
        WmioCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", description = "File to decode, or - for standard input.")
        String file;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mof",
                description = "mof (the default: MOF-like text with origins, flavors and defaults) or json.")
        WmioText.Format format;

        @Override
        public Integer call() {
            byte[] content = read();
            String text;
            try {
                text = WmioText.render(content, format);
            } catch (ProtocolException e) {
                parent.jwmi.err.println("jwmi: " + name() + ": " + oneLine(e.getMessage()));
                return 1;
            }
            parent.jwmi.out.print(text);
            if (!text.endsWith("\n")) {
                parent.jwmi.out.println();
            }
            parent.jwmi.out.flush();
            return 0;
        }

        private String name() {
            return file.equals("-") ? "standard input" : file;
        }

        private byte[] read() {
            try {
                if (file.equals("-")) {
                    return bounded(parent.jwmi.in);
                }
                Path path = Path.of(file);
                if (Files.isDirectory(path)) {
                    throw new Jwmi.CliException(file + ": is a directory; name a file holding one object");
                }
                try (InputStream in = Files.newInputStream(path)) {
                    return bounded(in);
                }
            } catch (NoSuchFileException e) {
                throw new Jwmi.CliException(file + ": no such file");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name() + ": " + e.getMessage(), e);
            }
        }

        private byte[] bounded(InputStream in) throws IOException {
            byte[] b = in.readNBytes(MAX_INPUT + 1);
            if (b.length > MAX_INPUT) {
                throw new Jwmi.CliException(name() + ": more than " + MAX_INPUT / (1024 * 1024)
                        + " MiB; an encoded object is smaller: cut out the object's bytes");
            }
            return b;
        }

        private static String oneLine(String s) {
            return s.replaceAll("\\R", " ");
        }
    }
}
