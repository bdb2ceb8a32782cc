#!/usr/bin/python3
# Regenerates the [MS-DCOM] 2.2 vectors in this directory from impacket's own dcomrt structures
# (python3-impacket as installed by Debian). Run with:
#   env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 generate.py
#
# Two kinds of vectors:
#  * impacket-*.hex: bytes exactly as impacket's IRemoteSCMActivator.RemoteCreateInstance (what
#    DCOMConnection.CoCreateInstanceEx calls) hands to the RPC layer, captured with a stand-in transport. Nothing is
#    normalised: NDR gaps hold impacket's marker bytes, properties are padded with 0xFA, the private type
#    serialization headers carry filler 0xCCCCCCCC and an unpadded ObjectBufferLength. Only decoded by the tests.
#  * all other files: golden bytes that our encoder must reproduce. impacket's NDR module is loaded with its gap
#    marker bytes (0xab, 0xbf, ...) turned into zeros; referent ids are set to 0x00020000, 0x00020004, ... in wire
#    order (impacket picks random ones); type serialization private headers get filler 0 and ObjectBufferLength
#    rounded up to a multiple of 8 with zero padding, as [MS-RPCE] 2.2.6.2 says (impacket sends 0xCCCCCCCC and
#    the unpadded length). Where impacket has no faithful structure, the script says so at the vector and packs
#    the bytes from the [MS-DCOM] packet diagram with struct.pack.
import importlib.util
import os
import random
import re
import struct
import sys

OUT = os.path.dirname(os.path.abspath(__file__))

CLSID_T = 'c0ffee00-1234-5678-9abc-def012345678'
IID_T = '11223344-5566-7788-99aa-bbccddeeff00'
IPID_T = '00001234-5678-9abc-def0-123456789abc'
IPID_REMUNK = '0000abcd-0001-0002-0304-050607080900'
OXID_T = 0x0123456789abcdef
OID_T = 0x1122334455667788
CID_T = '89abcdef-0123-4567-89ab-cdef01234567'
CTX_ID = 'aabbccdd-eeff-0011-2233-445566778899'
IID_IUNKNOWN = '00000000-0000-0000-c000-000000000046'
IID_IERRORINFO = '1cf2b120-547d-101b-8e65-08002b2bd119'
CLSID_ERROROBJECT = '0000031b-0000-0000-c000-000000000046'
CLSID_CONTEXTMARSHALER = '0000033b-0000-0000-c000-000000000046'
CLSID_ERROR_EXTENSION = '0000031c-0000-0000-c000-000000000046'
IID_ICONTEXT = '000001c0-0000-0000-c000-000000000046'


def write(name, what, data, source):
    with open(os.path.join(OUT, name), 'w') as f:
        f.write('# %s\n' % what)
        f.write('# Source: %s; built by generate.py in this directory.\n' % source)
        for i in range(0, len(data), 16):
            f.write(' '.join('%02x' % b for b in data[i:i + 16]) + '\n')


# --------------------------------------------------------------------------------------------------------------
# 1. What impacket really sends (unmodified impacket).
# --------------------------------------------------------------------------------------------------------------
def raw_vectors():
    from impacket.dcerpc.v5 import dcomrt
    from impacket.uuid import string_to_bin
    random.seed(20240611)
    dcomrt.generate = lambda: string_to_bin(CID_T)
    captured = {}

    class Captured(Exception):
        pass

    class StandInPortmap:
        def bind(self, iid):
            captured['bind'] = iid

        def request(self, req):
            captured['stub'] = req.getData()
            captured['abData'] = bytes(req['pActProperties']['abData'])
            raise Captured()

    try:
        dcomrt.IRemoteSCMActivator(StandInPortmap()).RemoteCreateInstance(string_to_bin(CLSID_T),
                                                                          string_to_bin(IID_T))
    except Captured:
        pass
    write('impacket-RemoteCreateInstance-request.hex',
          'IRemoteSCMActivator::RemoteCreateInstance request stub (ORPCTHIS, pUnkOuter NULL, pActProperties) for '
          'clsid %s, iid %s, cid %s' % (CLSID_T, IID_T, CID_T), captured['stub'],
          'impacket dcomrt.py IRemoteSCMActivator.RemoteCreateInstance, unmodified (random referent ids seeded, '
          'marker bytes and fillers as impacket sends them)')
    write('impacket-ActivationPropertiesIn-objref.hex',
          'pActProperties abData of the same request: OBJREF_CUSTOM carrying ActivationPropertiesIn',
          captured['abData'], 'impacket dcomrt.py IRemoteSCMActivator.RemoteCreateInstance, unmodified')


