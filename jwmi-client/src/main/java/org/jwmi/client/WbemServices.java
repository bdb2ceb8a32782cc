package org.jwmi.client;

import org.jwmi.cim.CimInstance;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.wmi.WbemFlags;
import org.jwmi.wmi.WmiOpnums.Services;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wmi.ops.AsyncPathRequest;
import org.jwmi.wmi.ops.AsyncPutRequest;
import org.jwmi.wmi.ops.AsyncQueryRequest;
import org.jwmi.wmi.ops.CallResultResponse;
import org.jwmi.wmi.ops.CreateEnumRequest;
import org.jwmi.wmi.ops.DeleteRequest;
import org.jwmi.wmi.ops.ExecMethodAsyncRequest;
import org.jwmi.wmi.ops.ExecMethodRequest;
import org.jwmi.wmi.ops.ExecQueryRequest;
import org.jwmi.wmi.ops.InterfacePointerRef;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.PathRequest;
import org.jwmi.wmi.ops.PutObjectRequest;
import org.jwmi.wmi.ops.SinkRequest;
import org.jwmi.wmi.ops.TwoPointerResponse;

/**
 * IWbemServices ([MS-WMI] 3.1.4.3): one namespace on one server. Every operation is offered synchronously (the
 * method returns the result) and semisynchronously (the {@code ...Semisync} variant sends
 * WBEM_FLAG_RETURN_IMMEDIATELY and returns a {@link WbemCallResult}); enumerations return a
 * {@link WbemEnumerator} either way (semisynchronous, forward-only by default, as the SDK recommends). The
 * {@code ...Async} variants deliver to a {@link WbemObjectSink} that the server calls back.
 *
 * <p>{@code flags} are the lFlags of the method ({@link WbemFlags}); {@code context} may be {@code null}. Calls run
 * under the call timeout; failures are {@link WbemException}s. Thread-safe; close to release the server object.
 */
public final class WbemServices extends WbemProxy {
    /** The flags enumerations use unless told otherwise: semisynchronous and forward-only. */
    public static final int DEFAULT_ENUM_FLAGS = WbemFlags.Generic.WBEM_FLAG_RETURN_IMMEDIATELY.value()
            | WbemFlags.Generic.WBEM_FLAG_FORWARD_ONLY.value();
    private static final int RETURN_IMMEDIATELY = WbemFlags.Generic.WBEM_FLAG_RETURN_IMMEDIATELY.value();

    private final String server;
    private final String namespace;
    private volatile boolean useSmartEnum = true;

    WbemServices(Session session, ComProxy proxy, String server, String namespace) {
        super(session, proxy, "WbemServices(\\\\" + server + "\\" + namespace + ")");
        this.server = server;
        this.namespace = namespace;
    }

    /** The server as the network resource named it. */
    public String server() {
        return server;
    }

    /** The namespace ({@code root\cimv2}). */
    public String namespace() {
        return namespace;
    }

    /** Whether enumerators created from now on use the server's smart enumerator when it offers one (default). */
    public WbemServices useSmartEnum(boolean on) {
        useSmartEnum = on;
        return this;
    }

    // ------------------------------------------------------------------------------------------------ namespaces

    /** OpenNamespace: a child namespace ({@code "subnamespace"} relative to this one). */
    public WbemServices openNamespace(String child) {
        return openNamespace(child, 0, null);
    }

    public WbemServices openNamespace(String child, int flags, WbemContext context) {
        String what = "OpenNamespace(" + child + ") in " + namespace;
        sync(flags, "openNamespaceSemisync");
        TwoPointerResponse r = call(Services.OPEN_NAMESPACE, what, w -> new PathRequest(UNSENT, child, flags,
                WbemContext.pointer(context), InterfacePointerRef.EMPTY, null).encodeParams(w),
                TwoPointerResponse::decodeResults);
        check(r.hresult(), what);
        return new WbemServices(session, pointer(r.first(), what), server, childNamespace(child));
    }

