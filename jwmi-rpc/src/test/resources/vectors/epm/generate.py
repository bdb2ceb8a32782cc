#!/usr/bin/python3
# Regenerates the endpoint-mapper and management-interface vectors in this directory from impacket's own
# structures (python3-impacket as installed by Debian). Run with:
#   env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 generate.py
# impacket fills alignment gaps with marker bytes (0xab, 0xbf, ...); this script loads its NDR module with those
# markers turned into zeros, which is what the Java encoder sends, so the vectors compare byte for byte.
# Referent ids are forced to fixed values (impacket picks random ones).
import importlib.util
import os
import re
import socket
import sys

spec = importlib.util.find_spec('impacket.dcerpc.v5.ndr')
src = open(spec.origin).read()
src = re.sub(r"b'\\x[0-9a-fA-F]{2}'\s*\*\s*(pad0?)", r"b'\\x00'*\1", src)
ndr = importlib.util.module_from_spec(spec)
sys.modules['impacket.dcerpc.v5.ndr'] = ndr
exec(compile(src, spec.origin, 'exec'), ndr.__dict__)

from impacket.dcerpc.v5 import epm, mgmt          # noqa: E402
from impacket.dcerpc.v5.dtypes import ULONG      # noqa: E402
from impacket.dcerpc.v5.ndr import NDRCALL, NULL  # noqa: E402
from impacket.uuid import uuidtup_to_bin, string_to_bin  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))
EPM_IF = ('e1af8308-5d1f-11c9-91a4-08002b14a0fa', '3.0')
MGMT_IF = ('afa8bd80-7d8a-11c9-bef4-08002b102989', '1.0')
NDR20 = ('8a885d04-1ceb-11c9-9fe8-08002b104860', '2.0')
OBJ = '12345678-1234-abcd-ef00-0123456789ab'
HANDLE = '00112233-4455-6677-8899-aabbccddeeff'


def write(name, what, data):
    with open(os.path.join(OUT, name), 'w') as f:
        f.write('# %s\n' % what)
        f.write('# Source: impacket %s structures, built by generate.py in this directory (gaps zeroed).\n'
                % ('mgmt.py' if 'mgmt' in name else 'epm.py'))
        for i in range(0, len(data), 16):
            f.write(' '.join('%02x' % b for b in data[i:i + 16]) + '\n')


def tower(iface, port, ip, transfer=NDR20):
    i = epm.EPMRPCInterface()
    b = uuidtup_to_bin(iface)
    i['InterfaceUUID'] = b[:16]
    i['MajorVersion'] = int(iface[1].split('.')[0])
    i['MinorVersion'] = int(iface[1].split('.')[1])
    d = epm.EPMRPCDataRepresentation()
    d['DataRepUuid'] = uuidtup_to_bin(transfer)[:16]
    d['MajorVersion'] = int(transfer[1].split('.')[0])
    d['MinorVersion'] = int(transfer[1].split('.')[1])
    p = epm.EPMProtocolIdentifier()
    p['ProtIdentifier'] = epm.FLOOR_RPCV5_IDENTIFIER
    po = epm.EPMPortAddr()
    po['IpPort'] = port
    h = epm.EPMHostAddr()
    h['Ip4addr'] = socket.inet_aton(ip)
    t = epm.EPMTower()
    t['NumberOfFloors'] = 5
    t['Floors'] = i.getData() + d.getData() + p.getData() + po.getData() + h.getData()
    return t.getData()


def handle(u=None):
    h = epm.ept_lookup_handle_t()
    if u is not None:
        h['context_handle_uuid'] = string_to_bin(u)
    return h


class ept_lookup_handle_free(NDRCALL):
    opnum = 4
    structure = (('entry_handle', epm.ept_lookup_handle_t),)


class ept_lookup_handle_freeResponse(NDRCALL):
    structure = (('entry_handle', epm.ept_lookup_handle_t), ('status', ULONG))


class is_server_listeningResponse(NDRCALL):
    # C706 Appendix Q: [out] error_status_t *status, then the boolean32 return value
    structure = (('status', ULONG), ('rc', ULONG))


# --- C706 Appendix L tower -------------------------------------------------------------------------------
write('L-tower-ncacn_ip_tcp-epm.hex', 'ncacn_ip_tcp tower: epm v3.0, NDR20, port 135, 127.0.0.1',
      tower(EPM_IF, 135, '127.0.0.1'))

