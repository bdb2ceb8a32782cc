package org.jwmi.client;

import org.jwmi.dcom.client.DcomClient;
import org.jwmi.wire.Limits;

/** What every proxy of one {@link WbemLocator} shares: the DCOM runtime, the stage runner, the decode limits. */
final class Session {
    final DcomClient dcom;
    final Stages stages;
    final Limits limits;

    Session(DcomClient dcom, Stages stages, Limits limits) {
        this.dcom = dcom;
        this.stages = stages;
        this.limits = limits;
    }
}