    /** OpenNamespace with WBEM_FLAG_RETURN_IMMEDIATELY; {@link WbemCallResult#getResultServices} gives it. */
    public WbemCallResult openNamespaceSemisync(String child, int flags, WbemContext context) {
        String what = "OpenNamespace(" + child + ") in " + namespace;
        int f = flags | RETURN_IMMEDIATELY;
        TwoPointerResponse r = call(Services.OPEN_NAMESPACE, what, w -> new PathRequest(UNSENT, child, f,
                WbemContext.pointer(context), null, InterfacePointerRef.EMPTY).encodeParams(w),
                TwoPointerResponse::decodeResults);
        check(r.hresult(), what);
        return callResult(r.result(), what, childNamespace(child));
    }

    private String childNamespace(String child) {
        String c = child.replace('/', '\\');
        return c.regionMatches(true, 0, "root\\", 0, 5) || c.equalsIgnoreCase("root") ? c : namespace + "\\" + c;
    }

    // ------------------------------------------------------------------------------------------------ objects

    /** GetObject: the class or instance at {@code path} ({@code null} or empty: a new empty class). */
    public WbemClassObject getObject(String path) {
        return getObject(path, 0, null);
    }

    public WbemClassObject getObject(String path, int flags, WbemContext context) {
        String what = "GetObject(" + path + ")";
        sync(flags, "getObjectSemisync");
        TwoPointerResponse r = call(Services.GET_OBJECT, what, w -> new PathRequest(UNSENT, path, flags,
                WbemContext.pointer(context), InterfacePointerRef.EMPTY, null).encodeParams(w),
                TwoPointerResponse::decodeResults);
        check(r.hresult(), what);
        if (r.first() == null) {
            throw new WbemException(WbemStatus.WBEM_E_UNEXPECTED, what + " returned no object");
        }
        return WbemClassObject.of(object(r.first(), what));
    }

    /** GetObject with WBEM_FLAG_RETURN_IMMEDIATELY; {@link WbemCallResult#getResultObject} gives the object. */
    public WbemCallResult getObjectSemisync(String path, int flags, WbemContext context) {
        String what = "GetObject(" + path + ")";
        int f = flags | RETURN_IMMEDIATELY;
        TwoPointerResponse r = call(Services.GET_OBJECT, what, w -> new PathRequest(UNSENT, path, f,
                WbemContext.pointer(context), null, InterfacePointerRef.EMPTY).encodeParams(w),
                TwoPointerResponse::decodeResults);
        check(r.hresult(), what);
        return callResult(r.result(), what, namespace);
    }

    /** PutClass: creates or updates a class ({@link WbemFlags.Change} flags; 0 = create or update). */
    public void putClass(WbemClassObject cls) {
        putClass(cls, 0, null);
    }

    public void putClass(WbemClassObject cls, int flags, WbemContext context) {
        requireClass(cls, true);
        put(Services.PUT_CLASS, "PutClass(" + cls.className() + ")", cls, flags, context, false);
    }

    public WbemCallResult putClassSemisync(WbemClassObject cls, int flags, WbemContext context) {
        requireClass(cls, true);
        return put(Services.PUT_CLASS, "PutClass(" + cls.className() + ")", cls, flags, context, true);
    }

    /** PutInstance: creates or updates an instance ({@link WbemFlags.Change} flags; 0 = create or update). */
    public void putInstance(WbemClassObject instance) {
        putInstance(instance, 0, null);
    }

    public void putInstance(WbemClassObject instance, int flags, WbemContext context) {
        requireClass(instance, false);
        put(Services.PUT_INSTANCE, "PutInstance(" + instance.className() + ")", instance, flags, context, false);
    }

    /** PutInstance semisynchronously; {@link WbemCallResult#getResultString} gives the instance's path. */
    public WbemCallResult putInstanceSemisync(WbemClassObject instance, int flags, WbemContext context) {
        requireClass(instance, false);
        return put(Services.PUT_INSTANCE, "PutInstance(" + instance.className() + ")", instance, flags, context, true);
    }

