package org.jwmi.server.service;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.server.ComObject;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.server.OrpcDispatcher;
import org.jwmi.dcom.server.OrpcReply;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.server.security.CallerToken;
import org.jwmi.wmi.WbemFlags;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums.Services;
import org.jwmi.wmi.ops.AsyncPathRequest;
import org.jwmi.wmi.ops.AsyncPutRequest;
import org.jwmi.wmi.ops.AsyncQueryRequest;
import org.jwmi.wmi.ops.CallResultResponse;
import org.jwmi.wmi.ops.CreateEnumRequest;
import org.jwmi.wmi.ops.DeleteRequest;
import org.jwmi.wmi.ops.ExecMethodAsyncRequest;
import org.jwmi.wmi.ops.ExecMethodRequest;
import org.jwmi.wmi.ops.ExecQueryRequest;
import org.jwmi.wmi.ops.FlagsRequest;
import org.jwmi.wmi.ops.InterfacePointerRef;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.PathRequest;
import org.jwmi.wmi.ops.PutObjectRequest;
import org.jwmi.wmi.ops.SinkRequest;
import org.jwmi.wmi.ops.TwoPointerResponse;

/**
 * IWbemServices ([MS-WMI] 3.1.4.3) scoped to one namespace. Every call is admitted first (encryption requirement,
 * the caller's token, the namespace rights the operation needs), then run by {@link Cimom}.
 *
 * <ul>
 * <li>Synchronous calls return the result in their [out] parameters.</li>
 * <li>Semisynchronous calls (WBEM_FLAG_RETURN_IMMEDIATELY) return an IWbemCallResult (or, for enumerations, the
 * enumerator at once); the operation's own failure is then the call result's status, not the call's HRESULT.</li>
 * <li>Asynchronous calls deliver to the client's IWbemObjectSink ({@link WmiService#startAsync}).</li>
 * </ul>
 * Enumerators are lazy: CreateInstanceEnum and ExecQuery validate their arguments, then produce objects only as the
 * client's Next calls ask for them.
 */
final class ServicesObject implements ComObject {

    private static final int RETURN_IMMEDIATELY = WbemFlags.Generic.WBEM_FLAG_RETURN_IMMEDIATELY.value();
    private static final int FORWARD_ONLY = WbemFlags.Generic.WBEM_FLAG_FORWARD_ONLY.value();
    private static final int SHALLOW = WbemFlags.Query.WBEM_FLAG_SHALLOW.value();

    private static final int READ = 0;
    private static final int EXECUTE = NamespaceGuard.WBEM_METHOD_EXECUTE;
    private static final int WRITE_CLASS = NamespaceGuard.WBEM_FULL_WRITE_REP;
    private static final int WRITE_INSTANCE = NamespaceGuard.WBEM_PARTIAL_WRITE_REP;

    private final WmiService service;
    private final String namespace;
    private final String locale;

    ServicesObject(WmiService service, String namespace, String locale) {
        this.service = service;
        this.namespace = namespace;
        this.locale = locale;
    }

    @Override
    public OrpcDispatcher queryInterface(UUID iid) {
        return WmiIds.IID_IWBEM_SERVICES.equals(iid) ? this::invoke : null;
    }

