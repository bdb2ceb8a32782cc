#!/usr/bin/python3
# Golden stubs of [MS-WMI] 3.1.4 operations, built with python3-impacket's dcom/wmi.py DCOMCALL/DCOMANSWER
# structures. Run with:
#   env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 generate.py
#
# Normalisation:
#  * impacket's NDR module pads alignment gaps with marker bytes; it is loaded here with zero padding instead;
#  * impacket draws random referent ids; each non-NULL pointer is given a marker id, and the markers are
#    rewritten to 0x00020000, 0x00020004, ... in wire order (what a deterministic NDR encoder writes).
# Where impacket's structure differs from the IDL (IWbemWCOSmartEnum::Next: impacket sends proxyGUID behind a
# pointer id although a top-level REFGUID is [ref], and drops the unique pointer of pBuffer) the script builds the IDL shape from impacket's building blocks and says so in the header.
import importlib.util
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

_spec = importlib.util.find_spec('impacket.dcerpc.v5.ndr')
_text = re.sub(r"b'\\x[0-9a-fA-F]{2}'\s*\*\s*(pad0?)", r"b'\\x00'*\1", open(_spec.origin).read())
_ndr = importlib.util.module_from_spec(_spec)
sys.modules['impacket.dcerpc.v5.ndr'] = _ndr
exec(compile(_text, _spec.origin, 'exec'), _ndr.__dict__)

from impacket.dcerpc.v5 import dcomrt  # noqa: E402
from impacket.dcerpc.v5.dcom import wmi  # noqa: E402
from impacket.dcerpc.v5.dtypes import GUID, LONG, NULL, ULONG  # noqa: E402
from impacket.dcerpc.v5.ndr import NDR, NDRPOINTER, NDRCALL  # noqa: E402
from impacket.uuid import string_to_bin  # noqa: E402

ORIGIN = 'impacket dcom/wmi.py structures (NDR gaps zeroed, referent ids renumbered in wire order)'
CID = '89abcdef-0123-4567-89ab-cdef01234567'
PROXY_GUID = '0badf00d-1111-2222-3333-444455556666'
# Opaque OBJREF bytes inside MInterfacePointers.
OBJ_A = bytes(range(0x40, 0x40 + 44))
OBJ_B = bytes(range(0x90, 0x90 + 28))
MARK = 0x5a5a0000


def each_pointer(o, seen):
    if id(o) in seen:
        return
    seen.add(id(o))
    if isinstance(o, NDRPOINTER) and o.fields.get('ReferentID', 0) != 0:
        yield o
    for v in list(o.fields.values()):
        if isinstance(v, NDR):
            yield from each_pointer(v, seen)
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, NDR):
                    yield from each_pointer(x, seen)


def stub(call):
    ptrs = list(each_pointer(call, set()))
    for k, p in enumerate(ptrs):
        p.fields['ReferentID'] = MARK + k
    data = bytearray(call.getData())
    n, i = 0, 0
    while i + 4 <= len(data):
        if MARK <= struct.unpack_from('<L', data, i)[0] < MARK + len(ptrs):
            struct.pack_into('<L', data, i, 0x00020000 + 4 * n)
            n += 1
            i += 4
        else:
            i += 1
    assert n == len(ptrs), (n, len(ptrs))
    return bytes(data)


def save(name, what, call, origin=ORIGIN):
    data = stub(call)
    with open(os.path.join(HERE, name), 'w') as f:
        f.write('# %s\n# Source: %s; built by generate.py in this directory.\n' % (what, origin))
        for i in range(0, len(data), 16):
            f.write(' '.join('%02x' % b for b in data[i:i + 16]) + '\n')


def this(call):
    t = call['ORPCthis']
    t['version']['MajorVersion'] = 5
    t['version']['MinorVersion'] = 7
    t['flags'] = 0
    t['reserved1'] = 0
    t['cid'] = string_to_bin(CID)
    t['extensions'] = NULL
    return call


def that(ans):
    ans['ORPCthat']['flags'] = 0
    ans['ORPCthat']['extensions'] = NULL
    return ans


def mip(data):
    p = dcomrt.PMInterfacePointer()
    p['ulCntData'] = len(data)
    p['abData'] = list(data)
    return p


def ppmip(data):
    p = dcomrt.PPMInterfacePointer()
    p['Data'] = mip(data)
    return p