    private WbemCallResult put(int opnum, String what, WbemClassObject obj, int flags, WbemContext context,
                               boolean semisync) {
        if (!semisync) {
            sync(flags, opnum == Services.PUT_CLASS ? "putClassSemisync" : "putInstanceSemisync");
        }
        int f = semisync ? flags | RETURN_IMMEDIATELY : flags;
        MInterfacePointer p = WbemClassObjectMarshaler.pointer(obj.cimObject());
        CallResultResponse r = call(opnum, what, w -> new PutObjectRequest(UNSENT, p, f, WbemContext.pointer(context),
                semisync ? InterfacePointerRef.EMPTY : null).encodeParams(w), CallResultResponse::decodeResults);
        check(r.hresult(), what);
        return semisync ? callResult(InterfacePointerRef.valueOf(r.ppCallResult()), what, namespace) : null;
    }

    /** DeleteClass: deletes a class, its subclasses and their instances. */
    public void deleteClass(String className) {
        deleteClass(className, 0, null);
    }

    public void deleteClass(String className, int flags, WbemContext context) {
        delete(Services.DELETE_CLASS, "DeleteClass(" + className + ")", className, flags, context, false);
    }

    public WbemCallResult deleteClassSemisync(String className, int flags, WbemContext context) {
        return delete(Services.DELETE_CLASS, "DeleteClass(" + className + ")", className, flags, context, true);
    }

    /** DeleteInstance: deletes the instance at {@code path}. */
    public void deleteInstance(String path) {
        deleteInstance(path, 0, null);
    }

    public void deleteInstance(String path, int flags, WbemContext context) {
        delete(Services.DELETE_INSTANCE, "DeleteInstance(" + path + ")", path, flags, context, false);
    }

    public WbemCallResult deleteInstanceSemisync(String path, int flags, WbemContext context) {
        return delete(Services.DELETE_INSTANCE, "DeleteInstance(" + path + ")", path, flags, context, true);
    }

    private WbemCallResult delete(int opnum, String what, String path, int flags, WbemContext context,
                                  boolean semisync) {
        if (!semisync) {
            sync(flags, opnum == Services.DELETE_CLASS ? "deleteClassSemisync" : "deleteInstanceSemisync");
        }
        int f = semisync ? flags | RETURN_IMMEDIATELY : flags;
        CallResultResponse r = call(opnum, what, w -> new DeleteRequest(UNSENT, path, f, WbemContext.pointer(context),
                semisync ? InterfacePointerRef.EMPTY : null).encodeParams(w), CallResultResponse::decodeResults);
        check(r.hresult(), what);
        return semisync ? callResult(InterfacePointerRef.valueOf(r.ppCallResult()), what, namespace) : null;
    }

    // ------------------------------------------------------------------------------------------------ enumerations

    /** CreateClassEnum: the subclasses of {@code superclass} ({@code null} or empty: top-level classes), deep. */
    public WbemEnumerator createClassEnum(String superclass) {
        return createClassEnum(superclass, DEFAULT_ENUM_FLAGS, null);
    }

    /** CreateClassEnum with explicit flags (WBEM_FLAG_SHALLOW for immediate subclasses only). */
    public WbemEnumerator createClassEnum(String superclass, int flags, WbemContext context) {
        String what = "CreateClassEnum(" + (superclass == null ? "" : superclass) + ")";
        return enumerate(Services.CREATE_CLASS_ENUM, what, w -> new CreateEnumRequest(UNSENT, superclass, flags,
                WbemContext.pointer(context)).encodeParams(w));
    }

    /** CreateInstanceEnum: the instances of {@code className} and its subclasses. */
    public WbemEnumerator createInstanceEnum(String className) {
        return createInstanceEnum(className, DEFAULT_ENUM_FLAGS, null);
    }

    public WbemEnumerator createInstanceEnum(String className, int flags, WbemContext context) {
        String what = "CreateInstanceEnum(" + className + ")";
        return enumerate(Services.CREATE_INSTANCE_ENUM, what, w -> new CreateEnumRequest(UNSENT, className, flags,
                WbemContext.pointer(context)).encodeParams(w));
    }

    /** ExecQuery: a WQL query, semisynchronous and forward-only. */
    public WbemEnumerator execQuery(String wql) {
        return execQuery("WQL", wql, DEFAULT_ENUM_FLAGS, null);
    }

