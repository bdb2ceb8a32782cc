package org.jwmi.client;

import org.jwmi.cim.CimInstance;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.wmi.WbemFlags;
import org.jwmi.wmi.WmiOpnums.Services;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wmi.ops.CallResultResponse;
import org.jwmi.wmi.ops.CreateEnumRequest;
import org.jwmi.wmi.ops.DeleteRequest;
import org.jwmi.wmi.ops.ExecMethodRequest;
import org.jwmi.wmi.ops.ExecQueryRequest;
import org.jwmi.wmi.ops.InterfacePointerRef;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.PathRequest;
import org.jwmi.wmi.ops.PutObjectRequest;
import org.jwmi.wmi.ops.TwoPointerResponse;

/**
 * IWbemServices ([MS-WMI] 3.1.4.3): one namespace on one server. Every operation is offered synchronously (the
 * method returns the result) and semisynchronously (the {@code ...Semisync} variant sends
 * WBEM_FLAG_RETURN_IMMEDIATELY and returns a {@link WbemCallResult}); enumerations return a
 * {@link WbemEnumerator} either way (semisynchronous, forward-only by default, as the SDK recommends).
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
        return new WbemEnumerator(session, pointer(r.pointer(), what), what, useSmartEnum);
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
