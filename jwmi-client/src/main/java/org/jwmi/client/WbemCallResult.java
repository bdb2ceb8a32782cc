package org.jwmi.client;

import java.time.Duration;
import java.util.Optional;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.ops.GetResultStringResponse;
import org.jwmi.wmi.ops.Int32Response;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.TimeoutRequest;

/**
 * IWbemCallResult ([MS-WMI] 3.1.4.5): the result of a semisynchronous call (one made with
 * WBEM_FLAG_RETURN_IMMEDIATELY). Each method waits at most the given time on the server (lTimeout) and returns
 * empty when the operation has not finished by then (WBEM_S_TIMEDOUT); the client waits that long plus the call
 * timeout. Thread-safe; close it to release the server object.
 */
public final class WbemCallResult extends WbemProxy {
    private static final int OP_OBJECT = WmiOpnums.CallResult.GET_RESULT_OBJECT;
    private static final int OP_STRING = WmiOpnums.CallResult.GET_RESULT_STRING;
    private static final int OP_SERVICES = WmiOpnums.CallResult.GET_RESULT_SERVICES;
    private static final int OP_STATUS = WmiOpnums.CallResult.GET_CALL_STATUS;

    private final String operation;
    private final String server;
    private final String namespace;

    WbemCallResult(Session session, ComProxy proxy, String operation, String server, String namespace) {
        super(session, proxy, "WbemCallResult");
        this.operation = operation;
        this.server = server;
        this.namespace = namespace;
    }

    /** The operation this result belongs to, as messages name it. */
    public String operation() {
        return operation;
    }

    /**
     * GetResultObject: the object the operation produced (GetObject's object, ExecMethod's out-parameters), or
     * empty if it has not finished within {@code timeout}.
     *
     * @throws WbemException the operation failed (its status), or it produces no object
     */
    public Optional<WbemClassObject> getResultObject(Duration timeout) {
        String what = "GetResultObject of " + operation;
        InterfacePointerResponse r = timed(OP_OBJECT, what, timeout, InterfacePointerResponse::decodeResults);
        if (r.hresult() == WbemStatus.WBEM_S_TIMEDOUT.code()) {
            return Optional.empty();
        }
        check(r.hresult(), what);
        if (r.pointer() == null) {
            return Optional.empty();
        }
        return Optional.of(WbemClassObject.of(object(r.pointer(), what)));
    }

    /**
     * GetResultString: the path PutInstance created or updated, or empty if the operation has not finished within
     * {@code timeout}.
     */
    public Optional<String> getResultString(Duration timeout) {
        String what = "GetResultString of " + operation;
        GetResultStringResponse r = timed(OP_STRING, what, timeout, GetResultStringResponse::decodeResults);
        if (r.hresult() == WbemStatus.WBEM_S_TIMEDOUT.code()) {
            return Optional.empty();
        }
        check(r.hresult(), what);
        return Optional.ofNullable(r.pstrResultString());
    }

    /** GetResultServices: the namespace OpenNamespace opened, or empty if not finished within {@code timeout}. */
    public Optional<WbemServices> getResultServices(Duration timeout) {
        String what = "GetResultServices of " + operation;
        InterfacePointerResponse r = timed(OP_SERVICES, what, timeout, InterfacePointerResponse::decodeResults);
        if (r.hresult() == WbemStatus.WBEM_S_TIMEDOUT.code()) {
            return Optional.empty();
        }
        check(r.hresult(), what);
        MInterfacePointer p = r.pointer();
        if (p == null) {
            throw new WbemException(WbemStatus.WBEM_E_UNEXPECTED, what + " returned no interface pointer");
        }
        return Optional.of(new WbemServices(session, unmarshal(p, what), server, namespace));
    }

    /**
     * GetCallStatus: the operation's final status (WBEM_S_NO_ERROR or its failure code, not thrown), or empty when
     * it has not finished within {@code timeout}.
     */
    public Optional<Integer> getCallStatus(Duration timeout) {
        String what = "GetCallStatus of " + operation;
        Int32Response r = timed(OP_STATUS, what, timeout, Int32Response::decodeResults);
        if (r.hresult() == WbemStatus.WBEM_S_TIMEDOUT.code()) {
            return Optional.empty();
        }
        check(r.hresult(), what);
        return Optional.of(r.value());
    }

    /**
     * Waits up to {@code timeout} for the operation to finish and throws its failure, if any.
     *
     * @throws WbemException WBEM_E_TIMED_OUT when it has not finished, or the operation's failure
     */
    public void await(Duration timeout) {
        int status = getCallStatus(timeout).orElseThrow(() -> new WbemException(WbemStatus.WBEM_E_TIMED_OUT.code(),
                WbemStage.CALL, operation + " did not finish within " + timeout.toMillis() + " ms", null));
        if (status < 0) {
            throw WbemException.fromResult(status, WbemStage.CALL, operation, safeLevel());
        }
    }

    private <T> T timed(int opnum, String what, Duration timeout,
                        java.util.function.BiFunction<org.jwmi.ndr.NdrReader, org.jwmi.dcom.wire.OrpcThat, T> dec) {
        int ms = WbemEnumerator.millis(timeout);
        Duration wait = Duration.ofMillis(ms).plus(session.stages.timeouts().call());
        return session.stages.run(WbemStage.CALL, wait, what,
                () -> decode(proxy, opnum, what, w -> new TimeoutRequest(UNSENT, ms).encodeParams(w), dec));
    }
}