# 3.1.4.1 IWbemLevel1Login
c = this(wmi.IWbemLevel1Login_EstablishPosition())
c['reserved1'] = NULL
c['reserved2'] = 0
save('3.1.4.1.1-EstablishPosition-request.hex', 'EstablishPosition(NULL, 0)', c)
a = that(wmi.IWbemLevel1Login_EstablishPositionResponse())
a['LocaleVersion'] = 0x409
a['ErrorCode'] = 0
save('3.1.4.1.1-EstablishPosition-response.hex', 'EstablishPosition -> LocaleVersion 0x409, S_OK', a)

c = this(wmi.IWbemLevel1Login_NTLMLogin())
c['wszNetworkResource'] = '//./root/cimv2\x00'
c['wszPreferredLocale'] = NULL
c['lFlags'] = 0
c['pCtx'] = NULL
save('3.1.4.1.4-NTLMLogin-request.hex', 'NTLMLogin("//./root/cimv2", NULL, 0, NULL)', c)
a = that(wmi.IWbemLevel1Login_NTLMLoginResponse())
a['ppNamespace'] = mip(OBJ_A)
a['ErrorCode'] = 0
save('3.1.4.1.4-NTLMLogin-response.hex', 'NTLMLogin -> ppNamespace (44 opaque OBJREF bytes 40..6b), S_OK', a)

# 3.1.4.3 IWbemServices
c = this(wmi.IWbemServices_OpenNamespace())
c['strNamespace']['asData'] = 'cimv2'
c['lFlags'] = 0
c['pCtx'] = NULL
c['ppWorkingNamespace'] = NULL
c['ppResult'] = NULL
save('3.1.4.3.1-OpenNamespace-request.hex', 'OpenNamespace("cimv2", 0, NULL, NULL, NULL)', c)
a = that(wmi.IWbemServices_OpenNamespaceResponse())
a['ppWorkingNamespace'] = ppmip(OBJ_A)
a['ppResult'] = NULL
a['ErrorCode'] = 0
save('3.1.4.3.1-OpenNamespace-response.hex', 'OpenNamespace -> ppWorkingNamespace (OBJ_A), ppResult NULL', a)

c = this(wmi.IWbemServices_GetObject())
c['strObjectPath']['asData'] = 'Win32_OperatingSystem=@'
c['lFlags'] = 0
c['pCtx'] = NULL
c['ppObject'] = NULL
c['ppCallResult'] = NULL
save('3.1.4.3.4-GetObject-request.hex', 'GetObject("Win32_OperatingSystem=@", 0, NULL, NULL, NULL)', c)
a = that(wmi.IWbemServices_GetObjectResponse())
a['ppObject'] = ppmip(OBJ_B)
a['ppCallResult'] = NULL
a['ErrorCode'] = 0
save('3.1.4.3.4-GetObject-response.hex', 'GetObject -> ppObject (28 opaque bytes 90..ab), ppCallResult NULL', a)

c = this(wmi.IWbemServices_ExecQuery())
c['strQueryLanguage']['asData'] = 'WQL'
c['strQuery']['asData'] = 'SELECT * FROM Win32_Process'
c['lFlags'] = 0x30
c['pCtx'] = NULL
save('3.1.4.3.18-ExecQuery-request.hex', 'ExecQuery("WQL", "SELECT * FROM Win32_Process", 0x30, NULL)', c)
a = that(wmi.IWbemServices_ExecQueryResponse())
a['ppEnum'] = mip(OBJ_A)
a['ErrorCode'] = 0
save('3.1.4.3.18-ExecQuery-response.hex', 'ExecQuery -> ppEnum (OBJ_A), S_OK', a)

c = this(wmi.IWbemServices_CreateInstanceEnum())
c['strSuperClass']['asData'] = 'Win32_LogicalDisk'
c['lFlags'] = 0x20
c['pCtx'] = NULL
save('3.1.4.3.16-CreateInstanceEnum-request.hex', 'CreateInstanceEnum("Win32_LogicalDisk", 0x20, NULL)', c)

c = this(wmi.IWbemServices_ExecMethod())
c['strObjectPath']['asData'] = 'Win32_Process'
c['strMethodName']['asData'] = 'Create'
c['lFlags'] = 0
c['pCtx'] = NULL
c['pInParams'] = mip(OBJ_B)
c['ppOutParams'] = NULL
c['ppCallResult'] = NULL
save('3.1.4.3.22-ExecMethod-request.hex', 'ExecMethod("Win32_Process", "Create", 0, NULL, OBJ_B, NULL, NULL)', c)
a = that(wmi.IWbemServices_ExecMethodResponse())
a['ppOutParams'] = ppmip(OBJ_B)
a['ppCallResult'] = NULL
a['ErrorCode'] = 0
save('3.1.4.3.22-ExecMethod-response.hex', 'ExecMethod -> ppOutParams (OBJ_B), ppCallResult NULL', a)

