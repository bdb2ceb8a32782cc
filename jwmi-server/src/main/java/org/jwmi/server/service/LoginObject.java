package org.jwmi.server.service;

import java.util.UUID;
import org.jwmi.cim.CimException;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.server.ComObject;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.server.OrpcDispatcher;
import org.jwmi.dcom.server.OrpcReply;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.ops.EstablishPositionRequest;
import org.jwmi.wmi.ops.Int32Response;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.NtlmLoginRequest;
import org.jwmi.wmi.ops.RequestChallengeRequest;
import org.jwmi.wmi.ops.RequestChallengeResponse;
import org.jwmi.wmi.ops.SetClientInfoRequest;
import org.jwmi.wmi.ops.SetEventRequest;
import org.jwmi.wmi.ops.WbemLoginRequest;

/**
 * The object of CLSID_WbemLevel1Login ([MS-WMI] 3.1.4.1): IWbemLevel1Login, IWbemLoginClientID (3.1.4.8) and
 * IWbemLoginHelper (3.1.4.9). NTLMLogin checks WBEM_ENABLE and WBEM_REMOTE_ENABLE on the namespace and hands out an
 * IWbemServices object scoped to it; RequestChallenge and WBEMLogin are refused as 3.1.4.1.2 and 3.1.4.1.3 say.
 */
final class LoginObject implements ComObject {

    /** [MS-WMI] 3.1.4.1.4: the longest wszNetworkResource accepted (WBEM_E_QUOTA_VIOLATION beyond). */
    static final int MAX_RESOURCE = 1024;

    private final WmiService service;

    LoginObject(WmiService service) {
        this.service = service;
    }

    @Override
    public OrpcDispatcher queryInterface(UUID iid) {
        if (WmiIds.IID_IWBEM_LEVEL1_LOGIN.equals(iid)) {
            return this::login;
        }
        if (WmiIds.IID_IWBEM_LOGIN_CLIENT_ID.equals(iid)) {
            return this::clientId;
        }
        if (WmiIds.IID_IWBEM_LOGIN_HELPER.equals(iid)) {
            return this::helper;
        }
        return null;
    }

    private OrpcReply login(OrpcCall call) {
        switch (call.opnum()) {
            case WmiOpnums.Level1Login.ESTABLISH_POSITION: {
                EstablishPositionRequest.decodeParams(call.body(), call.orpcThis());
                // LocaleVersion 1: an unrecognized locale is ignored by NTLMLogin (3.1.4.1.1).
                return Wire.reply(call, new Int32Response(OrpcThat.EMPTY, 1, 0)::encodeResults);
            }
            case WmiOpnums.Level1Login.REQUEST_CHALLENGE: {
                RequestChallengeRequest.decodeParams(call.body(), call.orpcThis());
                return Wire.reply(call, new RequestChallengeResponse(OrpcThat.EMPTY, new byte[0],
                        WbemStatus.WBEM_E_NOT_SUPPORTED.code())::encodeResults);
            }
            case WmiOpnums.Level1Login.WBEM_LOGIN: {
                WbemLoginRequest.decodeParams(call.body(), call.orpcThis());
                return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null,
                        DcomStatus.E_NOTIMPL.value())::encodeResults);
            }
            case WmiOpnums.Level1Login.NTLM_LOGIN:
                return ntlmLogin(call, NtlmLoginRequest.decodeParams(call.body(), call.orpcThis()));
            default:
                throw Wire.noSuchOpnum("IWbemLevel1Login", call.opnum());
        }
    }

    private OrpcReply ntlmLogin(OrpcCall call, NtlmLoginRequest q) {
        MInterfacePointer services = null;
        int hr = 0;
        try {
            if (q.wszNetworkResource() == null) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "wszNetworkResource is NULL");
            }
            if (q.wszNetworkResource().length() > MAX_RESOURCE) {
                throw new CimException(WbemStatus.WBEM_E_QUOTA_VIOLATION, "namespace path longer than "
                        + MAX_RESOURCE + " characters");
            }
            if (q.lFlags() != 0) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "NTLMLogin lFlags must be 0");
            }
            String ns = service.cimom().resolveNamespace(q.wszNetworkResource());
            service.admit(call, ns, 0, false);
            ServicesObject s = new ServicesObject(service, ns, q.wszPreferredLocale());
            services = call.exporter().marshal(s, WmiIds.IID_IWBEM_SERVICES, call.context());
            service.logLogin(call, ns, 0);
        } catch (RuntimeException e) {
            hr = Wire.hresult(e);
            service.logLogin(call, q.wszNetworkResource(), hr);
        }
        return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, services, hr)::encodeResults);
    }

    private OrpcReply clientId(OrpcCall call) {
        if (call.opnum() != WmiOpnums.LoginClientId.SET_CLIENT_INFO) {
            throw Wire.noSuchOpnum("IWbemLoginClientID", call.opnum());
        }
        SetClientInfoRequest.decodeParams(call.body(), call.orpcThis());
        return Wire.status(call, 0);
    }

    private OrpcReply helper(OrpcCall call) {
        if (call.opnum() != WmiOpnums.LoginHelper.SET_EVENT) {
            throw Wire.noSuchOpnum("IWbemLoginHelper", call.opnum());
        }
        SetEventRequest.decodeParams(call.body(), call.orpcThis());
        return Wire.status(call, 0);
    }
}
