package org.jwmi.cli;

import org.jwmi.client.WbemServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jwmi mof PATH}: an object or class as MOF text (GetObjectText). */
@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2,
            ExitCodes.L3, ExitCodes.L4, ExitCodes.L5}, name = "mof", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print a class or instance as MOF text (IWbemClassObject::GetObjectText).",
        footer = {"", "Examples:",
            "  jwmi mof --host srv -u alice Win32_Process",
            "  jwmi mof --host srv -u alice 'Win32_OperatingSystem=@'"})
final class MofCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "PATH", description = "Object path of a class or an instance.")
    String path;

    @Override
    int run(WbemServices services) {
        jwmi.out.print(services.getObject(path).toMof());
        jwmi.out.flush();
        return ExitCodes.OK;
    }
}
