#!/usr/bin/python3
# Independent peer for the endpoint mapper and management interface tests: impacket (python3-impacket) binds to
# ncacn_ip_tcp:127.0.0.1[port], lists the endpoint map with hept_lookup, maps one interface with hept_map, and
# calls rpc_mgmt_inq_if_ids / is_server_listening / inq_stats / inq_princ_name. Prints one JSON object.
#
# usage: epm_mgmt_peer.py PORT MAP_UUID MAP_VERSION [DOMAIN USER PASSWORD]
#   with credentials: NTLM at RPC_C_AUTHN_LEVEL_PKT_PRIVACY, else unauthenticated.
import json
import sys

from impacket.dcerpc.v5 import epm, mgmt, transport
from impacket.dcerpc.v5.rpcrt import RPC_C_AUTHN_LEVEL_PKT_PRIVACY, RPC_C_AUTHN_WINNT
from impacket.uuid import uuidtup_to_bin, bin_to_string

port = int(sys.argv[1])
map_if = uuidtup_to_bin((sys.argv[2], sys.argv[3]))
creds = sys.argv[4:7] if len(sys.argv) >= 7 else None


def connect():
    t = transport.DCERPCTransportFactory('ncacn_ip_tcp:127.0.0.1[%d]' % port)
    if creds:
        t.set_credentials(creds[1], creds[2], creds[0])
    dce = t.get_dce_rpc()
    if creds:
        dce.set_auth_type(RPC_C_AUTHN_WINNT)
        dce.set_auth_level(RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
    dce.connect()
    return dce


out = {'auth': 'ntlm-privacy' if creds else 'none'}

dce = connect()
entries = epm.hept_lookup(None, dce=dce)
out['lookup'] = [{
    'object': bin_to_string(e['object']).lower(),
    'annotation': e['annotation'][:-1].decode('latin-1'),
    'interface': str(e['tower']['Floors'][0]).lower(),
    'binding': epm.PrintStringBinding(e['tower']['Floors']),
} for e in entries]
dce.disconnect()

# hept_map binds again, so it gets a connection of its own
dce = connect()
out['map'] = epm.hept_map('127.0.0.1', map_if, protocol='ncacn_ip_tcp', dce=dce)
dce.disconnect()

dce = connect()
dce.bind(mgmt.MSRPC_UUID_MGMT)
resp = mgmt.hinq_if_ids(dce)
out['if_ids'] = ['%s v%d.%d' % (bin_to_string(i['Uuid']).lower(), i['VersMajor'], i['VersMinor'])
                 for i in resp['if_id_vector']['if_id']]
resp = mgmt.his_server_listening(dce)
out['listening_status'] = resp['status']
resp = mgmt.hinq_stats(dce)
out['stats'] = list(resp['statistics'])
resp = mgmt.hinq_princ_name(dce, authn_proto=RPC_C_AUTHN_WINNT, princ_name_size=256)
out['princ_status'] = resp['status']
out['princ_name'] = b''.join(resp['princ_name'])[:-1].decode('latin-1')
dce.disconnect()

print(json.dumps(out))