# 3.1.4.4 IEnumWbemClassObject
save('3.1.4.4.1-Reset-request.hex', 'Reset()', this(wmi.IEnumWbemClassObject_Reset()))
a = that(wmi.IEnumWbemClassObject_ResetResponse())
a['ErrorCode'] = 0
save('3.1.4.4.1-Reset-response.hex', 'Reset -> S_OK', a)
c = this(wmi.IEnumWbemClassObject_Next())
c['lTimeout'] = 0xffffffff
c['uCount'] = 10
save('3.1.4.4.2-Next-request.hex', 'Next(WBEM_INFINITE, 10)', c)
a = that(wmi.IEnumWbemClassObject_NextResponse())
a['apObjects'] = [mip(OBJ_A), mip(OBJ_B)]
a.fields['apObjects'].fields['MaximumCount'] = 10
a['puReturned'] = 2
a['ErrorCode'] = 1
save('3.1.4.4.2-Next-response.hex', 'Next -> 2 of 10 (OBJ_A, OBJ_B), WBEM_S_FALSE', a)
c = this(wmi.IEnumWbemClassObject_NextAsync())
c['lTimeout'] = 5
c['pSink'] = mip(OBJ_B)
save('3.1.4.4.3-NextAsync-request.hex', 'NextAsync(5, OBJ_B) (impacket names uCount lTimeout)', c)
a = that(wmi.IEnumWbemClassObject_CloneResponse())
a['ppEnum'] = mip(OBJ_A)
a['ErrorCode'] = 0
save('3.1.4.4.4-Clone-response.hex', 'Clone -> ppEnum (OBJ_A)', a)
c = this(wmi.IEnumWbemClassObject_Skip())
c['lTimeout'] = 1000
c['uCount'] = 3
save('3.1.4.4.5-Skip-request.hex', 'Skip(1000, 3)', c)

# 3.1.4.5 IWbemCallResult
c = this(wmi.IWbemCallResult_GetResultObject())
c['lTimeout'] = 0
save('3.1.4.5.1-GetResultObject-request.hex', 'GetResultObject(WBEM_NO_WAIT)', c)
a = that(wmi.IWbemCallResult_GetResultStringResponse())
a['pstrResultString']['asData'] = 'Win32_Process.Handle="42"'
a['ErrorCode'] = 0
save('3.1.4.5.2-GetResultString-response.hex', 'GetResultString -> "Win32_Process.Handle=\\"42\\""', a)
a = that(wmi.IWbemCallResult_GetCallStatusResponse())
a['plStatus'] = 0x80041002 - (1 << 32)
a['ErrorCode'] = 0
save('3.1.4.5.4-GetCallStatus-response.hex', 'GetCallStatus -> plStatus WBEM_E_NOT_FOUND, S_OK', a)

# 3.1.4.7 IWbemWCOSmartEnum
class SmartNextRequestIdl(NDRCALL):
    commonHdr = (('ORPCthis', dcomrt.ORPCTHIS),)
    structure = (('proxyGUID', GUID), ('lTimeout', LONG), ('uCount', ULONG))


c = this(SmartNextRequestIdl())
c['proxyGUID'] = string_to_bin(PROXY_GUID)
c['lTimeout'] = -1
c['uCount'] = 100
save('3.1.4.7.1-SmartEnumNext-request.hex', 'IWbemWCOSmartEnum::Next(' + PROXY_GUID + ', WBEM_INFINITE, 100)', c,
     'IDL shape ([ref] REFGUID: the GUID inline; impacket sends a pointer id) from impacket dtypes GUID/LONG/ULONG; '
     'NDR gaps zeroed')


class PBYTE_ARRAY(NDRPOINTER):
    referent = (('Data', dcomrt.BYTE_ARRAY),)


class SmartNextIdl(NDRCALL):
    commonHdr = (('ORPCthat', dcomrt.ORPCTHAT),)
    structure = (('puReturned', ULONG), ('pdwBuffSize', ULONG), ('pBuffer', PBYTE_ARRAY), ('ErrorCode', ULONG))


a = that(SmartNextIdl())
a['puReturned'] = 1
a['pdwBuffSize'] = 12
a['pBuffer'] = list(b'WBEMDATA\x01\x02\x03\x04')
a['ErrorCode'] = 0
save('3.1.4.7.1-SmartEnumNext-response.hex', 'IWbemWCOSmartEnum::Next -> 1 object, 12-byte buffer',
     a, 'IDL shape (unique pointer on pBuffer) from impacket dcomrt BYTE_ARRAY + NDRPOINTER; NDR gaps zeroed, '
        'referent ids renumbered in wire order')

