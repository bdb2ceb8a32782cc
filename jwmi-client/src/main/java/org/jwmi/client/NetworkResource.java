package org.jwmi.client;

import org.jwmi.cim.WbemStatus;

/**
 * The strNetworkResource of ConnectServer: {@code \\server\namespace}, {@code //server/namespace} or a bare
 * {@code namespace} for the local computer ({@code .}).
 *
 * @param server    the server as written ({@code .} for the local computer)
 * @param namespace the namespace with backslashes ({@code root\cimv2})
 */
record NetworkResource(String server, String namespace) {

    static NetworkResource parse(String resource) {
        if (resource == null || resource.isBlank()) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                    "the network resource is empty (use \\\\server\\root\\cimv2)");
        }
        String s = resource.replace('/', '\\');
        String server = ".";
        String ns = s;
        if (s.startsWith("\\\\")) {
            int end = s.indexOf('\\', 2);
            if (end < 0 || end == 2 || end == s.length() - 1) {
                throw new WbemException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "'" + resource + "' names no namespace"
                        + " after the server (use \\\\server\\root\\cimv2)");
            }
            server = s.substring(2, end);
            ns = s.substring(end + 1);
        }
        while (ns.startsWith("\\")) {
            ns = ns.substring(1);
        }
        while (ns.endsWith("\\")) {
            ns = ns.substring(0, ns.length() - 1);
        }
        if (ns.isEmpty() || ns.contains("\\\\")) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_NAMESPACE, "'" + resource + "' is not a namespace path"
                    + " (use \\\\server\\root\\cimv2)");
        }
        return new NetworkResource(server, ns);
    }

    /** The host to dial: the server, or the loopback address for the local computer. */
    String host() {
        return server.equals(".") || server.equalsIgnoreCase("localhost") ? "127.0.0.1" : server;
    }

    /** The wszNetworkResource NTLMLogin gets: {@code \\server\namespace}, as Windows clients send it. */
    String loginResource() {
        return "\\\\" + server + "\\" + namespace;
    }
}
