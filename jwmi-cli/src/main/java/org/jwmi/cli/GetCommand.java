package org.jwmi.cli;

import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwmi get PATH}: IWbemServices::GetObject, the object's properties printed. */
@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2,
            ExitCodes.L3, ExitCodes.L4, ExitCodes.L5}, name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Get one class or instance by its object path (IWbemServices::GetObject) and print its "
                + "properties.",
        footer = {"", "Examples:",
            "  jwmi get --host srv -u alice 'Win32_OperatingSystem=@'",
            "  jwmi get --host srv -u alice --format json 'Win32_Service.Name=\"Spooler\"'"})
final class GetCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "PATH", description = "Object path: Class.Key=\"value\", Class=@, Class.")
    String path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (property and value per line, default), json or csv.")
    ObjectPrinter.Format format;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "Fit the table to this width (0: no limit).")
    Integer width;

    @Override
    int run(WbemServices services) {
        WbemClassObject o = services.getObject(path);
        ObjectPrinter.single(o.cimObject(), format, jwmi.out, width(width));
        return ExitCodes.OK;
    }
}