# 3.1.4.3 IWbemServices, change and async methods
c = this(wmi.IWbemServices_PutInstance())
c['pInst'] = mip(OBJ_B)
c['lFlags'] = 0x02
c['pCtx'] = NULL
c['ppCallResult'] = NULL
save('3.1.4.3.12-PutInstance-request.hex', 'PutInstance(OBJ_B, WBEM_FLAG_CREATE_ONLY, NULL, NULL)', c)
a = that(wmi.IWbemServices_PutInstanceResponse())
a['ppCallResult'] = ppmip(OBJ_A)
a['ErrorCode'] = 0
save('3.1.4.3.12-PutInstance-response.hex', 'PutInstance -> ppCallResult (OBJ_A)', a)
c = this(wmi.IWbemServices_DeleteInstance())
c['strObjectPath']['asData'] = 'Jwmi_Test.Name="x"'
c['lFlags'] = 0
c['pCtx'] = mip(OBJ_A)
c['ppCallResult'] = NULL
save('3.1.4.3.14-DeleteInstance-request.hex', 'DeleteInstance("Jwmi_Test.Name=\\"x\\"", 0, OBJ_A, NULL)', c)
c = this(wmi.IWbemServices_ExecQueryAsync())
c['strQueryLanguage']['asData'] = 'WQL'
c['strQuery']['asData'] = 'SELECT Name FROM Win32_Service'
c['lFlags'] = 0
c['pCtx'] = NULL
c['pResponseHandler'] = mip(OBJ_B)
save('3.1.4.3.19-ExecQueryAsync-request.hex', 'ExecQueryAsync("WQL", "SELECT Name FROM Win32_Service", 0, NULL, OBJ_B)', c)
c = this(wmi.IWbemServices_GetObjectAsync())
c['strObjectPath']['asData'] = 'Win32_OperatingSystem=@'
c['lFlags'] = 0
c['pCtx'] = NULL
c['pResponseHandler'] = mip(OBJ_B)
save('3.1.4.3.5-GetObjectAsync-request.hex', 'GetObjectAsync("Win32_OperatingSystem=@", 0, NULL, OBJ_B)', c)
c = this(wmi.IWbemServices_CancelAsyncCall())
c['IWbemObjectSink'] = mip(OBJ_B)
save('3.1.4.3.2-CancelAsyncCall-request.hex', 'CancelAsyncCall(OBJ_B)', c)

# 3.1.4.2 IWbemObjectSink
c = this(wmi.IWbemObjectSink_Indicate())
c['lObjectCount'] = 2
c['apObjArray'] = [mip(OBJ_A), mip(OBJ_B)]
save('3.1.4.2.1-Indicate-request.hex', 'Indicate(2, [OBJ_A, OBJ_B])', c)
c = this(wmi.IWbemObjectSink_SetStatus())
c['lFlags'] = 0
c['hResult'] = 0x80041002 - (1 << 32)
c['strParam']['asData'] = 'x'
c['pObjParam'] = NULL
save('3.1.4.2.2-SetStatus-request.hex', 'SetStatus(WBEM_STATUS_COMPLETE, WBEM_E_NOT_FOUND, "x", NULL)', c)

# 3.1.4.12 IWbemRefreshingServices
REFRESHER_GUID = '0000cafe-0001-0002-0003-000400050006'
a = that(wmi.IWbemRefreshingServices_AddObjectToRefresherResponse())
a['pInfo']['m_lType'] = 3
a['pInfo']['m_Info']['tag'] = 3
a['pInfo']['m_Info']['m_Remote']['m_pRefresher'] = mip(OBJ_A)
a['pInfo']['m_Info']['m_Remote']['m_pTemplate'] = mip(OBJ_B)
a['pInfo']['m_Info']['m_Remote']['m_Guid'] = string_to_bin(REFRESHER_GUID)
a['pInfo']['m_lCancelId'] = 7
a['pdwSvrRefrVersion'] = 2
a['ErrorCode'] = 0
save('3.1.4.12.1-AddObjectToRefresher-response.hex',
     'AddObjectToRefresher -> REMOTE(OBJ_A, OBJ_B, ' + REFRESHER_GUID + '), cancel id 7, version 2', a)