# --- ept_lookup --------------------------------------------------------------------------------------------
r = epm.ept_lookup()
r['inquiry_type'] = epm.RPC_C_EP_ALL_ELTS
r['object'] = NULL
r['Ifid'] = NULL
r['vers_option'] = epm.RPC_C_VERS_ALL
r['entry_handle'] = handle()
r['max_ents'] = 500
write('O-ept_lookup-request-all.hex', 'ept_lookup request: RPC_C_EP_ALL_ELTS, object NULL, Ifid NULL, '
      'RPC_C_VERS_ALL, null handle, max_ents 500 (what hept_lookup sends)', r.getData())

r = epm.ept_lookup()
r['inquiry_type'] = 3
r['object'] = string_to_bin(OBJ)
b = uuidtup_to_bin(MGMT_IF)
r['Ifid']['Uuid'] = b[:16]
r['Ifid']['VersMajor'] = 1
r['Ifid']['VersMinor'] = 0
r.fields['object'].fields['ReferentID'] = 1
r.fields['Ifid'].fields['ReferentID'] = 2
r['vers_option'] = epm.RPC_C_VERS_EXACT
r['entry_handle'] = handle(HANDLE)
r['max_ents'] = 2
write('O-ept_lookup-request-both.hex', 'ept_lookup request: RPC_C_EP_MATCH_BY_BOTH, object %s (id 1), Ifid mgmt '
      'v1.0 (id 2), RPC_C_VERS_EXACT, handle {0, %s}, max_ents 2' % (OBJ, HANDLE), r.getData())

resp = epm.ept_lookupResponse()
resp['entry_handle'] = handle(HANDLE)
resp['num_ents'] = 2
e1 = epm.ept_entry_t()
e1['object'] = b'\0' * 16
t1 = tower(EPM_IF, 135, '127.0.0.1')
e1['tower']['tower_length'] = len(t1)
e1['tower']['tower_octet_string'] = t1
e1.fields['tower'].fields['ReferentID'] = 0x00020000
e1['annotation'] = b'jwmi epm\x00'
e2 = epm.ept_entry_t()
e2['object'] = string_to_bin(OBJ)
t2 = tower(MGMT_IF, 49664, '10.1.2.3')
e2['tower']['tower_length'] = len(t2)
e2['tower']['tower_octet_string'] = t2
e2.fields['tower'].fields['ReferentID'] = 0x00020004
e2['annotation'] = b'\x00'
resp['entries'].append(e1)
resp['entries'].append(e2)
resp.fields['entries'].fields['MaximumCount'] = 2
resp['status'] = 0
write('O-ept_lookup-response-two.hex', 'ept_lookup response: handle {0, %s}, num_ents 2, max_count 2; '
      'entry 1 = nil object, epm tower 127.0.0.1[135] (id 0x20000), annotation "jwmi epm"; entry 2 = object %s, '
      'mgmt tower 10.1.2.3[49664] (id 0x20004), empty annotation; status 0' % (HANDLE, OBJ), resp.getData())

resp = epm.ept_lookupResponse()
resp['entry_handle'] = handle()
resp['num_ents'] = 0
resp['status'] = epm.RPC_NO_MORE_ELEMENTS
write('O-ept_lookup-response-empty.hex', 'ept_lookup response: null handle, num_ents 0, max_count 0, status '
      '0x16c9a0d6', resp.getData())

# --- ept_map -----------------------------------------------------------------------------------------------
m = epm.ept_map()
m['max_towers'] = 1
mt = tower(MGMT_IF, 0, '0.0.0.0')
m['map_tower']['tower_length'] = len(mt)
m['map_tower']['tower_octet_string'] = mt
m['entry_handle'] = handle()
m.fields['obj'].fields['ReferentID'] = 1
m.fields['map_tower'].fields['ReferentID'] = 2
write('O-ept_map-request.hex', 'ept_map request as hept_map(ncacn_ip_tcp) sends it: obj = nil UUID (id 1), '
      'map_tower mgmt v1.0 / NDR20 / port 0 / 0.0.0.0 (id 2), null handle, max_towers 1', m.getData())