raw_vectors()
for m in [m for m in sys.modules if m.startswith('impacket')]:
    del sys.modules[m]

# --------------------------------------------------------------------------------------------------------------
# 2. Golden vectors: impacket with zeroed NDR gaps.
# --------------------------------------------------------------------------------------------------------------
spec = importlib.util.find_spec('impacket.dcerpc.v5.ndr')
src = open(spec.origin).read()
src = re.sub(r"b'\\x[0-9a-fA-F]{2}'\s*\*\s*(pad0?)", r"b'\\x00'*\1", src)
ndr = importlib.util.module_from_spec(spec)
sys.modules['impacket.dcerpc.v5.ndr'] = ndr
exec(compile(src, spec.origin, 'exec'), ndr.__dict__)

from impacket.dcerpc.v5 import dcomrt as d  # noqa: E402
from impacket.dcerpc.v5.dtypes import NULL  # noqa: E402
from impacket.dcerpc.v5.ndr import NDRCALL  # noqa: E402
from impacket.uuid import string_to_bin  # noqa: E402

SRC = 'impacket dcomrt.py structures (NDR gaps zeroed, referent ids fixed)'
SRC_TS1 = SRC + ', private header filler 0 and ObjectBufferLength padded to 8 as [MS-RPCE] 2.2.6.2 says'


def g(u):
    return string_to_bin(u)


def rid(ptr, n):
    ptr.fields['ReferentID'] = 0x00020000 + 4 * n


def ndr_bytes(obj):
    return obj.getData() + obj.getDataReferents()


def top_level(ptr_class, fill):
    """A pointer as a top-level parameter (id, then its referent), through an NDRCALL of one field."""
    class Call(NDRCALL):
        structure = (('p', ptr_class),)
    c = Call()
    fill(c['p'])
    rid(c.fields['p'], 0)
    return c.getData()


def ts1(obj):
    """A TypeSerialization1 object as [MS-RPCE] 2.2.6 wants it (see the header of this file)."""
    data = ndr_bytes(obj)
    body = data[16:]
    pad = (-len(body)) % 8
    return data[:8] + struct.pack('<LL', len(body) + pad, 0) + body + b'\x00' * pad


# ---- DUALSTRINGARRAY ------------------------------------------------------------------------------------------
def string_binding(tower, addr):
    s = d.STRINGBINDING()
    s['wTowerId'] = tower
    s['aNetworkAddr'] = addr + '\x00'
    return s.getData()


def security_binding(authn, princ, reserved=0xffff):
    s = d.SECURITYBINDING()
    s['wAuthnSvc'] = authn
    s['Reserved'] = reserved
    s['aPrincName'] = princ + '\x00'
    return s.getData()


def entries(strings, securities):
    """aStringArray bytes and wSecurityOffset: each list followed by a zero, an empty list as two zeros."""
    sb = b''.join(string_binding(t, a) for t, a in strings) + (b'\x00\x00' if strings else b'\x00\x00\x00\x00')
    sec = b''.join(security_binding(a, p) for a, p in securities) + (b'\x00\x00' if securities else b'\x00\x00' * 2)
    return sb + sec, len(sb) // 2


def packed_dsa(strings, securities):
    arr, off = entries(strings, securities)
    p = d.DUALSTRINGARRAYPACKED()
    p['wNumEntries'] = len(arr) // 2
    p['wSecurityOffset'] = off
    p['aStringArray'] = arr
    return p.getData()