    private OrpcReply invoke(OrpcCall call) {
        switch (call.opnum()) {
            case Services.OPEN_NAMESPACE:
                return openNamespace(call, PathRequest.decodeParamsAllowingTrailing(call.body(), call.orpcThis()));
            case Services.CANCEL_ASYNC_CALL:
                return Wire.status(call, service.cancelAsync(call,
                        SinkRequest.decodeParams(call.body(), call.orpcThis()).pSink()));
            case Services.QUERY_OBJECT_SINK: {
                FlagsRequest.decodeParams(call.body(), call.orpcThis());
                return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null,
                        WbemStatus.WBEM_E_NOT_SUPPORTED.code())::encodeResults);
            }
            case Services.GET_OBJECT:
                return getObject(call, PathRequest.decodeParamsAllowingTrailing(call.body(), call.orpcThis()));
            case Services.PUT_CLASS:
            case Services.PUT_INSTANCE:
                return put(call, PutObjectRequest.decodeParamsAllowingTrailing(call.body(), call.orpcThis()));
            case Services.DELETE_CLASS:
            case Services.DELETE_INSTANCE:
                return delete(call, DeleteRequest.decodeParamsAllowingTrailing(call.body(), call.orpcThis()));
            case Services.CREATE_CLASS_ENUM:
            case Services.CREATE_INSTANCE_ENUM:
                return createEnum(call, CreateEnumRequest.decodeParams(call.body(), call.orpcThis()));
            case Services.EXEC_QUERY:
                return execQuery(call, ExecQueryRequest.decodeParams(call.body(), call.orpcThis()));
            case Services.EXEC_NOTIFICATION_QUERY: {
                ExecQueryRequest.decodeParams(call.body(), call.orpcThis());
                return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null,
                        WbemStatus.WBEM_E_NOT_SUPPORTED.code())::encodeResults);
            }
            case Services.EXEC_METHOD:
                return execMethod(call, ExecMethodRequest.decodeParamsAllowingTrailing(call.body(), call.orpcThis()));
            case Services.GET_OBJECT_ASYNC:
            case Services.DELETE_CLASS_ASYNC:
            case Services.CREATE_CLASS_ENUM_ASYNC:
            case Services.DELETE_INSTANCE_ASYNC:
            case Services.CREATE_INSTANCE_ENUM_ASYNC:
                return asyncPath(call, AsyncPathRequest.decodeParams(call.body(), call.orpcThis()));
            case Services.PUT_CLASS_ASYNC:
            case Services.PUT_INSTANCE_ASYNC:
                return asyncPut(call, AsyncPutRequest.decodeParams(call.body(), call.orpcThis()));
            case Services.EXEC_QUERY_ASYNC:
                return asyncQuery(call, AsyncQueryRequest.decodeParams(call.body(), call.orpcThis()));
            case Services.EXEC_NOTIFICATION_QUERY_ASYNC: {
                AsyncQueryRequest.decodeParams(call.body(), call.orpcThis());
                return Wire.status(call, WbemStatus.WBEM_E_NOT_SUPPORTED.code());
            }
            case Services.EXEC_METHOD_ASYNC:
                return asyncMethod(call, ExecMethodAsyncRequest.decodeParams(call.body(), call.orpcThis()));
            default:
                throw Wire.noSuchOpnum("IWbemServices", call.opnum());
        }
    }

    private CallerToken admit(OrpcCall call, int rights) {
        return service.admit(call, namespace, rights);
    }

    /** The [out] value of an [in, out, unique] interface-pointer parameter: NULL stays NULL. */
    private static InterfacePointerRef out(InterfacePointerRef in, MInterfacePointer value) {
        return in == null ? null : new InterfacePointerRef(value);
    }

    private static boolean semisync(int flags) {
        return (flags & RETURN_IMMEDIATELY) != 0;
    }

    // ------------------------------------------------------------------ synchronous and semisynchronous

    private OrpcReply openNamespace(OrpcCall call, PathRequest q) {
        boolean semi = semisync(q.lFlags());
        MInterfacePointer first = null;
        MInterfacePointer result = null;
        int hr = 0;
        try {
            if ((q.lFlags() & ~RETURN_IMMEDIATELY) != 0 || (semi ? q.ppResult() == null : q.ppFirst() == null)) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "OpenNamespace: lFlags "
                        + Integer.toHexString(q.lFlags()) + " or the [out] pointers do not fit the call");
            }
            admit(call, READ);
            String child = service.cimom().childNamespace(namespace, Wire.text(q.path()));
            service.admit(call, child, READ);
            ServicesObject s = new ServicesObject(service, child, locale);
            if (semi || q.ppResult() != null) {
                result = marshalCallResult(call, new CallResultObject(Wire.caller(call), 0, null, null, s));
            }
            if (!semi) {
                first = call.exporter().marshal(s, WmiIds.IID_IWBEM_SERVICES, call.context());
            }
        } catch (RuntimeException e) {
            hr = Wire.hresult(e);
            first = null;
            result = null;
        }
        return Wire.reply(call, new TwoPointerResponse(OrpcThat.EMPTY, out(q.ppFirst(), first),
                out(q.ppResult(), result), hr)::encodeResults);
    }

    private MInterfacePointer marshalCallResult(OrpcCall call, CallResultObject r) {
        return call.exporter().marshal(r, WmiIds.IID_IWBEM_CALL_RESULT, call.context());
    }

    private OrpcReply getObject(OrpcCall call, PathRequest q) {
        boolean semi = semisync(q.lFlags());
        MInterfacePointer first = null;
        MInterfacePointer result = null;
        int hr = 0;
        try {
            if (semi && q.ppResult() == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                        "WBEM_FLAG_RETURN_IMMEDIATELY needs ppCallResult");
            }
            CallerToken token = admit(call, READ);
            if (semi) {
                CallResultObject r;
                try {
                    CimObject o = service.cimom().getObject(token, namespace, Wire.text(q.path()));
                    r = new CallResultObject(Wire.caller(call), 0, o, null, null);
                } catch (RuntimeException e) {
                    r = CallResultObject.failed(Wire.caller(call), Wire.hresult(e));
                }
                result = marshalCallResult(call, r);
            } else {
                first = Wire.object(service.cimom().getObject(token, namespace, Wire.text(q.path())));
            }
        } catch (RuntimeException e) {
            hr = Wire.hresult(e);
        }
        return Wire.reply(call, new TwoPointerResponse(OrpcThat.EMPTY, out(q.ppFirst(), first),
                out(q.ppResult(), result), hr)::encodeResults);
    }

    private OrpcReply put(OrpcCall call, PutObjectRequest q) {
        boolean classes = call.opnum() == Services.PUT_CLASS;
        return semiOrSync(call, q.lFlags(), q.ppCallResult(), classes ? WRITE_CLASS : WRITE_INSTANCE, token -> {
            CimObject o = Wire.inObject(call, q.pObject(), classes ? "pObject (the class)" : "pInst (the instance)");
            if (o == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "no object given");
            }
            if (classes) {
                service.cimom().putClass(namespace, o, q.lFlags());
                return new CallResultObject(Wire.caller(call), 0, null, null, null);
            }
            CimObjectPath path = service.cimom().putInstance(namespace, o, q.lFlags());
            return new CallResultObject(Wire.caller(call), 0, null, path.toString(), null);
        });
    }

    private OrpcReply delete(OrpcCall call, DeleteRequest q) {
        boolean classes = call.opnum() == Services.DELETE_CLASS;
        return semiOrSync(call, q.lFlags(), q.ppCallResult(), classes ? WRITE_CLASS : WRITE_INSTANCE, token -> {
            if (classes) {
                service.cimom().deleteClass(namespace, Wire.text(q.path()));
            } else {
                service.cimom().deleteInstance(namespace, Wire.text(q.path()));
            }
            return new CallResultObject(Wire.caller(call), 0, null, null, null);
        });
    }

    /** An operation with no [out] result but its call result: PutClass, PutInstance, DeleteClass, DeleteInstance. */
    private OrpcReply semiOrSync(OrpcCall call, int flags, InterfacePointerRef ppCallResult, int rights,
                                 java.util.function.Function<CallerToken, CallResultObject> op) {
        boolean semi = semisync(flags);
        MInterfacePointer result = null;
        int hr = 0;
        try {
            if (semi && ppCallResult == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                        "WBEM_FLAG_RETURN_IMMEDIATELY needs ppCallResult");
            }
            CallerToken token = admit(call, rights);
            if (semi) {
                CallResultObject r;
                try {
                    r = op.apply(token);
                } catch (RuntimeException e) {
                    r = CallResultObject.failed(Wire.caller(call), Wire.hresult(e));
                }
                result = marshalCallResult(call, r);
            } else {
                op.apply(token);
            }
        } catch (RuntimeException e) {
            hr = Wire.hresult(e);
        }
        return Wire.reply(call, new CallResultResponse(OrpcThat.EMPTY, out(ppCallResult, result), hr)::encodeResults);
    }

    private OrpcReply createEnum(OrpcCall call, CreateEnumRequest q) {
        boolean classes = call.opnum() == Services.CREATE_CLASS_ENUM;
        boolean shallow = (q.lFlags() & SHALLOW) != 0;
        return enumerator(call, q.lFlags(), token -> classes
                ? () -> service.cimom().classes(namespace, Wire.text(q.strSuperClass()), shallow)
                : () -> service.cimom().instances(token, namespace, Wire.text(q.strSuperClass()), shallow));
    }

    private OrpcReply execQuery(OrpcCall call, ExecQueryRequest q) {
        return enumerator(call, q.lFlags(), token ->
                () -> service.cimom().execQuery(token, namespace, Wire.text(q.strQueryLanguage()),
                        Wire.text(q.strQuery())));
    }

    private OrpcReply enumerator(OrpcCall call, int flags,
                                 java.util.function.Function<CallerToken, Supplier<Stream<? extends CimObject>>> q) {
        MInterfacePointer p = null;
        int hr = 0;
        try {
            CallerToken token = admit(call, READ);
            Supplier<Stream<? extends CimObject>> query = q.apply(token);
            String owner = Wire.caller(call);
            service.enumeratorOpened(owner);
            EnumObject e;
            try {
                e = new EnumObject(service, owner, query.get(), query, (flags & FORWARD_ONLY) != 0);
            } catch (RuntimeException ex) {
                service.enumeratorClosed(owner);
                throw ex;
            }
            p = call.exporter().marshal(e, WmiIds.IID_IENUM_WBEM_CLASS_OBJECT, call.context());
        } catch (RuntimeException e) {
            hr = Wire.hresult(e);
        }
        return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, p, hr)::encodeResults);
    }

    private OrpcReply execMethod(OrpcCall call, ExecMethodRequest q) {
        boolean semi = semisync(q.lFlags());
        MInterfacePointer first = null;
        MInterfacePointer result = null;
        int hr = 0;
        try {
            if (semi && q.ppCallResult() == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER,
                        "WBEM_FLAG_RETURN_IMMEDIATELY needs ppCallResult");
            }
            // __SystemSecurity's methods check the rights they need themselves (READ_CONTROL, WRITE_DAC).
            CallerToken token = admit(call, isSystemSecurity(q.strObjectPath()) ? READ : EXECUTE);
            CallResultObject r;
            try {
                CimInstance outParams = service.cimom().execMethod(token, namespace, Wire.text(q.strObjectPath()),
                        Wire.text(q.strMethodName()), inParams(call, q.pInParams()));
                r = new CallResultObject(Wire.caller(call), 0, outParams, null, null);
            } catch (RuntimeException e) {
                if (!semi) {
                    throw e;
                }
                r = CallResultObject.failed(Wire.caller(call), Wire.hresult(e));
            }
            if (semi) {
                result = marshalCallResult(call, r);
            } else {
                first = Wire.object(r.resultObject());
            }
        } catch (RuntimeException e) {
            hr = Wire.hresult(e);
        }
        return Wire.reply(call, new TwoPointerResponse(OrpcThat.EMPTY, out(q.ppOutParams(), first),
                out(q.ppCallResult(), result), hr)::encodeResults);
    }

    /** ExecMethod's pInParams: an instance of the method's __PARAMETERS class, or none. */
    private static CimInstance inParams(OrpcCall call, MInterfacePointer p) {
        CimObject in = Wire.inObject(call, p, "pInParams");
        if (in != null && !(in instanceof CimInstance)) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "pInParams must be an instance");
        }
        return (CimInstance) in;
    }

    private static boolean isSystemSecurity(String path) {
        String p = Wire.text(path);
        return p != null && p.regionMatches(true, 0, "__SystemSecurity", 0, "__SystemSecurity".length());
    }

    // ------------------------------------------------------------------ asynchronous

    private OrpcReply asyncPath(OrpcCall call, AsyncPathRequest q) {
        int op = call.opnum();
        boolean shallow = (q.lFlags() & SHALLOW) != 0;
        int rights = op == Services.DELETE_CLASS_ASYNC ? WRITE_CLASS
                : op == Services.DELETE_INSTANCE_ASYNC ? WRITE_INSTANCE : READ;
        return Wire.status(call, service.startAsync(call, namespace, rights, q.pResponseHandler(), token -> switch (op) {
            case Services.GET_OBJECT_ASYNC -> AsyncResult.objects(
                    Stream.of(service.cimom().getObject(token, namespace, Wire.text(q.path()))));
            case Services.DELETE_CLASS_ASYNC -> {
                service.cimom().deleteClass(namespace, Wire.text(q.path()));
                yield AsyncResult.none();
            }
            case Services.DELETE_INSTANCE_ASYNC -> {
                service.cimom().deleteInstance(namespace, Wire.text(q.path()));
                yield AsyncResult.none();
            }
            case Services.CREATE_CLASS_ENUM_ASYNC -> AsyncResult.objects(
                    service.cimom().classes(namespace, Wire.text(q.path()), shallow));
            default -> AsyncResult.objects(service.cimom().instances(token, namespace, Wire.text(q.path()), shallow));
        }));
    }

    private OrpcReply asyncPut(OrpcCall call, AsyncPutRequest q) {
        boolean classes = call.opnum() == Services.PUT_CLASS_ASYNC;
        return Wire.status(call, service.startAsync(call, namespace, classes ? WRITE_CLASS : WRITE_INSTANCE,
                q.pResponseHandler(), token -> {
                    CimObject o = Wire.inObject(call, q.pObject(), "the object");
                    if (o == null) {
                        throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "no object given");
                    }
                    if (classes) {
                        service.cimom().putClass(namespace, o, q.lFlags());
                        return AsyncResult.none();
                    }
                    return AsyncResult.string(service.cimom().putInstance(namespace, o, q.lFlags()).toString());
                }));
    }

    private OrpcReply asyncQuery(OrpcCall call, AsyncQueryRequest q) {
        return Wire.status(call, service.startAsync(call, namespace, READ, q.pResponseHandler(), token ->
                AsyncResult.objects(service.cimom().execQuery(token, namespace, Wire.text(q.strQueryLanguage()),
                        Wire.text(q.strQuery())))));
    }

    private OrpcReply asyncMethod(OrpcCall call, ExecMethodAsyncRequest q) {
        return Wire.status(call, service.startAsync(call, namespace, EXECUTE, q.pResponseHandler(), token -> {
            CimInstance out = service.cimom().execMethod(token, namespace, Wire.text(q.strObjectPath()),
                    Wire.text(q.strMethodName()), inParams(call, q.pInParams()));
            return out == null ? AsyncResult.none() : AsyncResult.objects(Stream.of(out));
        }));
    }
}
