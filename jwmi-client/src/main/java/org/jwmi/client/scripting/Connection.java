package org.jwmi.client.scripting;

import java.util.function.Function;
import org.jwmi.client.WbemServices;
import org.jwmi.dcom.client.SecurityBlanket;

/**
 * One IWbemServices proxy shared by an {@link SWbemServices} and every object created from it. Each object calls
 * with its own {@link SWbemSecurity}: the proxy's blanket is set to it for the call. Calls through one connection
 * are therefore serialized, as Windows' scripting objects live in one apartment; enumerators have proxies of their
 * own and fetch concurrently.
 */
final class Connection implements AutoCloseable {
    final WbemServices services;
    /** The blanket ConnectServer left on the proxy (identity, service, SPN); levels come from each caller. */
    final SecurityBlanket base;
    /** The computer as the caller named it ({@code .} for this computer). */
    final String server;
    final String namespace;
    final String locale;
    final String authority;
    private final Object lock = new Object();
    /** Enumerators of object sets not yet released, released with the connection. */
    private final java.util.Set<AutoCloseable> children = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Connection(WbemServices services, String server, String namespace, String locale, String authority) {
        this.services = services;
        this.base = services.blanket();
        this.server = server;
        this.namespace = namespace;
        this.locale = locale;
        this.authority = authority;
    }

    <T> T call(SWbemSecurity security, Function<WbemServices, T> op) {
        synchronized (lock) {
            services.setBlanket(security.applyTo(base));
            return op.apply(services);
        }
    }

    void run(SWbemSecurity security, java.util.function.Consumer<WbemServices> op) {
        call(security, s -> {
            op.accept(s);
            return null;
        });
    }

    void opened(AutoCloseable child) {
        children.add(child);
    }

    void released(AutoCloseable child) {
        children.remove(child);
    }

    /** Releases the object sets' enumerators still open, then the IWbemServices proxy. Idempotent. */
    @Override
    public void close() {
        for (AutoCloseable c : children) {
            try {
                c.close();
            } catch (Exception ignored) {
                // release is best effort and never throws for our proxies
            }
        }
        children.clear();
        services.close();
    }
}