mr = epm.ept_mapResponse()
mr['entry_handle'] = handle(HANDLE)
mr['num_towers'] = 1
tp = epm.twr_p_t()
tt = tower(MGMT_IF, 49664, '127.0.0.1')
tp['tower_length'] = len(tt)
tp['tower_octet_string'] = tt
tp.fields['ReferentID'] = 0x00020000
mr['ITowers'].append(tp)
mr.fields['ITowers'].fields['MaximumCount'] = 4
mr['status'] = 0
write('O-ept_map-response-one.hex', 'ept_map response: handle {0, %s}, num_towers 1, max_count 4; tower mgmt '
      'v1.0 127.0.0.1[49664] (id 0x20000); status 0' % HANDLE, mr.getData())

mr = epm.ept_mapResponse()
mr['entry_handle'] = handle()
mr['num_towers'] = 0
mr.fields['ITowers'].fields['MaximumCount'] = 1
mr['status'] = epm.RPC_NO_MORE_ELEMENTS
write('O-ept_map-response-not-registered.hex', 'ept_map response: null handle, num_towers 0, max_count 1, status '
      '0x16c9a0d6', mr.getData())

# --- ept_lookup_handle_free ------------------------------------------------------------------------------------
f = ept_lookup_handle_free()
f['entry_handle'] = handle(HANDLE)
write('O-ept_lookup_handle_free-request.hex', 'ept_lookup_handle_free request: handle {0, %s}' % HANDLE,
      f.getData())
fr = ept_lookup_handle_freeResponse()
fr['entry_handle'] = handle()
fr['status'] = 0
write('O-ept_lookup_handle_free-response.hex', 'ept_lookup_handle_free response: null handle, status 0',
      fr.getData())

# --- management interface ----------------------------------------------------------------------------------------
ir = mgmt.inq_if_idsResponse()
ir.fields['if_id_vector'].fields['ReferentID'] = 0x00020000
vec = ir['if_id_vector']
vec['count'] = 2
for n, iface in enumerate((EPM_IF, MGMT_IF)):
    p = epm.PRPC_IF_ID()
    b = uuidtup_to_bin(iface)
    p['Uuid'] = b[:16]
    p['VersMajor'] = int(iface[1].split('.')[0])
    p['VersMinor'] = int(iface[1].split('.')[1])
    p.fields['ReferentID'] = 0x00020004 + 4 * n
    vec['if_id'].append(p)
ir['status'] = 0
write('Q-rpc_mgmt_inq_if_ids-response.hex', 'rpc_mgmt_inq_if_ids response: vector (id 0x20000) count 2: epm v3.0 '
      '(id 0x20004), mgmt v1.0 (id 0x20008); status 0', ir.getData())

s = mgmt.inq_stats()
s['count'] = 4
write('Q-rpc_mgmt_inq_stats-request.hex', 'rpc_mgmt_inq_stats request: count 4', s.getData())
sr = mgmt.inq_statsResponse()
sr['count'] = 4
for v in (7, 6, 9, 8):
    sr['statistics'].append(v)
sr['status'] = 0
write('Q-rpc_mgmt_inq_stats-response.hex', 'rpc_mgmt_inq_stats response: count 4, statistics {7, 6, 9, 8}, '
      'status 0', sr.getData())

lr = is_server_listeningResponse()
lr['status'] = 0
lr['rc'] = 1
write('Q-rpc_mgmt_is_server_listening-response.hex', 'rpc_mgmt_is_server_listening response: status 0, '
      'result TRUE (1)', lr.getData())

pr = mgmt.inq_princ_name()
pr['authn_proto'] = 10
pr['princ_name_size'] = 256
write('Q-rpc_mgmt_inq_princ_name-request.hex', 'rpc_mgmt_inq_princ_name request: authn_proto 10 (NTLM), '
      'princ_name_size 256', pr.getData())
prr = mgmt.inq_princ_nameResponse()
prr['princ_name'] = b'HOST\\jwmi\x00'
prr.fields['princ_name'].fields['MaximumCount'] = 256
prr['status'] = 0
write('Q-rpc_mgmt_inq_princ_name-response.hex', 'rpc_mgmt_inq_princ_name response: max_count 256, '
      '"HOST\\jwmi" + NUL, status 0', prr.getData())
