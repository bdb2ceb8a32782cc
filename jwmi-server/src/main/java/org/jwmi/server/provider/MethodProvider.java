package org.jwmi.server.provider;

import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;

/**
 * Executes the methods of one class.
 */
public interface MethodProvider {

    /** The class whose methods this provider executes. */
    CimName className();

    /**
     * Runs {@code method}.
     *
     * @param target a class path (static methods) or an instance path
     * @param inParams an instance of the method's in-parameters class, or {@code null} if it has none
     * @return an instance of the method's out-parameters class (with {@code ReturnValue}), or {@code null} if none
     * @throws org.jwmi.cim.CimException with a WBEM status on failure
     */
    CimInstance invoke(ProviderContext ctx, CimClass cls, CimObjectPath target, CimName method, CimInstance inParams);
}