    public WbemEnumerator execQuery(String language, String query, int flags, WbemContext context) {
        String what = "ExecQuery(" + query + ")";
        return enumerate(Services.EXEC_QUERY, what, w -> new ExecQueryRequest(UNSENT, language, query, flags,
                WbemContext.pointer(context)).encodeParams(w));
    }

    /**
     * ExecNotificationQuery: an event query; the server requires WBEM_FLAG_RETURN_IMMEDIATELY |
     * WBEM_FLAG_FORWARD_ONLY, which are always sent. Each Next waits for events up to the enumerator's timeout.
     */
    public WbemEnumerator execNotificationQuery(String language, String query, int flags, WbemContext context) {
        String what = "ExecNotificationQuery(" + query + ")";
        int f = flags | DEFAULT_ENUM_FLAGS;
        return enumerate(Services.EXEC_NOTIFICATION_QUERY, what, w -> new ExecQueryRequest(UNSENT, language, query,
                f, WbemContext.pointer(context)).encodeParams(w));
    }

    private WbemEnumerator enumerate(int opnum, String what, java.util.function.Consumer<org.jwmi.ndr.NdrWriter> in) {
        InterfacePointerResponse r = call(opnum, what, in, InterfacePointerResponse::decodeResults);
        check(r.hresult(), what);
        return new WbemEnumerator(session, pointer(r.pointer(), what), what, useSmartEnum, server);
    }

    // ------------------------------------------------------------------------------------------------ methods

    /**
     * ExecMethod: runs {@code method} of the class or instance at {@code path} with {@code inParams} (from
     * {@link WbemClassObject#methodInParameters}, or {@code null}); returns the out-parameters (ReturnValue
     * included), or {@code null} for a method without any.
     */
    public WbemClassObject execMethod(String path, String method, WbemClassObject inParams) {
        return execMethod(path, method, 0, null, inParams);
    }

    public WbemClassObject execMethod(String path, String method, int flags, WbemContext context,
                                      WbemClassObject inParams) {
        String what = "ExecMethod(" + path + ", " + method + ")";
        sync(flags, "execMethodSemisync");
        TwoPointerResponse r = call(Services.EXEC_METHOD, what, w -> new ExecMethodRequest(UNSENT, path, method, flags,
                WbemContext.pointer(context), inParams(inParams), InterfacePointerRef.EMPTY, null).encodeParams(w),
                TwoPointerResponse::decodeResults);
        check(r.hresult(), what);
        return r.first() == null ? null : WbemClassObject.of(object(r.first(), what));
    }

    /** ExecMethod semisynchronously; {@link WbemCallResult#getResultObject} gives the out-parameters. */
    public WbemCallResult execMethodSemisync(String path, String method, int flags, WbemContext context,
                                             WbemClassObject inParams) {
        String what = "ExecMethod(" + path + ", " + method + ")";
        int f = flags | RETURN_IMMEDIATELY;
        TwoPointerResponse r = call(Services.EXEC_METHOD, what, w -> new ExecMethodRequest(UNSENT, path, method, f,
                WbemContext.pointer(context), inParams(inParams), null, InterfacePointerRef.EMPTY).encodeParams(w),
                TwoPointerResponse::decodeResults);
        check(r.hresult(), what);
        return callResult(r.result(), what, namespace);
    }

