package org.jwmi.client;

import java.util.List;

/**
 * IWbemObjectSink ([MS-WMI] 3.1.4.2): receives the results of an asynchronous call of {@link WbemServices}
 * ({@code getObjectAsync}, {@code execQueryAsync}, ...). The server calls the client back: the locator exports the
 * sink on its callback endpoint (see {@link WbemLocator.Builder#callbackAddress}) and the server calls
 * {@link #indicate} with the objects, in batches, then {@link #setStatus} once with
 * {@link #WBEM_STATUS_COMPLETE} and the operation's HRESULT (0, or the failure the synchronous call would have
 * thrown, WBEM_E_CALL_CANCELLED after {@link WbemServices#cancelAsyncCall}).
 *
 * <p>The methods run on the callback endpoint's threads, one call at a time per operation; they should return
 * quickly (the server gives up on a client that takes longer than its call timeout) and must not call
 * {@link WbemServices#cancelAsyncCall} ([MS-WMI] 3.2.4.2.9). An exception thrown by {@link #indicate} answers the
 * server with WBEM_E_FAILED, which ends the operation. One sink serves one asynchronous call at a time.
 */
public interface WbemObjectSink {

    /** SetStatus lFlags: the operation is over ([MS-WMI] 2.2.7 WBEM_STATUS_COMPLETE). */
    int WBEM_STATUS_COMPLETE = 0;
    /** SetStatus lFlags: progress information, sent only when asked for with WBEM_FLAG_SEND_STATUS. */
    int WBEM_STATUS_PROGRESS = 2;

    /** IWbemObjectSink::Indicate: more result objects. */
    void indicate(List<WbemClassObject> objects);

    /**
     * IWbemObjectSink::SetStatus: the end of the operation ({@code flags} {@link #WBEM_STATUS_COMPLETE}) or its
     * progress ({@link #WBEM_STATUS_PROGRESS}).
     *
     * @param hresult     the operation's HRESULT (WBEMSTATUS; negative is a failure)
     * @param param       the result string (PutInstanceAsync: the new instance's path), or {@code null}
     * @param errorObject extended error information, or {@code null}
     */
    void setStatus(int flags, int hresult, String param, WbemClassObject errorObject);
}
