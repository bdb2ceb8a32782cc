package org.jwmi.cli;

import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwmi query WQL}: IWbemServices::ExecQuery, then every object printed. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a WQL query (IWbemServices::ExecQuery) and print the objects.",
        footer = {"", "Examples:",
            "  jwmi query --host 10.0.0.5 -u CORP\\\\alice \"SELECT Name, ProcessId FROM Win32_Process\"",
            "  jwmi query --host srv -u alice --authority ntlmdomain:CORP --password-file pw.txt \\\\",
            "      --format json \"SELECT * FROM Win32_LogicalDisk WHERE DriveType = 3\"",
            "  jwmi query -n root\\\\default --format csv \"SELECT * FROM __NAMESPACE\"",
            "",
            "Table output is aligned and cut to the terminal width ($COLUMNS, or --width); JSON is one object per",
            "line; CSV follows RFC 4180. A count of objects is shown on standard error while a terminal watches."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2,
            ExitCodes.L3, ExitCodes.L4, ExitCodes.L5})
final class QueryCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "WQL", description = "The query, e.g. \"SELECT * FROM Win32_Service\".")
    String wql;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json (one object per line) or csv.")
    ObjectPrinter.Format format;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "Fit tables to this width (0: no limit).")
    Integer width;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "50", description = "Objects per Next (default 50).")
    int batch;

    @Override
    int run(WbemServices services) {
        ObjectPrinter printer = new ObjectPrinter(format, jwmi.out, width(width));
        try (WbemEnumerator e = services.execQuery(wql).batchSize(batch);
             Progress progress = new Progress(jwmi.err, jwmi.stderrIsTerminal && format != ObjectPrinter.Format.JSON)) {
            for (WbemClassObject o : e) {
                printer.add(o.cimObject());
                progress.tick();
            }
        }
        printer.finish();
        if (printer.droppedColumns() > 0) {
            jwmi.err.println("jwmi: " + printer.droppedColumns() + " columns did not fit the width; use --format json"
                    + " or name fewer properties in the SELECT");
        }
        return ExitCodes.OK;
    }
}
