package org.jwmi.server.service;

import java.util.UUID;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.server.ComObject;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.server.OrpcDispatcher;
import org.jwmi.dcom.server.OrpcReply;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.ops.GetResultStringResponse;
import org.jwmi.wmi.ops.Int32Response;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.TimeoutRequest;

/**
 * The IWbemCallResult of a semisynchronous call ([MS-WMI] 3.1.4.5, 3.1.1.1.2). This server completes the operation
 * before it answers the call that started it, so every Get* finds the result ready and never times out: the final
 * status (GetCallStatus), the object (GetObject, ExecMethod's out-parameters), the path of a PutInstance
 * (GetResultString) or the IWbemServices of an OpenNamespace (GetResultServices). Asking for a result the
 * operation does not produce is WBEM_E_INVALID_OPERATION; asking for any result of a failed operation returns its
 * error. Only the principal whose call created it may read it (WBEM_E_ACCESS_DENIED for anyone else).
 */
final class CallResultObject implements ComObject {

    private final String owner;
    private final int status;
    private final CimObject object;
    private final String string;
    private final ComObject services;

    CallResultObject(String owner, int status, CimObject object, String string, ComObject services) {
        this.owner = owner;
        this.status = status;
        this.object = object;
        this.string = string;
        this.services = services;
    }

    /** The result object (null if none). */
    CimObject resultObject() {
        return object;
    }

    static CallResultObject failed(String owner, int status) {
        return new CallResultObject(owner, status, null, null, null);
    }

    @Override
    public OrpcDispatcher queryInterface(UUID iid) {
        return WmiIds.IID_IWBEM_CALL_RESULT.equals(iid) ? this::invoke : null;
    }

    private OrpcReply invoke(OrpcCall call) {
        TimeoutRequest q = TimeoutRequest.decodeParams(call.body(), call.orpcThis());
        int refused = !Wire.sameCaller(call, owner) ? WbemStatus.WBEM_E_ACCESS_DENIED.code()
                : q.lTimeout() < -1 ? WbemStatus.WBEM_E_INVALID_PARAMETER.code() : 0;
        if (refused != 0) {
            return switch (call.opnum()) {
                case WmiOpnums.CallResult.GET_RESULT_OBJECT, WmiOpnums.CallResult.GET_RESULT_SERVICES ->
                        Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null, refused)::encodeResults);
                case WmiOpnums.CallResult.GET_RESULT_STRING -> Wire.reply(call,
                        new GetResultStringResponse(OrpcThat.EMPTY, null, refused)::encodeResults);
                case WmiOpnums.CallResult.GET_CALL_STATUS -> Wire.reply(call,
                        new Int32Response(OrpcThat.EMPTY, 0, refused)::encodeResults);
                default -> throw Wire.noSuchOpnum("IWbemCallResult", call.opnum());
            };
        }
        switch (call.opnum()) {
            case WmiOpnums.CallResult.GET_RESULT_OBJECT: {
                int hr = status != 0 ? status : object == null ? WbemStatus.WBEM_E_INVALID_OPERATION.code() : 0;
                MInterfacePointer p = hr == 0 ? Wire.object(object) : null;
                return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, p, hr)::encodeResults);
            }
            case WmiOpnums.CallResult.GET_RESULT_STRING: {
                int hr = status != 0 ? status : string == null ? WbemStatus.WBEM_E_INVALID_OPERATION.code() : 0;
                return Wire.reply(call, new GetResultStringResponse(OrpcThat.EMPTY, hr == 0 ? string : null,
                        hr)::encodeResults);
            }
            case WmiOpnums.CallResult.GET_RESULT_SERVICES: {
                int hr = status != 0 ? status : services == null ? WbemStatus.WBEM_E_INVALID_OPERATION.code() : 0;
                MInterfacePointer p = hr == 0
                        ? call.exporter().marshal(services, WmiIds.IID_IWBEM_SERVICES, call.context()) : null;
                return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, p, hr)::encodeResults);
            }
            case WmiOpnums.CallResult.GET_CALL_STATUS:
                return Wire.reply(call, new Int32Response(OrpcThat.EMPTY, status, 0)::encodeResults);
            default:
                throw Wire.noSuchOpnum("IWbemCallResult", call.opnum());
        }
    }
}
