package org.jwmi.cli;

import java.util.concurrent.Callable;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemServices;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A command that connects to a namespace, does its work, and releases everything. */
abstract class ClientCommand implements Callable<Integer> {

    @ParentCommand
    Jwmi jwmi;

    @Mixin
    ConnectOptions connection;

    /** The namespace when --namespace is not given. */
    String defaultNamespace() {
        return "root\\cimv2";
    }

    /** Adjusts the connection options from the command's arguments before connecting (a moniker, ...). */
    void beforeConnect() {
    }

    @Override
    public final Integer call() {
        beforeConnect();
        try (WbemLocator locator = connection.locator();
             WbemServices services = connection.connect(locator, jwmi, defaultNamespace())) {
            return run(services);
        }
    }

    abstract int run(WbemServices services);

    /** The width tables fit into: --width, else the terminal's. */
    static int width(Integer option) {
        return option != null ? Math.max(0, option) : Terminal.width();
    }
}
