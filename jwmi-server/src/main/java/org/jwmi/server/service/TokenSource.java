package org.jwmi.server.service;

import org.jwmi.rpc.server.CallContext;
import org.jwmi.server.security.CallerToken;

/** Builds the access token of the caller of one RPC call (from its authenticated identity and blanket). */
@FunctionalInterface
public interface TokenSource {

    CallerToken tokenFor(CallContext call);
}