def fill_dsa(dsa, strings, securities):
    arr, off = entries(strings, securities)
    dsa['wNumEntries'] = len(arr) // 2
    dsa['wSecurityOffset'] = off
    dsa['aStringArray'] = list(struct.unpack('<%dH' % (len(arr) // 2), arr))


RESOLVER = [(7, '127.0.0.1'), (7, 'JWMI-HOST')]
EXPORTER = [(7, '127.0.0.1[49667]'), (7, 'JWMI-HOST[49667]')]
SECURITY = [(10, ''), (16, 'host/jwmi-host')]

write('2.2.19.1-DUALSTRINGARRAY.hex', 'packet version: ncacn_ip_tcp 127.0.0.1 and JWMI-HOST; NTLM with no SPN, '
      'Kerberos host/jwmi-host', packed_dsa(RESOLVER, SECURITY), SRC + ' (DUALSTRINGARRAYPACKED, STRINGBINDING, '
      'SECURITYBINDING)')
write('2.2.19.1-DUALSTRINGARRAY-empty.hex', 'packet version with no bindings: the smallest array of 2.2.19.1',
      packed_dsa([], []), SRC + ' (DUALSTRINGARRAYPACKED)')
write('2.2.19.2-DUALSTRINGARRAY-ndr.hex', 'IDL version as a top-level [unique] DUALSTRINGARRAY* (as in '
      'ResolveOxid2): exporter bindings with endpoints',
      top_level(d.PDUALSTRINGARRAY, lambda p: fill_dsa(p, EXPORTER, SECURITY)), SRC + ' (PDUALSTRINGARRAY)')

# ---- COMVERSION, STDOBJREF, REMQIRESULT, REMINTERFACEREF ---------------------------------------------------------
c = d.COMVERSION()
c['MajorVersion'] = 5
c['MinorVersion'] = 7
write('2.2.11-COMVERSION.hex', 'COMVERSION 5.7', c.getData(), SRC)


def stdobjref(flags=0x1000, refs=5):
    s = d.STDOBJREF()
    s['flags'] = flags
    s['cPublicRefs'] = refs
    s['oxid'] = OXID_T
    s['oid'] = OID_T
    s['ipid'] = g(IPID_T)
    return s


write('2.2.18.2-STDOBJREF.hex', 'STDOBJREF SORF_NOPING, 5 public refs (packet version, also its NDR form: all '
      'fields naturally aligned)', stdobjref().getData(), SRC)
q = d.REMQIRESULT()
q['hResult'] = 0
q['std'] = stdobjref(0, 1)
write('2.2.24-REMQIRESULT.hex', 'REMQIRESULT S_OK, STDOBJREF flags 0, 1 public ref', q.getData(), SRC)
ir = d.REMINTERFACEREF()
ir['ipid'] = g(IPID_T)
ir['cPublicRefs'] = 5
ir['cPrivateRefs'] = 0
write('2.2.23-REMINTERFACEREF.hex', 'REMINTERFACEREF 5 public, 0 private', ir.getData(), SRC)

# ---- OBJREF ----------------------------------------------------------------------------------------------------
o = d.OBJREF_STANDARD()
o['iid'] = g(IID_T)
o['std'] = stdobjref()
o['saResAddr'] = packed_dsa(RESOLVER, SECURITY)
OBJREF_STD = o.getData()
write('2.2.18.4-OBJREF_STANDARD.hex', 'OBJREF_STANDARD iid %s, resolver bindings' % IID_T, OBJREF_STD, SRC)

o = d.OBJREF_HANDLER()
o['iid'] = g(IID_T)
o['std'] = stdobjref(0, 1)
o['clsid'] = g(CLSID_T)
o['saResAddr'] = packed_dsa([(7, '10.0.0.1')], [(9, 'RestrictedKrbHost/x')])
write('2.2.18.5-OBJREF_HANDLER.hex', 'OBJREF_HANDLER with handler clsid %s' % CLSID_T, o.getData(), SRC)

o = d.OBJREF_CUSTOM()
o['iid'] = g(IID_T)
o['clsid'] = g(CLSID_T)
o['cbExtension'] = 0
o['ObjectReferenceSize'] = 11
o['pObjectData'] = b'hello world'
write('2.2.18.6-OBJREF_CUSTOM.hex', 'OBJREF_CUSTOM of an unregistered clsid %s, 11 bytes "hello world", '
      'reserved = 11' % CLSID_T, o.getData(), SRC)


def context_bytes(props):
    """[MS-DCOM] 2.2.20 Context, packed from the diagram (impacket's Context class gives PropMarshalHeader a
    conformance count, which the diagram does not have)."""
    b = struct.pack('<HH', 1, 1) + g(CTX_ID) + struct.pack('<LLLLLLL', 2, 0, 0, 0, 0x12345, len(props), 1)
    for clsid, policy, flags, data in props:
        h = d.PROPMARSHALHEADER()
        h['clsid'] = g(clsid)
        h['policyId'] = g(policy)
        h['flags'] = flags
        h['cb'] = len(data)
        h['ctxProperty'] = data
        b += h.getData()
    return b


CONTEXT = context_bytes([('00000000-0000-0000-0000-000000000000', '01020304-0506-0708-090a-0b0c0d0e0f10', 2,
                          OBJREF_STD), (CLSID_T, '11111111-2222-3333-4444-555555555555', 4, b'envoy')])
write('2.2.20-Context.hex', 'Context 1.1 by value with a client property (OBJREF_STANDARD) and an envoy property '
      '("envoy")', CONTEXT, 'struct.pack from the [MS-DCOM] 2.2.20 diagram with impacket dcomrt.py PROPMARSHALHEADER')

o = d.OBJREF_EXTENDED()
o['iid'] = g(IID_T)
o['std'] = stdobjref()
dsa = d.DUALSTRINGARRAYPACKED()
arr, off = entries([(7, 'JWMI')], [(10, '')])
dsa['wNumEntries'] = len(arr) // 2
dsa['wSecurityOffset'] = off
dsa['aStringArray'] = arr
o['saResAddr'] = dsa
o['nElms'] = 1
o['Signature2'] = 0x4E535956
de = d.DATAELEMENT()
de['dataID'] = g(CTX_ID)
de['cbSize'] = len(CONTEXT)
de['cbRounded'] = (len(CONTEXT) + 7) & ~7
de['Data'] = CONTEXT + b'\x00' * (de['cbRounded'] - len(CONTEXT))
o['ElmArray'] = de
write('2.2.18.7-OBJREF_EXTENDED.hex', 'OBJREF_EXTENDED with an odd-length saResAddr (2 bytes of padding before '
      'nElms) and the Context of 2.2.20-Context.hex as envoy data', o.getData(), SRC)

# ---- MInterfacePointer -----------------------------------------------------------------------------------------
def fill_mip(m, data):
    m['ulCntData'] = len(data)
    m['abData'] = list(data)


write('2.2.14-MInterfacePointer.hex', 'a top-level [unique] MInterfacePointer* holding 2.2.18.4-OBJREF_STANDARD.hex',
      top_level(d.PMInterfacePointer, lambda m: fill_mip(m, OBJREF_STD)), SRC + ' (PMInterfacePointer)')


# ---- ORPCTHIS / ORPCTHAT ---------------------------------------------------------------------------------------
t = d.ORPCTHIS()
t['version']['MajorVersion'] = 5
t['version']['MinorVersion'] = 7
t['flags'] = 0
t['reserved1'] = 0
t['cid'] = g(CID_T)
t['extensions'] = NULL
write('2.2.13.3-ORPCTHIS.hex', 'ORPCTHIS 5.7, flags 0, cid %s, no extensions' % CID_T, ndr_bytes(t), SRC)


def error_object(iid, source, description, helpfile, help_context=0):
    """[MS-DCOM] 2.2.21.2 packed from the diagram (impacket's ErrorInfoString declares dwActual as an IID), with
    each signature 4-aligned."""
    b = struct.pack('<LL', 0, help_context) + g(iid)
    for s in (source, description, helpfile):
        b += b'\x00' * ((-len(b)) % 4)
        if s is None:
            b += struct.pack('<L', 0)
        else:
            n = len(s) + 1
            b += struct.pack('<LLLL', 0xffffffff, n, 0, n) + (s + '\x00').encode('utf-16le')
    return b


ERROR_OBJECT = error_object(IID_T, 'jwmi', 'Access is denied.', None, 7)
write('2.2.21.2-ErrorObjectData.hex', 'error object: iid %s, help context 7, Source "jwmi" (odd length: 2 bytes of '
      'padding follow), Description "Access is denied.", no HelpFile' % IID_T, ERROR_OBJECT,
      'struct.pack from the [MS-DCOM] 2.2.21.2 / 2.2.21.3 diagrams')

eo = d.OBJREF_CUSTOM()
eo['iid'] = g(IID_IERRORINFO)
eo['clsid'] = g(CLSID_ERROROBJECT)
eo['cbExtension'] = 0
eo['ObjectReferenceSize'] = len(ERROR_OBJECT)
eo['pObjectData'] = ERROR_OBJECT
ERROR_OBJREF = eo.getData()


def extent(uid, data):
    e = d.ORPC_EXTENT()
    e['id'] = g(uid)
    e['size'] = len(data)
    e['data'] = list(data + b'\x00' * ((-len(data)) % 8))
    return e


def extensions(extents):
    """A [unique] ORPC_EXTENT_ARRAY* with the extents, padded to an even count with a NULL element."""
    pa = d.PORPC_EXTENT_ARRAY()
    pa['size'] = len(extents)
    pa['reserved'] = 0
    for e in extents:
        pe = d.PORPC_EXTENT()
        pe['id'] = e['id']
        pe['size'] = e['size']
        pe['data'] = e['data']
        pa['extent'].append(pe)
    if len(extents) % 2:
        pa['extent'].append(NULL)
    return pa


t = d.ORPCTHIS()
t['version']['MajorVersion'] = 5
t['version']['MinorVersion'] = 6
t['flags'] = 0
t['reserved1'] = 0
t['cid'] = g(CID_T)
t['extensions'] = extensions([extent(CLSID_T, b'abc')])
rid(t.fields['extensions'], 0)
rid(t['extensions'].fields['extent'], 1)
rid(t['extensions']['extent'][0], 2)
write('2.2.13.3-ORPCTHIS-extensions.hex', 'ORPCTHIS 5.6 with one 3-byte extent of id %s (array of 2, second '
      'NULL)' % CLSID_T, ndr_bytes(t), SRC)

th = d.ORPCTHAT()
th['flags'] = 0
th['extensions'] = NULL
write('2.2.13.4-ORPCTHAT.hex', 'ORPCTHAT flags 0, no extensions', ndr_bytes(th), SRC)

th = d.ORPCTHAT()
th['flags'] = 0
th['extensions'] = extensions([extent(CLSID_ERROR_EXTENSION, ERROR_OBJREF), extent(CLSID_T, b'12345678')])
rid(th.fields['extensions'], 0)
rid(th['extensions'].fields['extent'], 1)
rid(th['extensions']['extent'][0], 2)
rid(th['extensions']['extent'][1], 3)
write('2.2.13.4-ORPCTHAT-errorinfo.hex', 'ORPCTHAT with the error-information extension (OBJREF_CUSTOM '
      'IID_IErrorInfo / CLSID_ErrorObject of 2.2.21.2-ErrorObjectData.hex) and an 8-byte extent of id %s'
      % CLSID_T, ndr_bytes(th), SRC)

# ---- activation properties -------------------------------------------------------------------------------------
ii = d.InstantiationInfoData()
ii['classId'] = g(CLSID_T)
ii['classCtx'] = 0x14
ii['actvflags'] = 0x22
ii['fIsSurrogate'] = 0
ii['cIID'] = 2
ii['instFlag'] = 0
for u in (IID_IUNKNOWN, IID_T):
    x = d.IID()
    x['Data'] = g(u)
    ii['pIID'].append(x)
ii['thisSize'] = 104
ii['clientCOMVersion']['MajorVersion'] = 5
ii['clientCOMVersion']['MinorVersion'] = 7
rid(ii.fields['pIID'], 0)
INSTANTIATION = ts1(ii)
write('2.2.22.2.1-InstantiationInfoData.hex', 'InstantiationInfoData clsid %s, classCtx 0x14, actvflags '
      'DISABLE_AAA|NO_FAILURE_LOG, IIDs IUnknown and %s, thisSize 104, client 5.7' % (CLSID_T, IID_T),
      INSTANTIATION, SRC_TS1)

sp = d.SpecialPropertiesData()
sp['dwSessionId'] = 0xffffffff
sp['fRemoteThisSessionId'] = 0
sp['fClientImpersonating'] = 0
sp['fPartitionIDPresent'] = 0
sp['dwDefaultAuthnLvl'] = 5
sp['guidPartition'] = b'\x00' * 16
sp['dwPRTFlags'] = 0
sp['dwOrigClsctx'] = 0x14
sp['dwFlags'] = 1
sp['Reserved0'] = 0
sp['Reserved'] = b'\x00' * 32
SPECIAL = ts1(sp)
write('2.2.22.2.2-SpecialPropertiesData.hex', 'SpecialPropertiesData any session, authn level 5, orig clsctx 0x14, '
      'SPD_FLAG_USE_CONSOLE_SESSION, reserved zero (standard layout: 84 bytes, padded to 88)', SPECIAL, SRC_TS1)


class SpecialPropertiesData_Alternate(d.TypeSerialization1):
    structure = (
        ('dwSessionId', d.ULONG), ('fRemoteThisSessionId', d.LONG), ('fClientImpersonating', d.LONG),
        ('fPartitionIDPresent', d.LONG), ('dwDefaultAuthnLvl', d.DWORD), ('guidPartition', d.GUID),
        ('dwPRTFlags', d.DWORD), ('dwOrigClsctx', d.DWORD), ('dwFlags', d.DWORD), ('Reserved3', '32s=""'),
    )


sa = SpecialPropertiesData_Alternate()
sa['dwSessionId'] = 3
sa['fRemoteThisSessionId'] = 1
sa['fClientImpersonating'] = 1
sa['fPartitionIDPresent'] = 0
sa['dwDefaultAuthnLvl'] = 2
sa['guidPartition'] = g(CTX_ID)
sa['dwPRTFlags'] = 0
sa['dwOrigClsctx'] = 0x10
sa['dwFlags'] = 0
sa['Reserved3'] = struct.pack('<8L', *range(1, 9))
write('2.2.22.2.2-SpecialPropertiesData_Alternate.hex', 'SpecialPropertiesData_Alternate session 3, partition %s, '
      'Reserved3 = 1..8 (80 bytes)' % CTX_ID, ts1(sa), SRC_TS1 + ' (a TypeSerialization1 subclass declared from '
      'the 2.2.22.2.2 IDL: impacket has only the standard layout)')

iid_ = d.InstanceInfoData()
iid_['fileName'] = 'C:\\data\\x.txt\x00'
iid_['mode'] = 0x12
iid_['ifdROT'] = NULL
iid_['ifdStg']['ulCntData'] = len(OBJREF_STD)
iid_['ifdStg']['abData'] = list(OBJREF_STD)
rid(iid_.fields['fileName'], 0)
rid(iid_.fields['ifdStg'], 1)
write('2.2.22.2.3-InstanceInfoData.hex', 'InstanceInfoData fileName C:\\data\\x.txt, mode 0x12, ifdROT NULL, ifdStg '
      '= 2.2.18.4-OBJREF_STANDARD.hex', ts1(iid_), SRC_TS1)

sr = d.ScmRequestInfoData()
sr['pdwReserved'] = NULL
sr['remoteRequest']['ClientImpLevel'] = 2
sr['remoteRequest']['cRequestedProtseqs'] = 2
sr['remoteRequest']['pRequestedProtseqs'].append(7)
sr['remoteRequest']['pRequestedProtseqs'].append(0x1f)
rid(sr.fields['remoteRequest'], 0)
rid(sr['remoteRequest'].fields['pRequestedProtseqs'], 1)
SCM_REQUEST = ts1(sr)
write('2.2.22.2.4-ScmRequestInfoData.hex', 'ScmRequestInfoData ClientImpLevel 2, protseqs ncacn_ip_tcp, ncacn_http',
      SCM_REQUEST, SRC_TS1)

ctx_objref = d.OBJREF_CUSTOM()
ctx_objref['iid'] = g(IID_ICONTEXT)
ctx_objref['clsid'] = g(CLSID_CONTEXTMARSHALER)
ctx_objref['cbExtension'] = 0
CLIENT_CTX = context_bytes([])
ctx_objref['ObjectReferenceSize'] = len(CLIENT_CTX)
ctx_objref['pObjectData'] = CLIENT_CTX
CTX_OBJREF = ctx_objref.getData()
ac = d.ActivationContextInfoData()
ac['clientOK'] = 0
ac['bReserved1'] = 0
ac['dwReserved1'] = 0
ac['dwReserved2'] = 0
ac['pIFDClientCtx']['ulCntData'] = len(CTX_OBJREF)
ac['pIFDClientCtx']['abData'] = list(CTX_OBJREF)
ac['pIFDPrototypeCtx'] = NULL
rid(ac.fields['pIFDClientCtx'], 0)
ACTIVATION_CONTEXT = ts1(ac)
write('2.2.22.2.5-ActivationContextInfoData.hex', 'ActivationContextInfoData with a client context (OBJREF_CUSTOM '
      'IID_IContext / CLSID_ContextMarshaler of an empty Context 1.1), no prototype context', ACTIVATION_CONTEXT,
      SRC_TS1)

li = d.LocationInfoData()
li['machineName'] = 'JWMI-HOST\x00'
li['processId'] = 0
li['apartmentId'] = 0
li['contextId'] = 0
rid(li.fields['machineName'], 0)
write('2.2.22.2.6-LocationInfoData.hex', 'LocationInfoData machineName JWMI-HOST, ids 0', ts1(li), SRC_TS1)
li = d.LocationInfoData()
li['machineName'] = NULL
LOCATION = ts1(li)
write('2.2.22.2.6-LocationInfoData-null.hex', 'LocationInfoData as sent: all NULL / 0', LOCATION, SRC_TS1)

si = d.SecurityInfoData()
si['dwAuthnFlags'] = 0
si['pServerInfo']['dwReserved1'] = 0
si['pServerInfo']['pwszName'] = 'jwmi-host\x00'
si['pServerInfo']['pdwReserved'] = NULL
si['pServerInfo']['dwReserved2'] = 0
si['pdwReserved'] = NULL
rid(si.fields['pServerInfo'], 0)
rid(si['pServerInfo'].fields['pwszName'], 1)
SECURITY_INFO = ts1(si)
write('2.2.22.2.7-SecurityInfoData.hex', 'SecurityInfoData with COSERVERINFO pwszName jwmi-host', SECURITY_INFO,
      SRC_TS1)

rp = d.ScmReplyInfoData()
rp['pdwReserved'] = 0
rp['remoteReply']['Oxid'] = OXID_T
fill_dsa(rp['remoteReply']['pdsaOxidBindings'], EXPORTER, SECURITY)
rp['remoteReply']['ipidRemUnknown'] = g(IPID_REMUNK)
rp['remoteReply']['authnHint'] = 5
rp['remoteReply']['serverVersion']['MajorVersion'] = 5
rp['remoteReply']['serverVersion']['MinorVersion'] = 7
rid(rp.fields['remoteReply'], 0)
rid(rp['remoteReply'].fields['pdsaOxidBindings'], 1)
SCM_REPLY = ts1(rp)
write('2.2.22.2.8-ScmReplyInfoData.hex', 'ScmReplyInfoData oxid 0x%x, exporter bindings, IRemUnknown %s, '
      'authnHint 5, server 5.7' % (OXID_T, IPID_REMUNK), SCM_REPLY, SRC_TS1 + ' (pdwReserved is a DWORD there: '
      'the same 4 zero bytes as a NULL pointer)')

po = d.PropsOutInfo()
po['cIfs'] = 2
for u in (IID_IUNKNOWN, IID_T):
    x = d.IID()
    x['Data'] = g(u)
    po['piid'].append(x)
for h in (0, 0x80004002):
    x = d.HRESULT()
    x['Data'] = h - (1 << 32) if h >= 1 << 31 else h  # HRESULT is a signed NDRLONG in impacket
    po['phresults'].append(x)
e0 = d.PMInterfacePointer()
e0['ulCntData'] = len(OBJREF_STD)
e0['abData'] = list(OBJREF_STD)
po['ppIntfData'].append(e0)
po['ppIntfData'].append(NULL)
rid(po.fields['piid'], 0)
rid(po.fields['phresults'], 1)
rid(po.fields['ppIntfData'], 2)
rid(e0, 3)
PROPS_OUT = ts1(po)
write('2.2.22.2.9-PropsOutInfo.hex', 'PropsOutInfo IUnknown S_OK with 2.2.18.4-OBJREF_STANDARD.hex, %s '
      'E_NOINTERFACE with NULL' % IID_T, PROPS_OUT, SRC_TS1)


def blob(destctx, props):
    """ACTIVATION_BLOB from normalised properties; the CustomHeader's private header filler zeroed."""
    b = d.ACTIVATION_BLOB()
    b['CustomHeader']['destCtx'] = destctx
    b['CustomHeader']['pdwReserved'] = NULL
    b['CustomHeader']['dwReserved'] = 0
    b['CustomHeader']['classInfoClsid'] = b'\x00' * 16
    data = b''
    for clsid, p in props:
        c_ = d.CLSID()
        c_['Data'] = g(clsid)
        b['CustomHeader']['pclsid'].append(c_)
        s = d.DWORD()
        s['Data'] = len(p)
        b['CustomHeader']['pSizes'].append(s)
        data += p
    b['Property'] = data
    rid(b['CustomHeader'].fields['pclsid'], 0)
    rid(b['CustomHeader'].fields['pSizes'], 1)
    raw = bytearray(b.getData())
    assert raw[8 + 12:8 + 16] == b'\xcc' * 4
    raw[8 + 12:8 + 16] = b'\x00' * 4
    body_len = struct.unpack_from('<L', raw, 8 + 8)[0]
    assert body_len % 8 == 0
    return bytes(raw)


ACT_IN = blob(2, [('000001b9-0000-0000-c000-000000000046', SPECIAL),
                  ('000001ab-0000-0000-c000-000000000046', INSTANTIATION),
                  ('000001a5-0000-0000-c000-000000000046', ACTIVATION_CONTEXT),
                  ('000001a6-0000-0000-c000-000000000046', SECURITY_INFO),
                  ('000001a4-0000-0000-c000-000000000046', LOCATION),
                  ('000001aa-0000-0000-c000-000000000046', SCM_REQUEST)])
write('2.2.22-ActivationPropertiesIn.hex', 'ActivationPropertiesIn blob in the order Windows clients use: '
      'SpecialSystemProperties, InstantiationInfo, ActivationContextInfo, SecurityInfo, ServerLocationInfo, '
      'ScmRequestInfo (the property vectors above); destCtx 2', ACT_IN, SRC_TS1 + ' (ACTIVATION_BLOB, CustomHeader)')
ACT_OUT = blob(2, [('00000339-0000-0000-c000-000000000046', PROPS_OUT),
                   ('000001b6-0000-0000-c000-000000000046', SCM_REPLY)])
write('2.2.22-ActivationPropertiesOut.hex', 'ActivationPropertiesOut blob: PropsOutInfo, ScmReplyInfo (the property '
      'vectors above); destCtx 2', ACT_OUT, SRC_TS1 + ' (ACTIVATION_BLOB, CustomHeader)')
