package org.jwmi.server.service;

import java.util.stream.Stream;
import org.jwmi.cim.CimObject;

/**
 * What an asynchronous operation delivers to the client's sink: objects through IWbemObjectSink::Indicate, then
 * SetStatus(WBEM_STATUS_COMPLETE) with the final HRESULT and, for PutInstanceAsync, the new instance's path as
 * strParam ([MS-WMI] 3.1.4.2.2).
 *
 * @param objects the objects to indicate (a lazy stream, closed after delivery)
 * @param string  strParam of the final SetStatus, or null
 */
record AsyncResult(Stream<? extends CimObject> objects, String string) {

    static AsyncResult objects(Stream<? extends CimObject> s) {
        return new AsyncResult(s, null);
    }

    static AsyncResult none() {
        return new AsyncResult(Stream.empty(), null);
    }

    static AsyncResult string(String s) {
        return new AsyncResult(Stream.empty(), s);
    }
}