a = that(wmi.IWbemRefreshingServices_AddObjectToRefresherResponse())
a['pInfo']['m_lType'] = 0
a['pInfo']['m_Info']['tag'] = 0
a['pInfo']['m_Info']['m_hres'] = 0x80041002 - (1 << 32)
a['pInfo']['m_lCancelId'] = 0
a['pdwSvrRefrVersion'] = 2
a['ErrorCode'] = 0x80041002
save('3.1.4.12.1-AddObjectToRefresher-response-invalid.hex',
     'AddObjectToRefresher -> INVALID(WBEM_E_NOT_FOUND), version 2, WBEM_E_NOT_FOUND', a)
a = that(wmi.IWbemRefreshingServices_GetRemoteRefresherResponse())
a['ppRemRefresher'] = mip(OBJ_A)
a['pGuid'] = string_to_bin(REFRESHER_GUID)
a['pdwSvrRefrVersion'] = 2
a['ErrorCode'] = 0
save('3.1.4.12.5-GetRemoteRefresher-response.hex', 'GetRemoteRefresher -> OBJ_A, ' + REFRESHER_GUID + ', 2', a)

from impacket.dcerpc.v5.dtypes import WSTR  # noqa: E402


class AddObjectToRefresherIdl(NDRCALL):
    commonHdr = (('ORPCthis', dcomrt.ORPCTHIS),)
    structure = (('pRefresherId', wmi._WBEM_REFRESHER_ID), ('wszPath', WSTR), ('lFlags', LONG),
                 ('pContext', dcomrt.PMInterfacePointer), ('dwClientRefrVersion', ULONG))


c = this(AddObjectToRefresherIdl())
c['pRefresherId']['m_szMachineName'] = 'HOST\x00'
c['pRefresherId']['m_dwProcessId'] = 4242
c['pRefresherId']['m_guidRefresherId'] = string_to_bin(REFRESHER_GUID)
c['wszPath'] = 'Win32_PerfRawData_PerfOS_Memory=@\x00'
c['lFlags'] = 0
c['pContext'] = NULL
c['dwClientRefrVersion'] = 2
save('3.1.4.12.1-AddObjectToRefresher-request.hex',
     'AddObjectToRefresher({"HOST", 4242, ' + REFRESHER_GUID + '}, "Win32_PerfRawData_PerfOS_Memory=@", 0, NULL, 2)',
     c, 'IDL shape ([in, string] LPCWSTR wszPath is [ref]: no pointer id; impacket declares LPWSTR) from impacket '
        'wmi._WBEM_REFRESHER_ID + dtypes WSTR; NDR gaps zeroed, referent ids renumbered in wire order')

# More request shapes that impacket declares as the IDL does
c = this(wmi.IWbemServices_PutClassAsync())
c['pObject'] = mip(OBJ_A)
c['lFlags'] = 0x10
c['pCtx'] = NULL
c['pResponseHandler'] = mip(OBJ_B)
save('3.1.4.3.7-PutClassAsync-request.hex', 'PutClassAsync(OBJ_A, WBEM_FLAG_RETURN_IMMEDIATELY, NULL, OBJ_B)', c)
c = this(wmi.IWbemServices_ExecMethodAsync())
c['strObjectPath']['asData'] = 'Win32_Process.Handle="1"'
c['strMethodName']['asData'] = 'GetOwner'
c['lFlags'] = 0
c['pCtx'] = NULL
c['pInParams'] = NULL
c['pResponseHandler'] = mip(OBJ_B)
save('3.1.4.3.23-ExecMethodAsync-request.hex',
     'ExecMethodAsync("Win32_Process.Handle=\\"1\\"", "GetOwner", 0, NULL, NULL, OBJ_B)', c)
c = this(wmi.IWbemServices_QueryObjectSink())
c['lFlags'] = 0
save('3.1.4.3.3-QueryObjectSink-request.hex', 'QueryObjectSink(0)', c)
c = this(wmi.IWbemLevel1Login_RequestChallenge())
c['reserved1'] = NULL
c['reserved2'] = NULL
save('3.1.4.1.2-RequestChallenge-request.hex', 'RequestChallenge(NULL, NULL)', c)
c = this(wmi.IWbemLevel1Login_WBEMLogin())
c['reserved1'] = NULL
c['reserved2'] = NULL
c['reserved3'] = 0
c['reserved4'] = NULL
save('3.1.4.1.3-WBEMLogin-request.hex', 'WBEMLogin(NULL, NULL, 0, NULL)', c)
save('3.1.4.6.1-GetSmartEnum-request.hex', 'GetSmartEnum()', this(wmi.IWbemFetchSmartEnum_GetSmartEnum()))
