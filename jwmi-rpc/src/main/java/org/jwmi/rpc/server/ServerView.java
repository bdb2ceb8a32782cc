package org.jwmi.rpc.server;

import java.util.List;
import java.util.Optional;
import org.jwmi.rpc.SyntaxId;

/**
 * The read-only face of a running server that services may consult: the management interface
 * ([MS-RPCE] 2.2.1.3 / C706 mgmt) reports these.
 */
public interface ServerView {

    /** The interfaces registered with this server, in registration order. */
    List<SyntaxId> interfaces();

    /** Calls received, calls sent (responses), packets received, packets sent. */
    long[] stats();

    /** The principal name the server uses for an auth_type, if it has one. */
    Optional<String> principalName(int authType);

    /** The TCP port this server listens on. */
    int port();
}
