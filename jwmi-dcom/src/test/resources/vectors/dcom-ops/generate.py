#!/usr/bin/python3
# Golden stubs of the [MS-DCOM] operations (IObjectExporter, IActivation, IRemoteSCMActivator, IRemUnknown,
# IRemUnknown2), built with python3-impacket's dcomrt NDRCALL structures. Run with:
#   env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 generate.py
#
# Normalisation, so that the bytes are what a conforming NDR encoder writes:
#  * impacket fills alignment gaps with marker bytes (0xaa, 0xbf, ...); its ndr module is loaded with those
#    turned into zeros;
#  * impacket picks random referent ids; every non-NULL pointer gets a sentinel id before encoding and the
#    sentinels are then renumbered 0x00020000, 0x00020004, ... in the order they appear on the wire.
# Where impacket's structure is not the IDL's, the script builds the IDL shape from impacket's own building blocks
# and says so in the vector's header: ServerAlive2 response (impacket's pReserved is a pointer), RemQueryInterface
# response (impacket reads a single REMQIRESULT without the array's max_count), RemQueryInterface2 (not in
# impacket).
import importlib.util
import os
import re
import struct
import sys

OUT = os.path.dirname(os.path.abspath(__file__))

spec = importlib.util.find_spec('impacket.dcerpc.v5.ndr')
src = open(spec.origin).read()
src = re.sub(r"b'\\x[0-9a-fA-F]{2}'\s*\*\s*(pad0?)", r"b'\\x00'*\1", src)
ndr = importlib.util.module_from_spec(spec)
sys.modules['impacket.dcerpc.v5.ndr'] = ndr
exec(compile(src, spec.origin, 'exec'), ndr.__dict__)

from impacket.dcerpc.v5 import dcomrt as d  # noqa: E402
from impacket.dcerpc.v5.dtypes import NULL, HRESULT  # noqa: E402
from impacket.dcerpc.v5.ndr import NDR, NDRCALL, NDRPOINTER, NDRUniConformantArray  # noqa: E402
from impacket.uuid import string_to_bin  # noqa: E402

SRC = 'impacket dcomrt.py NDRCALL structures (NDR gaps zeroed, referent ids renumbered in wire order)'

CLSID_T = 'c0ffee00-1234-5678-9abc-def012345678'
IID_T = '11223344-5566-7788-99aa-bbccddeeff00'
IID_U = '00000000-0000-0000-c000-000000000046'
IPID_T = '00001234-5678-9abc-def0-123456789abc'
IPID_2 = '0000beef-0001-0002-0003-000400050006'
IPID_REMUNK = '0000abcd-0001-0002-0304-050607080900'
CID_T = '89abcdef-0123-4567-89ab-cdef01234567'
OXID_T = 0x0123456789abcdef
OID_T = 0x1122334455667788
OID_2 = 0x0102030405060708
SETID_T = 0x8877665544332211
EXPORTER = [(7, '127.0.0.1[49667]'), (7, 'JWMI-HOST[49667]')]
RESOLVER = [(7, '127.0.0.1'), (7, 'JWMI-HOST')]
SECURITY = [(10, 'JWMI-HOST')]
# Opaque OBJREF bytes inside MInterfacePointers: the codecs carry abData as it is.
ABDATA = bytes(range(0x40, 0x40 + 44))
ABDATA2 = bytes(range(0x80, 0x80 + 36))

SENTINEL = 0x7a7a0000


def write(name, what, data, source=SRC):
    with open(os.path.join(OUT, name), 'w') as f:
        f.write('# %s\n' % what)
        f.write('# Source: %s; built by generate.py in this directory.\n' % source)
        for i in range(0, len(data), 16):
            f.write(' '.join('%02x' % b for b in data[i:i + 16]) + '\n')


def pointers(o, seen):
    if id(o) in seen:
        return
    seen.add(id(o))
    if isinstance(o, NDRPOINTER) and o.fields.get('ReferentID', 0) != 0:
        yield o
    for v in list(o.fields.values()):
        if isinstance(v, NDR):
            yield from pointers(v, seen)
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, NDR):
                    yield from pointers(x, seen)


