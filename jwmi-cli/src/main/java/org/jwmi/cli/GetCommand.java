package org.jwmi.cli;

import org.jwmi.auth.AuthLevel;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemServices;
import org.jwmi.client.moniker.Moniker;
import org.jwmi.dcom.client.ImpersonationLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jwmi get PATH-or-MONIKER}: IWbemServices::GetObject, the object's properties printed. A moniker
 * ({@code winmgmts:...}) gives the computer, namespace, levels and authority it names instead of the options; the
 * user and password still come from the options (a moniker carries none).
 */
@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2,
            ExitCodes.L3, ExitCodes.L4, ExitCodes.L5}, name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Get one class or instance by its object path (IWbemServices::GetObject) and print its "
                + "properties.",
        footer = {"", "Examples:",
            "  jwmi get --host srv -u alice 'Win32_OperatingSystem=@'",
            "  jwmi get --host srv -u alice --format json 'Win32_Service.Name=\"Spooler\"'",
            "  jwmi get -u alice 'winmgmts:{authenticationLevel=pktPrivacy}!//srv/root/cimv2:Win32_LogicalDisk=\"/\"'"})
final class GetCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "PATH", description = "Object path (Class.Key=\"value\", Class=@, Class) or a"
            + " moniker (winmgmts:{...}!//server/namespace:Class.Key=\"value\").")
    String path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (property and value per line, default), json or csv.")
    ObjectPrinter.Format format;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "Fit the table to this width (0: no limit).")
    Integer width;

    @Override
    void beforeConnect() {
        if (!path.regionMatches(true, 0, Moniker.PREFIX, 0, Moniker.PREFIX.length())) {
            return;
        }
        Moniker m = Moniker.parse(path);
        if (!m.namesObject()) {
            throw new IllegalArgumentException("the moniker names a namespace, not a class or instance: add"
                    + " :Class or :Class.Key=\"value\" (or use jwmi query / jwmi classes)");
        }
        if (m.server() != null) {
            connection.host = m.server();
        }
        if (m.namespace() != null) {
            connection.namespace = m.namespace();
        }
        if (m.authenticationLevel() != AuthLevel.DEFAULT) {
            connection.level = m.authenticationLevel();
        }
        if (m.impersonationLevel() != ImpersonationLevel.DEFAULT) {
            connection.impersonation = m.impersonationLevel();
        }
        if (m.authority() != null) {
            connection.authority = m.authority();
        }
        path = m.objectPath().toString();
    }

    @Override
    int run(WbemServices services) {
        WbemClassObject o = services.getObject(path);
        ObjectPrinter.single(o.cimObject(), format, jwmi.out, width(width));
        return ExitCodes.OK;
    }
}
