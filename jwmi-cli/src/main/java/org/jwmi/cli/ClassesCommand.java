package org.jwmi.cli;

import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemServices;
import org.jwmi.wmi.WbemFlags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jwmi classes}: IWbemServices::CreateClassEnum, one class name per line. */
@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2,
            ExitCodes.L3, ExitCodes.L4, ExitCodes.L5}, name = "classes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the classes of a namespace (IWbemServices::CreateClassEnum), one per line.",
        footer = {"", "Examples:",
            "  jwmi classes --host srv -u alice",
            "  jwmi classes --host srv -u alice --super CIM_LogicalDevice --shallow",
            "  jwmi classes --host srv -u alice -n root\\\\default"})
final class ClassesCommand extends ClientCommand {

    @Option(names = "--super", paramLabel = "CLASS", description = "Only subclasses of CLASS.")
    String superclass;

    @Option(names = "--shallow", description = "Only immediate subclasses (WBEM_FLAG_SHALLOW).")
    boolean shallow;

    @Override
    int run(WbemServices services) {
        int flags = WbemServices.DEFAULT_ENUM_FLAGS | (shallow ? WbemFlags.Query.WBEM_FLAG_SHALLOW.value() : 0);
        try (WbemEnumerator e = services.createClassEnum(superclass, flags, null).batchSize(100);
             Progress progress = new Progress(jwmi.err, jwmi.stderrIsTerminal)) {
            for (WbemClassObject c : e) {
                progress.tick();
                jwmi.out.println(c.className());
            }
        }
        return ExitCodes.OK;
    }
}
