package org.jwmi.client.scripting;

import org.jwmi.cim.WbemStatus;
import org.jwmi.client.WbemException;

/**
 * SWbemRefresher — reserved: refreshers (IWbemRefresher, IWbemRemoteRefresher) are not implemented yet, so this
 * class cannot be created. It fixes the name the refresher work will fill in.
 */
public final class SWbemRefresher {

    private SWbemRefresher() {
    }

    /**
     * Always fails: refreshers are not implemented yet.
     *
     * @throws WbemException WBEM_E_NOT_SUPPORTED, saying to re-read the objects with SWbemServices.get or execQuery
     */
    public static SWbemRefresher create() {
        throw new WbemException(WbemStatus.WBEM_E_NOT_SUPPORTED, "SWbemRefresher is not implemented yet: read the"
                + " objects again with SWbemServices.get or execQuery");
    }
}
