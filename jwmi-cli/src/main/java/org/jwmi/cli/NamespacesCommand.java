package org.jwmi.cli;

import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jwmi namespaces}: the __NAMESPACE instances below a namespace, recursively. */
@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2,
            ExitCodes.L3, ExitCodes.L4, ExitCodes.L5}, name = "namespaces", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the namespaces below a namespace (default root), one full name per line.",
        footer = {"", "Examples:",
            "  jwmi namespaces --host srv -u alice",
            "  jwmi namespaces --host srv -u alice -n root\\\\cimv2 --no-recursive"})
final class NamespacesCommand extends ClientCommand {

    @Option(names = "--no-recursive", negatable = false, description = "Only the immediate children.")
    boolean notRecursive;

    @Override
    String defaultNamespace() {
        return "root";
    }

    @Override
    int run(WbemServices services) {
        list(services, services.namespace(), 0);
        return ExitCodes.OK;
    }

    private void list(WbemServices services, String prefix, int depth) {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (WbemEnumerator e = services.execQuery("SELECT Name FROM __NAMESPACE")) {
            for (WbemClassObject n : e) {
                Object name = n.getValue("Name");
                if (name != null) {
                    names.add(name.toString());
                }
            }
        }
        for (String name : names) {
            jwmi.out.println(prefix + "\\" + name);
            if (!notRecursive && depth < 32) {
                try (WbemServices child = services.openNamespace(name)) {
                    list(child, prefix + "\\" + name, depth + 1);
                }
            }
        }
    }
}