    private static MInterfacePointer inParams(WbemClassObject in) {
        if (in == null) {
            return null;
        }
        if (!(in.cimObject() instanceof CimInstance)) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, "the in-parameters must be an instance"
                    + " (WbemClassObject.methodInParameters), not a class");
        }
        return WbemClassObjectMarshaler.pointer(in.cimObject());
    }

    // ------------------------------------------------------------------------------------------------ asynchronous

    /**
     * GetObjectAsync ([MS-WMI] 3.1.4.3.5): the object arrives through {@code sink}, then SetStatus with the
     * operation's HRESULT (WBEM_E_NOT_FOUND for a missing object). See {@link #execQueryAsync(String, String, int,
     * WbemContext, WbemObjectSink)} for how asynchronous calls work.
     */
    public void getObjectAsync(String path, int flags, WbemContext context, WbemObjectSink sink) {
        asyncPath(Services.GET_OBJECT_ASYNC, "GetObjectAsync(" + path + ")", path, flags, context, sink);
    }

    public void getObjectAsync(String path, WbemObjectSink sink) {
        getObjectAsync(path, 0, null, sink);
    }

    /** PutClassAsync ([MS-WMI] 3.1.4.3.7): SetStatus reports the outcome. */
    public void putClassAsync(WbemClassObject cls, int flags, WbemContext context, WbemObjectSink sink) {
        requireClass(cls, true);
        asyncPut(Services.PUT_CLASS_ASYNC, "PutClassAsync(" + cls.className() + ")", cls, flags, context, sink);
    }

    /** DeleteClassAsync ([MS-WMI] 3.1.4.3.9): SetStatus reports the outcome. */
    public void deleteClassAsync(String className, int flags, WbemContext context, WbemObjectSink sink) {
        asyncPath(Services.DELETE_CLASS_ASYNC, "DeleteClassAsync(" + className + ")", className, flags, context,
                sink);
    }

    /** CreateClassEnumAsync ([MS-WMI] 3.1.4.3.11): the classes arrive through {@code sink}. */
    public void createClassEnumAsync(String superclass, int flags, WbemContext context, WbemObjectSink sink) {
        asyncPath(Services.CREATE_CLASS_ENUM_ASYNC, "CreateClassEnumAsync(" + (superclass == null ? "" : superclass)
                + ")", superclass, flags, context, sink);
    }

    /** PutInstanceAsync ([MS-WMI] 3.1.4.3.13): SetStatus reports the outcome, its strParam the instance's path. */
    public void putInstanceAsync(WbemClassObject instance, int flags, WbemContext context, WbemObjectSink sink) {
        requireClass(instance, false);
        asyncPut(Services.PUT_INSTANCE_ASYNC, "PutInstanceAsync(" + instance.className() + ")", instance, flags,
                context, sink);
    }

    /** DeleteInstanceAsync ([MS-WMI] 3.1.4.3.15): SetStatus reports the outcome. */
    public void deleteInstanceAsync(String path, int flags, WbemContext context, WbemObjectSink sink) {
        asyncPath(Services.DELETE_INSTANCE_ASYNC, "DeleteInstanceAsync(" + path + ")", path, flags, context, sink);
    }

    /** CreateInstanceEnumAsync ([MS-WMI] 3.1.4.3.17): the instances arrive through {@code sink}. */
    public void createInstanceEnumAsync(String className, int flags, WbemContext context, WbemObjectSink sink) {
        asyncPath(Services.CREATE_INSTANCE_ENUM_ASYNC, "CreateInstanceEnumAsync(" + className + ")", className, flags,
                context, sink);
    }

    public void createInstanceEnumAsync(String className, WbemObjectSink sink) {
        createInstanceEnumAsync(className, 0, null, sink);
    }

    /** ExecQueryAsync for a WQL query. */
    public void execQueryAsync(String wql, WbemObjectSink sink) {
        execQueryAsync("WQL", wql, 0, null, sink);
    }

    /**
     * ExecQueryAsync ([MS-WMI] 3.1.4.3.19): returns once the server has started the query; the rows then arrive
     * through {@code sink}'s {@link WbemObjectSink#indicate}, followed by one {@link WbemObjectSink#setStatus} with
     * WBEM_STATUS_COMPLETE and the HRESULT. The server calls the client back (specs README, pitfall 7): the locator
     * exports the sink on its callback endpoint, which the server must be able to reach over TCP (see
     * {@link WbemLocator.Builder#callbackAddress}); the callbacks are unauthenticated and travel unencrypted, the
     * sink being protected by its unguessable IPID. Use the synchronous form where the results must stay sealed.
     *
     * @throws WbemException the server could not start the call (then {@code sink} hears nothing), e.g.
     *                       WBEM_E_TRANSPORT_FAILURE when it cannot reach the callback endpoint
     * @throws IllegalStateException {@code sink} has a call in progress already
     */
    public void execQueryAsync(String language, String query, int flags, WbemContext context, WbemObjectSink sink) {
        String what = "ExecQueryAsync(" + query + ")";
        async(server, what, sink, p -> call(Services.EXEC_QUERY_ASYNC, what, w -> new AsyncQueryRequest(UNSENT, language,
                query, flags, WbemContext.pointer(context), p).encodeParams(w), (r, t) -> r.i32()));
    }

    /** ExecMethodAsync ([MS-WMI] 3.1.4.3.23): the out-parameters arrive through {@code sink}, if the method has any. */
    public void execMethodAsync(String path, String method, int flags, WbemContext context, WbemClassObject inParams,
                                WbemObjectSink sink) {
        String what = "ExecMethodAsync(" + path + ", " + method + ")";
        MInterfacePointer in = inParams(inParams);
        async(server, what, sink, p -> call(Services.EXEC_METHOD_ASYNC, what, w -> new ExecMethodAsyncRequest(UNSENT, path,
                method, flags, WbemContext.pointer(context), in, p).encodeParams(w), (r, t) -> r.i32()));
    }

    /**
     * CancelAsyncCall ([MS-WMI] 3.1.4.3.2): asks the server to stop the asynchronous call {@code sink} is
     * receiving; its Indicates stop and it ends with SetStatus(WBEM_E_CALL_CANCELLED), unless it was already
     * finishing. Do not call it from within the sink's methods.
     *
     * @throws WbemException WBEM_E_NOT_FOUND when {@code sink} has no call in progress (it may have just ended)
     */
    public void cancelAsyncCall(WbemObjectSink sink) {
        String what = "CancelAsyncCall";
        Callbacks.Pending p = session.callbacks.pending(sink);
        if (p == null) {
            throw new WbemException(WbemStatus.WBEM_E_NOT_FOUND, what + ": this sink has no asynchronous call in"
                    + " progress");
        }
        MInterfacePointer ptr = p.cancelPointer();
        int hr = call(Services.CANCEL_ASYNC_CALL, what, w -> new SinkRequest(UNSENT, ptr).encodeParams(w),
                (r, t) -> r.i32());
        check(hr, what);
    }

    private void asyncPath(int opnum, String what, String path, int flags, WbemContext context,
                           WbemObjectSink sink) {
        async(server, what, sink, p -> call(opnum, what, w -> new AsyncPathRequest(UNSENT, path, flags,
                WbemContext.pointer(context), p).encodeParams(w), (r, t) -> r.i32()));
    }

    private void asyncPut(int opnum, String what, WbemClassObject obj, int flags, WbemContext context,
                          WbemObjectSink sink) {
        MInterfacePointer o = WbemClassObjectMarshaler.pointer(obj.cimObject());
        async(server, what, sink, p -> call(opnum, what, w -> new AsyncPutRequest(UNSENT, o, flags,
                WbemContext.pointer(context), p).encodeParams(w), (r, t) -> r.i32()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void sync(int flags, String semisyncMethod) {
        if ((flags & RETURN_IMMEDIATELY) != 0) {
            throw new IllegalArgumentException("WBEM_FLAG_RETURN_IMMEDIATELY makes the call semisynchronous: use "
                    + semisyncMethod);
        }
    }

    private static void requireClass(WbemClassObject o, boolean wantClass) {
        if (o.isClass() != wantClass) {
            throw new WbemException(WbemStatus.WBEM_E_INVALID_PARAMETER, wantClass
                    ? "PutClass needs a class, not an instance of " + o.className()
                    : "PutInstance needs an instance, not the class " + o.className());
        }
    }

    private ComProxy pointer(MInterfacePointer p, String what) {
        if (p == null) {
            throw new WbemException(WbemStatus.WBEM_E_UNEXPECTED, what + " succeeded but returned no interface"
                    + " pointer");
        }
        return unmarshal(p, what);
    }

    private WbemCallResult callResult(MInterfacePointer p, String what, String resultNamespace) {
        return new WbemCallResult(session, pointer(p, what), what, server, resultNamespace);
    }
}