def encode(call):
    ps = list(pointers(call, set()))
    for k, p in enumerate(ps):
        p.fields['ReferentID'] = SENTINEL + k
    data = bytearray(call.getData())
    n = 0
    i = 0
    while i + 4 <= len(data):
        v = struct.unpack_from('<L', data, i)[0]
        if SENTINEL <= v < SENTINEL + len(ps):
            struct.pack_into('<L', data, i, 0x00020000 + 4 * n)
            n += 1
            i += 4
        else:
            i += 1
    assert n == len(ps), 'found %d of %d referent ids' % (n, len(ps))
    return bytes(data)


def g(u):
    return string_to_bin(u)


def orpcthis(flags=0):
    t = d.ORPCTHIS()
    t['version']['MajorVersion'] = 5
    t['version']['MinorVersion'] = 7
    t['flags'] = flags
    t['reserved1'] = 0
    t['cid'] = g(CID_T)
    t['extensions'] = NULL
    return t


def orpcthat():
    t = d.ORPCTHAT()
    t['flags'] = 0
    t['extensions'] = NULL
    return t


def fill_dsa(dsa, strings, securities):
    sb = b''
    for t, a in strings:
        sb += struct.pack('<H', t) + (a + '\x00').encode('utf-16-le')
    sb += b'\x00\x00'
    sec = b''
    for t, p in securities:
        sec += struct.pack('<HH', t, 0xffff) + (p + '\x00').encode('utf-16-le')
    sec += b'\x00\x00'
    arr = sb + sec
    dsa['wNumEntries'] = len(arr) // 2
    dsa['wSecurityOffset'] = len(sb) // 2
    dsa['aStringArray'] = list(struct.unpack('<%dH' % (len(arr) // 2), arr))


def fill_mip(p, data):
    p['ulCntData'] = len(data)
    p['abData'] = list(data)


def hresults(values, cls=HRESULT):
    out = []
    for v in values:
        x = cls()
        x['Data'] = struct.unpack('<l', struct.pack('<L', v))[0] if cls is HRESULT else v
        out.append(x)
    return out


def iid(u):
    x = d.IID()
    x['Data'] = g(u)
    return x


# ---- IObjectExporter -------------------------------------------------------------------------------------------
q = d.ResolveOxid()
q['pOxid'] = OXID_T
q['cRequestedProtseqs'] = 2
q['arRequestedProtseqs'] = [7, 0x1f]
write('3.1.2.5.1.1-ResolveOxid-request.hex', 'ResolveOxid (and ResolveOxid2) request: OXID 0x0123456789abcdef, '
      'protseqs 7, 0x1f', encode(q))

r = d.ResolveOxidResponse()
fill_dsa(r['ppdsaOxidBindings'], EXPORTER, SECURITY)
r['pipidRemUnknown'] = g(IPID_REMUNK)
r['pAuthnHint'] = 5
r['ErrorCode'] = 0
write('3.1.2.5.1.1-ResolveOxid-response.hex', 'ResolveOxid response: exporter bindings 127.0.0.1[49667], '
      'JWMI-HOST[49667], NTLM JWMI-HOST; IRemUnknown IPID; authnHint 5', encode(r))

r = d.ResolveOxidResponse()
r['ppdsaOxidBindings'] = NULL
r['pipidRemUnknown'] = g('00000000-0000-0000-0000-000000000000')
r['pAuthnHint'] = 0
r['ErrorCode'] = 0x776
write('3.1.2.5.1.1-ResolveOxid-response-invalid.hex', 'ResolveOxid response: OR_INVALID_OXID, NULL bindings',
      encode(r))

q = d.SimplePing()
q['pSetId'] = SETID_T
write('3.1.2.5.1.2-SimplePing-request.hex', 'SimplePing request: SETID 0x8877665544332211', encode(q))

r = d.SimplePingResponse()
r['ErrorCode'] = 0x778
write('3.1.2.5.1.2-SimplePing-response.hex', 'SimplePing (or ServerAlive) response: OR_INVALID_SET', encode(r))

q = d.ComplexPing()
q['pSetId'] = 0
q['SequenceNum'] = 1
q['cAddToSet'] = 2
q['cDelFromSet'] = 0
for o in (OID_T, OID_2):
    x = d.OID()
    x['Data'] = o
    q['AddToSet'].append(x)
q['DelFromSet'] = NULL
write('3.1.2.5.1.3-ComplexPing-request.hex', 'ComplexPing request: new set, sequence 1, add two OIDs, delete none '
      '(NULL)', encode(q))

q = d.ComplexPing()
q['pSetId'] = SETID_T
q['SequenceNum'] = 2
q['cAddToSet'] = 0
q['cDelFromSet'] = 1
q['AddToSet'] = NULL
x = d.OID()
x['Data'] = OID_2
q['DelFromSet'].append(x)
write('3.1.2.5.1.3-ComplexPing-request-del.hex', 'ComplexPing request: set 0x8877665544332211, sequence 2, add '
      'none (NULL), delete one OID', encode(q))

r = d.ComplexPingResponse()
r['pSetId'] = SETID_T
r['pPingBackoffFactor'] = 0
r['ErrorCode'] = 0
write('3.1.2.5.1.3-ComplexPing-response.hex', 'ComplexPing response: SETID 0x8877665544332211, backoff 0',
      encode(r))

write('3.1.2.5.1.4-ServerAlive-request.hex', 'ServerAlive (and ServerAlive2) request: no parameters',
      encode(d.ServerAlive()))

q = d.ResolveOxid2()
q['pOxid'] = OXID_T
q['cRequestedProtseqs'] = 1
q['arRequestedProtseqs'] = [7]
write('3.1.2.5.1.5-ResolveOxid2-request.hex', 'ResolveOxid2 request: OXID 0x0123456789abcdef, protseq 7',
      encode(q))

r = d.ResolveOxid2Response()
fill_dsa(r['ppdsaOxidBindings'], EXPORTER, SECURITY)
r['pipidRemUnknown'] = g(IPID_REMUNK)
r['pAuthnHint'] = 6
r['pComVersion']['MajorVersion'] = 5
r['pComVersion']['MinorVersion'] = 7
r['ErrorCode'] = 0
write('3.1.2.5.1.5-ResolveOxid2-response.hex', 'ResolveOxid2 response: exporter bindings, IRemUnknown IPID, '
      'authnHint 6, COM 5.7', encode(r))

class ServerAlive2ResponseIdl(NDRCALL):
    structure = (('pComVersion', d.COMVERSION), ('ppdsaOrBindings', d.PDUALSTRINGARRAY), ('pReserved', d.DWORD),
                 ('ErrorCode', d.error_status_t))


r = ServerAlive2ResponseIdl()
r['pComVersion']['MajorVersion'] = 5
r['pComVersion']['MinorVersion'] = 7
fill_dsa(r['ppdsaOrBindings'], RESOLVER, SECURITY)
r['pReserved'] = 0
r['ErrorCode'] = 0
write('3.1.2.5.1.6-ServerAlive2-response.hex', 'ServerAlive2 response: COM 5.7, resolver bindings 127.0.0.1, '
      'JWMI-HOST (no endpoints), NTLM JWMI-HOST', encode(r), SRC + '; impacket declares pReserved a unique pointer '
      '(LPLONG) although the IDL has [out, ref] DWORD*, so the response is assembled from impacket COMVERSION, '
      'PDUALSTRINGARRAY and DWORD as the IDL says (impacket reads the zero DWORD as a NULL pointer)')

# ---- IActivation ----------------------------------------------------------------------------------------------
q = d.RemoteActivation()
q['ORPCthis'] = orpcthis(flags=1)
q['Clsid'] = g(CLSID_T)
q['pwszObjectName'] = NULL
q['pObjectStorage'] = NULL
q['ClientImpLevel'] = 2
q['Mode'] = 0
q['Interfaces'] = 2
q['pIIDs'].append(iid(IID_T))
q['pIIDs'].append(iid(IID_U))
q['cRequestedProtseqs'] = 1
q['aRequestedProtseqs'] = [7]
write('3.1.2.5.2.3.1-RemoteActivation-request.hex', 'RemoteActivation request: clsid %s, iids %s and IUnknown, '
      'protseq 7, ORPCTHIS 5.7 flags 1' % (CLSID_T, IID_T), encode(q))

q = d.RemoteActivation()
q['ORPCthis'] = orpcthis()
q['Clsid'] = g(CLSID_T)
q['pwszObjectName'] = 'C:\\init.dat\x00'
fill_mip(q['pObjectStorage'], ABDATA2)
q['ClientImpLevel'] = 3
q['Mode'] = 0xffffffff
q['Interfaces'] = 1
q['pIIDs'].append(iid(IID_T))
q['cRequestedProtseqs'] = 0
q['aRequestedProtseqs'] = []
write('3.1.2.5.2.3.1-RemoteActivation-request-named.hex', 'RemoteActivation request with an object name, an '
      'object storage pointer, Mode 0xFFFFFFFF and no protseqs', encode(q))

r = d.RemoteActivationResponse()
r['ORPCthat'] = orpcthat()
r['pOxid'] = OXID_T
fill_dsa(r['ppdsaOxidBindings'], EXPORTER, SECURITY)
r['pipidRemUnknown'] = g(IPID_REMUNK)
r['pAuthnHint'] = 5
r['pServerVersion']['MajorVersion'] = 5
r['pServerVersion']['MinorVersion'] = 7
r['phr'] = 0
p = d.PMInterfacePointer()
fill_mip(p, ABDATA)
r['ppInterfaceData'].append(p)
r['ppInterfaceData'].append(NULL)
r['pResults'] = hresults([0, 0x80004002])
r['ErrorCode'] = 0
write('3.1.2.5.2.3.1-RemoteActivation-response.hex', 'RemoteActivation response: one interface pointer, one '
      'E_NOINTERFACE (NULL pointer)', encode(r))

# ---- IRemoteSCMActivator --------------------------------------------------------------------------------------
q = d.RemoteGetClassObject()
q['ORPCthis'] = orpcthis(flags=1)
fill_mip(q['pActProperties'], ABDATA)
write('3.1.2.5.2.3.2-RemoteGetClassObject-request.hex', 'RemoteGetClassObject request: ORPCTHIS 5.7 flags 1, '
      'pActProperties (opaque abData)', encode(q))

q = d.RemoteCreateInstance()
q['ORPCthis'] = orpcthis(flags=1)
q['pUnkOuter'] = NULL
fill_mip(q['pActProperties'], ABDATA)
write('3.1.2.5.2.3.3-RemoteCreateInstance-request.hex', 'RemoteCreateInstance request: pUnkOuter NULL, '
      'pActProperties (opaque abData)', encode(q))

r = d.RemoteCreateInstanceResponse()
r['ORPCthat'] = orpcthat()
fill_mip(r['ppActProperties'], ABDATA2)
r['ErrorCode'] = 0
write('3.1.2.5.2.3.3-RemoteCreateInstance-response.hex', 'RemoteCreateInstance (or RemoteGetClassObject) '
      'response: ppActProperties (opaque abData), S_OK', encode(r))

r = d.RemoteCreateInstanceResponse()
r['ORPCthat'] = orpcthat()
r['ppActProperties'] = NULL
r['ErrorCode'] = 0x80040154
write('3.1.2.5.2.3.3-RemoteCreateInstance-response-classnotreg.hex', 'RemoteCreateInstance response: NULL '
      'ppActProperties, REGDB_E_CLASSNOTREG', encode(r))

# ---- IRemUnknown / IRemUnknown2 -------------------------------------------------------------------------------
q = d.RemQueryInterface()
q['ORPCthis'] = orpcthis()
q['ripid'] = g(IPID_T)
q['cRefs'] = 5
q['cIids'] = 2
q['iids'].append(iid(IID_T))
q['iids'].append(iid(IID_U))
write('3.1.1.5.6.1.1-RemQueryInterface-request.hex', 'RemQueryInterface request: ripid %s, 5 refs, two IIDs'
      % IPID_T, encode(q))


class REMQIRESULT_ARRAY(NDRUniConformantArray):
    item = d.REMQIRESULT


class PREMQIRESULT_ARRAY(NDRPOINTER):
    referent = (('Data', REMQIRESULT_ARRAY),)


class RemQueryInterfaceResponseIdl(NDRCALL):
    structure = (('ORPCthat', d.ORPCTHAT), ('ppQIResults', PREMQIRESULT_ARRAY), ('ErrorCode', d.error_status_t))


def remqiresult(hr, std):
    x = d.REMQIRESULT()
    x['hResult'] = struct.unpack('<l', struct.pack('<L', hr))[0]
    x['std']['flags'] = std[0]
    x['std']['cPublicRefs'] = std[1]
    x['std']['oxid'] = std[2]
    x['std']['oid'] = std[3]
    x['std']['ipid'] = g(std[4])
    return x


r = RemQueryInterfaceResponseIdl()
r['ORPCthat'] = orpcthat()
r['ppQIResults'].append(remqiresult(0, (0, 5, OXID_T, OID_T, IPID_2)))
r['ppQIResults'].append(remqiresult(0x80004002, (0, 0, 0, 0, '00000000-0000-0000-0000-000000000000')))
r['ErrorCode'] = 1
write('3.1.1.5.6.1.1-RemQueryInterface-response.hex', 'RemQueryInterface response: one STDOBJREF, one '
      'E_NOINTERFACE, S_FALSE', encode(r), SRC + '; the ppQIResults shape (unique pointer to a conformant array of '
      'REMQIRESULT) assembled from impacket REMQIRESULT, NDRUniConformantArray and NDRPOINTER as the IDL says')

r = RemQueryInterfaceResponseIdl()
r['ORPCthat'] = orpcthat()
r['ppQIResults'] = NULL
r['ErrorCode'] = 0x80010114
write('3.1.1.5.6.1.1-RemQueryInterface-response-invalid.hex', 'RemQueryInterface response: NULL ppQIResults, '
      'RPC_E_INVALID_OBJECT', encode(r), SRC + '; IDL shape as above')


def refs(items):
    out = []
    for ipid, pub, priv in items:
        x = d.REMINTERFACEREF()
        x['ipid'] = g(ipid)
        x['cPublicRefs'] = pub
        x['cPrivateRefs'] = priv
        out.append(x)
    return out


q = d.RemAddRef()
q['ORPCthis'] = orpcthis()
q['cInterfaceRefs'] = 2
for x in refs([(IPID_T, 5, 0), (IPID_2, 0, 2)]):
    q['InterfaceRefs'].append(x)
write('3.1.1.5.6.1.2-RemAddRef-request.hex', 'RemAddRef request: (IPID_T, 5 public), (IPID_2, 2 private)',
      encode(q))

r = d.RemAddRefResponse()
r['ORPCthat'] = orpcthat()
r['pResults'] = hresults([0, 0x800401fb], d.DWORD)
r['ErrorCode'] = 0x80070057
write('3.1.1.5.6.1.2-RemAddRef-response.hex', 'RemAddRef response: S_OK, CO_E_OBJNOTREG; E_INVALIDARG',
      encode(r))

q = d.RemRelease()
q['ORPCthis'] = orpcthis()
q['cInterfaceRefs'] = 1
for x in refs([(IPID_T, 1, 0)]):
    q['InterfaceRefs'].append(x)
write('3.1.1.5.6.1.3-RemRelease-request.hex', 'RemRelease request: (IPID_T, 1 public)', encode(q))

r = d.RemReleaseResponse()
r['ORPCthat'] = orpcthat()
r['ErrorCode'] = 0
write('3.1.1.5.6.1.3-RemRelease-response.hex', 'RemRelease response: S_OK', encode(r))


class RemQueryInterface2Idl(d.DCOMCALL):
    opnum = 6
    structure = (('ripid', d.REFIPID), ('cIids', d.USHORT), ('iids', d.IID_ARRAY))


class RemQueryInterface2ResponseIdl(d.DCOMANSWER):
    structure = (('phr', d.HRESULT_ARRAY), ('ppMIF', d.PMInterfacePointer_ARRAY), ('ErrorCode', d.error_status_t))


q = RemQueryInterface2Idl()
q['ORPCthis'] = orpcthis()
q['ripid'] = g(IPID_T)
q['cIids'] = 1
q['iids'].append(iid(IID_T))
write('3.1.1.5.7.1.1-RemQueryInterface2-request.hex', 'RemQueryInterface2 request: ripid IPID_T, one IID', encode(q),
      SRC + '; impacket has no RemQueryInterface2: assembled from DCOMCALL, REFIPID, USHORT and IID_ARRAY as the '
      'IDL says')

r = RemQueryInterface2ResponseIdl()
r['ORPCthat'] = orpcthat()
r['phr'] = hresults([0, 0x80004002])
p = d.PMInterfacePointer()
fill_mip(p, ABDATA)
r['ppMIF'].append(p)
r['ppMIF'].append(NULL)
r['ErrorCode'] = 1
write('3.1.1.5.7.1.1-RemQueryInterface2-response.hex', 'RemQueryInterface2 response: one interface pointer, one '
      'E_NOINTERFACE (NULL), S_FALSE', encode(r), SRC + '; assembled from DCOMANSWER, HRESULT_ARRAY and '
      'PMInterfacePointer_ARRAY as the IDL says')
