package org.jwmi.dcom.client;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.dcom.ops.DcomStatus;

/**
 * One interface asked for by an activation or a QueryInterface (a MULTI_QI element): the IID, the HRESULT the
 * server gave for it and, on success, the proxy.
 *
 * @param iid     the requested interface
 * @param hresult S_OK, or why the interface is not available (E_NOINTERFACE, ...)
 * @param proxy   the proxy, {@code null} when {@code hresult} is a failure
 */
public record QiResult(UUID iid, int hresult, ComProxy proxy) {

    public QiResult {
        Objects.requireNonNull(iid, "iid");
    }

    public boolean succeeded() {
        return proxy != null;
    }

    /** The proxy, or a {@link DcomException} with the HRESULT. */
    public ComProxy proxyOrThrow() {
        if (proxy == null) {
            throw new DcomException(hresult, "interface " + iid + " is not available"
                    + (hresult == DcomStatus.E_NOINTERFACE.value() ? " on this object" : ""));
        }
        return proxy;
    }
}
