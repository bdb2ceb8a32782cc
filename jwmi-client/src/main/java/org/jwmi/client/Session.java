package org.jwmi.client;

import org.jwmi.dcom.client.DcomClient;
import org.jwmi.wire.Limits;

/**
 * What every proxy of one {@link WbemLocator} shares: the DCOM runtime, the stage runner, the decode limits, the
 * callback endpoint of asynchronous calls.
 */
final class Session {
    final DcomClient dcom;
    final Stages stages;
    final Limits limits;
    final Callbacks callbacks;

    Session(DcomClient dcom, Stages stages, Limits limits, Callbacks callbacks) {
        this.dcom = dcom;
        this.stages = stages;
        this.limits = limits;
        this.callbacks = callbacks;
    }
}
